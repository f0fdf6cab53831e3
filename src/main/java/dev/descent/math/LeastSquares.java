package dev.descent.math;

/**
 * An objective that is a sum of squares, f(x) = Σᵢ rᵢ(x)², which is what Levenberg–Marquardt and
 * Gauss–Newton need.
 */
public interface LeastSquares extends Objective {

    /** Number of residuals m. */
    int residualCount();

    /**
     * The residuals r(x).
     *
     * @param x the point. Not modified.
     * @param r the residuals, length m. Modified.
     */
    void residuals(double[] x, double[] r);

    /**
     * The Jacobian ∂rᵢ/∂xⱼ, row-major m×n.
     *
     * @param x the point. Not modified.
     * @param j the Jacobian, length m·n. Modified.
     */
    void jacobian(double[] x, double[] j);
}
