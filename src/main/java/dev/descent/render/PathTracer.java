package dev.descent.render;

import dev.descent.math.Viewport;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;

/**
 * Turns a run's positions, fed one at a time, into the pixel path its line is drawn with, reduced per
 * pixel so that the path's size depends on the plot's pixels, not on the number of steps.
 *
 * <p>Each point is clipped in data coordinates to the view grown by half its size on each side (so
 * points at 1e300 neither overflow nor make the rasteriser crawl); the line stops at the first
 * non-finite point; a point closer than half a pixel to the pen is held back (drawn only where the
 * pen lifts or the path ends); and a segment whose pixels the run's line already passes through is
 * skipped. Every segment drawn therefore reaches at least one new pixel of the clip box, so a path
 * has at most {@link #maxSegments()} segments however long the run.
 *
 * <p>Feeding is incremental: the window keeps one tracer per run and feeds only the steps that are
 * new since the last frame, so a frame costs the new steps, not the whole history. The {@link
 * #shape()} is a live view of the path, ending exactly at the last point fed. One thread at a time.
 */
public final class PathTracer {

    private final PlotTransform transform;
    // clip box in data coordinates and the data → pixel affine map
    private final double bx0;
    private final double bx1;
    private final double by0;
    private final double by1;
    private final double sx;
    private final double sy;
    private final double ox;
    private final double oy;
    // pixel grid over the clip box: one bit per pixel the line already passes through
    private final double gx0;
    private final double gy0;
    private final int gw;
    private final int gh;
    private final long[] covered; // null: no per-pixel reduction (a short run)
    // segments (pairs of end pixels) walked lately, direct-mapped
    private final long[] recent = new long[1024];
    // the uphill steps' marks, kept beside the path (not part of its per-pixel reduction)
    private final UphillMarks uphill;

    // the path: x, y pairs; moves[i] says whether point i starts a new piece
    private double[] xy = new double[256];
    private boolean[] moves = new boolean[128];
    private int size;
    private int lines;

    private int fed;
    private int generation;
    private int lastFinite = -1;
    private boolean nonFinite;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;
    private double ax;
    private double ay;
    // the pen: where the line logically is (pixels); pathAtPen when the stored path ends there too
    private boolean penDown;
    private boolean pathAtPen;
    private double lpx;
    private double lpy;
    // a point within half a pixel of the pen, not yet drawn
    private boolean pending;
    private double pendX;
    private double pendY;
    // the last skipped segment, drawn at the end of the shape when the path would otherwise stop short
    private double skipX;
    private double skipY;
    private boolean lastSkipped;

    public PlotTransform transform() {
        return transform;
    }

    public PathTracer(PlotTransform t) {
        this(t, true);
    }

    /**
     * @param reduce whether segments over pixels already drawn are skipped; without it only the
     *               half-pixel thinning applies (for a run known to be short, which then needs no
     *               pixel grid)
     */
    public PathTracer(PlotTransform t, boolean reduce) {
        this.transform = t;
        Viewport v = t.viewport();
        bx0 = v.xMin() - v.width() / 2;
        bx1 = v.xMax() + v.width() / 2;
        by0 = v.yMin() - v.height() / 2;
        by1 = v.yMax() + v.height() / 2;
        sx = t.scaleX();
        sy = t.scaleY();
        ox = t.left() - v.xMin() * sx;
        oy = t.top() + v.yMax() * sy;
        gx0 = Math.floor(ox + bx0 * sx) - 1;
        gy0 = Math.floor(oy - by1 * sy) - 1;
        gw = (int) Math.min(1 << 14, Math.ceil((bx1 - bx0) * sx) + 3);
        gh = (int) Math.min(1 << 14, Math.ceil((by1 - by0) * sy) + 3);
        covered = reduce ? new long[(int) (((long) gw * gh + 63) >>> 6)] : null;
        uphill = new UphillMarks(t);
    }

    /** Forgets every point fed, keeping the transform (and the memory). */
    public void reset() {
        generation++;
        if (covered != null) {
            Arrays.fill(covered, 0L);
        }
        Arrays.fill(recent, 0L);
        uphill.reset();
        size = 0;
        lines = 0;
        fed = 0;
        lastFinite = -1;
        nonFinite = false;
        lastX = Double.NaN;
        lastY = Double.NaN;
        penDown = false;
        pathAtPen = false;
        pending = false;
        lastSkipped = false;
    }

    /** The most segments a path of this tracer can hold: one per pixel of the clip box, plus the end. */
    public long maxSegments() {
        return covered == null ? Long.MAX_VALUE : (long) gw * gh + 2;
    }

    /** Points fed so far (including any after the first non-finite one, which are ignored). */
    public int fed() {
        return fed;
    }

    /** Index (in feeding order) of the last finite point before any non-finite one; -1 before any. */
    public int lastFinite() {
        return lastFinite;
    }

    /** Whether a non-finite point was met (the line stops there). */
    public boolean hitNonFinite() {
        return nonFinite;
    }

    /** The last finite point, data coordinates; NaN before any. */
    public double lastX() {
        return lastX;
    }

    public double lastY() {
        return lastY;
    }

    /** Line segments in {@link #shape()} now. */
    public int segments() {
        return lines + (tail() == 0 ? 0 : 1);
    }

    /** The marks of the uphill steps fed so far. */
    public UphillMarks uphillMarks() {
        return uphill;
    }

    /** Feeds the next position of the run, marking it when the step that reached it raised f. */
    public void add(double x, double y, boolean raisedF) {
        add(x, y);
        if (raisedF && !nonFinite) {
            uphill.add(x, y);
        }
    }

    /** Feeds the next position of the run. */
    public void add(double x, double y) {
        int i = fed++;
        if (nonFinite) {
            return;
        }
        if (!(x - x == 0 && y - y == 0)) {
            nonFinite = true;
            return;
        }
        lastFinite = i;
        lastX = x;
        lastY = y;
        double px = ax;
        double py = ay;
        ax = x;
        ay = y;
        if (i == 0) {
            if (inBox(x, y)) {
                lpx = ox + x * sx;
                lpy = oy - y * sy;
                penDown = true;
                pathAtPen = false;
                mark(lpx, lpy);
            }
            return;
        }
        boolean aIn = inBox(px, py);
        boolean bIn = inBox(x, y);
        double cx0 = px;
        double cy0 = py;
        double cx1 = x;
        double cy1 = y;
        if (!(aIn && bIn)) {
            // Liang–Barsky
            double dx = x - px;
            double dy = y - py;
            if (!(Double.isFinite(dx) && Double.isFinite(dy))) {
                liftPen();
                return;
            }
            double t0 = 0;
            double t1 = 1;
            boolean visible = true;
            for (int k = 0; k < 4 && visible; k++) {
                double p;
                double q;
                switch (k) {
                    case 0 -> { p = -dx; q = px - bx0; }
                    case 1 -> { p = dx; q = bx1 - px; }
                    case 2 -> { p = -dy; q = py - by0; }
                    default -> { p = dy; q = by1 - py; }
                }
                if (p == 0) {
                    if (q < 0) {
                        visible = false;
                    }
                } else {
                    double r = q / p;
                    if (p < 0) {
                        if (r > t1) {
                            visible = false;
                        } else if (r > t0) {
                            t0 = r;
                        }
                    } else {
                        if (r < t0) {
                            visible = false;
                        } else if (r < t1) {
                            t1 = r;
                        }
                    }
                }
            }
            if (!visible) {
                liftPen();
                return;
            }
            cx0 = px + t0 * dx;
            cy0 = py + t0 * dy;
            cx1 = px + t1 * dx;
            cy1 = py + t1 * dy;
        }
        double qx0 = ox + cx0 * sx;
        double qy0 = oy - cy0 * sy;
        double qx1 = ox + cx1 * sx;
        double qy1 = oy - cy1 * sy;
        if (!penDown || !aIn) {
            liftPen();
            lpx = qx0;
            lpy = qy0;
            penDown = true;
            pathAtPen = false;
            lastSkipped = false;
            mark(qx0, qy0);
        }
        double ddx = qx1 - lpx;
        double ddy = qy1 - lpy;
        if (bIn && ddx * ddx + ddy * ddy < 0.25) {
            // too close to draw; remember it so the line still ends where the run is
            pending = true;
            pendX = qx1;
            pendY = qy1;
        } else {
            pending = false;
            if (markSegment(lpx, lpy, qx1, qy1)) {
                lineTo(qx1, qy1);
            } else {
                // every pixel of it is drawn already
                skipX = lpx;
                skipY = lpy;
                lastSkipped = true;
                lpx = qx1;
                lpy = qy1;
                pathAtPen = false;
            }
        }
        if (!bIn) {
            liftPen();
        }
    }

    private boolean inBox(double x, double y) {
        return x >= bx0 && x <= bx1 && y >= by0 && y <= by1;
    }

    /** Ends the current piece: the held-back point is drawn if it reaches a new pixel. */
    private void liftPen() {
        if (pending) {
            pending = false;
            if (markSegment(lpx, lpy, pendX, pendY)) {
                lineTo(pendX, pendY);
            }
        }
        penDown = false;
    }

    private void lineTo(double x, double y) {
        if (!pathAtPen) {
            append(lpx, lpy, true);
        }
        append(x, y, false);
        lines++;
        lastSkipped = false;
        lpx = x;
        lpy = y;
        pathAtPen = true;
    }

    private void append(double x, double y, boolean move) {
        if (2 * size + 2 > xy.length) {
            xy = Arrays.copyOf(xy, xy.length * 2);
            moves = Arrays.copyOf(moves, moves.length * 2);
        }
        xy[2 * size] = x;
        xy[2 * size + 1] = y;
        moves[size] = move;
        size++;
    }

    /** The pixel under (x, y) as a number, 1 + its index in the grid; 0 outside it. */
    private long cell(double x, double y) {
        int cx = (int) (x - gx0);
        int cy = (int) (y - gy0);
        if (cx < 0 || cy < 0 || cx >= gw || cy >= gh) {
            return 0;
        }
        return 1 + (long) cy * gw + cx;
    }

    /** Marks the pixel under (x, y); true when it was not marked before. */
    private boolean mark(double x, double y) {
        if (covered == null) {
            return true;
        }
        int cx = (int) (x - gx0);
        int cy = (int) (y - gy0);
        if (cx < 0 || cy < 0 || cx >= gw || cy >= gh) {
            return false;
        }
        long bit = (long) cy * gw + cx;
        int w = (int) (bit >>> 6);
        long m = 1L << (bit & 63);
        if ((covered[w] & m) != 0) {
            return false;
        }
        covered[w] |= m;
        return true;
    }

    /**
     * Marks the pixels along a segment, sampled at most a pixel apart; true when any was new. A
     * segment between the same two pixels as a recent one is within a pixel of it everywhere and
     * counts as drawn without walking it, so a run swinging between two points costs O(1) a step.
     */
    private boolean markSegment(double x0, double y0, double x1, double y1) {
        if (covered == null) {
            return true;
        }
        long key = cell(x0, y0) * 0x9E3779B97F4A7C15L + cell(x1, y1);
        int slot = (int) ((key ^ (key >>> 29)) & (recent.length - 1));
        if (recent[slot] == key && key != 0) {
            return false;
        }
        recent[slot] = key;
        double dx = x1 - x0;
        double dy = y1 - y0;
        int n = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
        boolean fresh = false;
        for (int k = 1; k <= n; k++) {
            double f = k / (double) n;
            fresh |= mark(x0 + f * dx, y0 + f * dy);
        }
        return fresh | mark(x1, y1);
    }

    /**
     * What the end of the shape adds to the stored path so the line ends at the last point: 0
     * nothing, 1 a line to the held-back point, 2 the last skipped segment again.
     */
    private int tail() {
        if (!penDown) {
            return 0;
        }
        if (pending) {
            return 1;
        }
        return lastSkipped ? 2 : 0;
    }

    /** The path as it stands, a live view: later feeding changes what it iterates. */
    public Shape shape() {
        return new LiveShape(0, -1);
    }

    /**
     * The live path from stored point {@code from} on (a move there, then as {@link #shape()}): what
     * a frame adds over a layer that already holds the stored points before {@code from}.
     */
    public Shape shapeFrom(int from) {
        return new LiveShape(Math.max(0, from), -1);
    }

    /**
     * The stored points [from, to) as a path starting with a move to point {@code from}, without the
     * live end: what a cached layer draws once. Point indices count {@link #stored()} points.
     */
    public Shape storedShape(int from, int to) {
        return new LiveShape(Math.max(0, from), Math.max(0, Math.min(to, size)));
    }

    /** Points stored in the path so far; the live end adds at most two more. */
    public int stored() {
        return size;
    }

    /** Pixel coordinates of stored point {@code i}, {x, y}. */
    public double storedX(int i) {
        return xy[2 * i];
    }

    public double storedY(int i) {
        return xy[2 * i + 1];
    }

    /** Increments on every {@link #reset()}: a path stored from earlier is no longer a prefix of this one. */
    public int generation() {
        return generation;
    }

    private final class LiveShape implements Shape {
        private final int from;
        private final int to; // -1: every stored point and the live end

        LiveShape(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public PathIterator getPathIterator(AffineTransform at) {
            if (to >= 0) {
                return new Iter(from, Math.max(from, to), new double[0], new boolean[0], at);
            }
            // snapshot of the stored path plus the tail that makes it end at the last point
            int n = size;
            double[] extra;
            boolean[] extraMoves;
            int t = tail();
            if (t == 1 && pathAtPen && from < n) {
                extra = new double[] {pendX, pendY};
                extraMoves = new boolean[] {false};
            } else if (t == 1) {
                extra = new double[] {lpx, lpy, pendX, pendY};
                extraMoves = new boolean[] {true, false};
            } else if (t == 2) {
                extra = new double[] {skipX, skipY, lpx, lpy};
                extraMoves = new boolean[] {true, false};
            } else {
                extra = new double[0];
                extraMoves = new boolean[0];
            }
            return new Iter(Math.min(from, n), n, extra, extraMoves, at);
        }

        @Override
        public PathIterator getPathIterator(AffineTransform at, double flatness) {
            return getPathIterator(at);
        }

        @Override
        public Rectangle getBounds() {
            return getBounds2D().getBounds();
        }

        @Override
        public Rectangle2D getBounds2D() {
            double x0 = Double.POSITIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            PathIterator it = getPathIterator(null);
            double[] c = new double[6];
            while (!it.isDone()) {
                it.currentSegment(c);
                x0 = Math.min(x0, c[0]);
                y0 = Math.min(y0, c[1]);
                x1 = Math.max(x1, c[0]);
                y1 = Math.max(y1, c[1]);
                it.next();
            }
            return x0 > x1 ? new Rectangle2D.Double() : new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
        }

        @Override
        public boolean contains(double x, double y) {
            return false;
        }

        @Override
        public boolean contains(Point2D p) {
            return false;
        }

        @Override
        public boolean intersects(double x, double y, double w, double h) {
            return getBounds2D().intersects(x, y, w, h);
        }

        @Override
        public boolean intersects(Rectangle2D r) {
            return getBounds2D().intersects(r);
        }

        @Override
        public boolean contains(double x, double y, double w, double h) {
            return false;
        }

        @Override
        public boolean contains(Rectangle2D r) {
            return false;
        }
    }

    /**
     * Iterates stored points [first, n), then the extra ones, the first of all as a move; the arrays
     * it reads only grow.
     */
    private final class Iter implements PathIterator {
        private final int first;
        private final int n;
        private final double[] extra;
        private final boolean[] extraMoves;
        private final AffineTransform at;
        private final double[] points = xy;
        private final boolean[] kinds = moves;
        private int i;

        Iter(int first, int n, double[] extra, boolean[] extraMoves, AffineTransform at) {
            this.first = first;
            this.i = first;
            this.n = n;
            this.extra = extra;
            this.extraMoves = extraMoves;
            this.at = at;
        }

        @Override
        public int getWindingRule() {
            return WIND_NON_ZERO;
        }

        @Override
        public boolean isDone() {
            return i >= n + extraMoves.length;
        }

        @Override
        public void next() {
            i++;
        }

        @Override
        public int currentSegment(float[] coords) {
            boolean move;
            double x;
            double y;
            if (i < n) {
                x = points[2 * i];
                y = points[2 * i + 1];
                move = kinds[i];
            } else {
                int k = i - n;
                x = extra[2 * k];
                y = extra[2 * k + 1];
                move = extraMoves[k];
            }
            if (at != null) {
                double[] d = {x, y};
                at.transform(d, 0, d, 0, 1);
                x = d[0];
                y = d[1];
            }
            coords[0] = (float) x;
            coords[1] = (float) y;
            return move || i == first ? SEG_MOVETO : SEG_LINETO;
        }

        @Override
        public int currentSegment(double[] coords) {
            boolean move;
            if (i < n) {
                coords[0] = points[2 * i];
                coords[1] = points[2 * i + 1];
                move = kinds[i];
            } else {
                int k = i - n;
                coords[0] = extra[2 * k];
                coords[1] = extra[2 * k + 1];
                move = extraMoves[k];
            }
            if (at != null) {
                at.transform(coords, 0, coords, 0, 1);
            }
            return move || i == first ? SEG_MOVETO : SEG_LINETO;
        }
    }
}
