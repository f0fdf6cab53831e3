package dev.descent.render;

import dev.descent.math.Viewport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
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
 * levels lie at or below its value, {@link Levels#bands}), so a cell whose four corners share a band, which is most of
 * them, is skipped at once, and a cell that is crossed is visited for exactly the levels between
 * its corners' bands. A node is "above" level L when its value is ≥ L; crossings on a cell edge are
 * found by linear interpolation along the edge, computed the same way from both cells sharing it,
 * so the segments join exactly. A saddle cell (diagonal corners above) is resolved by the mean of
 * its corners (the bilinear value at the centre). Cells with a non-finite corner are skipped, so a
 * line that meets an overflowing region stops there. Each segment is linked to its neighbours
 * through the cell edges they share as it is made (a segment on a cell's top edge waits for the
 * cell above, one on its right edge for the next cell), so joining them into polylines is a walk
 * along the links; a polyline that comes back to its start is closed (its last point repeats its
 * first).
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
        return trace(field, levels, levels.bands(field, null));
    }

    /**
     * Traces every level over the field, given the band of every node as computed by
     * {@link Levels#bands} (shared with the raster, so it is computed once).
     *
     * @param bands Not modified.
     */
    public static ContourLines trace(ScalarField field, Levels levels, int[] bands) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(levels, "levels");
        int nx = field.nx();
        int ny = field.ny();
        if (bands.length < nx * ny) {
            throw new IllegalArgumentException("need the bands of " + nx * ny + " nodes, got " + bands.length);
        }
        int nLevels = levels.count();
        double[] v = field.values();
        double[] lv = levels.values();

        // 1. segments, per strip of cell rows, per level, linked to their neighbours in the strip
        int cellRows = ny - 1;
        int strips = Math.min(cellRows, Math.max(1, Runtime.getRuntime().availableProcessors() * 4));
        Strip[] parts = new Strip[strips];
        IntStream.range(0, strips).parallel().forEach(s -> {
            int j0 = (int) ((long) cellRows * s / strips);
            int j1 = (int) ((long) cellRows * (s + 1) / strips);
            parts[s] = march(v, bands, nx, j0, j1, lv);
        });
        // 2. per level: link across strip boundaries, then walk the links into polylines
        Viewport vp = field.viewport();
        double x0 = vp.xMin();
        double y0 = vp.yMin();
        double dx = field.dx();
        double dy = field.dy();
        List<List<Polyline>> out = new ArrayList<>(java.util.Collections.nCopies(nLevels, List.of()));
        IntStream.range(0, nLevels).parallel().forEach(k -> {
            Segments all = Segments.merge(parts, k, nx);
            if (all != null) {
                out.set(k, all.walk(x0, y0, dx, dy)); // distinct slots; the stream's end publishes them
            }
        });
        return new ContourLines(levels, List.copyOf(out));
    }

    // cell edges, as seen from the cell
    private static final int BOTTOM = 0;
    private static final int RIGHT = 1;
    private static final int TOP = 2;
    private static final int LEFT = 3;

    /** What one strip of rows produced: per level, its linked segments (null where none). */
    private static final class Strip {
        final Segments[] levels;

        Strip(Segments[] levels) {
            this.levels = levels;
        }
    }

    /** The cells of rows [j0, j1). */
    private static Strip march(double[] v, int[] band, int nx, int j0, int j1, double[] lv) {
        Segments[] seg = new Segments[lv.length];
        for (int j = j0; j < j1; j++) {
            int r0 = j * nx;
            int r1 = r0 + nx;
            for (int i = 0; i < nx - 1; i++) {
                int b00 = band[r0 + i];
                int b10 = band[r0 + i + 1];
                int b01 = band[r1 + i];
                int b11 = band[r1 + i + 1];
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
                for (int k = lo; k < hi; k++) {
                    double level = lv[k];
                    int c = (b00 > k ? 1 : 0) | (b10 > k ? 2 : 0) | (b11 > k ? 4 : 0) | (b01 > k ? 8 : 0);
                    Segments s = seg[k];
                    if (s == null) {
                        s = seg[k] = new Segments(nx, j0, j1);
                    }
                    s.cell(i, j);
                    switch (c) {
                        case 1, 14 -> s.add(BOTTOM, i + (level - v00) / (v10 - v00), j, LEFT, i, j + (level - v00) / (v01 - v00));
                        case 2, 13 -> s.add(BOTTOM, i + (level - v00) / (v10 - v00), j, RIGHT, i + 1, j + (level - v10) / (v11 - v10));
                        case 3, 12 -> s.add(LEFT, i, j + (level - v00) / (v01 - v00), RIGHT, i + 1, j + (level - v10) / (v11 - v10));
                        case 4, 11 -> s.add(RIGHT, i + 1, j + (level - v10) / (v11 - v10), TOP, i + (level - v01) / (v11 - v01), j + 1);
                        case 6, 9 -> s.add(BOTTOM, i + (level - v00) / (v10 - v00), j, TOP, i + (level - v01) / (v11 - v01), j + 1);
                        case 7, 8 -> s.add(LEFT, i, j + (level - v00) / (v01 - v00), TOP, i + (level - v01) / (v11 - v01), j + 1);
                        case 5, 10 -> {
                            double xb = i + (level - v00) / (v10 - v00);
                            double yr = j + (level - v10) / (v11 - v10);
                            double xt = i + (level - v01) / (v11 - v01);
                            double yl = j + (level - v00) / (v01 - v00);
                            boolean centreAbove = 0.25 * (v00 + v10 + v01 + v11) >= level;
                            // the centre joins the two corners on its side; the other two are cut off
                            if ((c == 5) == centreAbove) {
                                // the corners v10 and v01 are cut off
                                s.add(BOTTOM, xb, j, RIGHT, i + 1, yr);
                                s.add(LEFT, i, yl, TOP, xt, j + 1);
                            } else {
                                // the corners v00 and v11 are cut off
                                s.add(BOTTOM, xb, j, LEFT, i, yl);
                                s.add(RIGHT, i + 1, yr, TOP, xt, j + 1);
                            }
                        }
                        default -> {
                            // 0 and 15 cannot happen between lo and hi
                        }
                    }
                }
            }
        }
        return new Strip(seg);
    }

    /**
     * The segments of one level in one strip of rows: two points (grid coordinates) per segment,
     * and for each of its two ends the neighbouring segment end across the shared cell edge
     * (encoded segment·2 + end, −1 for none yet). Neighbours are found while marching: a
     * segment ending on a cell's top edge waits in {@code up[i]} for the cell above, one ending on
     * the right edge in {@code right} for the next cell. Ends on the strip's bottom row are kept
     * for {@link #merge}; ends on its top row stay in {@code up}.
     */
    private static final class Segments {
        final int nx;
        final int j0;
        final int j1;
        int n;
        double[] pts = new double[128];
        int[] link = new int[64];
        // waiting ends: up[i] is the end on the top edge of cell (i, upRow[i])
        final int[] up;
        final int[] upRow;
        int right = -1;
        int rightCell = -1;
        // ends on the bottom edge of the strip's first row: column, end, column, end, …
        int[] bottom = new int[16];
        int bottoms;
        // the cell being marched
        int ci;
        int cj;

        Segments(int nx, int j0, int j1) {
            this.nx = nx;
            this.j0 = j0;
            this.j1 = j1;
            this.up = new int[nx];
            this.upRow = new int[nx];
            Arrays.fill(upRow, Integer.MIN_VALUE);
        }

        void cell(int i, int j) {
            ci = i;
            cj = j;
        }

        void add(int ea, double xa, double ya, int eb, double xb, double yb) {
            if (2 * n + 2 > link.length) {
                link = Arrays.copyOf(link, link.length * 2);
                pts = Arrays.copyOf(pts, pts.length * 2);
            }
            int p = 4 * n;
            pts[p] = xa;
            pts[p + 1] = ya;
            pts[p + 2] = xb;
            pts[p + 3] = yb;
            link[2 * n] = -1;
            link[2 * n + 1] = -1;
            connect(2 * n, ea);
            connect(2 * n + 1, eb);
            n++;
        }

        /** Links the end (segment·2 + end) lying on the given edge of the current cell. */
        private void connect(int end, int edge) {
            int cell = cj * nx + ci;
            switch (edge) {
                case BOTTOM -> {
                    if (upRow[ci] == cj - 1) {
                        join(end, up[ci]);
                    } else if (cj == j0) {
                        if (2 * bottoms + 2 > bottom.length) {
                            bottom = Arrays.copyOf(bottom, bottom.length * 2);
                        }
                        bottom[2 * bottoms] = ci;
                        bottom[2 * bottoms + 1] = end;
                        bottoms++;
                    }
                }
                case LEFT -> {
                    if (rightCell == cell - 1 && ci > 0) {
                        join(end, right);
                    }
                }
                case TOP -> {
                    up[ci] = end;
                    upRow[ci] = cj;
                }
                default -> {
                    right = end;
                    rightCell = cell;
                }
            }
        }

        private void join(int a, int b) {
            link[a] = b;
            link[b] = a;
        }

        /**
         * The segments of level k over all strips, as one buffer: links shifted to global
         * numbers, and the ends waiting at each strip boundary joined to those across it.
         */
        static Segments merge(Strip[] parts, int k, int nx) {
            int total = 0;
            int owners = 0;
            Segments only = null;
            for (Strip p : parts) {
                Segments s = p.levels[k];
                if (s != null && s.n > 0) {
                    total += s.n;
                    owners++;
                    only = s;
                }
            }
            if (owners == 0) {
                return null;
            }
            if (owners == 1) {
                return only;
            }
            Segments all = new Segments(0, 0, 0);
            all.pts = new double[4 * total];
            all.link = new int[2 * total];
            int[] waiting = new int[nx];
            Arrays.fill(waiting, -1);
            int prevRow = Integer.MIN_VALUE;
            for (Strip p : parts) {
                Segments s = p.levels[k];
                if (s == null || s.n == 0) {
                    continue;
                }
                int off = 2 * all.n;
                System.arraycopy(s.pts, 0, all.pts, 4 * all.n, 4 * s.n);
                for (int e = 0; e < 2 * s.n; e++) {
                    int l = s.link[e];
                    all.link[off + e] = l < 0 ? -1 : l + off;
                }
                // ends on this strip's bottom row meet those waiting on top of the strip below
                if (prevRow == s.j0 - 1) {
                    for (int b = 0; b < s.bottoms; b++) {
                        int col = s.bottom[2 * b];
                        int w = waiting[col];
                        if (w >= 0) {
                            int mine = off + s.bottom[2 * b + 1];
                            all.link[mine] = w;
                            all.link[w] = mine;
                        }
                    }
                }
                Arrays.fill(waiting, -1);
                for (int i = 0; i < s.up.length; i++) {
                    if (s.upRow[i] == s.j1 - 1) {
                        waiting[i] = off + s.up[i];
                    }
                }
                prevRow = s.j1 - 1;
                all.n += s.n;
            }
            return all;
        }

        /** Follows the links into polylines in data coordinates. */
        List<Polyline> walk(double x0, double y0, double dx, double dy) {
            boolean[] used = new boolean[n];
            List<Polyline> out = new ArrayList<>();
            double[] buf = new double[256];
            // open lines start at an end with no neighbour
            for (int s = 0; s < n; s++) {
                if (used[s]) {
                    continue;
                }
                if (link[2 * s] < 0) {
                    buf = walk(s, 0, used, buf, out, x0, y0, dx, dy);
                } else if (link[2 * s + 1] < 0) {
                    buf = walk(s, 1, used, buf, out, x0, y0, dx, dy);
                }
            }
            // what is left is closed loops
            for (int s = 0; s < n; s++) {
                if (!used[s]) {
                    buf = walk(s, 0, used, buf, out, x0, y0, dx, dy);
                }
            }
            return List.copyOf(out);
        }

        private double[] walk(int start, int startEnd, boolean[] used, double[] buf, List<Polyline> out,
                double x0, double y0, double dx, double dy) {
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
                int next = link[2 * cur + outEnd];
                if (next < 0) {
                    break;
                }
                int t = next >> 1;
                if (used[t]) {
                    closed = t == start;
                    break;
                }
                in = next & 1;
                cur = t;
            }
            double[] xy = new double[m];
            for (int p = 0; p < m; p += 2) {
                xy[p] = x0 + buf[p] * dx;
                xy[p + 1] = y0 + buf[p + 1] * dy;
            }
            out.add(new Polyline(xy, closed));
            return buf;
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
        Path2D.Float[] paths = paths(t, colorMap);
        var oldClip = g.getClip();
        var oldStroke = g.getStroke();
        var oldPaint = g.getPaint();
        var oldAa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.clip(t.plotArea());
        draw(g, paths, width);
        if (oldAa != null) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, oldAa);
        }
        g.setPaint(oldPaint);
        g.setStroke(oldStroke);
        g.setClip(oldClip);
    }

    /**
     * The same drawing straight into an image, with the plot area cut into horizontal tiles drawn
     * in parallel (each through its own {@code getSubimage} view of the pixels, so no two threads
     * share a Graphics2D or a pixel). The result is the same as {@link #paint}'s.
     *
     * @param img Modified.
     */
    public void paint(BufferedImage img, PlotTransform t, ColorMap colorMap, float width) {
        Path2D.Float[] paths = paths(t, colorMap);
        int x0 = Math.max(0, (int) Math.floor(t.left()));
        int x1 = Math.min(img.getWidth(), (int) Math.ceil(t.left() + t.width()));
        int y0 = Math.max(0, (int) Math.floor(t.top()));
        int y1 = Math.min(img.getHeight(), (int) Math.ceil(t.top() + t.height()));
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        int tiles = Math.max(1, Math.min((y1 - y0) / 64, Runtime.getRuntime().availableProcessors()));
        var plot = t.plotArea();
        IntStream.range(0, tiles).parallel().forEach(k -> {
            int ta = y0 + (int) ((long) (y1 - y0) * k / tiles);
            int tb = y0 + (int) ((long) (y1 - y0) * (k + 1) / tiles);
            BufferedImage tile = img.getSubimage(x0, ta, x1 - x0, tb - ta);
            Graphics2D g = tile.createGraphics();
            try {
                Style.applyHints(g);
                g.translate(-x0, -ta);
                g.clip(plot);
                draw(g, paths, width);
            } finally {
                g.dispose();
            }
        });
    }

    private static void draw(Graphics2D g, Path2D.Float[] paths, float width) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL));
        g.setColor(new Color(0, 0, 0, 0x66));
        g.draw(paths[0]);
        g.setColor(new Color(255, 255, 255, 0x70));
        g.draw(paths[1]);
    }

    /** The simplified lines in pixels: [0] those drawn dark, [1] those drawn light. */
    private Path2D.Float[] paths(PlotTransform t, ColorMap colorMap) {
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
        return new Path2D.Float[] {dark, light};
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
