package dev.descent.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * What the steppers of the wrappers ({@link Lookahead}, {@link Sam}) share: the inner optimizer's
 * stepper, the wrapper's own step count, and the arrows: the inner optimizer's, then the wrapper's own.
 */
abstract class WrapperStepper implements Stepper {

    /** The inner optimizer's stepper, which takes the steps. */
    final Stepper inner;
    /** Steps taken, counted by the subclass's {@link #step}. */
    long t;

    WrapperStepper(Stepper inner) {
        this.inner = inner;
    }

    @Override
    public final long steps() {
        return t;
    }

    /** The inner optimizer's: it takes the steps (through Lookahead, a line search's t, not the lr). */
    @Override
    public final double stepLength(double lr) {
        return inner.stepLength(lr);
    }

    /** The inner optimizer's arrows, then {@link #ownVectors}. */
    @Override
    public final List<RoleVector> vectors() {
        List<RoleVector> vectors = new ArrayList<>(inner.vectors());
        vectors.addAll(ownVectors());
        return List.copyOf(vectors);
    }

    /** The wrapper's own arrows, drawn after the inner optimizer's. */
    abstract List<RoleVector> ownVectors();
}
