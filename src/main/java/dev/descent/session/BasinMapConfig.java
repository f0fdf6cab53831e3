package dev.descent.session;

/**
 * The basin-of-attraction map drawn under a session's plot: which run's optimizer it maps, the run
 * whose optimizer it is compared with (a difference map), and the steps each start takes. A session
 * without a map has none ({@code null}); files written before maps were saved open without one.
 *
 * @param run         index of the run whose optimizer and settings are mapped
 * @param compareWith index of the run compared with (a difference map), or null for a plain map
 * @param steps       steps of every start, 1 … {@link #MAX_STEPS}; missing: {@link #DEFAULT_STEPS}
 */
public record BasinMapConfig(int run, Integer compareWith, Integer steps) {

    public static final int DEFAULT_STEPS = 300;
    public static final int MAX_STEPS = 100_000;

    public BasinMapConfig {
        steps = steps == null ? DEFAULT_STEPS : steps;
    }

    /** A plain map of run {@code run}. */
    public static BasinMapConfig of(int run) {
        return new BasinMapConfig(run, null, DEFAULT_STEPS);
    }

    public BasinMapConfig withRun(int r) {
        return new BasinMapConfig(r, compareWith, steps);
    }

    public BasinMapConfig withCompareWith(Integer other) {
        return new BasinMapConfig(run, other, steps);
    }

    public BasinMapConfig withSteps(int n) {
        return new BasinMapConfig(run, compareWith, n);
    }

    /** This map for a session of {@code runs} runs: indices past the end are let go of (null: no run to map). */
    BasinMapConfig fitTo(int runs) {
        if (runs == 0) {
            return null;
        }
        int r = Math.min(Math.max(run, 0), runs - 1);
        Integer c = compareWith == null || compareWith < 0 || compareWith >= runs || compareWith == r ? null : compareWith;
        return r == run && java.util.Objects.equals(c, compareWith) ? this : new BasinMapConfig(r, c, steps);
    }
}
