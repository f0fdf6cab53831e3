package dev.descent.render.charts;

import dev.descent.sim.History;

/**
 * Looking rows up by step in a run's history. The step channel (0) increases strictly from row to
 * row, also after the history thinned its older half, so a binary search finds any step.
 */
public final class Steps {

    private Steps() {
    }

    /** The first row whose step is above {@code step}; {@code rows()} when there is none. */
    public static int firstRowAfter(History.Snapshot h, double step) {
        return firstRowAfter(h, 0, step);
    }

    /** The first row whose value of the non-decreasing channel {@code x} is above {@code value}. */
    public static int firstRowAfter(History.Snapshot h, int x, double value) {
        int lo = 0;
        int hi = h.rows();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (h.get(x, mid) > value) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * The row of the run at {@code step}: the last row whose step is at most {@code step} (the exact
     * step when it was kept, otherwise the nearest earlier one); −1 when the history starts later.
     */
    public static int rowAtOrBefore(History.Snapshot h, double step) {
        return firstRowAfter(h, step) - 1;
    }

    /** The value of {@code channel} where the non-decreasing channel {@code x} is at most {@code value}; NaN when none. */
    public static double valueAt(History.Snapshot h, int x, int channel, double value) {
        int row = firstRowAfter(h, x, value) - 1;
        return row < 0 ? Double.NaN : h.get(channel, row);
    }

    /** The value of {@code channel} at {@code step} (see {@link #rowAtOrBefore}), NaN when there is none. */
    public static double valueAt(History.Snapshot h, int channel, double step) {
        int row = rowAtOrBefore(h, step);
        return row < 0 ? Double.NaN : h.get(channel, row);
    }
}
