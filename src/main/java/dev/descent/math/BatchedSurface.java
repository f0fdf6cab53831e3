package dev.descent.math;

/**
 * N independent runs on one 2-D surface seen as one objective of 2N variables,
 * F(x₁, …, x_N, y₁, …, y_N) = Σᵢ f(xᵢ, yᵢ). Its gradient is every run's gradient, so an elementwise
 * optimizer stepping it moves each run exactly as it would move alone.
 *
 * <p>The layout is a structure of arrays: all x first, then all y, so the loops over runs read
 * memory contiguously and the JIT can vectorise them.
 */
public final class BatchedSurface implements Objective {

    private final Surface surface;
    private final int runs;

    public BatchedSurface(Surface surface, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("a batch needs at least one run, got " + runs);
        }
        this.surface = surface;
        this.runs = runs;
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
        surface.gradients(p, grad, runs);
        return Double.NaN;
    }
}
