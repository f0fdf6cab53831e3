package dev.descent.render;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Strokes a polyline anti-aliased, with round caps and joins, straight into the {@code int[]} of an
 * {@code INT_RGB}, {@code INT_ARGB} or {@code INT_ARGB_PRE} image: what {@link TrajectoryPainter}
 * draws a path's outline and line with when the Graphics2D allows it ({@link #target}), several times
 * faster than Java2D's rasteriser, which walks every row and column a path spans.
 *
 * <p>A pixel's coverage is that of a line of width {@code w} seen through a one-pixel box at the
 * pixel's centre, from its distance {@code d} to the nearest segment of the path:
 * {@code min(d + ½, w/2) − max(d − ½, −w/2)}, clamped to [0, 1] (for lines of a pixel or more:
 * {@code w/2 + ½ − d}). Taking the nearest segment makes joins and caps round and lets a path cross
 * itself without darkening: every pixel is painted once per stroke, its coverage times the colour's
 * alpha composited (source over) in the colour. Coverage depends on the path alone and the clip only
 * limits which pixels are written, so a picture painted in bands ({@link Bands}) is the one-pass
 * picture pixel for pixel.
 *
 * <p>Each pixel is looked at about once: from the band along the segment its nearest point lies in,
 * or from the wedge of a round join or the half disc of a cap (see {@code Scratch.walk}). Segments
 * are clipped (in doubles) to the clip grown beyond the line's reach, so coordinates far outside the
 * image cost nothing; non-finite points lift the pen. Each thread strokes with its own scratch
 * buffers (a nearness per pixel of the largest image it painted, kept zero between strokes).
 */
final class LineRaster {

    private static final int RGB = BufferedImage.TYPE_INT_RGB;
    private static final int ARGB = BufferedImage.TYPE_INT_ARGB;
    private static final int ARGB_PRE = BufferedImage.TYPE_INT_ARGB_PRE;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Where the lines go: the pixels, their layout and the clip in pixels, [x0, x1) × [y0, y1). */
    record Target(int[] pixels, int offset, int stride, int type, int x0, int y0, int x1, int y1) {

        /** Strokes {@code path} (device pixels) with a line {@code width} pixels wide in {@code color}. */
        void stroke(Shape path, double width, Color color) {
            if (visible(width, color)) {
                SCRATCH.get().stroke(this, path, width, color, 0, null);
            }
        }

        /**
         * Strokes {@code path} twice, as {@link #stroke} would one after the other: {@code width} in
         * {@code color}, then {@code innerWidth} in {@code inner} over it; the path is walked once.
         */
        void stroke(Shape path, double width, Color color, double innerWidth, Color inner) {
            if (!visible(width, color)) {
                stroke(path, innerWidth, inner);
            } else if (!visible(innerWidth, inner) || innerWidth > width) {
                stroke(path, width, color);
                stroke(path, innerWidth, inner);
            } else {
                SCRATCH.get().stroke(this, path, width, color, innerWidth, inner);
            }
        }

        /** As {@link #stroke(Shape, double, Color)}, walking every segment's whole capsule: the plain way, for tests. */
        void strokeCapsules(Shape path, double width, Color color) {
            if (visible(width, color)) {
                Scratch sc = SCRATCH.get();
                sc.capsules = true;
                try {
                    sc.stroke(this, path, width, color, 0, null);
                } finally {
                    sc.capsules = false;
                }
            }
        }

        private boolean visible(double width, Color color) {
            return x0 < x1 && y0 < y1 && width > 0 && color != null && color.getAlpha() > 0;
        }
    }

    private LineRaster() {
    }

    /**
     * The pixels {@code g} draws into, when its lines can be stroked here exactly as Java2D would
     * place them: made by {@link DirectPixels#createGraphics} over an int-packed RGB or ARGB image of
     * its own, with no transform, source-over at full opacity, anti-aliasing on with pure strokes, and
     * a rectangular clip (or none). Null otherwise: draw through Java2D.
     */
    static Target target(Graphics2D g) {
        BufferedImage img = DirectPixels.imageOf(g);
        if (img == null) {
            return null;
        }
        int type = img.getType();
        if (type != RGB && type != ARGB && type != ARGB_PRE) {
            return null;
        }
        WritableRaster raster = img.getRaster();
        if (raster.getParent() != null || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || !(raster.getDataBuffer() instanceof DataBufferInt data) || data.getNumBanks() != 1
                || !(raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm)) {
            return null;
        }
        if (!g.getTransform().isIdentity()
                || g.getRenderingHint(RenderingHints.KEY_ANTIALIASING) != RenderingHints.VALUE_ANTIALIAS_ON
                || g.getRenderingHint(RenderingHints.KEY_STROKE_CONTROL) != RenderingHints.VALUE_STROKE_PURE) {
            return null;
        }
        Composite c = g.getComposite();
        if (!(c instanceof AlphaComposite ac) || ac.getRule() != AlphaComposite.SRC_OVER || ac.getAlpha() != 1f) {
            return null;
        }
        int x0 = 0;
        int y0 = 0;
        int x1 = img.getWidth();
        int y1 = img.getHeight();
        Shape clip = g.getClip();
        if (clip != null) {
            if (!(clip instanceof Rectangle2D r)) {
                return null;
            }
            if (r.isEmpty()) {
                return new Target(data.getData(), data.getOffset(), sm.getScanlineStride(), type, 0, 0, 0, 0);
            }
            // the pixels Java2D's clip keeps: those whose centre lies inside (java.awt Region.clipRound)
            x0 = Math.max(x0, clipRound(r.getMinX()));
            y0 = Math.max(y0, clipRound(r.getMinY()));
            x1 = Math.min(x1, clipRound(r.getMaxX()));
            y1 = Math.min(y1, clipRound(r.getMaxY()));
        }
        return new Target(data.getData(), data.getOffset(), sm.getScanlineStride(), type, x0, y0, x1, y1);
    }

    private static int clipRound(double v) {
        double t = Math.ceil(v - 0.5);
        return t <= Integer.MIN_VALUE ? Integer.MIN_VALUE : t >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) t;
    }

    /**
     * A thread's nearness per pixel (kept all zero between strokes) and the pixels a stroke touched.
     * A pixel's nearness is {@code reach² − d²} for its distance {@code d} to the nearest segment
     * walked so far, positive within the wider line's reach: the largest over the segments is the
     * nearest one, and both lines' coverages follow from it.
     */
    private static final class Scratch {
        /** Walk every segment's whole capsule (the plain way, for tests) instead of the chained pieces. */
        private boolean capsules;
        private float[] near = new float[0];
        private int[] touched = new int[4096];
        private int count;
        // the stroke under way
        private int offset;
        private int stride;
        private int cx0;
        private int cy0;
        private int cx1;
        private int cy1;
        private double reach;
        private double reach2;
        private double bx0;
        private double by0;
        private double bx1;
        private double by1;

        void stroke(Target t, Shape path, double width, Color color, double innerWidth, Color inner) {
            int size = t.offset() + t.y1() * t.stride();
            if (near.length < size) {
                near = new float[size];
            }
            offset = t.offset();
            stride = t.stride();
            cx0 = t.x0();
            cy0 = t.y0();
            cx1 = t.x1();
            cy1 = t.y1();
            reach = width / 2 + 0.5;
            reach2 = reach * reach;
            double margin = reach + 2;
            bx0 = cx0 - margin;
            by0 = cy0 - margin;
            bx1 = cx1 + margin;
            by1 = cy1 + margin;
            count = 0;
            try {
                if (capsules) {
                    walkCapsules(path);
                } else {
                    walk(path);
                }
                composite(t, width, color, innerWidth, inner);
            } finally {
                for (int k = 0; k < count; k++) {
                    near[touched[k]] = 0;
                }
                count = 0;
            }
        }

        /**
         * Takes the path's nearness into the pixels. Each pixel is walked from a piece that holds the
         * point of the path nearest to it: the band along a segment (nearest point inside it), the
         * wedge of a join's disc outside both segments' bands, the half disc of a cap. So a pixel is
         * looked at about once, not once per segment within reach as {@link #walkCapsules} does
         * (the plain walk the tests hold this one to); either gives every pixel its distance to
         * the nearest segment.
         */
        private void walk(Shape path) {
            PathIterator it = path.getPathIterator(null, 0.1);
            double[] c = new double[6];
            double mx = Double.NaN;
            double my = Double.NaN;
            while (!it.isDone()) {
                int kind = it.currentSegment(c);
                if (kind == PathIterator.SEG_MOVETO) {
                    endChain();
                    mx = c[0];
                    my = c[1];
                    penX = mx;
                    penY = my;
                } else if (kind == PathIterator.SEG_LINETO) {
                    lineTo(c[0], c[1]);
                } else if (kind == PathIterator.SEG_CLOSE) {
                    lineTo(mx, my);
                }
                it.next();
            }
            endChain();
        }

        // the chain of segments under way: the pen, whether a segment of it was drawn and its direction, a lone point
        private double penX;
        private double penY;
        private boolean chained;
        private double lastDx;
        private double lastDy;
        private boolean dot;

        private void lineTo(double x, double y) {
            double dx = x - penX;
            double dy = y - penY;
            if (!(dx - dx == 0 && dy - dy == 0)) {
                // a non-finite point (or one so far that the step overflows): the pen is lifted there
                endChain();
                penX = x;
                penY = y;
                return;
            }
            if (dx == 0 && dy == 0) {
                dot = true; // a zero-length segment: a round dot unless a real segment is drawn from here
                return;
            }
            if (chained) {
                wedge(penX, penY, lastDx, lastDy, -dx, -dy); // the round join
            } else {
                wedge(penX, penY, -dx, -dy, 0, 0); // the start's round cap
            }
            band(penX, penY, x, y);
            chained = true;
            dot = false;
            lastDx = dx;
            lastDy = dy;
            penX = x;
            penY = y;
        }

        private void endChain() {
            if (chained) {
                wedge(penX, penY, lastDx, lastDy, 0, 0); // the end's round cap
            } else if (dot) {
                wedge(penX, penY, 0, 0, 0, 0);
            }
            chained = false;
            dot = false;
        }

        /** A little slack on the bounds of a piece: a pixel on a boundary is looked at from both sides. */
        private static final double SLACK = 1e-6;

        /**
         * Takes the nearness to point (vx, vy) into the pixels within reach of it that lie on the
         * side of (ux, uy) and of (wx, wy) (a zero vector: no condition): a round join's wedge, a
         * cap's half disc or a dot.
         */
        private void wedge(double vx, double vy, double ux, double uy, double wx, double wy) {
            if (!(vx >= bx0 && vx <= bx1 && vy >= by0 && vy <= by1)) {
                return; // too far outside to reach a kept pixel
            }
            int ylo = Math.max(cy0, (int) Math.ceil(vy - reach - 0.5));
            int yhi = Math.min(cy1 - 1, (int) Math.floor(vy + reach - 0.5));
            float[] nr = near;
            for (int y = ylo; y <= yhi; y++) {
                double ey = y + 0.5 - vy;
                double lo = Double.NEGATIVE_INFINITY;
                double hi = Double.POSITIVE_INFINITY;
                // (x − vx)·ux + ey·uy ≥ 0, and the same with w
                if (ux > 0) {
                    lo = -ey * uy / ux - SLACK;
                } else if (ux < 0) {
                    hi = -ey * uy / ux + SLACK;
                } else if (ey * uy < -SLACK) {
                    continue;
                }
                if (wx > 0) {
                    lo = Math.max(lo, -ey * wy / wx - SLACK);
                } else if (wx < 0) {
                    hi = Math.min(hi, -ey * wy / wx + SLACK);
                } else if (ey * wy < -SLACK) {
                    continue;
                }
                double ha = reach2 - ey * ey;
                if (!(lo <= hi) || ha <= 0) {
                    continue;
                }
                double h = Math.sqrt(ha);
                lo = Math.max(lo, -h);
                hi = Math.min(hi, h);
                int xlo = Math.max(cx0, (int) Math.ceil(vx + lo - 0.5));
                int xhi = Math.min(cx1 - 1, (int) Math.floor(vx + hi - 0.5));
                int row = offset + y * stride;
                double ey2 = ey * ey;
                for (int x = xlo; x <= xhi; x++) {
                    double ex = x + 0.5 - vx;
                    take(nr, row + x, (float) (reach2 - (ex * ex + ey2)));
                }
            }
        }

        /** Takes the nearness to segment a→b into the pixels whose nearest point on it lies inside it. */
        private void band(double ax, double ay, double bx, double by) {
            double dx = bx - ax;
            double dy = by - ay;
            if (!(ax >= bx0 && ax <= bx1 && ay >= by0 && ay <= by1 && bx >= bx0 && bx <= bx1 && by >= by0 && by <= by1)) {
                double[] cut = clipToBox(ax, ay, bx, by);
                if (cut == null) {
                    return;
                }
                ax = cut[0];
                ay = cut[1];
                bx = cut[2];
                by = cut[3];
                dx = bx - ax;
                dy = by - ay;
            }
            double l2 = dx * dx + dy * dy;
            if (!(l2 > 0)) {
                return;
            }
            double inv = 1 / l2;
            double across = reach * Math.sqrt(l2);
            int ylo = Math.max(cy0, (int) Math.ceil(Math.min(ay, by) - reach - 0.5));
            int yhi = Math.min(cy1 - 1, (int) Math.floor(Math.max(ay, by) + reach - 0.5));
            float[] nr = near;
            for (int y = ylo; y <= yhi; y++) {
                double ey = y + 0.5 - ay;
                // x − ax with |dx·ey − dy·(x − ax)| < reach·|ab| and 0 ≤ (x − ax)·dx + ey·dy ≤ |ab|²
                double lo;
                double hi;
                if (dy != 0) {
                    double u = (dx * ey - across) / dy;
                    double v = (dx * ey + across) / dy;
                    lo = Math.min(u, v);
                    hi = Math.max(u, v);
                } else if (Math.abs(dx * ey) < across) {
                    lo = Double.NEGATIVE_INFINITY;
                    hi = Double.POSITIVE_INFINITY;
                } else {
                    continue;
                }
                double eyd = ey * dy;
                if (dx != 0) {
                    double u = -eyd / dx;
                    double v = (l2 - eyd) / dx;
                    lo = Math.max(lo, Math.min(u, v));
                    hi = Math.min(hi, Math.max(u, v));
                } else if (eyd < -SLACK || eyd > l2 + SLACK) {
                    continue;
                }
                if (!(lo <= hi + 2 * SLACK)) {
                    continue;
                }
                int xlo = Math.max(cx0, (int) Math.ceil(ax + lo - SLACK - 0.5));
                int xhi = Math.min(cx1 - 1, (int) Math.floor(ax + hi + SLACK - 0.5));
                int row = offset + y * stride;
                for (int x = xlo; x <= xhi; x++) {
                    double ex = x + 0.5 - ax;
                    double t = (ex * dx + eyd) * inv;
                    t = t < 0 ? 0 : t > 1 ? 1 : t;
                    double qx = ex - t * dx;
                    double qy = ey - t * dy;
                    take(nr, row + x, (float) (reach2 - (qx * qx + qy * qy)));
                }
            }
        }

        /** Keeps the larger nearness of pixel i, noting the pixel when it is touched the first time. */
        private void take(float[] nr, int i, float q) {
            float old = nr[i];
            if (q > old) {
                if (old == 0) {
                    if (count == touched.length) {
                        touched = java.util.Arrays.copyOf(touched, count * 2);
                    }
                    touched[count++] = i;
                }
                nr[i] = q;
            }
        }

        /**
         * The part of segment a→b inside the clip grown beyond the line's reach (Liang–Barsky), as
         * {x0, y0, x1, y1} from a towards b; null when none is. The segment is followed from its end
         * nearer the clip, so a far end (1e300) costs no precision near the image.
         */
        private double[] clipToBox(double ax, double ay, double bx, double by) {
            double mx = (bx0 + bx1) / 2;
            double my = (by0 + by1) / 2;
            boolean fromB = Math.abs(ax - mx) + Math.abs(ay - my) > Math.abs(bx - mx) + Math.abs(by - my);
            double ox = fromB ? bx : ax;
            double oy = fromB ? by : ay;
            double dx = fromB ? ax - bx : bx - ax;
            double dy = fromB ? ay - by : by - ay;
            double t0 = 0;
            double t1 = 1;
            for (int k = 0; k < 4; k++) {
                double p = k == 0 ? -dx : k == 1 ? dx : k == 2 ? -dy : dy;
                double q = k == 0 ? ox - bx0 : k == 1 ? bx1 - ox : k == 2 ? oy - by0 : by1 - oy;
                if (p == 0) {
                    if (q < 0) {
                        return null;
                    }
                } else if (p < 0) {
                    t0 = Math.max(t0, q / p);
                } else {
                    t1 = Math.min(t1, q / p);
                }
            }
            if (!(t0 <= t1)) {
                return null;
            }
            double x0 = ox + t0 * dx;
            double y0 = oy + t0 * dy;
            double x1 = ox + t1 * dx;
            double y1 = oy + t1 * dy;
            return fromB ? new double[] {x1, y1, x0, y0} : new double[] {x0, y0, x1, y1};
        }

        /** The plain walk: every segment's whole capsule (two discs and the band), a pixel once per segment in reach. */
        private void walkCapsules(Shape path) {
            PathIterator it = path.getPathIterator(null, 0.1);
            double[] c = new double[6];
            double mx = Double.NaN;
            double my = Double.NaN;
            double lx = Double.NaN;
            double ly = Double.NaN;
            while (!it.isDone()) {
                int kind = it.currentSegment(c);
                if (kind == PathIterator.SEG_MOVETO) {
                    mx = c[0];
                    my = c[1];
                    lx = mx;
                    ly = my;
                } else if (kind == PathIterator.SEG_LINETO) {
                    segment(lx, ly, c[0], c[1]);
                    lx = c[0];
                    ly = c[1];
                } else if (kind == PathIterator.SEG_CLOSE) {
                    segment(lx, ly, mx, my);
                    lx = mx;
                    ly = my;
                }
                it.next();
            }
        }

        /** Takes one segment's nearness into every pixel within its reach (a dot when both ends are one point). */
        private void segment(double ax, double ay, double bx, double by) {
            if (!(ax - ax == 0 && ay - ay == 0 && bx - bx == 0 && by - by == 0)) {
                return; // a non-finite end: the pen is lifted there
            }
            double dx = bx - ax;
            double dy = by - ay;
            if (!(dx - dx == 0 && dy - dy == 0)) {
                return; // a step so long it overflows: the pen is lifted too
            }
            if (!(ax >= bx0 && ax <= bx1 && ay >= by0 && ay <= by1 && bx >= bx0 && bx <= bx1 && by >= by0 && by <= by1)) {
                // the part that can touch a kept pixel
                double[] cut = clipToBox(ax, ay, bx, by);
                if (cut == null) {
                    return;
                }
                ax = cut[0];
                ay = cut[1];
                bx = cut[2];
                by = cut[3];
                dx = bx - ax;
                dy = by - ay;
            }
            double l2 = dx * dx + dy * dy;
            double inv = l2 > 0 ? 1 / l2 : 0;
            double across = reach * Math.sqrt(l2);
            int ylo = Math.max(cy0, (int) Math.ceil(Math.min(ay, by) - reach - 0.5));
            int yhi = Math.min(cy1 - 1, (int) Math.floor(Math.max(ay, by) + reach - 0.5));
            float[] nr = near;
            for (int y = ylo; y <= yhi; y++) {
                double yc = y + 0.5;
                // the columns within reach: the row's chord through the capsule (two discs and the band between)
                double ey = yc - ay;
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                double ha = reach2 - ey * ey;
                if (ha > 0) {
                    double h = Math.sqrt(ha);
                    lo = ax - h;
                    hi = ax + h;
                }
                double eb = yc - by;
                double hb = reach2 - eb * eb;
                if (hb > 0) {
                    double h = Math.sqrt(hb);
                    lo = Math.min(lo, bx - h);
                    hi = Math.max(hi, bx + h);
                }
                if (l2 > 0) {
                    // x − ax with |dx·ey − dy·(x − ax)| < reach·|ab| and 0 ≤ (x − ax)·dx + ey·dy ≤ |ab|²
                    double sl = Double.NEGATIVE_INFINITY;
                    double sh = Double.POSITIVE_INFINITY;
                    if (dy != 0) {
                        double u = (dx * ey - across) / dy;
                        double v = (dx * ey + across) / dy;
                        sl = Math.min(u, v);
                        sh = Math.max(u, v);
                    } else if (Math.abs(dx * ey) >= across) {
                        sh = sl;
                        sl = Double.POSITIVE_INFINITY;
                    }
                    if (dx != 0) {
                        double u = -ey * dy / dx;
                        double v = (l2 - ey * dy) / dx;
                        sl = Math.max(sl, Math.min(u, v));
                        sh = Math.min(sh, Math.max(u, v));
                    } else if (ey * dy < 0 || ey * dy > l2) {
                        sl = Double.POSITIVE_INFINITY;
                    }
                    if (sl <= sh) {
                        lo = Math.min(lo, ax + sl);
                        hi = Math.max(hi, ax + sh);
                    }
                }
                if (!(lo <= hi)) {
                    continue;
                }
                int xlo = Math.max(cx0, (int) Math.ceil(lo - 0.5));
                int xhi = Math.min(cx1 - 1, (int) Math.floor(hi - 0.5));
                double eyd = ey * dy;
                int row = offset + y * stride;
                for (int x = xlo; x <= xhi; x++) {
                    double ex = x + 0.5 - ax;
                    double t = (ex * dx + eyd) * inv;
                    t = t < 0 ? 0 : t > 1 ? 1 : t;
                    double qx = ex - t * dx;
                    double qy = ey - t * dy;
                    float q = (float) (reach2 - (qx * qx + qy * qy));
                    int i = row + x;
                    float old = nr[i];
                    if (q > old) {
                        if (old == 0) {
                            if (count == touched.length) {
                                touched = java.util.Arrays.copyOf(touched, count * 2);
                            }
                            touched[count++] = i;
                        }
                        nr[i] = q;
                    }
                }
            }
        }

        /** Paints every touched pixel once per line, source over, the wider line first. */
        private void composite(Target t, double width, Color color, double innerWidth, Color inner) {
            int[] p = t.pixels();
            int type = t.type();
            int argb = color.getRGB();
            int argb2 = inner == null ? 0 : inner.getRGB();
            double half = width / 2;
            double half2 = innerWidth / 2;
            boolean two = inner != null;
            // where an opaque inner line covers a pixel fully, the pixel is that colour whatever lay under it
            double core = half2 - 0.5;
            float solid = two && argb2 >>> 24 == 255 && core > 0 ? (float) (reach2 - core * core) : Float.POSITIVE_INFINITY;
            int solidPixel = type == RGB ? argb2 | 0xFF000000 : argb2;
            for (int k = 0; k < count; k++) {
                int i = touched[k];
                float q = near[i];
                if (q >= solid) {
                    p[i] = solidPixel;
                    continue;
                }
                double d = Math.sqrt(Math.max(0, reach2 - q));
                int c = coverage(d, half);
                if (c > 0) {
                    p[i] = over(p[i], argb, c, type);
                }
                if (two) {
                    c = coverage(d, half2);
                    if (c > 0) {
                        p[i] = over(p[i], argb2, c, type);
                    }
                }
            }
        }
    }

    /**
     * The coverage (0–255) of a pixel whose centre is {@code d} from a line's axis, the line {@code
     * 2 half} wide: how much of the pixel's one-pixel box across the axis the line fills.
     */
    static int coverage(double d, double half) {
        double a = Math.min(d + 0.5, half) - Math.max(d - 0.5, -half);
        return a <= 0 ? 0 : a >= 1 ? 255 : (int) (a * 255 + 0.5);
    }

    /** Colour {@code argb} at coverage {@code c} (0–255) over pixel {@code d} of an image of {@code type}. */
    static int over(int d, int argb, int c, int type) {
        int a = mul8(c, argb >>> 24);
        if (a == 0) {
            return d;
        }
        int sr = (argb >> 16) & 0xFF;
        int sg = (argb >> 8) & 0xFF;
        int sb = argb & 0xFF;
        int na = 255 - a;
        int dr = (d >> 16) & 0xFF;
        int dg = (d >> 8) & 0xFF;
        int db = d & 0xFF;
        if (type == RGB) {
            return 0xFF000000 | div255(sr * a + dr * na) << 16 | div255(sg * a + dg * na) << 8 | div255(sb * a + db * na);
        }
        if (type == ARGB_PRE) {
            int da = d >>> 24;
            return div255(255 * a + da * na) << 24 | div255(sr * a + dr * na) << 16 | div255(sg * a + dg * na) << 8
                    | div255(sb * a + db * na);
        }
        int da = div255((d >>> 24) * na); // what shows of the destination
        int ra = a + da;
        int h = ra / 2;
        return ra << 24 | (sr * a + dr * da + h) / ra << 16 | (sg * a + dg * da + h) / ra << 8 | (sb * a + db * da + h) / ra;
    }

    /** a·b/255, rounded, for a and b in [0, 255]. */
    static int mul8(int a, int b) {
        return div255(a * b);
    }

    /** t/255, rounded, for t in [0, 255·255]. */
    static int div255(int t) {
        int u = t + 128;
        return (u + (u >> 8)) >> 8;
    }
}
