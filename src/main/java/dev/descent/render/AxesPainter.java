package dev.descent.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * The plot frame with outward ticks on the bottom and left edges (1-2-5 steps, about one label
 * every 90 px on x and 60 px on y at unit scale), tick labels, and the axis labels "x" and "y".
 */
public final class AxesPainter {

    private AxesPainter() {
    }

    /** The x tick values for a plot: at most one per ~90 px. */
    public static double[] xTicks(PlotTransform t, Style s) {
        int max = Math.max(2, (int) (t.width() / (95 * s.unit())) + 1);
        return Ticks.nice(t.viewport().xMin(), t.viewport().xMax(), max);
    }

    /** The y tick values for a plot: at most one per ~55 px. */
    public static double[] yTicks(PlotTransform t, Style s) {
        int max = Math.max(2, (int) (t.height() / (55 * s.unit())) + 1);
        return Ticks.nice(t.viewport().yMin(), t.viewport().yMax(), max);
    }

    /** The widest y tick label the axes would draw for a viewport about this tall. */
    public static double yLabelWidth(PlotTransform t, Style s) {
        double[] ys = yTicks(t, s);
        double step = ys.length > 1 ? ys[1] - ys[0] : Math.max(Math.abs(t.viewport().yMax()), 1);
        double w = 0;
        for (double y : ys) {
            w = Math.max(w, Style.width(Ticks.format(y, step), s.tickFont()));
        }
        return w;
    }

    /** Space needed left of the plot for y labels and the axis label. */
    public static double leftMargin(PlotTransform t, Style s) {
        return s.tickLength() + s.px(5) + yLabelWidth(t, s) + s.px(12) + Style.width("y", s.labelFont()) + s.px(10);
    }

    /** Space needed below the plot for x labels and the axis label. */
    public static double bottomMargin(Style s) {
        return s.tickLength() + s.px(4) + Style.lineHeight(s.tickFont()) + s.px(4) + Style.lineHeight(s.labelFont()) + s.px(6);
    }

    /** Draws frame, ticks, labels and axis labels around the transform's plot area. */
    public static void paint(Graphics2D g, PlotTransform t, Style s) {
        paint(g, t, s, java.util.List.of("x", "y"));
    }

    /** As {@link #paint(Graphics2D, PlotTransform, Style)}, with the axis labels given (x's, then y's). */
    public static void paint(Graphics2D g, PlotTransform t, Style s, java.util.List<String> labels) {
        var oldStroke = g.getStroke();
        var oldPaint = g.getPaint();
        var oldFont = g.getFont();
        Rectangle2D plot = t.plotArea();
        double left = plot.getX();
        double right = plot.getMaxX();
        double top = plot.getY();
        double bottom = plot.getMaxY();
        float tick = s.tickLength();

        g.setColor(s.frame());
        g.setStroke(s.tickStroke());
        g.setFont(s.tickFont());
        double digitH = Style.digitHeight(s.tickFont());

        double[] xs = xTicks(t, s);
        double xStep = xs.length > 1 ? xs[1] - xs[0] : Math.max(Math.abs(t.viewport().xMax()), 1);
        double labelTop = bottom + tick + s.px(4);
        for (double x : xs) {
            double px = t.toPixelX(x);
            if (px < left - 0.5 || px > right + 0.5) {
                continue;
            }
            g.draw(new Line2D.Double(px, bottom, px, bottom + tick));
            String label = Ticks.format(x, xStep);
            double w = Style.width(label, s.tickFont());
            g.setColor(s.text());
            g.drawString(label, (float) (px - w / 2), (float) (labelTop + Style.ascent(s.tickFont())));
            g.setColor(s.frame());
        }

        double[] ys = yTicks(t, s);
        double yStep = ys.length > 1 ? ys[1] - ys[0] : Math.max(Math.abs(t.viewport().yMax()), 1);
        double labelRight = left - tick - s.px(5);
        for (double y : ys) {
            double py = t.toPixelY(y);
            if (py < top - 0.5 || py > bottom + 0.5) {
                continue;
            }
            g.draw(new Line2D.Double(left - tick, py, left, py));
            String label = Ticks.format(y, yStep);
            double w = Style.width(label, s.tickFont());
            g.setColor(s.text());
            g.drawString(label, (float) (labelRight - w), (float) (py + digitH / 2));
            g.setColor(s.frame());
        }

        g.setStroke(s.frameStroke());
        g.draw(plot);

        // axis labels, in the serif italic of formulas
        Font lf = s.labelFont();
        g.setFont(lf);
        g.setColor(s.text());
        String xl = labels.get(0);
        String yl = labels.get(1);
        double xw = Style.width(xl, lf);
        double xBase = labelTop + Style.lineHeight(s.tickFont()) + s.px(4) + Style.ascent(lf) * 0.8;
        g.drawString(xl, (float) ((left + right) / 2 - xw / 2), (float) xBase);
        double yLabelsWidth = yLabelWidth(t, s);
        double yw = Style.width(yl, lf);
        TextLayout tl = new TextLayout(yl, lf, g.getFontRenderContext());
        double yx = labelRight - yLabelsWidth - s.px(12) - yw;
        g.drawString(yl, (float) yx, (float) ((top + bottom) / 2 + tl.getAscent() / 3));

        g.setFont(oldFont);
        g.setPaint(oldPaint);
        g.setStroke(oldStroke);
    }
}
