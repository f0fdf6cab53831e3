package dev.descent.export.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a session as the user set it up: plain data, no JavaFX, readable and writable by
 * Jackson. Hyperparameter values are JSON-friendly: numbers, booleans, strings, and two-element
 * lists for pairs such as {@code betas}.
 *
 * @param name            shown in the runs list and the legend
 * @param color           {@code #rrggbb}
 * @param optimizer       an optimizer id ({@code sgd}, {@code adam}, ...)
 * @param hyperparameters values that differ from the optimizer's defaults (any subset, torch's names)
 * @param schedule        a schedule id ({@code constant} when null)
 * @param scheduleParams  the schedule's parameter values
 * @param start           {x, y}; null means the surface's suggested start (filled in when a session is opened)
 * @param noise           {@code none}, {@code additive} or {@code multiplicative}
 * @param sigma           noise strength σ
 * @param seed            noise seed
 * @param visible         whether the trajectory is drawn (a hidden run still runs)
 * @param clipNorm        clip the gradient's norm to this, as torch's clip_grad_norm_; null or 0 = no clipping
 * @param batchSize       with noise {@code minibatch} on a surface made from data: the points per batch (the
 *                        seed shuffles them); null otherwise
 */
public record RunModel(String name, String color, String optimizer, Map<String, Object> hyperparameters,
                       String schedule, Map<String, Object> scheduleParams, double[] start,
                       String noise, double sigma, long seed, Boolean visible, Double clipNorm, Integer batchSize) {

    public RunModel {
        hyperparameters = hyperparameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        scheduleParams = scheduleParams == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scheduleParams));
        schedule = schedule == null || schedule.isBlank() ? "constant" : schedule;
        noise = noise == null || noise.isBlank() ? "none" : noise;
        visible = visible == null ? Boolean.TRUE : visible;
        start = start == null ? null : start.clone();
    }

    /** A run without minibatches. */
    public RunModel(String name, String color, String optimizer, Map<String, Object> hyperparameters,
                    String schedule, Map<String, Object> scheduleParams, double[] start,
                    String noise, double sigma, long seed, Boolean visible, Double clipNorm) {
        this(name, color, optimizer, hyperparameters, schedule, scheduleParams, start, noise, sigma, seed, visible, clipNorm, null);
    }

    public static RunModel of(String name, String color, String optimizer, Map<String, Object> hyperparameters, double x, double y) {
        return new RunModel(name, color, optimizer, hyperparameters, null, null, new double[] {x, y}, null, 0, 0, true, null);
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

    public RunModel withName(String n) {
        return new RunModel(n, color, optimizer, hyperparameters, schedule, scheduleParams, start, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    public RunModel withColor(String c) {
        return new RunModel(name, c, optimizer, hyperparameters, schedule, scheduleParams, start, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    public RunModel withVisible(boolean v) {
        return new RunModel(name, color, optimizer, hyperparameters, schedule, scheduleParams, start, noise, sigma, seed, v, clipNorm, batchSize);
    }

    /** Another optimizer, with its default hyperparameters. */
    public RunModel withOptimizer(String id) {
        return new RunModel(name, color, id, Map.of(), schedule, scheduleParams, start, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    public RunModel withHyperparameter(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(hyperparameters);
        m.put(key, Values.toJson(value));
        return new RunModel(name, color, optimizer, m, schedule, scheduleParams, start, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    /** Another schedule, with its default parameters. */
    public RunModel withSchedule(String id) {
        return new RunModel(name, color, optimizer, hyperparameters, id, Map.of(), start, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    public RunModel withScheduleParam(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(scheduleParams);
        m.put(key, Values.toJson(value));
        return new RunModel(name, color, optimizer, hyperparameters, schedule, m, start, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    public RunModel withStart(double x, double y) {
        return new RunModel(name, color, optimizer, hyperparameters, schedule, scheduleParams, new double[] {x, y}, noise, sigma, seed, visible, clipNorm, batchSize);
    }

    /** Gradient clipping to norm {@code c} (0 = none). */
    public RunModel withClipNorm(double c) {
        return new RunModel(name, color, optimizer, hyperparameters, schedule, scheduleParams, start, noise, sigma, seed, visible,
                c == 0 ? null : c, batchSize);
    }

    public RunModel withNoise(String kind, double s, long sd) {
        return new RunModel(name, color, optimizer, hyperparameters, schedule, scheduleParams, start, kind, s, sd, visible, clipNorm, batchSize);
    }

    /** Minibatches of {@code b} points (null: none); the noise kind is set apart with {@link #withNoise}. */
    public RunModel withBatchSize(Integer b) {
        return new RunModel(name, color, optimizer, hyperparameters, schedule, scheduleParams, start, noise, sigma, seed, visible, clipNorm, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunModel r && java.util.Objects.equals(name, r.name) && java.util.Objects.equals(color, r.color)
                && java.util.Objects.equals(optimizer, r.optimizer) && hyperparameters.equals(r.hyperparameters)
                && schedule.equals(r.schedule) && scheduleParams.equals(r.scheduleParams)
                && java.util.Arrays.equals(start, r.start) && noise.equals(r.noise) && sigma == r.sigma
                && seed == r.seed && visible.equals(r.visible) && java.util.Objects.equals(clipNorm, r.clipNorm)
                && java.util.Objects.equals(batchSize, r.batchSize);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, color, optimizer, hyperparameters, schedule, java.util.Arrays.hashCode(start));
    }

    @Override
    public String toString() {
        return "RunModel[" + name + ", " + optimizer + " " + hyperparameters + ", start="
                + java.util.Arrays.toString(start) + "]";
    }
}
