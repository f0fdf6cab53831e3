package dev.descent.session;

import dev.descent.sim.Run;
import dev.descent.sim.RunSpec;

/**
 * A run's points and losses from its start (row 0) to a step count, simulated headless with the
 * same code as the window; it ends early at its first non-finite row, like {@code trace}.
 */
public final class RunPath {

    private final double[] xs;
    private final double[] ys;
    private final double[] loss;
    private final long[] gradients; // gradient evaluations spent up to each row
    private final double[] batchLoss;
    private final int rows;
    private final double lr;

    private RunPath(double[] xs, double[] ys, double[] loss, long[] gradients, double[] batchLoss, int rows, double lr) {
        this.xs = xs;
        this.ys = ys;
        this.loss = loss;
        this.gradients = gradients;
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
        long[] gradients = new long[n];
        double[] batch = new double[n];
        Run run = new Run(spec); // as Trace.run, keeping each row's evaluation count
        int rows = 0;
        do {
            if (rows > 0) {
                run.step();
            }
            xs[rows] = run.x();
            ys[rows] = run.y();
            loss[rows] = run.loss();
            gradients[rows] = run.gradientEvaluations();
            dev.descent.math.Sampling smp = run.sampling();
            batch[rows] = smp == null || rows == 0 ? Double.NaN : smp.lastBatchLoss();
            rows++;
        } while (rows < n && run.isFinite());
        return new RunPath(xs, ys, loss, gradients, batch, rows, spec.optimizer().lr());
    }

    /** The same path cut after {@code steps} steps (shares the arrays). */
    public RunPath upTo(long steps) {
        return steps >= lastStep() ? this : new RunPath(xs, ys, loss, gradients, batchLoss, (int) steps + 1, lr);
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

    /** The gradient evaluations spent from the start up to {@code step} (line searches count each trial). */
    public long gradientEvaluations(int step) {
        return gradients[step];
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
