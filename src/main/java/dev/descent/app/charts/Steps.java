package dev.descent.app.charts;

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
        int lo = 0;
        int hi = h.rows();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (h.get(0, mid) > step) {
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

    /** The value of {@code channel} at {@code step} (see {@link #rowAtOrBefore}), NaN when there is none. */
    public static double valueAt(History.Snapshot h, int channel, double step) {
        int row = rowAtOrBefore(h, step);
        return row < 0 ? Double.NaN : h.get(channel, row);
    }
}
