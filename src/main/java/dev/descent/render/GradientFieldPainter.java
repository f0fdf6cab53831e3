package dev.descent.render;

import dev.descent.math.Surface;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;

/**
 * An optional overlay: a sparse grid of equal-length arrows along −∇f, the direction plain
 * gradient descent moves, mapped through the plot (so with unequal axis scales an arrow points
 * where a small step actually goes). White with a dark edge, to read over any colour map.
 */
public final class GradientFieldPainter {

    private GradientFieldPainter() {
    }

    /**
     * Draws arrows on a grid with about {@code spacing} pixels (at unit scale) between them.
     * Points where the gradient is zero or not finite get no arrow.
     */
    public static void paint(Graphics2D g, PlotTransform t, Surface surface, double spacing, Style s) {
        double step = Math.max(8, spacing * s.unit());
        int cols = Math.max(1, (int) Math.floor(t.width() / step));
        int rows = Math.max(1, (int) Math.floor(t.height() / step));
        double sxStep = t.width() / cols;
        double syStep = t.height() / rows;
        double len = 0.62 * Math.min(sxStep, syStep);
        double head = Math.min(len * 0.42, s.px(7));
        double[] grad = new double[2];
        Path2D.Double shafts = new Path2D.Double();
        Path2D.Double heads = new Path2D.Double();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double px = t.left() + (c + 0.5) * sxStep;
                double py = t.top() + (r + 0.5) * syStep;
                surface.gradient(t.toDataX(px), t.toDataY(py), grad, 0);
                // −∇f in pixel space: x scales by scaleX, y flips
                double dx = -grad[0] * t.scaleX();
                double dy = grad[1] * t.scaleY();
                double n = Math.hypot(dx, dy);
                if (!(n > 0) || !Double.isFinite(n)) {
                    continue;
                }
                dx /= n;
                dy /= n;
                double x0 = px - dx * len / 2;
                double y0 = py - dy * len / 2;
                double x1 = px + dx * len / 2;
                double y1 = py + dy * len / 2;
                shafts.moveTo(x0, y0);
                shafts.lineTo(x1 - dx * head * 0.6, y1 - dy * head * 0.6);
                heads.moveTo(x1, y1);
                heads.lineTo(x1 - dx * head - dy * head * 0.45, y1 - dy * head + dx * head * 0.45);
                heads.lineTo(x1 - dx * head + dy * head * 0.45, y1 - dy * head - dx * head * 0.45);
                heads.closePath();
            }
        }
        var oldClip = g.getClip();
        var oldStroke = g.getStroke();
        var oldPaint = g.getPaint();
        g.clip(t.plotArea());
        Color edge = new Color(0, 0, 0, 0x73);
        Color body = new Color(255, 255, 255, 0xD9);
        g.setColor(edge);
        g.setStroke(new BasicStroke(s.px(3.2f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shafts);
        g.setStroke(new BasicStroke(s.px(1.6f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(heads);
        g.setColor(body);
        g.fill(heads);
        g.setStroke(new BasicStroke(s.px(1.4f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shafts);
        g.setClip(oldClip);
        g.setStroke(oldStroke);
        g.setPaint(oldPaint);
    }
}
