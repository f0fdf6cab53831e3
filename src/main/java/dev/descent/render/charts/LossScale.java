package dev.descent.render.charts;

import dev.descent.math.CriticalPoint;
import dev.descent.math.Surface;

/**
 * How the loss chart draws f when its log toggle is on. A log axis cannot show f ≤ 0 (a saddle, a
 * custom formula), so: where the surface's global minimum f* is known the chart shows the gap
 * f − f* on a log axis (it reaches every decade down to convergence); elsewhere a symmetric log,
 * linear within ±{@link #LINEAR} and logarithmic beyond, so negative, zero and positive losses all
 * show. With the toggle off the chart shows f itself on a linear axis.
 *
 * @param kind   which mapping
 * @param fStar  the known minimum value (GAP only)
 */
public record LossScale(Kind kind, double fStar) {

    public enum Kind { PLAIN, GAP, SYMLOG }

    /** Where the symmetric log turns from linear to logarithmic: |f| below this is drawn linearly. */
    public static final double LINEAR = 1e-3;

    public static final LossScale PLAIN = new LossScale(Kind.PLAIN, Double.NaN);
    public static final LossScale SYMLOG = new LossScale(Kind.SYMLOG, Double.NaN);

    /** The scale for a surface: the gap to its global minimum when known, else a symmetric log; plain without log. */
    public static LossScale of(Surface surface, boolean log) {
        if (!log) {
            return PLAIN;
        }
        double best = Double.POSITIVE_INFINITY;
        if (surface != null) {
            for (CriticalPoint p : surface.criticalPoints()) {
                if (p.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM) {
                    best = Math.min(best, surface.value(p.x(), p.y()));
                }
            }
        }
        return Double.isFinite(best) ? new LossScale(Kind.GAP, best) : SYMLOG;
    }

    /** Whether the chart's value axis is a log axis (only the gap's values, all ≥ 0, go on one). */
    public boolean logAxis() {
        return kind == Kind.GAP;
    }

    /** The value drawn for a loss f. */
    public double map(double f) {
        return switch (kind) {
            case PLAIN -> f;
            case GAP -> f - fStar;
            case SYMLOG -> symlog(f);
        };
    }

    /** The loss a drawn value stands for (the axis labels show losses, not drawn values). */
    public double unmap(double v) {
        return switch (kind) {
            case PLAIN -> v;
            case GAP -> v + fStar;
            case SYMLOG -> Math.abs(v) <= 1 ? v * LINEAR : Math.signum(v) * LINEAR * Math.pow(10, Math.abs(v) - 1);
        };
    }

    /** sign(f)·(1 + log10(|f|/c)) beyond c = {@link #LINEAR}, f/c within: integers are ±c·10^k, continuous and monotone. */
    static double symlog(double f) {
        double a = Math.abs(f);
        if (!(a > LINEAR)) {
            return f / LINEAR;
        }
        return Math.signum(f) * (1 + Math.log10(a / LINEAR));
    }

    /** The chart's title: says what is drawn. */
    public String title() {
        return switch (kind) {
            case PLAIN -> "Loss f(θ)";
            case GAP -> "Loss gap f − f* (log; f* = " + ChartFormat.number(fStar, 4) + ")";
            case SYMLOG -> "Loss f(θ) (symmetric log)";
        };
    }
}
