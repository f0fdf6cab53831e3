package dev.descent.render;

import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * f sampled on a regular nx × ny grid whose corner nodes are the viewport's corners: node (i, j) is
 * at x = xMin + i·(xMax − xMin)/(nx − 1), y = yMin + j·(yMax − yMin)/(ny − 1), stored row-major
 * in {@code values[j·nx + i]} (row 0 is the bottom edge, y = yMin).
 *
 * <p>Non-finite values (overflow, NaN) are kept as they are; the statistics skip them.
 *
 * <p>A field is a reusable buffer: {@link #sample} refills it in place, reusing its array when the
 * size allows. It is not thread-safe; give each background worker its own. Sampling itself runs in
 * parallel over rows, so the function must allow concurrent calls (the built-in surfaces are pure
 * functions: the simulation and the renderer already share them across threads).
 */
public final class ScalarField {

    /** A function of the plane, safe for concurrent calls. */
    @FunctionalInterface
    public interface Function2 {
        double value(double x, double y);
    }

    private static final int QUANTILE_SAMPLES = 16_384;

    private Viewport viewport;
    private int nx;
    private int ny;
    private double[] values = new double[0];
    private double min;
    private double max;
    private int nonFinite;
    private double[] sorted;

    /** An empty field, to be filled by {@link #sample}. */
    public ScalarField() {
    }

    /** A field over the viewport from given node values (copied), e.g. for tests. */
    public static ScalarField of(Viewport viewport, int nx, int ny, double[] values) {
        ScalarField f = new ScalarField();
        f.resize(viewport, nx, ny);
        System.arraycopy(values, 0, f.values, 0, nx * ny);
        f.updateStats();
        return f;
    }

    /** A new field holding the surface sampled on nx × ny nodes. */
    public static ScalarField of(Surface surface, Viewport viewport, int nx, int ny) {
        return new ScalarField().sample(surface, viewport, nx, ny);
    }

    /**
     * Fills this field with the surface's values on nx × ny nodes over the viewport.
     *
     * @return this
     */
    public ScalarField sample(Surface surface, Viewport viewport, int nx, int ny) {
        Objects.requireNonNull(surface, "surface");
        return sample(surface::value, viewport, nx, ny);
    }

    /**
     * Fills this field with f on nx × ny nodes over the viewport, in parallel over rows.
     *
     * @return this
     */
    public ScalarField sample(Function2 f, Viewport viewport, int nx, int ny) {
        Objects.requireNonNull(f, "f");
        resize(viewport, nx, ny);
        double x0 = viewport.xMin();
        double y0 = viewport.yMin();
        double dx = viewport.width() / (nx - 1);
        double dy = viewport.height() / (ny - 1);
        double[] v = values;
        int cols = nx;
        IntStream.range(0, ny).parallel().forEach(j -> {
            double y = j == ny - 1 ? viewport.yMax() : y0 + j * dy;
            int base = j * cols;
            for (int i = 0; i < cols; i++) {
                double x = i == cols - 1 ? viewport.xMax() : x0 + i * dx;
                v[base + i] = f.value(x, y);
            }
        });
        updateStats();
        return this;
    }

    private void resize(Viewport viewport, int nx, int ny) {
        Objects.requireNonNull(viewport, "viewport");
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("a field needs at least 2 × 2 nodes, got " + nx + " × " + ny);
        }
        long n = (long) nx * ny;
        if (n > 50_000_000L) {
            throw new IllegalArgumentException("field of " + nx + " × " + ny + " nodes is too large");
        }
        this.viewport = viewport;
        this.nx = nx;
        this.ny = ny;
        if (values.length < n) {
            values = new double[(int) n];
        }
        sorted = null;
    }

    private void updateStats() {
        int n = nx * ny;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int bad = 0;
        double[] v = values;
        for (int k = 0; k < n; k++) {
            double x = v[k];
            if (x - x == 0) { // finite
                if (x < lo) {
                    lo = x;
                }
                if (x > hi) {
                    hi = x;
                }
            } else {
                bad++;
            }
        }
        min = bad == n ? Double.NaN : lo;
        max = bad == n ? Double.NaN : hi;
        nonFinite = bad;
        sorted = null;
    }

    public Viewport viewport() {
        return viewport;
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    /** x of node column i. */
    public double x(int i) {
        return i == nx - 1 ? viewport.xMax() : viewport.xMin() + i * (viewport.width() / (nx - 1));
    }

    /** y of node row j. */
    public double y(int j) {
        return j == ny - 1 ? viewport.yMax() : viewport.yMin() + j * (viewport.height() / (ny - 1));
    }

    public double dx() {
        return viewport.width() / (nx - 1);
    }

    public double dy() {
        return viewport.height() / (ny - 1);
    }

    /** The value at node (i, j). */
    public double value(int i, int j) {
        return values[j * nx + i];
    }

    /**
     * The backing array, row-major, of which the first nx·ny entries are this field. Read it, do not
     * modify it.
     */
    public double[] values() {
        return values;
    }

    /**
     * Bilinear interpolation at (x, y); nearest finite node when a neighbour is not finite; NaN
     * outside the viewport or where no finite node is near.
     */
    public double interpolate(double x, double y) {
        double gx = (x - viewport.xMin()) / dx();
        double gy = (y - viewport.yMin()) / dy();
        if (!(gx >= 0 && gx <= nx - 1 && gy >= 0 && gy <= ny - 1)) {
            return Double.NaN;
        }
        int i = Math.min((int) gx, nx - 2);
        int j = Math.min((int) gy, ny - 2);
        double fx = gx - i;
        double fy = gy - j;
        int k = j * nx + i;
        double v00 = values[k];
        double v10 = values[k + 1];
        double v01 = values[k + nx];
        double v11 = values[k + nx + 1];
        double v = (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy;
        if (v - v == 0) {
            return v;
        }
        double near = fy < 0.5 ? (fx < 0.5 ? v00 : v10) : (fx < 0.5 ? v01 : v11);
        return near - near == 0 ? near : Double.NaN;
    }

    /** Smallest finite value (NaN when none is finite). */
    public double min() {
        return min;
    }

    /** Largest finite value (NaN when none is finite). */
    public double max() {
        return max;
    }

    /** How many nodes hold a non-finite value. */
    public int nonFiniteCount() {
        return nonFinite;
    }

    /** Whether at least one node holds a finite value. */
    public boolean hasFiniteValues() {
        return nonFinite < nx * ny;
    }

    /**
     * The p-quantile of the finite values, p ∈ [0, 1], estimated from an even subsample of at most
     * 16 384 nodes (exact for smaller fields); quantile(0) = min and quantile(1) = max exactly.
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile needs 0 ≤ p ≤ 1, got " + p);
        }
        if (!hasFiniteValues()) {
            return Double.NaN;
        }
        if (p == 0) {
            return min;
        }
        if (p == 1) {
            return max;
        }
        double[] s = sortedSample();
        double pos = p * (s.length - 1);
        int i = (int) pos;
        if (i >= s.length - 1) {
            return s[s.length - 1];
        }
        return s[i] + (pos - i) * (s[i + 1] - s[i]);
    }

    private double[] sortedSample() {
        if (sorted != null) {
            return sorted;
        }
        int n = nx * ny;
        int stride = Math.max(1, n / QUANTILE_SAMPLES);
        // an odd stride avoids sampling the same columns on every row
        if (stride > 1 && stride % 2 == 0) {
            stride++;
        }
        double[] s = new double[(n + stride - 1) / stride];
        int m = 0;
        for (int k = 0; k < n; k += stride) {
            double v = values[k];
            if (v - v == 0) {
                s[m++] = v;
            }
        }
        if (m == 0) {
            s = new double[] {min};
            m = 1;
        }
        s = Arrays.copyOf(s, m);
        Arrays.sort(s);
        sorted = s;
        return s;
    }
}
