package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.Params;

/**
 * A configured optimizer: validated hyperparameters and a factory for its state. Immutable and
 * shareable; each run gets its own {@link Stepper}.
 *
 * <p>Implementations validate in their constructor and throw {@link IllegalArgumentException} with
 * torch's message where torch has one ("Invalid learning rate: -1.0").
 */
public interface Optimizer {

    /**
     * The family this optimizer belongs to (its id, its parameter specs): by default the kind its class
     * declared with {@link OptimizerKind#of}.
     */
    default OptimizerKind kind() {
        return OptimizerKind.ofType(getClass());
    }

    /**
     * Every hyperparameter value, in the order of {@code kind().params()}; by default read through the
     * kind's declared {@link Hyper}s.
     */
    default Params hyperparameters() {
        return kind().valuesOf(this);
    }

    /** The base learning rate; a schedule scales it step by step. */
    double lr();

    /**
     * Fresh state for n coordinates.
     */
    Stepper newStepper(int n);

    /**
     * A faster stepper for a batch of independent runs whose caller checks the end points, or null
     * (the default) when there is none. It moves every coordinate bit for bit as {@link #newStepper}'s
     * does, except that a coordinate may turn NaN where {@link #newStepper}'s would not (Adam's FMA
     * quotient after √v overflowed to infinity); a caller that finds a NaN coordinate redoes the batch
     * with {@link #newStepper}.
     */
    default Stepper newBatchStepper(int n) {
        return null;
    }

    /**
     * Refuses an objective this optimizer cannot work on, so that a user interface or the command
     * line can reject a pairing before running it (Newton needs a Hessian; Levenberg–Marquardt needs
     * a sum of squares). Steppers of such optimizers call it again when they step.
     *
     * @param f the objective. Not modified.
     * @throws IllegalArgumentException saying what the optimizer needs and that f lacks it
     */
    default void checkObjective(Objective f) {
    }

    /**
     * Whether each coordinate's update reads only that coordinate's gradient and state, so that N
     * independent runs can be stepped as one flat array (see {@link dev.descent.math.BatchedSurface}).
     */
    default boolean isElementwise() {
        return true;
    }

    /** A short legend label, e.g. "Adam lr=0.05 β=(0.9,0.999)": the name and what differs from the defaults. */
    default String label() {
        return OptimizerLabels.label(this);
    }
}
