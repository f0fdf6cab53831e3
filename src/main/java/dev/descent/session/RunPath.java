package dev.descent.session;

import dev.descent.sim.RunSpec;
import dev.descent.sim.Trace;

/**
 * A run's points and losses from its start (row 0) to a step count, simulated headless with the
 * same code as the window; it ends early at its first non-finite row, like {@code trace}.
 */
public final class RunPath {

    private final double[] xs;
    private final double[] ys;
    private final double[] loss;
    private final double[] batchLoss;
    private final int rows;
    private final double lr;

    private RunPath(double[] xs, double[] ys, double[] loss, double[] batchLoss, int rows, double lr) {
        this.xs = xs;
        this.ys = ys;
        this.loss = loss;
        this.batchLoss = batchLoss;
        this.rows = rows;
        this.lr = lr;
    }

    /** Simulates {@code steps} steps of the spec (fewer when it diverges). */
    public static RunPath simulate(RunSpec spec, long steps) {
        if (steps < 0 || steps > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("steps must be between 0 and " + (Integer.MAX_VALUE - 1) + ", got " + steps);
        }
        int n = (int) steps + 1;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] loss = new double[n];
        double[] batch = new double[n];
        int[] count = {0};
        Trace.run(spec, steps, false, row -> {
            int i = count[0]++;
            xs[i] = row.x();
            ys[i] = row.y();
            loss[i] = row.loss();
            batch[i] = row.batch() == null ? Double.NaN : row.batch().loss();
        });
        return new RunPath(xs, ys, loss, batch, count[0], spec.optimizer().lr());
    }

    /** The same path cut after {@code steps} steps (shares the arrays). */
    public RunPath upTo(long steps) {
        return steps >= lastStep() ? this : new RunPath(xs, ys, loss, batchLoss, (int) steps + 1, lr);
    }

    /** Rows held: the start plus one per step taken. */
    public int rows() {
        return rows;
    }

    /** The last step simulated. */
    public long lastStep() {
        return rows - 1;
    }

    public double x(int step) {
        return xs[step];
    }

    public double y(int step) {
        return ys[step];
    }

    public double loss(int step) {
        return loss[step];
    }

    /**
     * The mean loss of the minibatch step {@code step} drew, at θ_{step−1} where its gradient was
     * taken; NaN in row 0 and without minibatches.
     */
    public double batchLoss(int step) {
        return batchLoss[step];
    }

    /** The optimizer's base learning rate η. */
    public double lr() {
        return lr;
    }

    public boolean finite(int step) {
        return Double.isFinite(xs[step]) && Double.isFinite(ys[step]) && Double.isFinite(loss[step]);
    }

    /** The first step at which the loss is below {@code tol}, or -1. */
    public long firstBelow(double tol) {
        for (int i = 0; i < rows; i++) {
            if (loss[i] < tol) {
                return i;
            }
        }
        return -1;
    }

    /** The first non-finite step, or -1 when the run stays finite. */
    public long firstNonFinite() {
        for (int i = 0; i < rows; i++) {
            if (!finite(i)) {
                return i;
            }
        }
        return -1;
    }

    /** ‖θ_step − θ_{step−1}‖. */
    public double stepLength(int step) {
        return Math.hypot(xs[step] - xs[step - 1], ys[step] - ys[step - 1]);
    }
}
