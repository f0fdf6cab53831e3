package dev.descent.render;

import java.util.Arrays;

/**
 * Contour levels: n values, strictly increasing, evenly spaced in a transformed value s.
 *
 * <ul>
 *   <li>{@link Scale#LINEAR}: s = f.</li>
 *   <li>{@link Scale#LOG}: s = ln(f − origin), for steep surfaces (Rosenbrock, Goldstein–Price).
 *       The origin is 0 when the field is positive, so levels are plain powers; when the field's
 *       minimum is ≤ 0 it is fmin − δ, i.e. the levels are those of log(f − fmin + δ).</li>
 * </ul>
 *
 * The n levels split the transformed range [s0, s1] into n + 1 equal bands: level k is at
 * s0 + (k + 1)·(s1 − s0)/(n + 1). Band b ∈ [0, n] holds the values with exactly b levels at or below
 * them; its colour is the colour map at t = (b + ½)/(n + 1), the same as the continuous colour at
 * the band's middle.
 *
 * <p>Immutable.
 */
public final class Levels {

    /** How to choose the scale: always linear, always log, or by the field's dynamic range. */
    public enum Mode { LINEAR, LOG, AUTO }

    public enum Scale { LINEAR, LOG }

    /** Log levels span at most this many decades of f − origin below the field's maximum. */
    public static final double MAX_DECADES = 5;

    /**
     * {@link Mode#AUTO} picks log levels when (q10 − fmin)/(q90 − fmin) of the field is below this:
     * when a tenth of the view lies in the bottom 2 % of the range, linear levels would crowd into
     * the steep walls and leave the valley empty. Measured on 400² grids: the quadratic bowl 0.074
     * (0.026 at condition number 100), Himmelblau 0.074, Matyas 0.027; Rosenbrock 0.005–0.014 over
     * any view around its valley, Beale 0.0003, Goldstein–Price 0.0007.
     */
    public static final double AUTO_LOG_THRESHOLD = 0.02;

    private final Scale scale;
    private final double origin;
    private final double s0;
    private final double s1;
    private final double step;
    private final double invStep;
    /** Bound on the error of x = (s − s0)/step as {@link #band} computes it. */
    private final double tolerance;
    private final double[] values;

    private Levels(Scale scale, double origin, double s0, double s1, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one contour level, got " + n);
        }
        if (n > 10_000) {
            throw new IllegalArgumentException("too many contour levels: " + n);
        }
        this.scale = scale;
        this.origin = origin;
        this.s0 = s0;
        this.s1 = s1;
        this.step = (s1 - s0) / (n + 1);
        this.invStep = 1 / step;
        double rounding = 1e-13 * (Math.abs(s0) + Math.abs(s1) + Math.abs(origin)) / step;
        this.tolerance = 1e-6 + rounding + (scale == Scale.LOG ? 2 * FAST_LN_ERROR / step : 0);
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = inverse(s0 + (k + 1) * step);
        }
        // guard against rounding making neighbours equal in a very narrow range
        for (int k = 1; k < n; k++) {
            if (!(v[k] > v[k - 1])) {
                v[k] = Math.nextUp(v[k - 1]);
            }
        }
        this.values = v;
    }

    /**
     * n linear levels strictly inside (lo, hi). A range too narrow for n distinct values is widened
     * about its centre.
     */
    public static Levels linear(double lo, double hi, int n) {
        requireFinite(lo, hi);
        // a range too narrow to hold n distinct doubles is widened about its centre
        double minSpan = 4.0 * (n + 1) * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)));
        if (!(hi - lo >= minSpan)) {
            double mid = lo / 2 + hi / 2;
            double w = Math.max(Math.max(Math.abs(mid) * 1e-9, 1e-12), minSpan);
            lo = mid - w;
            hi = mid + w;
        }
        return new Levels(Scale.LINEAR, 0, lo, hi, n);
    }

    /**
     * n levels spaced evenly in ln(f − origin) strictly inside (lo, hi); needs origin < lo < hi.
     */
    public static Levels log(double lo, double hi, double origin, int n) {
        requireFinite(lo, hi);
        if (!Double.isFinite(origin)) {
            throw new IllegalArgumentException("log levels need a finite origin, got " + origin);
        }
        if (!(lo > origin)) {
            throw new IllegalArgumentException("log levels need lo > origin, got lo=" + lo + ", origin=" + origin);
        }
        if (!(hi > lo)) {
            hi = origin + (lo - origin) * 10;
        }
        return new Levels(Scale.LOG, origin, Math.log(lo - origin), Math.log(hi - origin), n);
    }

    /**
     * n levels for a field: linear between its min and max, or log (see the class notes), or chosen
     * by {@link #prefersLog}. A field with no finite value gets levels over [0, 1].
     */
    public static Levels of(ScalarField field, Mode mode, int n) {
        if (!field.hasFiniteValues()) {
            return linear(0, 1, n);
        }
        double lo = field.min();
        double hi = field.max();
        boolean log = switch (mode) {
            case LINEAR -> false;
            case LOG -> true;
            case AUTO -> prefersLog(field);
        };
        if (!log || !(hi > lo)) {
            return linear(lo, hi, n);
        }
        return logFor(lo, hi, n);
    }

    /** Log levels for values in [fmin, fmax] (fmin < fmax): origin and bottom as in the class notes. */
    public static Levels logFor(double fmin, double fmax, int n) {
        requireFinite(fmin, fmax);
        double floorRatio = Math.pow(10, -MAX_DECADES);
        if (fmin > 0) {
            double lo = Math.max(fmin, fmax * floorRatio);
            return log(lo, fmax, 0, n);
        }
        double delta = (fmax - fmin) * floorRatio;
        if (!(delta > 0)) {
            delta = Math.max(Math.abs(fmin) * 1e-9, 1e-300);
        }
        double origin = fmin - delta;
        return log(fmin, fmax, origin, n);
    }

    /**
     * Whether the field's dynamic range calls for log levels: its 10th percentile lies in the bottom
     * {@link #AUTO_LOG_THRESHOLD} of the range up to its 90th percentile (both above the minimum).
     */
    public static boolean prefersLog(ScalarField field) {
        if (!field.hasFiniteValues()) {
            return false;
        }
        double min = field.min();
        double q10 = field.quantile(0.1) - min;
        double q90 = field.quantile(0.9) - min;
        return q90 > 0 && q10 / q90 < AUTO_LOG_THRESHOLD;
    }

    private static void requireFinite(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("level range must be finite, got [" + lo + ", " + hi + "]");
        }
    }

    public Scale scale() {
        return scale;
    }

    public boolean isLog() {
        return scale == Scale.LOG;
    }

    /** For log levels, the value subtracted before the log (0 for a positive field); 0 for linear. */
    public double origin() {
        return origin;
    }

    public int count() {
        return values.length;
    }

    /** Level k, in f. */
    public double value(int k) {
        return values[k];
    }

    /** A copy of the levels, in f, strictly increasing. */
    public double[] values() {
        return values.clone();
    }

    /** The transformed value s of f (−∞ for log levels at or below the origin). */
    public double transform(double f) {
        if (scale == Scale.LINEAR) {
            return f;
        }
        double g = f - origin;
        return g > 0 ? Math.log(g) : Double.NEGATIVE_INFINITY;
    }

    /** f of a transformed value s. */
    public double inverse(double s) {
        return scale == Scale.LINEAR ? s : origin + Math.exp(s);
    }

    /** Bottom of the transformed range (t = 0 of the colour map). */
    public double s0() {
        return s0;
    }

    /** Top of the transformed range (t = 1 of the colour map). */
    public double s1() {
        return s1;
    }

    /** f at the bottom of the colour range. */
    public double lower() {
        return inverse(s0);
    }

    /** f at the top of the colour range. */
    public double upper() {
        return inverse(s1);
    }

    /** Where f falls in the colour range: 0 at {@link #lower()}, 1 at {@link #upper()}, unclamped; NaN for NaN. */
    public double normalize(double f) {
        return (transform(f) - s0) / (s1 - s0);
    }

    /** Number of bands, {@code count() + 1}. */
    public int bandCount() {
        return values.length + 1;
    }

    /**
     * The band of f: how many levels are ≤ f, in [0, count()]; −1 for NaN. +∞ is in the top band.
     * O(1): computed from the even spacing in s, then checked against the level values.
     */
    public int band(double f) {
        if (!(f == f)) {
            return -1;
        }
        int n = values.length;
        // the band from the even spacing in s: level k sits at x = k + 1. A fast approximate log
        // will do; only when x falls within its error bound of a level are the values compared.
        double x;
        if (scale == Scale.LINEAR) {
            x = (f - s0) * invStep;
        } else {
            double g = f - origin;
            x = g > 0 ? (fastLn(g) - s0) * invStep : -1;
        }
        if (x < 1 - tolerance) {
            return 0;
        }
        if (x >= n + tolerance) {
            return n;
        }
        int b = (int) x;
        double frac = x - b;
        if (frac > tolerance && frac < 1 - tolerance) {
            return b;
        }
        b = Math.max(0, Math.min(b, n));
        while (b < n && values[b] <= f) {
            b++;
        }
        while (b > 0 && values[b - 1] > f) {
            b--;
        }
        return b;
    }

    /** Largest error of {@link #fastLn} (0.00529…, measured over the mantissa range). */
    static final double FAST_LN_ERROR = 0.0053;

    /** ln(g) for g > 0 within about 0.01, from the exponent bits and a quadratic in the mantissa. */
    static double fastLn(double g) {
        long bits = Double.doubleToRawLongBits(g);
        int e = (int) ((bits >>> 52) & 0x7FF) - 1023;
        double m = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L) - 1;
        return (e + m * (1.3465553 - 0.3465553 * m)) * 0.6931471805599453;
    }

    /** The colour-map position of band b, (b + ½)/(count() + 1). */
    public double bandCenter(int b) {
        return (b + 0.5) / (values.length + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Levels l && l.scale == scale && Double.compare(l.origin, origin) == 0
                && Double.compare(l.s0, s0) == 0 && Double.compare(l.s1, s1) == 0 && Arrays.equals(l.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + scale.hashCode();
    }

    @Override
    public String toString() {
        return values.length + " " + scale.name().toLowerCase(java.util.Locale.ROOT) + " levels from "
                + values[0] + " to " + values[values.length - 1] + (scale == Scale.LOG && origin != 0 ? " (origin " + origin + ")" : "");
    }
}
