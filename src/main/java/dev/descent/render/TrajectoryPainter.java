package dev.descent.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;

/**
 * Draws a run's path as a polyline in its colour over a slightly darker outline, then a small
 * triangle at each step that raised f (at most one per {@link UphillMarks#CELL}-pixel cell), its start,
 * head and (when it has diverged) a red ✕ at its last finite point.
 *
 * <p>Robust to what optimizers produce: the line stops at the first non-finite point; segments are
 * clipped in data coordinates to a margin around the view before they become pixels, so points at
 * 1e300 neither overflow nor make the rasteriser crawl; runs of points closer than half a pixel are
 * thinned and segments over pixels the line already covers are skipped ({@link PathTracer}), so a
 * million-step trajectory costs one pass and a path bounded by the plot's pixels.
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
    public record Traced(Shape path, int lastFinite, boolean hitNonFinite) {
    }

    /**
     * Builds the pixel path of points [from, count) of the run with a {@link PathTracer}: clipped to
     * the view plus a margin, stopped at the first non-finite point, thinned to about half a pixel
     * and, for a run of more points than 4 × (width + height) of the plot, reduced per pixel (so a
     * path never has more segments than about the plot's pixels). {@code lastFinite} is an index into the arrays.
     */
    public static Traced trace(PlotTransform t, double[] xs, double[] ys, int from, int count) {
        PathTracer tr = traced(t, xs, ys, null, from, count);
        int first = Math.max(0, from);
        return new Traced(tr.shape(), tr.lastFinite() < 0 ? -1 : first + tr.lastFinite(), tr.hitNonFinite());
    }

    /** A run's snapshot traced now, its uphill steps marked: what {@link #paint} draws when given no tracer. */
    public static PathTracer traced(PlotTransform t, TrajectorySnapshot run) {
        return traced(t, run.xs(), run.ys(), run, run.from(), run.count());
    }

    private static PathTracer traced(PlotTransform t, double[] xs, double[] ys, TrajectorySnapshot marks, int from, int count) {
        // a run with fewer points than the plot has pixels along its edges is short enough as it is
        boolean reduce = count - (long) Math.max(0, from) > 4 * (t.width() + t.height());
        PathTracer tr = new PathTracer(t, reduce);
        for (int i = Math.max(0, from); i < count; i++) {
            tr.add(xs[i], ys[i], marks != null && marks.raisedF(i));
            if (tr.hitNonFinite()) {
                break;
            }
        }
        return tr;
    }

    /**
     * Paints one run: the line (width in pixels at unit scale, scaled by the style), its start and
     * head markers as asked, and the diverged marker when the run is flagged diverged or has a
     * non-finite point. Everything is clipped to the plot area.
     *
     * @return whether the run is shown as diverged (flagged, or a non-finite point met)
     */
    public static boolean paint(Graphics2D g, PlotTransform t, TrajectorySnapshot run, float width, Markers markers, Style s) {
        return paint(g, t, run, null, width, markers, s);
    }

    /**
     * As {@link #paint(Graphics2D, PlotTransform, TrajectorySnapshot, float, Markers, Style)}, with the
     * run's path already traced (the window keeps one tracer per run and feeds it only new steps);
     * the snapshot then gives only the colour, start and diverged flag. With {@code traced} null the
     * snapshot's points are traced now.
     */
    public static boolean paint(Graphics2D g, PlotTransform t, TrajectorySnapshot run, PathTracer traced, float width,
            Markers markers, Style s) {
        return paint(g, t, run, traced, 0, width, markers, s);
    }

    /**
     * As {@link #paint(Graphics2D, PlotTransform, TrajectorySnapshot, PathTracer, float, Markers, Style)},
     * drawing the line only from the traced path's stored point {@code lineFrom} on (the earlier part
     * being already drawn in a cached layer, see {@link #paintLine}).
     */
    public static boolean paint(Graphics2D g, PlotTransform t, TrajectorySnapshot run, PathTracer traced, int lineFrom,
            float width, Markers markers, Style s) {
        var oldClip = g.getClip();
        var oldPaint = g.getPaint();
        g.clip(t.plotArea());
        PathTracer tr = traced != null ? traced : traced(t, run.xs(), run.ys(), run, run.from(), run.count());
        Shape line = tr.shapeFrom(lineFrom);
        strokes(g, line, line, run.color(), width, s);
        tr.uphillMarks().paint(g, run.color(), s);

        if (markers.start() && Double.isFinite(run.startX()) && Double.isFinite(run.startY())
                && t.viewport().contains(run.startX(), run.startY())) {
            MarkerPainter.start(g, t.toPixelX(run.startX()), t.toPixelY(run.startY()), run.color(), s);
        }
        boolean diverged = run.diverged() || tr.hitNonFinite();
        if (tr.lastFinite() >= 0 && (markers.head() || diverged)) {
            double hx = tr.lastX();
            double hy = tr.lastY();
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

    /**
     * Draws a run's line, its darker outline first: the one way a path is stroked, for the whole
     * frame and for a cached layer of finished segments alike. {@code outline} and {@code line} are
     * usually the same path; a layer extended piece by piece passes a line reaching a few segments
     * further back, so the new outline never shows across the end of the line drawn before. Clipped
     * to the plot area.
     */
    public static void paintLine(Graphics2D g, PlotTransform t, Shape outline, Shape line, Color color, float width, Style s) {
        var oldClip = g.getClip();
        var oldPaint = g.getPaint();
        g.clip(t.plotArea());
        strokes(g, outline, line, color, width, s);
        g.setClip(oldClip);
        g.setPaint(oldPaint);
    }

    /**
     * Draws a run's whole line dashed, with its head, over what is already drawn: for a run whose path
     * is the same as the selected run's, which the selected run's thicker line would otherwise hide.
     * The gaps let the selected line show through, so both stay visible. Clipped to the plot area.
     */
    public static void paintDashed(Graphics2D g, PlotTransform t, TrajectorySnapshot run, PathTracer traced, float width,
            Style s) {
        var oldClip = g.getClip();
        var oldPaint = g.getPaint();
        var oldStroke = g.getStroke();
        g.clip(t.plotArea());
        PathTracer tr = traced != null ? traced : traced(t, run.xs(), run.ys(), run, run.from(), run.count());
        float w = s.px(width);
        float[] dash = {s.px(7), s.px(6)};
        g.setColor(Palette.outline(run.color()));
        g.setStroke(new BasicStroke(w + s.px(2), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        g.draw(tr.shape());
        g.setColor(run.color());
        g.setStroke(new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        g.draw(tr.shape());
        g.setStroke(oldStroke);
        g.setClip(oldClip);
        g.setPaint(oldPaint);
    }

    /** The pixels a line of this width may touch around a path's bounds. */
    public static double reach(float width, Style s) {
        return (s.px(width) + s.px(2)) / 2 + 2;
    }

    private static void strokes(Graphics2D g, Shape outline, Shape line, Color color, float width, Style s) {
        float w = s.px(width);
        LineRaster.Target direct = LineRaster.target(g);
        if (direct != null) {
            // the same round-capped, round-joined strokes, straight into the image's pixels
            if (outline == line) {
                direct.stroke(line, w + s.px(2), Palette.outline(color), w, color);
            } else {
                direct.stroke(outline, w + s.px(2), Palette.outline(color));
                direct.stroke(line, w, color);
            }
            return;
        }
        var oldStroke = g.getStroke();
        g.setColor(Palette.outline(color));
        g.setStroke(new BasicStroke(w + s.px(2), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(color);
        g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        g.setStroke(oldStroke);
    }
}
