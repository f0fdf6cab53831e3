package dev.descent.math;

/**
 * A differentiable function of n real variables: the thing an optimizer minimises.
 *
 * <p>Implementations are stateless or own only scratch space; they are used by one thread at a time
 * (the simulation thread that owns the run).
 */
public interface Objective {

    /** Number of variables n. */
    int dimension();

    /**
     * f(x).
     *
     * @param x the point, length {@link #dimension()}. Not modified.
     */
    double value(double[] x);

    /**
     * ∇f(x), written into {@code grad}, and f(x) returned.
     *
     * @param x    the point. Not modified.
     * @param grad the gradient, length {@link #dimension()}. Modified.
     * @return f(x)
     */
    double gradient(double[] x, double[] grad);

    /**
     * Whether the gradient is a random draw (gradient noise) rather than the exact ∇f: methods that
     * compare gradients at two points (line searches, curvature pairs) refuse such an objective.
     */
    default boolean isStochastic() {
        return false;
    }

    /** Whether {@link #hessian} is available. */
    default boolean hasHessian() {
        return false;
    }

    /**
     * The Hessian ∇²f(x), row-major n×n.
     *
     * @param x the point. Not modified.
     * @param h the Hessian, length n·n. Modified.
     * @throws UnsupportedOperationException if {@link #hasHessian()} is false
     */
    default void hessian(double[] x, double[] h) {
        throw new UnsupportedOperationException("this objective has no Hessian");
    }

    /**
     * What the last minibatch was, for an objective that draws minibatches (through any wrappers);
     * null for every other objective.
     */
    default Sampling sampling() {
        return null;
    }
}
