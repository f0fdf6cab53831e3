package dev.descent.render.charts;

import java.util.Arrays;

/**
 * A chart series as plain arrays: {@code count} points (step, value), steps increasing, a NaN
 * value marking a gap. Owned and refilled by one {@link Decimator}; read on the thread that
 * fills it (the FX thread in the window).
 */
public final class Points {

    private double[] xs;
    private double[] ys;
    private int count;
    private long version;

    public Points() {
        this(16);
    }

    public Points(int capacity) {
        xs = new double[Math.max(1, capacity)];
        ys = new double[Math.max(1, capacity)];
    }

    /** Points copied from arrays (tests, fixed series). */
    public static Points of(double[] x, double[] y) {
        Points p = new Points(x.length);
        for (int i = 0; i < x.length; i++) {
            p.add(x[i], y[i]);
        }
        return p;
    }

    public int count() {
        return count;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    void clear() {
        count = 0;
        version++;
    }

    /** Changes whenever the points are refilled: a chart whose lines' versions are unchanged needs no redraw. */
    public long version() {
        return version;
    }

    void add(double x, double y) {
        if (count == xs.length) {
            xs = Arrays.copyOf(xs, count * 2);
            ys = Arrays.copyOf(ys, count * 2);
        }
        xs[count] = x;
        ys[count] = y;
        count++;
        version++;
    }

    /** Capacity of the arrays held (memory tests). */
    public int capacity() {
        return xs.length;
    }

    /**
     * The finite range of the values, {@code {min, max}}, only positive values when {@code positive};
     * null when there is none.
     */
    public double[] valueRange(boolean positive) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double v = ys[i];
            if (Double.isFinite(v) && (!positive || v > 0)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Points[");
        for (int i = 0; i < Math.min(count, 8); i++) {
            sb.append(i == 0 ? "" : ", ").append('(').append(xs[i]).append(", ").append(ys[i]).append(')');
        }
        return sb.append(count > 8 ? ", … " + count + " points]" : "]").toString();
    }
}
