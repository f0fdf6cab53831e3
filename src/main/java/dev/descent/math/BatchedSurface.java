package dev.descent.math;

/**
 * N independent runs on one 2-D surface seen as one objective of 2N variables,
 * F(x₁, …, x_N, y₁, …, y_N) = Σᵢ f(xᵢ, yᵢ). Its gradient is every run's gradient, so an elementwise
 * optimizer stepping it moves each run exactly as it would move alone.
 *
 * <p>The layout is a structure of arrays: all x first, then all y, so the loops over runs read
 * memory contiguously and the JIT can vectorise them. The surface's loop reads the x's from
 * {@code p} and writes ∂f/∂x into {@code grad} in place (both start at index 0); the y's and ∂f/∂y go
 * through arrays of the batch's own, because JDK 17's C2 does not vectorise a loop that also reads
 * {@code p[n + i]} or writes {@code grad[n + i]} (two offsets into one array). So a batch belongs to one
 * thread.
 */
public final class BatchedSurface implements Objective {

    private final Surface surface;
    private final int runs;
    private final double[] ys;
    private final double[] gy;

    public BatchedSurface(Surface surface, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("a batch needs at least one run, got " + runs);
        }
        this.surface = surface;
        this.runs = runs;
        this.ys = new double[runs];
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
        System.arraycopy(p, runs, ys, 0, runs);
        // x's are p's first half and ∂f/∂x is grad's: no copies (gx's scratch slot n is grad[n], written below)
        surface.gradients(p, ys, grad, gy, runs);
        System.arraycopy(gy, 0, grad, runs, runs);
        return Double.NaN;
    }
}
