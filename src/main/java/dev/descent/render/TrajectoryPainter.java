package dev.descent.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;

/**
 * Draws a run's path as a polyline in its colour over a slightly darker outline, then its start,
 * head and (when it has diverged) a red ✕ at its last finite point.
 *
 * <p>Robust to what optimizers produce: the line stops at the first non-finite point; segments are
 * clipped in data coordinates to a margin around the view before they become pixels, so points at
 * 1e300 neither overflow nor make the rasteriser crawl; runs of points closer than half a pixel are
 * thinned, so a million-step trajectory costs one pass and a short path.
 */
public final class TrajectoryPainter {

    /** Which markers to draw with the line. */
    public record Markers(boolean start, boolean head) {
        public static final Markers ALL = new Markers(true, true);
        public static final Markers NONE = new Markers(false, false);
    }

    private TrajectoryPainter() {
    }

    /** The path in pixels, and the last finite point (data coordinates) the run reached. */
    public record Traced(Path2D.Double path, int lastFinite, boolean hitNonFinite) {
    }

    /**
     * Builds the pixel path of points [from, count) of the run: clipped to the view plus a margin,
     * stopped at the first non-finite point, thinned to about half a pixel.
     */
    public static Traced trace(PlotTransform t, double[] xs, double[] ys, int from, int count) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, Math.min(Math.max(count - from, 2), 65_536));
        var v = t.viewport();
        // clip box in data coordinates: the view grown by half its size on each side
        double bx0 = v.xMin() - v.width() / 2;
        double bx1 = v.xMax() + v.width() / 2;
        double by0 = v.yMin() - v.height() / 2;
        double by1 = v.yMax() + v.height() / 2;
        double sx = t.scaleX();
        double sy = t.scaleY();
        double ox = t.left() - v.xMin() * sx;
        double oy = t.top() + v.yMax() * sy;

        int lastFinite = -1;
        boolean nonFinite = false;
        boolean penDown = false;
        double lpx = 0;
        double lpy = 0;
        double px0 = Double.NaN;
        double py0 = Double.NaN;
        boolean pendingLast = false;
        double pendX = 0;
        double pendY = 0;
        for (int i = Math.max(0, from); i < count; i++) {
            double x = xs[i];
            double y = ys[i];
            if (!(x - x == 0 && y - y == 0)) {
                nonFinite = true;
                break;
            }
            lastFinite = i;
            if (i == Math.max(0, from)) {
                px0 = x;
                py0 = y;
                if (x >= bx0 && x <= bx1 && y >= by0 && y <= by1) {
                    lpx = ox + x * sx;
                    lpy = oy - y * sy;
                    path.moveTo(lpx, lpy);
                    penDown = true;
                }
                continue;
            }
            double ax = px0;
            double ay = py0;
            px0 = x;
            py0 = y;
            boolean aIn = ax >= bx0 && ax <= bx1 && ay >= by0 && ay <= by1;
            boolean bIn = x >= bx0 && x <= bx1 && y >= by0 && y <= by1;
            double cx0 = ax;
            double cy0 = ay;
            double cx1 = x;
            double cy1 = y;
            if (!(aIn && bIn)) {
                // Liang–Barsky
                double dx = x - ax;
                double dy = y - ay;
                if (!(Double.isFinite(dx) && Double.isFinite(dy))) {
                    if (pendingLast) {
                        path.lineTo(pendX, pendY);
                        pendingLast = false;
                    }
                    penDown = false;
                    continue;
                }
                double t0 = 0;
                double t1 = 1;
                double[] p = {-dx, dx, -dy, dy};
                double[] q = {ax - bx0, bx1 - ax, ay - by0, by1 - ay};
                boolean visible = true;
                for (int k = 0; k < 4 && visible; k++) {
                    if (p[k] == 0) {
                        if (q[k] < 0) {
                            visible = false;
                        }
                    } else {
                        double r = q[k] / p[k];
                        if (p[k] < 0) {
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
                    if (pendingLast) {
                        path.lineTo(pendX, pendY);
                        pendingLast = false;
                    }
                    penDown = false;
                    continue;
                }
                cx0 = ax + t0 * dx;
                cy0 = ay + t0 * dy;
                cx1 = ax + t1 * dx;
                cy1 = ay + t1 * dy;
            }
            double qx0 = ox + cx0 * sx;
            double qy0 = oy - cy0 * sy;
            double qx1 = ox + cx1 * sx;
            double qy1 = oy - cy1 * sy;
            if (!penDown || !aIn) {
                if (pendingLast) {
                    path.lineTo(pendX, pendY);
                    pendingLast = false;
                }
                path.moveTo(qx0, qy0);
                lpx = qx0;
                lpy = qy0;
                penDown = true;
            }
            double ddx = qx1 - lpx;
            double ddy = qy1 - lpy;
            if (bIn && ddx * ddx + ddy * ddy < 0.25) {
                // too close to draw; remember it so the line still ends where the run is
                pendingLast = true;
                pendX = qx1;
                pendY = qy1;
            } else {
                path.lineTo(qx1, qy1);
                pendingLast = false;
                lpx = qx1;
                lpy = qy1;
            }
            if (!bIn) {
                penDown = false;
            }
        }
        if (pendingLast) {
            path.lineTo(pendX, pendY);
        }
        return new Traced(path, lastFinite, nonFinite);
    }

    /**
     * Paints one run: the line (width in pixels at unit scale, scaled by the style), its start and
     * head markers as asked, and the diverged marker when the run is flagged diverged or has a
     * non-finite point. Everything is clipped to the plot area.
     *
     * @return whether the run is shown as diverged (flagged, or a non-finite point met)
     */
    public static boolean paint(Graphics2D g, PlotTransform t, TrajectorySnapshot run, float width, Markers markers, Style s) {
        var oldClip = g.getClip();
        var oldStroke = g.getStroke();
        var oldPaint = g.getPaint();
        g.clip(t.plotArea());
        Traced tr = trace(t, run.xs(), run.ys(), run.from(), run.count());
        float w = s.px(width);
        g.setColor(Palette.outline(run.color()));
        g.setStroke(new BasicStroke(w + s.px(2), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(tr.path());
        g.setColor(run.color());
        g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(tr.path());
        g.setStroke(oldStroke);

        if (markers.start() && Double.isFinite(run.startX()) && Double.isFinite(run.startY())
                && t.viewport().contains(run.startX(), run.startY())) {
            MarkerPainter.start(g, t.toPixelX(run.startX()), t.toPixelY(run.startY()), run.color(), s);
        }
        int last = tr.lastFinite();
        boolean diverged = run.diverged() || tr.hitNonFinite();
        if (last >= 0 && (markers.head() || diverged)) {
            double hx = run.xs()[last];
            double hy = run.ys()[last];
            double px = t.toPixelX(hx);
            double py = t.toPixelY(hy);
            if (t.viewport().contains(hx, hy)) {
                if (diverged) {
                    MarkerPainter.diverged(g, px, py, s);
                } else {
                    MarkerPainter.head(g, px, py, run.color(), s);
                }
            } else {
                MarkerPainter.offscreen(g, t, px, py, diverged ? MarkerPainter.DIVERGED : run.color(), s);
            }
        }
        g.setClip(oldClip);
        g.setPaint(oldPaint);
        return diverged;
    }

    /** The colour most runs get when none is chosen. */
    public static Color defaultColor(int index) {
        return Palette.DEFAULT.color(index);
    }
}
