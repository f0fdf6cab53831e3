package dev.descent.render.charts;

/**
 * The loss chart's points from plain columns (an export's simulated runs), made exactly as the
 * window's {@link SeriesStore} makes them from a live history: the loss through the same
 * {@link LossScale}, bucketed by the same {@link Decimator}, and the uphill steps as marks.
 */
public final class LossLines {

    private LossLines() {
    }

    /** Rows {@code 0 … rows-1} of {@code loss} (row i is step i) drawn through {@code scale}. */
    public static Points loss(double[] loss, int rows, LossScale scale) {
        Decimator d = new Decimator(SeriesStore.DEFAULT_BUCKETS, scale.logAxis());
        for (int i = 0; i < rows; i++) {
            d.add(i, scale.map(loss[i]));
        }
        return d.points();
    }

    /**
     * The steps among rows {@code 1 … rows-1} where {@code uphill[i] == 1} (the step raised f), at
     * their loss drawn through {@code scale}; at most {@link SeriesStore#MAX_UPHILL_MARKS}, evenly thinned.
     */
    public static Points uphill(double[] loss, double[] uphill, int rows, LossScale scale) {
        Points p = new Points();
        if (uphill == null) {
            return p;
        }
        int count = 0;
        for (int i = 1; i < rows; i++) {
            if (uphill[i] == 1) {
                count++;
            }
        }
        int every = Math.max(1, (count + SeriesStore.MAX_UPHILL_MARKS - 1) / SeriesStore.MAX_UPHILL_MARKS);
        int k = 0;
        for (int i = 1; i < rows; i++) {
            if (uphill[i] == 1 && k++ % every == 0) {
                double y = scale.map(loss[i]);
                if (scale.logAxis() && !(y > 0)) {
                    continue; // a log axis has no place for it
                }
                p.add(i, y);
            }
        }
        return p;
    }
}
