package dev.descent.optim;

import dev.descent.math.Objective;

/**
 * A method whose step couples a run's coordinates (a line search, curvature pairs, a Hessian), so it
 * steps run by run, and which refuses noisy gradients, saying why (see {@link Checks#exactGradients}).
 */
interface Coupled extends Optimizer {

    /** Why noisy gradients would mislead this method, for the refusal's message. */
    String whyExactGradients();

    /**
     * The reason of a method that compares gradients at two points (a line search, curvature pairs, CG's β):
     * "{@code what} compare gradients at two points, and noise makes them disagree".
     */
    static String comparesGradients(String what) {
        return what + " compare gradients at two points, and noise makes them disagree";
    }

    /** The noise policy: refuses noisy gradients, naming this method and why. */
    @Override
    default void checkObjective(Objective f) {
        Checks.exactGradients(kind().title(), whyExactGradients(), f);
    }

    @Override
    default boolean isElementwise() {
        return false;
    }
}
