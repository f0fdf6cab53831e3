package dev.descent.render.charts;

/**
 * Keeps a bounded picture of one value over the steps of a run, fed one row at a time in step
 * order: the steps are split into at most {@code maxBuckets} buckets of equal width, and each bucket
 * keeps its smallest and largest value (with their steps) and the first gap in it. When a step falls
 * beyond the last bucket, neighbouring buckets are merged pairwise and the width doubles, so the
 * memory is fixed however many steps come (at most {@code 3 · maxBuckets} points are drawn) and
 * spikes are never lost. While fewer steps than buckets have been seen every row is its own bucket,
 * so the series are the exact values. The newest value is always the line's last point.
 *
 * <p>Values that are not finite are gaps (the line breaks there). With {@code positiveOnly} (log
 * axes) values that are not above zero are skipped: they are not drawn and do not break the line.
 */
public final class Decimator {

    private final int maxBuckets;
    private final boolean positiveOnly;
    private final double[] minStep;
    private final double[] minVal;
    private final double[] maxStep;
    private final double[] maxVal;
    private final double[] gapStep;
    private final boolean[] has;
    private double width = 1;
    private int used;
    private double lastStep = Double.NEGATIVE_INFINITY;
    // the newest value drawn (finite, and positive on a log axis): the line always ends there
    private double headStep = Double.NaN;
    private double headValue = Double.NaN;
    private long rows;
    private final Points points = new Points(64);
    private boolean dirty = true;

    public Decimator(int maxBuckets, boolean positiveOnly) {
        if (maxBuckets < 2) {
            throw new IllegalArgumentException("a decimator needs at least 2 buckets, not " + maxBuckets);
        }
        this.maxBuckets = maxBuckets;
        this.positiveOnly = positiveOnly;
        minStep = new double[maxBuckets];
        minVal = new double[maxBuckets];
        maxStep = new double[maxBuckets];
        maxVal = new double[maxBuckets];
        gapStep = new double[maxBuckets];
        has = new boolean[maxBuckets];
    }

    public boolean positiveOnly() {
        return positiveOnly;
    }

    /** The last step added, or −∞ before the first. */
    public double lastStep() {
        return lastStep;
    }

    /** Rows added since the start or the last {@link #clear()}. */
    public long rows() {
        return rows;
    }

    /** Steps per bucket now (1 until {@code maxBuckets} steps have been seen). */
    public double bucketWidth() {
        return width;
    }

    public void clear() {
        width = 1;
        used = 0;
        lastStep = Double.NEGATIVE_INFINITY;
        headStep = Double.NaN;
        headValue = Double.NaN;
        rows = 0;
        dirty = true;
    }

    /** Adds the value at {@code step}; a step not after the last one is ignored. */
    public void add(double step, double value) {
        if (!(step > lastStep) || !(step >= 0) || Double.isInfinite(step)) {
            return;
        }
        lastStep = step;
        rows++;
        dirty = true;
        int b = bucket(step);
        while (b >= maxBuckets) {
            mergePairs();
            b = bucket(step);
        }
        while (used <= b) {
            has[used] = false;
            gapStep[used] = Double.NaN;
            used++;
        }
        if (!Double.isFinite(value)) {
            if (Double.isNaN(gapStep[b])) {
                gapStep[b] = step;
            }
            headStep = Double.NaN;
        } else if (positiveOnly && !(value > 0)) {
            return;
        } else {
            headStep = step;
            headValue = value;
        }
        if (!Double.isFinite(value)) {
            return;
        }
        if (!has[b]) {
            has[b] = true;
            minStep[b] = step;
            minVal[b] = value;
            maxStep[b] = step;
            maxVal[b] = value;
        } else {
            if (value < minVal[b]) {
                minVal[b] = value;
                minStep[b] = step;
            }
            if (value > maxVal[b]) {
                maxVal[b] = value;
                maxStep[b] = step;
            }
        }
    }

    private int bucket(double step) {
        double k = Math.floor(step / width);
        return k >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) k;
    }

    private void mergePairs() {
        int n = (used + 1) / 2;
        for (int k = 0; k < n; k++) {
            int a = 2 * k;
            int c = a + 1;
            boolean hasA = has[a];
            boolean hasC = c < used && has[c];
            double gA = gapStep[a];
            double gC = c < used ? gapStep[c] : Double.NaN;
            double lo = minVal[a];
            double loStep = minStep[a];
            double hi = maxVal[a];
            double hiStep = maxStep[a];
            if (!hasA && hasC) {
                lo = minVal[c];
                loStep = minStep[c];
                hi = maxVal[c];
                hiStep = maxStep[c];
            } else if (hasA && hasC) {
                if (minVal[c] < lo) {
                    lo = minVal[c];
                    loStep = minStep[c];
                }
                if (maxVal[c] > hi) {
                    hi = maxVal[c];
                    hiStep = maxStep[c];
                }
            }
            has[k] = hasA || hasC;
            minVal[k] = lo;
            minStep[k] = loStep;
            maxVal[k] = hi;
            maxStep[k] = hiStep;
            gapStep[k] = Double.isNaN(gA) ? gC : gA;
        }
        used = n;
        width *= 2;
    }

    /** The series to draw: per bucket its minimum, maximum and first gap, in step order. */
    public Points points() {
        if (!dirty) {
            return points;
        }
        points.clear();
        for (int b = 0; b < used; b++) {
            double g = gapStep[b];
            if (!has[b]) {
                if (!Double.isNaN(g)) {
                    points.add(g, Double.NaN);
                }
                continue;
            }
            double s1 = minStep[b];
            double v1 = minVal[b];
            double s2 = maxStep[b];
            double v2 = maxVal[b];
            if (s2 < s1) {
                double t = s1;
                s1 = s2;
                s2 = t;
                t = v1;
                v1 = v2;
                v2 = t;
            }
            boolean gap = !Double.isNaN(g);
            if (gap && g < s1) {
                points.add(g, Double.NaN);
            }
            points.add(s1, v1);
            if (gap && g > s1 && g < s2) {
                points.add(g, Double.NaN);
            }
            if (s2 != s1) {
                points.add(s2, v2);
            }
            if (gap && g > s2) {
                points.add(g, Double.NaN);
            }
        }
        if (!Double.isNaN(headStep) && (points.count() == 0 || headStep > points.x(points.count() - 1))) {
            points.add(headStep, headValue);
        }
        dirty = false;
        return points;
    }

    /** At most this many points are ever drawn. */
    public int maxPoints() {
        return 3 * maxBuckets + 1;
    }
}
