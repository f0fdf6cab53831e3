package dev.descent.render;

import dev.descent.math.Viewport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Contour lines of a {@link ScalarField}, traced by marching squares, as polylines in data
 * coordinates, one list per level.
 *
 * <p>The tracer works in one pass over the cells: each node is first given its band (how many
 * levels lie at or below its value), so a cell whose four corners share a band, which is most of
 * them, is skipped at once, and a cell that is crossed is visited for exactly the levels between
 * its corners' bands. A node is "above" level L when its value is ≥ L; crossings on a cell edge are
 * found by linear interpolation along the edge, computed the same way from both cells sharing it,
 * so the segments join exactly. A saddle cell (diagonal corners above) is resolved by the mean of
 * its corners (the bilinear value at the centre). Cells with a non-finite corner are skipped, so a
 * line that meets an overflowing region stops there. Segments are then joined into polylines
 * through the edges they share; a polyline that comes back to its start is closed (its last point
 * repeats its first).
 *
 * <p>Tracing is pure (it reads the field and writes only new objects) and runs in parallel over
 * strips of rows, then over levels. The result is immutable.
 */
public final class ContourLines {

    /** One line: points (x0, y0, x1, y1, …) in data coordinates. */
    public record Polyline(double[] xy, boolean closed) {
        /** Number of points. */
        public int size() {
            return xy.length / 2;
        }

        public double x(int k) {
            return xy[2 * k];
        }

        public double y(int k) {
            return xy[2 * k + 1];
        }
    }

    private final Levels levels;
    private final List<List<Polyline>> lines;

    private ContourLines(Levels levels, List<List<Polyline>> lines) {
        this.levels = levels;
        this.lines = lines;
    }

    /** Traces every level of {@code levels} over the field. */
    public static ContourLines trace(ScalarField field, Levels levels) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(levels, "levels");
        int nx = field.nx();
        int ny = field.ny();
        int nLevels = levels.count();
        double[] v = field.values();
        double[] lv = levels.values();

        // 1. segments, per strip of cell rows, per level; each strip computes the band of every
        //    node it touches (how many levels lie at or below it; −1 if not finite) row by row
        int cellRows = ny - 1;
        int strips = Math.min(cellRows, Math.max(1, Runtime.getRuntime().availableProcessors() * 4));
        Segments[][] parts = new Segments[strips][];
        IntStream.range(0, strips).parallel().forEach(s -> {
            int j0 = (int) ((long) cellRows * s / strips);
            int j1 = (int) ((long) cellRows * (s + 1) / strips);
            parts[s] = march(v, levels, nx, j0, j1, lv);
        });
        // 3. join per level
        Viewport vp = field.viewport();
        double x0 = vp.xMin();
        double y0 = vp.yMin();
        double dx = field.dx();
        double dy = field.dy();
        List<List<Polyline>> out = new ArrayList<>(java.util.Collections.nCopies(nLevels, List.of()));
        IntStream.range(0, nLevels).parallel().forEach(k -> {
            Segments all = Segments.concat(parts, k);
            if (all != null) {
                out.set(k, all.join(x0, y0, dx, dy)); // distinct slots; the stream's end publishes them
            }
        });
        return new ContourLines(levels, List.copyOf(out));
    }

    /** The cells of rows [j0, j1): segments by level (null where a level has none). */
    private static Segments[] march(double[] v, Levels levels, int nx, int j0, int j1, double[] lv) {
        Segments[] seg = new Segments[lv.length];
        int[] below = new int[nx];
        int[] above = new int[nx];
        bands(v, levels, j0 * nx, nx, below);
        for (int j = j0; j < j1; j++) {
            int r0 = j * nx;
            int r1 = r0 + nx;
            bands(v, levels, r1, nx, above);
            for (int i = 0; i < nx - 1; i++) {
                int b00 = below[i];
                int b10 = below[i + 1];
                int b01 = above[i];
                int b11 = above[i + 1];
                if (b00 == b10 && b00 == b01 && b00 == b11) {
                    continue;
                }
                int lo = Math.min(Math.min(b00, b10), Math.min(b01, b11));
                if (lo < 0) {
                    continue;
                }
                int hi = Math.max(Math.max(b00, b10), Math.max(b01, b11));
                double v00 = v[r0 + i];
                double v10 = v[r0 + i + 1];
                double v01 = v[r1 + i];
                double v11 = v[r1 + i + 1];
                int eB = 2 * (r0 + i);
                int eT = 2 * (r1 + i);
                int eL = eB + 1;
                int eR = eB + 3;
                for (int k = lo; k < hi; k++) {
                    double level = lv[k];
                    int c = (b00 > k ? 1 : 0) | (b10 > k ? 2 : 0) | (b11 > k ? 4 : 0) | (b01 > k ? 8 : 0);
                    Segments s = seg[k];
                    if (s == null) {
                        s = seg[k] = new Segments();
                    }
                    switch (c) {
                        case 1, 14 -> s.add(eB, i + (level - v00) / (v10 - v00), j, eL, i, j + (level - v00) / (v01 - v00));
                        case 2, 13 -> s.add(eB, i + (level - v00) / (v10 - v00), j, eR, i + 1, j + (level - v10) / (v11 - v10));
                        case 3, 12 -> s.add(eL, i, j + (level - v00) / (v01 - v00), eR, i + 1, j + (level - v10) / (v11 - v10));
                        case 4, 11 -> s.add(eR, i + 1, j + (level - v10) / (v11 - v10), eT, i + (level - v01) / (v11 - v01), j + 1);
                        case 6, 9 -> s.add(eB, i + (level - v00) / (v10 - v00), j, eT, i + (level - v01) / (v11 - v01), j + 1);
                        case 7, 8 -> s.add(eL, i, j + (level - v00) / (v01 - v00), eT, i + (level - v01) / (v11 - v01), j + 1);
                        case 5, 10 -> {
                            double xb = i + (level - v00) / (v10 - v00);
                            double yr = j + (level - v10) / (v11 - v10);
                            double xt = i + (level - v01) / (v11 - v01);
                            double yl = j + (level - v00) / (v01 - v00);
                            boolean centreAbove = 0.25 * (v00 + v10 + v01 + v11) >= level;
                            // the centre joins the two corners on its side; the other two are cut off
                            if ((c == 5) == centreAbove) {
                                // the corners v10 and v01 are cut off
                                s.add(eB, xb, j, eR, i + 1, yr);
                                s.add(eL, i, yl, eT, xt, j + 1);
                            } else {
                                // the corners v00 and v11 are cut off
                                s.add(eB, xb, j, eL, i, yl);
                                s.add(eR, i + 1, yr, eT, xt, j + 1);
                            }
                        }
                        default -> {
                            // 0 and 15 cannot happen between lo and hi
                        }
                    }
                }
            }
            int[] tmp = below;
            below = above;
            above = tmp;
        }
        return seg;
    }

    /** The bands of the n nodes from {@code start}. */
    private static void bands(double[] v, Levels levels, int start, int n, int[] out) {
        for (int i = 0; i < n; i++) {
            double f = v[start + i];
            out[i] = f - f == 0 ? levels.band(f) : -1;
        }
    }

    /** Growable segment buffer: two edge ids and two points (grid coordinates) per segment. */
    private static final class Segments {
        int n;
        int[] edges = new int[64];
        double[] pts = new double[128];

        void add(int ea, double xa, double ya, int eb, double xb, double yb) {
            if (2 * n + 2 > edges.length) {
                edges = Arrays.copyOf(edges, edges.length * 2);
                pts = Arrays.copyOf(pts, pts.length * 2);
            }
            edges[2 * n] = ea;
            edges[2 * n + 1] = eb;
            int p = 4 * n;
            pts[p] = xa;
            pts[p + 1] = ya;
            pts[p + 2] = xb;
            pts[p + 3] = yb;
            n++;
        }

        static Segments concat(Segments[][] parts, int k) {
            int total = 0;
            Segments only = null;
            int owners = 0;
            for (Segments[] p : parts) {
                if (p[k] != null && p[k].n > 0) {
                    total += p[k].n;
                    only = p[k];
                    owners++;
                }
            }
            if (owners <= 1) {
                return only;
            }
            Segments all = new Segments();
            all.edges = new int[2 * total];
            all.pts = new double[4 * total];
            for (Segments[] p : parts) {
                Segments s = p[k];
                if (s != null && s.n > 0) {
                    System.arraycopy(s.edges, 0, all.edges, 2 * all.n, 2 * s.n);
                    System.arraycopy(s.pts, 0, all.pts, 4 * all.n, 4 * s.n);
                    all.n += s.n;
                }
            }
            return all;
        }

        /** Joins the segments through their shared edges into polylines in data coordinates. */
        List<Polyline> join(double x0, double y0, double dx, double dy) {
            // edge id → up to two segments (open addressing)
            int cap = Integer.highestOneBit(Math.max(16, 4 * n - 1)) << 1;
            int mask = cap - 1;
            int[] keys = new int[cap];
            int[] first = new int[cap];
            int[] second = new int[cap];
            Arrays.fill(keys, -1);
            for (int e = 0; e < 2 * n; e++) {
                int key = edges[e];
                int h = mix(key) & mask;
                while (keys[h] != -1 && keys[h] != key) {
                    h = (h + 1) & mask;
                }
                if (keys[h] == -1) {
                    keys[h] = key;
                    first[h] = e >> 1;
                    second[h] = -1;
                } else {
                    second[h] = e >> 1;
                }
            }
            boolean[] used = new boolean[n];
            List<Polyline> out = new ArrayList<>();
            double[] buf = new double[256];
            // open lines start at an end no other segment shares
            for (int s = 0; s < n; s++) {
                if (used[s]) {
                    continue;
                }
                for (int end = 0; end < 2; end++) {
                    int slot = find(keys, mask, edges[2 * s + end]);
                    if (second[slot] == -1) {
                        buf = walk(s, end, keys, mask, first, second, used, buf, out, x0, y0, dx, dy);
                        break;
                    }
                }
            }
            // what is left is closed loops
            for (int s = 0; s < n; s++) {
                if (!used[s]) {
                    buf = walk(s, 0, keys, mask, first, second, used, buf, out, x0, y0, dx, dy);
                }
            }
            return List.copyOf(out);
        }

        private double[] walk(int start, int startEnd, int[] keys, int mask, int[] first, int[] second, boolean[] used,
                double[] buf, List<Polyline> out, double x0, double y0, double dx, double dy) {
            int m = 0;
            buf[m++] = pts[4 * start + 2 * startEnd];
            buf[m++] = pts[4 * start + 2 * startEnd + 1];
            int cur = start;
            int in = startEnd;
            boolean closed = false;
            while (true) {
                used[cur] = true;
                int outEnd = 1 - in;
                if (m + 2 > buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                buf[m++] = pts[4 * cur + 2 * outEnd];
                buf[m++] = pts[4 * cur + 2 * outEnd + 1];
                int edge = edges[2 * cur + outEnd];
                int slot = find(keys, mask, edge);
                int next = first[slot] == cur ? second[slot] : first[slot];
                if (next < 0) {
                    break;
                }
                if (used[next]) {
                    closed = next == start;
                    break;
                }
                in = edges[2 * next] == edge ? 0 : 1;
                cur = next;
            }
            double[] xy = new double[m];
            for (int p = 0; p < m; p += 2) {
                xy[p] = x0 + buf[p] * dx;
                xy[p + 1] = y0 + buf[p + 1] * dy;
            }
            out.add(new Polyline(xy, closed));
            return buf;
        }

        private static int find(int[] keys, int mask, int key) {
            int h = mix(key) & mask;
            while (keys[h] != key) {
                h = (h + 1) & mask;
            }
            return h;
        }

        private static int mix(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    public Levels levels() {
        return levels;
    }

    public int levelCount() {
        return lines.size();
    }

    /** The polylines of level k. */
    public List<Polyline> lines(int k) {
        return lines.get(k);
    }

    /** Total number of points over all levels. */
    public long pointCount() {
        long c = 0;
        for (List<Polyline> l : lines) {
            for (Polyline p : l) {
                c += p.size();
            }
        }
        return c;
    }

    /**
     * Draws the lines, thin and antialiased, in the plot's pixel space: over a colour map, each
     * level gets a light line where the map is dark there and a dark line where it is light
     * ({@code colorMap} null: all dark). Each polyline is first simplified in pixels
     * (Douglas–Peucker, {@value #SIMPLIFY_TOLERANCE} px): a contour traced on a fine grid has a
     * point every pixel or so, and the rasteriser's cost follows the point count. The caller's
     * clip, stroke, paint and antialiasing hint are restored afterwards.
     *
     * @param width line width in pixels
     */
    public void paint(Graphics2D g, PlotTransform t, ColorMap colorMap, float width) {
        int n = levels.count();
        float[][][] pixelLines = new float[n][][];
        IntStream.range(0, n).parallel().forEach(k -> pixelLines[k] = simplified(lines.get(k), t));
        Path2D.Float dark = new Path2D.Float(Path2D.WIND_NON_ZERO, 4096);
        Path2D.Float light = new Path2D.Float(Path2D.WIND_NON_ZERO, 1024);
        for (int k = 0; k < n; k++) {
            boolean useLight = colorMap != null
                    && ColorMap.luminance(colorMap.argb(levels.normalize(levels.value(k)))) < 0.18;
            Path2D.Float path = useLight ? light : dark;
            List<Polyline> ls = lines.get(k);
            for (int q = 0; q < ls.size(); q++) {
                float[] xy = pixelLines[k][q];
                path.moveTo(xy[0], xy[1]);
                for (int p = 2; p < xy.length; p += 2) {
                    path.lineTo(xy[p], xy[p + 1]);
                }
                if (ls.get(q).closed()) {
                    path.closePath();
                }
            }
        }
        var oldClip = g.getClip();
        var oldStroke = g.getStroke();
        var oldPaint = g.getPaint();
        var oldAa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.clip(t.plotArea());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL));
        g.setColor(new Color(0, 0, 0, 0x66));
        g.draw(dark);
        g.setColor(new Color(255, 255, 255, 0x70));
        g.draw(light);
        if (oldAa != null) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, oldAa);
        }
        g.setPaint(oldPaint);
        g.setStroke(oldStroke);
        g.setClip(oldClip);
    }

    /** Largest distance, in pixels, a simplified line may stray from the traced one. */
    public static final double SIMPLIFY_TOLERANCE = 0.15;

    /** The polylines in pixels, simplified: one float array (x0, y0, x1, …) per polyline. */
    private static float[][] simplified(List<Polyline> ls, PlotTransform t) {
        float[][] out = new float[ls.size()][];
        double sx = t.scaleX();
        double sy = t.scaleY();
        double ox = t.left() - t.viewport().xMin() * sx;
        double oy = t.top() + t.viewport().yMax() * sy;
        double[] px = new double[64];
        double[] py = new double[64];
        boolean[] keep = new boolean[64];
        int[] stack = new int[128];
        for (int q = 0; q < ls.size(); q++) {
            double[] xy = ls.get(q).xy();
            int m = xy.length / 2;
            if (px.length < m) {
                int cap = Math.max(m, px.length * 2);
                px = new double[cap];
                py = new double[cap];
                keep = new boolean[cap];
                stack = new int[2 * cap];
            }
            for (int p = 0; p < m; p++) {
                px[p] = ox + xy[2 * p] * sx;
                py[p] = oy - xy[2 * p + 1] * sy;
            }
            int kept = douglasPeucker(px, py, m, SIMPLIFY_TOLERANCE, keep, stack);
            float[] f = new float[2 * kept];
            int c = 0;
            for (int p = 0; p < m; p++) {
                if (keep[p]) {
                    f[c++] = (float) px[p];
                    f[c++] = (float) py[p];
                }
            }
            out[q] = f;
        }
        return out;
    }

    /**
     * Marks in {@code keep} the points of the Douglas–Peucker simplification of (x, y)[0, n) with
     * the given tolerance; the first and last point are always kept.
     *
     * @return how many points are kept
     */
    static int douglasPeucker(double[] x, double[] y, int n, double tol, boolean[] keep, int[] stack) {
        Arrays.fill(keep, 0, n, false);
        keep[0] = true;
        keep[n - 1] = true;
        int kept = n > 1 ? 2 : 1;
        double tol2 = tol * tol;
        int sp = 0;
        stack[sp++] = 0;
        stack[sp++] = n - 1;
        while (sp > 0) {
            int b = stack[--sp];
            int a = stack[--sp];
            if (b - a < 2) {
                continue;
            }
            double ax = x[a];
            double ay = y[a];
            double dx = x[b] - ax;
            double dy = y[b] - ay;
            double len2 = dx * dx + dy * dy;
            double worst = -1;
            int wi = -1;
            for (int i = a + 1; i < b; i++) {
                double qx = x[i] - ax;
                double qy = y[i] - ay;
                double d;
                if (len2 == 0) {
                    d = qx * qx + qy * qy;
                } else {
                    double cross = qx * dy - qy * dx;
                    d = cross * cross / len2;
                }
                if (d > worst) {
                    worst = d;
                    wi = i;
                }
            }
            if (worst > tol2) {
                keep[wi] = true;
                kept++;
                stack[sp++] = a;
                stack[sp++] = wi;
                stack[sp++] = wi;
                stack[sp++] = b;
            }
        }
        return kept;
    }
}
