package dev.descent.math;

import java.util.List;

/**
 * A 2-D loss surface f(x, y) with an analytic gradient and Hessian, the viewport that shows it
 * well, and its known stationary points.
 */
public abstract class Surface implements Objective {

    /** The id used on the command line and in files, e.g. {@code rosenbrock}. */
    public abstract String id();

    /** Display name, e.g. "Rosenbrock". */
    public abstract String title();

    /** One line for the UI: what the surface shows. */
    public abstract String description();

    /** The formula in plain text, e.g. "f = (1 − x)² + 100·(y − x²)²". */
    public abstract String formula();

    public abstract Viewport defaultViewport();

    /** Known minima, saddles and maxima, for markers and convergence checks. */
    public abstract List<CriticalPoint> criticalPoints();

    /** The values of this surface's parameters (empty for most). */
    public Params parameters() {
        return Params.EMPTY;
    }

    public abstract double value(double x, double y);

    /**
     * ∂f/∂x into {@code out[offset]} and ∂f/∂y into {@code out[offset + 1]}.
     *
     * @param out Modified.
     */
    public abstract void gradient(double x, double y, double[] out, int offset);

    /**
     * The Hessian [f_xx, f_xy, f_yx, f_yy] into {@code out[0..3]}.
     *
     * @param out Modified.
     */
    public abstract void hessian(double x, double y, double[] out);

    /**
     * Where a run starts unless the user says otherwise: the classic start where the literature has
     * one (Rosenbrock's (−1.2, 1)), otherwise the middle of the viewport's top-left quarter, which
     * keeps the start off the symmetric centre where many surfaces have their minimum.
     *
     * @return a new array {x, y}
     */
    public double[] suggestedStart() {
        Viewport v = defaultViewport();
        return new double[] {v.xMin() + 0.25 * v.width(), v.yMax() - 0.25 * v.height()};
    }

    /**
     * The gradients of n points given as separate arrays of x and y. Surfaces may override this with
     * a plain loop over i that the JIT vectorises (every array is read and written at index i only);
     * results must equal {@link #gradient(double, double, double[], int)} bit for bit.
     *
     * @param xs Not modified.
     * @param ys Not modified.
     * @param gx ∂f/∂x per point; length at least n + 1 (the default uses the extra slot). Modified.
     * @param gy ∂f/∂y per point. Modified.
     */
    public void gradients(double[] xs, double[] ys, double[] gx, double[] gy, int n) {
        for (int i = 0; i < n; i++) {
            gradient(xs[i], ys[i], gx, i); // ∂f/∂y lands in gx[i + 1], which point i + 1 overwrites
            gy[i] = gx[i + 1];
        }
    }

    /** The names of the two coordinates for the plot's axes: x and y, or a model's parameters (w, b). */
    public List<String> axisLabels() {
        return List.of("x", "y");
    }

    /**
     * The most nodes per side the plot should sample this surface on when it picks the grid itself;
     * 0 (the default) for no cap. A surface whose value is expensive (a sum over data) caps it so the
     * contours appear in well under a second; a smooth surface loses nothing visible.
     */
    public int maxGridResolution() {
        return 0;
    }

    @Override
    public final int dimension() {
        return 2;
    }

    @Override
    public final double value(double[] p) {
        return value(p[0], p[1]);
    }

    @Override
    public final double gradient(double[] p, double[] grad) {
        gradient(p[0], p[1], grad, 0);
        return value(p[0], p[1]);
    }

    @Override
    public final boolean hasHessian() {
        return true;
    }

    @Override
    public final void hessian(double[] p, double[] h) {
        hessian(p[0], p[1], h);
    }

    @Override
    public String toString() {
        Params p = parameters();
        return p.asMap().isEmpty() ? id() : id() + "(" + p + ")";
    }
}
