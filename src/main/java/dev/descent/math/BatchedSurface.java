package dev.descent.math;

/**
 * N independent runs on one 2-D surface seen as one objective of 2N variables,
 * F(x₁, …, x_N, y₁, …, y_N) = Σᵢ f(xᵢ, yᵢ). Its gradient is every run's gradient, so an elementwise
 * optimizer stepping it moves each run exactly as it would move alone.
 *
 * <p>The layout is a structure of arrays: all x first, then all y, so the loops over runs read
 * memory contiguously and the JIT can vectorise them. The gradient goes through separate x, y and
 * gradient arrays of its own (copies are cheap; a loop reading {@code p[n + i]} while writing
 * {@code grad[i]} cannot be vectorised), so a batch belongs to one thread.
 */
public final class BatchedSurface implements Objective {

    private final Surface surface;
    private final int runs;
    private final double[] xs;
    private final double[] ys;
    private final double[] gx;
    private final double[] gy;

    public BatchedSurface(Surface surface, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("a batch needs at least one run, got " + runs);
        }
        this.surface = surface;
        this.runs = runs;
        this.xs = new double[runs];
        this.ys = new double[runs];
        this.gx = new double[runs + 1];
        this.gy = new double[runs];
    }

    public Surface surface() {
        return surface;
    }

    public int runs() {
        return runs;
    }

    @Override
    public int dimension() {
        return 2 * runs;
    }

    @Override
    public double value(double[] p) {
        double sum = 0;
        for (int i = 0; i < runs; i++) {
            sum += surface.value(p[i], p[runs + i]);
        }
        return sum;
    }

    /** Returns NaN: the sum is of no use to anyone and costs a second evaluation per run. */
    @Override
    public double gradient(double[] p, double[] grad) {
        System.arraycopy(p, 0, xs, 0, runs);
        System.arraycopy(p, runs, ys, 0, runs);
        surface.gradients(xs, ys, gx, gy, runs);
        System.arraycopy(gx, 0, grad, 0, runs);
        System.arraycopy(gy, 0, grad, runs, runs);
        return Double.NaN;
    }
}
