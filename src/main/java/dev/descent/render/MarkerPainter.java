package dev.descent.render;

import dev.descent.math.CriticalPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Point markers, in pixel coordinates, each drawn with an outline so it reads over any colour:
 * <ul>
 *   <li>global minimum: a white five-pointed star; local minimum: a white plus;
 *       saddle: a white ×; maximum: a white triangle;</li>
 *   <li>a run's start: a hollow square in the run's colour;</li>
 *   <li>a run's head: a filled circle in the run's colour with a dark ring;</li>
 *   <li>a diverged run: a red ✕ at its last finite point;</li>
 *   <li>a step that raised f: a small upward triangle in the run's colour;</li>
 *   <li>a head outside the view: a small arrowhead at the plot's edge, pointing at it.</li>
 * </ul>
 */
public final class MarkerPainter {

    /** The red of the diverged marker. */
    public static final Color DIVERGED = new Color(0xE0, 0x1B, 0x24);

    private static final Color OUTLINE = new Color(0x1A, 0x1A, 0x1A, 0xE6);

    private MarkerPainter() {
    }

    /** The marks a plot can carry, for the legend's key: each is drawn here, the same on the plot and in the key. */
    public enum Glyph {
        GLOBAL_MINIMUM("minimum"), LOCAL_MINIMUM("local minimum"), SADDLE("saddle"), MAXIMUM("maximum"),
        START("start"), HEAD("now"), UPHILL("step that raised f"), DIVERGED("diverged");

        private final String label;

        Glyph(String label) {
            this.label = label;
        }

        /** The words beside the glyph in the key. */
        public String label() {
            return label;
        }

        /** The glyph of a kind of stationary point. */
        public static Glyph of(CriticalPoint.Kind k) {
            return switch (k) {
                case GLOBAL_MINIMUM -> GLOBAL_MINIMUM;
                case LOCAL_MINIMUM -> LOCAL_MINIMUM;
                case SADDLE -> SADDLE;
                case MAXIMUM -> MAXIMUM;
            };
        }
    }

    /** Draws one glyph centred on (px, py); {@code c} colours the run marks (start, head). */
    public static void glyph(Graphics2D g, Glyph k, double px, double py, Color c, Style s) {
        switch (k) {
            case GLOBAL_MINIMUM -> fillOutlined(g, star(px, py, s.px(9), s.px(3.8)), Color.WHITE, s.px(1.4));
            case LOCAL_MINIMUM -> strokeOutlined(g, plus(px, py, s.px(6)), Color.WHITE, s.px(2.2), s.px(1.4));
            case SADDLE -> strokeOutlined(g, cross(px, py, s.px(5.5)), Color.WHITE, s.px(2.2), s.px(1.4));
            case MAXIMUM -> fillOutlined(g, triangle(px, py, s.px(7), false), Color.WHITE, s.px(1.4));
            case START -> start(g, px, py, c, s);
            case HEAD -> head(g, px, py, c, s);
            case UPHILL -> uphill(g, px, py, c, s);
            case DIVERGED -> diverged(g, px, py, s);
        }
    }

    /** Marks the known stationary points that lie inside the view. */
    public static void criticalPoints(Graphics2D g, PlotTransform t, List<CriticalPoint> points, Style s) {
        for (CriticalPoint p : points) {
            if (!t.viewport().contains(p.x(), p.y())) {
                continue;
            }
            double px = t.toPixelX(p.x());
            double py = t.toPixelY(p.y());
            glyph(g, Glyph.of(p.kind()), px, py, Color.WHITE, s);
        }
    }

    /** A run's start: a hollow square. */
    public static void start(Graphics2D g, double px, double py, Color c, Style s) {
        double r = s.px(5.5);
        Shape sq = new Rectangle2D.Double(px - r, py - r, 2 * r, 2 * r);
        strokeOutlined(g, sq, c, s.px(2.2), s.px(1.2));
    }

    /** A run's head: a filled circle with a dark ring. */
    public static void head(Graphics2D g, double px, double py, Color c, Style s) {
        double r = s.px(6);
        fillOutlined(g, new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r), c, s.px(1.6));
    }

    /** A step that raised f: a small filled upward triangle, outlined, centred on the step's end point. */
    public static void uphill(Graphics2D g, double px, double py, Color c, Style s) {
        fillOutlined(g, triangle(px, py, s.px(4.5), false), c, s.px(1.2));
    }

    /** A diverged run: a red ✕ with a white edge. */
    public static void diverged(Graphics2D g, double px, double py, Style s) {
        Shape x = cross(px, py, s.px(8));
        var old = g.getStroke();
        var oldPaint = g.getPaint();
        g.setColor(new Color(255, 255, 255, 0xE6));
        g.setStroke(new BasicStroke(s.px(6.5), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(x);
        g.setColor(DIVERGED);
        g.setStroke(new BasicStroke(s.px(3.5), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(x);
        g.setStroke(old);
        g.setPaint(oldPaint);
    }

    /**
     * An arrowhead just inside the plot's edge pointing towards (px, py), a point outside the
     * plot (coordinates may be huge but not NaN).
     */
    public static void offscreen(Graphics2D g, PlotTransform t, double px, double py, Color c, Style s) {
        Rectangle2D plot = t.plotArea();
        double cx = plot.getCenterX();
        double cy = plot.getCenterY();
        double dx = px - cx;
        double dy = py - cy;
        if (Double.isInfinite(dx) || Double.isInfinite(dy)) {
            dx = Double.isInfinite(dx) ? Math.signum(dx) : 0;
            dy = Double.isInfinite(dy) ? Math.signum(dy) : 0;
        }
        double len = Math.hypot(dx, dy);
        if (!(len > 0)) {
            return;
        }
        dx /= len;
        dy /= len;
        double inset = s.px(12);
        double hw = plot.getWidth() / 2 - inset;
        double hh = plot.getHeight() / 2 - inset;
        if (hw <= 0 || hh <= 0) {
            return;
        }
        double k = Math.min(dx != 0 ? hw / Math.abs(dx) : Double.POSITIVE_INFINITY, dy != 0 ? hh / Math.abs(dy) : Double.POSITIVE_INFINITY);
        double ex = cx + dx * k;
        double ey = cy + dy * k;
        double size = s.px(11);
        Path2D.Double arrow = new Path2D.Double();
        arrow.moveTo(ex + dx * size * 0.6, ey + dy * size * 0.6);
        arrow.lineTo(ex - dx * size * 0.6 - dy * size * 0.55, ey - dy * size * 0.6 + dx * size * 0.55);
        arrow.lineTo(ex - dx * size * 0.6 + dy * size * 0.55, ey - dy * size * 0.6 - dx * size * 0.55);
        arrow.closePath();
        fillOutlined(g, arrow, c, s.px(1.4));
    }

    /** Fills a shape, then strokes its outline in near-black. */
    public static void fillOutlined(Graphics2D g, Shape shape, Color fill, float outline) {
        var old = g.getStroke();
        var oldPaint = g.getPaint();
        g.setColor(fill);
        g.fill(shape);
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(outline, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
        g.setStroke(old);
        g.setPaint(oldPaint);
    }

    /** Strokes a shape wide in near-black, then narrower in the colour. */
    public static void strokeOutlined(Graphics2D g, Shape shape, Color c, float width, float outline) {
        var old = g.getStroke();
        var oldPaint = g.getPaint();
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(width + 2 * outline, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
        g.setColor(c);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
        g.setStroke(old);
        g.setPaint(oldPaint);
    }

    static Shape star(double cx, double cy, double outer, double inner) {
        Path2D.Double p = new Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double a = -Math.PI / 2 + k * Math.PI / 5;
            double r = k % 2 == 0 ? outer : inner;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (k == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }

    static Shape cross(double cx, double cy, double r) {
        Path2D.Double p = new Path2D.Double();
        p.append(new Line2D.Double(cx - r, cy - r, cx + r, cy + r), false);
        p.append(new Line2D.Double(cx - r, cy + r, cx + r, cy - r), false);
        return p;
    }

    static Shape plus(double cx, double cy, double r) {
        Path2D.Double p = new Path2D.Double();
        p.append(new Line2D.Double(cx - r, cy, cx + r, cy), false);
        p.append(new Line2D.Double(cx, cy - r, cx, cy + r), false);
        return p;
    }

    static Shape triangle(double cx, double cy, double r, boolean down) {
        double s = down ? -1 : 1;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(cx, cy - s * r);
        p.lineTo(cx + r * 0.87, cy + s * r * 0.5);
        p.lineTo(cx - r * 0.87, cy + s * r * 0.5);
        p.closePath();
        return p;
    }
}
