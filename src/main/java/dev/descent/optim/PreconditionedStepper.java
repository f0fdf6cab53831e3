package dev.descent.optim;

import java.util.List;

/**
 * A first-order stepper whose step is the gradient rescaled per coordinate without a momentum arrow of
 * its own (AdaGrad, Adadelta, Rprop, QHAdam): it draws −∇f, the preconditioned direction (its
 * {@code step} probe) and the step.
 */
abstract class PreconditionedStepper extends GradientStepper {

    PreconditionedStepper(int n, boolean maximize, double weightDecay) {
        super(n, maximize, weightDecay);
    }

    /** Without weight decay in g (see {@link GradientStepper#GradientStepper(int, boolean)}). */
    PreconditionedStepper(int n, boolean maximize) {
        super(n, maximize);
    }

    @Override
    public final List<RoleVector> vectors() {
        return RoleVector.preconditioned();
    }
}
