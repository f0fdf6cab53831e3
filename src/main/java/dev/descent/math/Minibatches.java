package dev.descent.math;

import dev.descent.math.Objective;
import dev.descent.math.Sampling;

/**
 * The minibatch objective of a {@link DataSurface}: every gradient call takes the next batch of a
 * seeded shuffle. Exactly (docs/minibatch.md):
 *
 * <pre>
 *   rng = SplitMix64(seed)
 *   at the start of every epoch:  perm = [0, 1, …, N−1];  for i = N−1 down to 1: j = rng.below(i + 1); swap perm[i], perm[j]
 *   the epoch's batches are perm[0:B], perm[B:2B], …; the last holds the N mod B left over (if any)
 *   g_batch = (1/|batch|)·Σ_{i ∈ batch} ∇ℓᵢ(θ)
 * </pre>
 * A step costs O(B); the shuffle costs O(N) once an epoch, O(B) a step on average. Values
 * ({@link #value}) are full-batch; {@link #gradient} returns the batch's mean loss.
 */
final class Minibatches implements Objective, Sampling {

    private final DataSurface surface;
    private final int batchSize;
    private final SplitMix64 rng;
    private final int[] perm;
    private int position;
    private long epoch = -1;
    private long batches;
    private int from;
    private int to;
    private double lastLoss = Double.NaN;
    private boolean reuse;
    private final double[] lastPoint = new double[2];
    private final double[] lastGradient = new double[2];

    Minibatches(DataSurface surface, int batchSize, long seed) {
        int n = surface.size();
        if (batchSize < 1 || batchSize > n) {
            throw new IllegalArgumentException("Invalid batch size: " + batchSize + " (must be 1 to N = " + n + ")");
        }
        this.surface = surface;
        this.batchSize = batchSize;
        this.rng = new SplitMix64(seed);
        this.perm = new int[n];
        this.position = n;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] x) {
        return surface.value(x[0], x[1]);
    }

    @Override
    public double gradient(double[] x, double[] grad) {
        if (reuse && batches > 0) {
            reuse = false;
            return batchGradient(x, grad);
        }
        reuse = false;
        int n = perm.length;
        if (position >= n) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.below(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            position = 0;
            epoch++;
        }
        from = position;
        to = Math.min(position + batchSize, n);
        position = to;
        batches++;
        return batchGradient(x, grad);
    }

    /** The gradient on the batch perm[from:to] at x; remembered as the last batch's. */
    private double batchGradient(double[] x, double[] grad) {
        lastLoss = surface.batchGradient(x[0], x[1], perm, from, to, grad);
        lastPoint[0] = x[0];
        lastPoint[1] = x[1];
        lastGradient[0] = grad[0];
        lastGradient[1] = grad[1];
        return lastLoss;
    }

    @Override
    public void reuseLastBatch() {
        reuse = true;
    }

    @Override
    public boolean isStochastic() {
        return true;
    }

    @Override
    public boolean hasHessian() {
        return true;
    }

    /** The full-batch Hessian (methods that use one refuse minibatches anyway). */
    @Override
    public void hessian(double[] x, double[] h) {
        surface.hessian(x, h);
    }

    @Override
    public Sampling sampling() {
        return this;
    }

    @Override
    public int size() {
        return perm.length;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public long batches() {
        return batches;
    }

    @Override
    public boolean epochStarted() {
        return batches > 0 && from == 0;
    }

    @Override
    public int lastBatchLength() {
        return to - from;
    }

    @Override
    public int lastBatchIndex(int k) {
        return perm[from + k];
    }

    @Override
    public double lastBatchLoss() {
        return lastLoss;
    }

    @Override
    public double lastGradientError() {
        if (batches == 0) {
            return Double.NaN;
        }
        double[] g = new double[2];
        surface.gradient(lastPoint[0], lastPoint[1], g, 0);
        return Math.hypot(lastGradient[0] - g[0], lastGradient[1] - g[1]);
    }

    @Override
    public String toString() {
        return surface + " with minibatches of " + batchSize;
    }
}
