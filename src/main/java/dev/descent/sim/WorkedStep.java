package dev.descent.sim;

import dev.descent.optim.Probe;
import dev.descent.optim.Stepper;
import dev.descent.optim.WorkedLine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a run worked out with its numbers: the optimizer's lines ({@link Stepper#workedStep()})
 * filled with the probe values before and after step {@code t}, as the worked-step panel and the
 * {@code explain} command show them.
 *
 * @param t       the step (1 = the first)
 * @param lr      the learning rate the step was given
 * @param before  θ before the step
 * @param after   θ after it
 * @param lines   the filled lines
 * @param values  every quantity after the step by name: {@code theta}, {@code theta_before},
 *                {@code loss}, {@code loss_before}, {@code lr}, then the probes (one value per coordinate)
 */
public record WorkedStep(long t, double lr, double[] before, double[] after, List<Line> lines, Map<String, double[]> values) {

    /** A line with its numbers: "m", "β₁·m + (1 − β₁)·g", "0.9·(−1.2, 3) + 0.1·(…) = (…)". */
    public record Line(String symbol, String formula, String numbers, String tex, List<String> reads) {
    }

    /** The most steps {@link #at} takes to reach a step. */
    public static final long MAX_STEP = 10_000_000L;

    /**
     * Runs {@code spec} to step t − 1, then takes step t and works it out.
     *
     * @throws IllegalArgumentException when t is not from 1 to {@link #MAX_STEP}, or the run stops being
     *         finite before step t (naming the step)
     */
    public static WorkedStep at(RunSpec spec, long t) {
        if (t < 1 || t > MAX_STEP) {
            throw new IllegalArgumentException("Invalid step " + t + ": the worked step is from 1 to " + MAX_STEP);
        }
        Run run = new Run(spec);
        for (long k = 1; k < t; k++) {
            run.step();
            if (!run.isFinite()) {
                throw new IllegalArgumentException("the run left the finite plane at step " + k + ", before step " + t);
            }
        }
        Stepper s = run.stepper();
        List<Probe> probes = s.probes();
        Map<String, double[]> previous = read(probes);
        double[] before = {run.x(), run.y()};
        double lossBefore = run.loss();
        run.step();
        double[] after = {run.x(), run.y()};
        Map<String, double[]> now = read(probes);
        return fill(s.workedStep(), t, run.lastLr(), before, after, lossBefore, run.loss(), previous, now);
    }

    /**
     * The step that reached row {@code row} (≥ 1) of a frame's history, from the probe values recorded
     * there and in the row before (at row 1, the optimizer's initial state). Null when the row is out
     * of range or the row before is not the step before (a long run's history is thinned).
     */
    public static WorkedStep atRow(RunFrame frame, int row) {
        History.Snapshot h = frame.history();
        if (row < 1 || row >= h.rows() || h.get(0, row) - h.get(0, row - 1) != 1) {
            return null; // out of range, or an old stretch of a long run thinned to every other step
        }
        Stepper fresh = frame.spec().optimizer().newStepper(2);
        List<String> names = frame.probeNames();
        Map<String, double[]> previous = new LinkedHashMap<>();
        Map<String, double[]> now = new LinkedHashMap<>();
        Map<String, double[]> initial = row == 1 ? read(fresh.probes()) : Map.of();
        for (int k = 0; k < names.size(); k++) {
            int c = Engine.CHANNELS.size() + 2 * k;
            now.put(names.get(k), new double[] {h.get(c, row), h.get(c + 1, row)});
            previous.put(names.get(k), row == 1 ? initial.get(names.get(k)) : new double[] {h.get(c, row - 1), h.get(c + 1, row - 1)});
        }
        double[] before = {h.get(1, row - 1), h.get(2, row - 1)};
        double[] after = {h.get(1, row), h.get(2, row)};
        long t = (long) h.get(0, row);
        return fill(fresh.workedStep(), t, h.get(4, row), before, after, h.get(3, row - 1), h.get(3, row), previous, now);
    }

    private static Map<String, double[]> read(List<Probe> probes) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Probe p : probes) {
            double[] v = new double[2];
            p.read(v);
            out.put(p.name(), v);
        }
        return out;
    }

    private static WorkedStep fill(List<WorkedLine> declared, long t, double lr, double[] before, double[] after,
            double lossBefore, double loss, Map<String, double[]> previous, Map<String, double[]> now) {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("theta_before", before);
        values.put("theta", after);
        values.put("loss_before", new double[] {lossBefore});
        values.put("loss", new double[] {loss});
        values.put("lr", new double[] {lr});
        values.putAll(now);
        double[] delta = {after[0] - before[0], after[1] - before[1]};
        WorkedLine.Values lookup = (name, prev) -> switch (name) {
            case "theta" -> prev ? before : after;
            case "lr" -> new double[] {lr};
            case "t" -> new double[] {t};
            case "delta" -> delta;
            default -> prev ? previous.get(name) : now.get(name);
        };
        List<Line> lines = new ArrayList<>();
        for (WorkedLine w : declared) {
            lines.add(new Line(w.symbol(), w.formula(), w.fill(lookup), w.tex(), w.reads()));
        }
        return new WorkedStep(t, lr, before, after, List.copyOf(lines), Collections.unmodifiableMap(values));
    }

    /** The worked step as text: one line per quantity, "symbol = formula = numbers". */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        int width = 0;
        for (Line l : lines) {
            width = Math.max(width, l.symbol().codePointCount(0, l.symbol().length()));
        }
        for (Line l : lines) {
            int pad = width - l.symbol().codePointCount(0, l.symbol().length());
            sb.append(" ".repeat(pad)).append(l.symbol());
            if (!l.formula().equals(l.symbol())) {
                sb.append(" = ").append(l.formula());
            }
            if (!l.numbers().isEmpty()) {
                sb.append("\n").append(" ".repeat(width)).append(" = ").append(l.numbers());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
