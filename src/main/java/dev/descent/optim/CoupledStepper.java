package dev.descent.optim;

/**
 * What the steppers of the methods that couple a run's coordinates (BFGS, L-BFGS, CG, Newton) share:
 * the step count and the step length t the last step took along its direction, which the engine
 * reads as the row's {@code lr} ({@link Stepper#stepLength}).
 */
abstract class CoupledStepper implements Stepper {

    /** Coordinates of one run. */
    final int n;
    /** Steps taken. */
    long steps;
    /** The step length of the last step (a line search's t; 0 when it could not move). */
    double t;

    CoupledStepper(int n) {
        this.n = n;
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public final double stepLength(double lr) {
        return t;
    }

    /** The {@code grad} probe: the gradient at the point the step started from (in {@code g}). */
    Probe startGradient(double[] g, String description) {
        return new Probe("grad", "∇f", description, out -> System.arraycopy(g, 0, out, 0, n));
    }
}
