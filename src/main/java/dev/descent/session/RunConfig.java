package dev.descent.session;

import dev.descent.math.GradientNoise;
import dev.descent.math.Surface;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedule;
import dev.descent.optim.Schedules;
import dev.descent.sim.RunSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run as the user set it up, whichever way it came in: the window, a session file or preset,
 * the command line ({@code cli.RunOptions}) or a golden header ({@link GoldenCase}) — each is a thin
 * adapter into this record, and {@link #toRunSpec} is the one place a {@link RunSpec} is built.
 * Plain data, no JavaFX, readable and writable by Jackson. Hyperparameter values are JSON-friendly:
 * numbers, booleans, strings, and two-element lists for pairs such as {@code betas}. Checked by
 * {@link ConfigChecks#run}.
 *
 * <p>A data set travels as the surface's parameters (its surface is made from data); the batch size
 * is a run's own.
 *
 * @param name            shown in the runs list and the legend
 * @param color           {@code #rrggbb}
 * @param optimizer       an optimizer id ({@code sgd}, {@code adam}, ...)
 * @param hyperparameters values that differ from the optimizer's defaults (any subset, torch's names)
 * @param schedule        a schedule id ({@code constant} when null)
 * @param scheduleParams  the schedule's parameter values
 * @param start           {x, y}; null means the surface's suggested start (filled in when a session is opened)
 * @param noise           {@code none}, {@code additive} or {@code multiplicative}
 * @param sigma           noise strength σ; null means {@link ConfigChecks#DEFAULT_SIGMA} (read only when noise is on)
 * @param seed            noise seed
 * @param visible         whether the trajectory is drawn (a hidden run still runs)
 * @param clipNorm        clip the gradient's norm to this, as torch's clip_grad_norm_; null or 0 = no clipping
 * @param batchSize       with noise {@code minibatch} on a surface made from data: the points per batch (the
 *                        seed shuffles them); null otherwise
 */
public record RunConfig(String name, String color, String optimizer, Map<String, Object> hyperparameters,
                       String schedule, Map<String, Object> scheduleParams, double[] start,
                       String noise, Double sigma, long seed, Boolean visible, Double clipNorm, Integer batchSize) {

    public RunConfig {
        hyperparameters = hyperparameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        scheduleParams = scheduleParams == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scheduleParams));
        schedule = schedule == null || schedule.isBlank() ? "constant" : schedule;
        noise = noise == null || noise.isBlank() ? "none" : noise;
        visible = visible == null ? Boolean.TRUE : visible;
        sigma = sigma == null ? ConfigChecks.DEFAULT_SIGMA : sigma;
        start = start == null ? null : start.clone();
    }

    /** A run without minibatches. */
    public RunConfig(String name, String color, String optimizer, Map<String, Object> hyperparameters,
                     String schedule, Map<String, Object> scheduleParams, double[] start,
                     String noise, Double sigma, long seed, Boolean visible, Double clipNorm) {
        this(name, color, optimizer, hyperparameters, schedule, scheduleParams, start, noise, sigma, seed, visible, clipNorm, null);
    }

    public static RunConfig of(String name, String color, String optimizer, Map<String, Object> hyperparameters, double x, double y) {
        return new RunConfig(name, color, optimizer, hyperparameters, null, null, new double[] {x, y}, null, null, 0, true, null);
    }

    /**
     * The simulation's spec of this run on {@code surface}: the one place a {@link RunSpec} is built
     * from settings. Builds the optimizer and schedule (which validate their values) once.
     *
     * @throws IllegalArgumentException with the validating code's message for anything invalid
     */
    public RunSpec toRunSpec(Surface surface) {
        if (optimizer == null || optimizer.isBlank()) {
            throw new IllegalArgumentException("Invalid optimizer: none given");
        }
        Optimizer o = Optimizers.find(optimizer).create(hyperparameters);
        o.checkObjective(surface);
        Schedule sch = Schedules.find(schedule).create(scheduleParams);
        GradientNoise.Kind kind = ConfigChecks.noiseKind(noise);
        if (kind == GradientNoise.Kind.MINIBATCH && batchSize == null) {
            throw new IllegalArgumentException("Invalid noise: minibatch needs a batch size (batchSize)");
        }
        GradientNoise n = kind == GradientNoise.Kind.NONE ? GradientNoise.NONE
                : kind == GradientNoise.Kind.MINIBATCH ? GradientNoise.minibatch(batchSize, seed)
                : new GradientNoise(kind, sigma, seed);
        double[] p = start == null ? surface.suggestedStart() : start;
        return new RunSpec(surface, n, o, sch, p[0], p[1], clipNorm == null ? 0 : clipNorm);
    }

    public boolean shown() {
        return visible;
    }

    public double x0() {
        return start[0];
    }

    public double y0() {
        return start[1];
    }

    public RunConfig withName(String n) {
        return new RunConfig(n, color, optimizer, hyperparameters, schedule, scheduleParams, start, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    public RunConfig withColor(String c) {
        return new RunConfig(name, c, optimizer, hyperparameters, schedule, scheduleParams, start, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    public RunConfig withVisible(boolean v) {
        return new RunConfig(name, color, optimizer, hyperparameters, schedule, scheduleParams, start, noise, sigma, seed, v, clipNorm, batchSize);
    }

    /** Another optimizer, with its default hyperparameters. */
    public RunConfig withOptimizer(String id) {
        return new RunConfig(name, color, id, Map.of(), schedule, scheduleParams, start, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    public RunConfig withHyperparameter(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(hyperparameters);
        m.put(key, Values.toJson(value));
        return new RunConfig(name, color, optimizer, m, schedule, scheduleParams, start, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    /** Another schedule, with its default parameters. */
    public RunConfig withSchedule(String id) {
        return new RunConfig(name, color, optimizer, hyperparameters, id, Map.of(), start, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    public RunConfig withScheduleParam(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(scheduleParams);
        m.put(key, Values.toJson(value));
        return new RunConfig(name, color, optimizer, hyperparameters, schedule, m, start, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    public RunConfig withStart(double x, double y) {
        return new RunConfig(name, color, optimizer, hyperparameters, schedule, scheduleParams, new double[] {x, y}, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    /** Gradient clipping to norm {@code c} (0 = none). */
    public RunConfig withClipNorm(double c) {
        return new RunConfig(name, color, optimizer, hyperparameters, schedule, scheduleParams, start, noise, sigma, seed, visible,
                c == 0 ? null : c, batchSize);
    }

    public RunConfig withNoise(String kind, double s, long sd) {
        return new RunConfig(name, color, optimizer, hyperparameters, schedule, scheduleParams, start, kind, s, sd, visible, clipNorm, batchSize);
    }

    /** Minibatches of {@code b} points (null: none); the noise kind is set apart with {@link #withNoise}. */
    public RunConfig withBatchSize(Integer b) {
        return new RunConfig(name, color, optimizer, hyperparameters, schedule, scheduleParams, start, noise, sigma, seed, visible, clipNorm, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunConfig r && java.util.Objects.equals(name, r.name) && java.util.Objects.equals(color, r.color)
                && java.util.Objects.equals(optimizer, r.optimizer) && hyperparameters.equals(r.hyperparameters)
                && schedule.equals(r.schedule) && scheduleParams.equals(r.scheduleParams)
                && java.util.Arrays.equals(start, r.start) && noise.equals(r.noise) && sigma.equals(r.sigma)
                && seed == r.seed && visible.equals(r.visible) && java.util.Objects.equals(clipNorm, r.clipNorm)
                && java.util.Objects.equals(batchSize, r.batchSize);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, color, optimizer, hyperparameters, schedule, java.util.Arrays.hashCode(start));
    }

    @Override
    public String toString() {
        return "RunConfig[" + name + ", " + optimizer + " " + hyperparameters + ", start="
                + java.util.Arrays.toString(start) + "]";
    }
}
