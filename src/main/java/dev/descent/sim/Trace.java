package dev.descent.sim;

import dev.descent.optim.Probe;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's rows {@code step, x, y, loss[, probes…]}: row 0 is the start, one row per step after it,
 * ending early at the first row that is not finite (divergence is a result, not an error).
 */
public final class Trace {

    private Trace() {
    }

    /**
     * One row; {@code probes} holds each probe's x and y values in probe order (empty without probes);
     * {@code batch} what the step's minibatch saw (null without minibatches, and in row 0).
     */
    public record Row(long step, double x, double y, double loss, double[] probes, Batch batch) {

        public Row(long step, double x, double y, double loss, double[] probes) {
            this(step, x, y, loss, probes, null);
        }

        public boolean isFinite() {
            return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(loss);
        }
    }

    /**
     * The minibatch of a step: its mean loss at the point where its gradient was taken, ‖g_batch − ∇f‖
     * there, and the epoch (from 0) it belongs to.
     */
    public record Batch(double loss, double gradError, long epoch) {
    }

    /** The minibatch columns a trace adds after the probes when the run draws minibatches. */
    public static final List<String> BATCH_COLUMNS = List.of("batch_loss", "grad_error", "epoch");

    /** Whether runs of this spec draw minibatches (and so rows carry a {@link Batch}). */
    public static boolean hasBatches(RunSpec spec) {
        return new Run(spec).sampling() != null;
    }

    /** Receives rows as they are produced. */
    @FunctionalInterface
    public interface Sink {
        void accept(Row row);
    }

    /** The probe column names, e.g. {@code m_x, m_y, v_x, v_y} ({@code hessian_eigenvalues_min, …_max} for a spectrum), of a run of this spec. */
    public static List<String> probeColumns(RunSpec spec) {
        List<String> names = new ArrayList<>();
        for (Probe p : new Run(spec).stepper().probes()) {
            for (String c : Probe.components(p.name())) {
                names.add(p.name() + "_" + c);
            }
        }
        return names;
    }

    /** Runs {@code steps} steps (fewer if it diverges) and hands every row to the sink. */
    public static void run(RunSpec spec, long steps, boolean withProbes, Sink sink) {
        Run run = new Run(spec);
        List<Probe> probes = withProbes ? run.stepper().probes() : List.of();
        double[] buf = new double[2];
        sink.accept(row(run, probes, buf, true));
        for (long t = 1; t <= steps && run.isFinite(); t++) {
            run.step();
            sink.accept(row(run, probes, buf, false));
        }
    }

    /**
     * What {@code trace --summary} reports: where the run stopped and what it cost.
     *
     * @param status    decided by {@link StatusRule}, as in the window (a run stops at a terminal status)
     * @param gradNorm  ‖∇f‖ of the surface, without noise, at the last point
     */
    public record Summary(RunStatus status, long steps, long functionEvaluations, long gradientEvaluations,
                          long uphillSteps, double x, double y, double loss, double gradNorm) {

        /** One JSON object on one line. */
        public String toJson() {
            return "{\"status\":\"" + status.word() + "\",\"steps\":" + steps
                    + ",\"function_evaluations\":" + functionEvaluations
                    + ",\"gradient_evaluations\":" + gradientEvaluations
                    + ",\"uphill_steps\":" + uphillSteps
                    + ",\"x\":" + json(x) + ",\"y\":" + json(y) + ",\"f\":" + json(loss)
                    + ",\"grad_norm\":" + json(gradNorm) + "}";
        }

        private static String json(double v) {
            return Double.isFinite(v) ? Double.toString(v) : "null";
        }
    }

    /**
     * Runs up to {@code steps} steps, stopping where the window's engine stops (converged, stalled,
     * escaped, diverged), and sums the run up.
     */
    public static Summary summarize(RunSpec spec, long steps) {
        Run run = new Run(spec);
        StatusRule rule = new StatusRule(spec.surface());
        double start = run.loss();
        double prev = start;
        long uphill = 0;
        double[] g = new double[2];
        spec.surface().gradient(run.x(), run.y(), g, 0);
        double gradNorm = Math.hypot(g[0], g[1]);
        RunStatus status = steps == 0 ? RunStatus.FINISHED : RunStatus.RUNNING;
        while (status == RunStatus.RUNNING) {
            double x0 = run.x();
            double y0 = run.y();
            run.step();
            if (run.loss() > prev) {
                uphill++;
            }
            prev = run.loss();
            spec.surface().gradient(run.x(), run.y(), g, 0);
            gradNorm = Math.hypot(g[0], g[1]);
            status = rule.after(run.x(), run.y(), run.loss(), start, gradNorm,
                    Math.hypot(run.x() - x0, run.y() - y0), run.steps(), steps);
        }
        return new Summary(status, run.steps(), run.functionEvaluations(), run.gradientEvaluations(), uphill,
                run.x(), run.y(), run.loss(), gradNorm);
    }

    /** All rows in a list. */
    public static List<Row> rows(RunSpec spec, long steps, boolean withProbes) {
        List<Row> rows = new ArrayList<>();
        run(spec, steps, withProbes, rows::add);
        return rows;
    }

    private static Row row(Run run, List<Probe> probes, double[] buf, boolean start) {
        double[] values = new double[2 * probes.size()];
        for (int i = 0; i < probes.size(); i++) {
            if (start) {
                values[2 * i] = Double.NaN;
                values[2 * i + 1] = Double.NaN;
            } else {
                probes.get(i).read(buf);
                values[2 * i] = buf[0];
                values[2 * i + 1] = buf[1];
            }
        }
        dev.descent.math.Sampling smp = run.sampling();
        Batch batch = smp == null || start ? null
                : new Batch(smp.lastBatchLoss(), smp.lastGradientError(), smp.epoch());
        return new Row(run.steps(), run.x(), run.y(), run.loss(), values, batch);
    }
}
