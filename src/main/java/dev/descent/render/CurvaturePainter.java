package dev.descent.render;

import dev.descent.math.LocalQuadratic;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The curvature at a point: the Hessian's eigen-directions as two axes (labelled with their
 * eigenvalues), the level ellipse of the local quadratic model through the point (centred at the
 * model's minimum), the condition number κ, and, for methods with a classical bound, a stability
 * gauge (η·λ_max against 2, or 2 + 2μ) that turns red when crossed.
 */
public final class CurvaturePainter {

    /** Colour of the eigen-axis of λ₁ (the smaller eigenvalue). */
    public static final Color AXIS1 = new Color(0x00, 0x89, 0x7B);
    /** Colour of the eigen-axis of λ₂ (the larger eigenvalue). */
    public static final Color AXIS2 = new Color(0xC2, 0x18, 0x5B);
    /** Colour of the model's level ellipse. */
    public static final Color ELLIPSE = new Color(0xFF, 0xFF, 0xFF);
    public static final Color STABLE = new Color(0x2E, 0x7D, 0x32);
    public static final Color UNSTABLE = new Color(0xD3, 0x2F, 0x2F);

    /**
     * A gauge: {@code value} (e.g. η·λ_max) against {@code limit} (2 or 2 + 2μ), with its condition.
     */
    public record Gauge(double value, double limit, String formula) {
        public boolean crossed() {
            return !(value < limit);
        }
    }

    private CurvaturePainter() {
    }

    /** Half the length of each eigen-axis, as a fraction of the plot's shorter side. */
    public static final double AXIS = 0.12;

    /**
     * Draws the curvature overlay for q.
     *
     * @param gauge the stability gauge, or null
     */
    public static void paint(Graphics2D g, PlotTransform t, Style s, LocalQuadratic q, Gauge gauge) {
        if (!Double.isFinite(q.lambda1()) || !Double.isFinite(q.lambda2())) {
            return;
        }
        var oldClip = g.getClip();
        var oldStroke = g.getStroke();
        var oldPaint = g.getPaint();
        var oldFont = g.getFont();
        try {
            Style.applyHints(g);
            g.clip(t.plotArea());
            double[] e = q.levelEllipse();
            if (e != null) {
                Path2D.Double path = new Path2D.Double();
                int n = 180;
                for (int k = 0; k <= n; k++) {
                    double a = 2 * Math.PI * k / n;
                    double dx = e[2] * Math.cos(a) * q.v1()[0] + e[3] * Math.sin(a) * q.v2()[0];
                    double dy = e[2] * Math.cos(a) * q.v1()[1] + e[3] * Math.sin(a) * q.v2()[1];
                    double px = t.toPixelX(e[0] + dx);
                    double py = t.toPixelY(e[1] + dy);
                    if (k == 0) {
                        path.moveTo(px, py);
                    } else {
                        path.lineTo(px, py);
                    }
                }
                g.setStroke(new BasicStroke(s.px(3.2)));
                g.setColor(new Color(0, 0, 0, 120));
                g.draw(path);
                g.setStroke(new BasicStroke(s.px(1.6), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
                        new float[] {s.px(7), s.px(4)}, 0));
                g.setColor(ELLIPSE);
                g.draw(path);
            }
            double half = AXIS * Math.min(t.width(), t.height());
            double px = t.toPixelX(q.x());
            double py = t.toPixelY(q.y());
            axis(g, s, px, py, t, q.v1(), half, AXIS1, "λ₁ = " + num(q.lambda1()));
            axis(g, s, px, py, t, q.v2(), half, AXIS2, "λ₂ = " + num(q.lambda2()));
            g.setClip(oldClip);
            box(g, t, s, q, gauge);
        } finally {
            g.setClip(oldClip);
            g.setStroke(oldStroke);
            g.setPaint(oldPaint);
            g.setFont(oldFont);
        }
    }

    /** An eigen-direction v (in data units) drawn as a pixel segment of half-length {@code half} through (px, py). */
    private static void axis(Graphics2D g, Style s, double px, double py, PlotTransform t, double[] v, double half, Color c,
            String label) {
        // the direction in pixels: data x right, data y up
        double ux = v[0] * t.scaleX();
        double uy = -v[1] * t.scaleY();
        double len = Math.hypot(ux, uy);
        ux /= len;
        uy /= len;
        Line2D.Double line = new Line2D.Double(px - ux * half, py - uy * half, px + ux * half, py + uy * half);
        g.setStroke(new BasicStroke(s.px(4.2), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 255, 255, 170));
        g.draw(line);
        g.setStroke(new BasicStroke(s.px(2.2), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(c);
        g.draw(line);
        Font f = s.legendFont();
        g.setFont(f);
        // the label beyond the end that points right (or up)
        double sx = ux > 0 || (ux == 0 && uy < 0) ? 1 : -1;
        double lx = px + sx * ux * (half + s.px(6));
        double ly = py + sx * uy * (half + s.px(6));
        double w = Style.width(label, f);
        double x0 = lx - (sx * ux < 0 ? w : 0);
        g.setColor(new Color(255, 255, 255, 200));
        g.fill(new Rectangle2D.Double(x0 - s.px(2), ly - Style.ascent(f), w + s.px(4), Style.lineHeight(f)));
        g.setColor(c);
        g.drawString(label, (float) x0, (float) ly + (float) (Style.digitHeight(f) / 2 - Style.ascent(f) / 2));
    }

    /** The lines of the info box: κ, the eigenvalues, the gauge's condition. */
    public static List<String> lines(LocalQuadratic q, Gauge gauge) {
        List<String> out = new ArrayList<>();
        out.add("κ = " + (Double.isInfinite(q.condition()) ? "∞" : num(q.condition()))
                + (q.isBowl() ? "" : q.lambda2() < 0 ? "  (a maximum: both curvatures negative)" : "  (a saddle: curvatures of both signs)"));
        if (gauge != null) {
            out.add(gauge.formula().split("<")[0].trim() + " = " + num(gauge.value())
                    + (gauge.crossed() ? " ≥ " : " < ") + num(gauge.limit()) + (gauge.crossed() ? "  unstable" : "  stable"));
        }
        return out;
    }

    private static void box(Graphics2D g, PlotTransform t, Style s, LocalQuadratic q, Gauge gauge) {
        Font f = s.legendFont();
        g.setFont(f);
        List<String> lines = lines(q, gauge);
        double lh = Style.lineHeight(f);
        double pad = s.px(6);
        double barH = gauge == null ? 0 : s.px(10) + pad;
        double w = s.px(170);
        for (String l : lines) {
            w = Math.max(w, Style.width(l, f));
        }
        w += 2 * pad;
        double h = lines.size() * lh + 2 * pad + barH;
        Rectangle2D area = t.plotArea();
        double x = area.getMaxX() - w - s.px(6);
        double y = area.getMaxY() - h - s.px(6);
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(new Rectangle2D.Double(x, y, w, h));
        g.setColor(new Color(0x33, 0x33, 0x33));
        g.setStroke(new BasicStroke(s.px(1)));
        g.draw(new Rectangle2D.Double(x, y, w, h));
        double base = y + pad + Style.ascent(f);
        for (int i = 0; i < lines.size(); i++) {
            g.setColor(i == 1 && gauge != null ? (gauge.crossed() ? UNSTABLE : STABLE) : new Color(0x22, 0x22, 0x22));
            g.drawString(lines.get(i), (float) (x + pad), (float) base);
            base += lh;
        }
        if (gauge != null) {
            // the bar: 0 … 1.5 × limit, the limit marked
            double bx = x + pad;
            double bw = w - 2 * pad;
            double by = y + h - pad - s.px(10);
            double full = 1.5 * gauge.limit();
            double frac = Math.max(0, Math.min(1, gauge.value() / full));
            g.setColor(new Color(0xE0, 0xE0, 0xE0));
            g.fill(new Rectangle2D.Double(bx, by, bw, s.px(10)));
            g.setColor(gauge.crossed() ? UNSTABLE : STABLE);
            g.fill(new Rectangle2D.Double(bx, by, bw * frac, s.px(10)));
            double lx = bx + bw / 1.5;
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(s.px(2)));
            g.draw(new Line2D.Double(lx, by - s.px(3), lx, by + s.px(13)));
        }
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return v > 0 ? "∞" : v < 0 ? "−∞" : "NaN";
        }
        double a = Math.abs(v);
        String str = a != 0 && (a >= 1e5 || a < 1e-3) ? String.format(java.util.Locale.ROOT, "%.2e", v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        return str.replace('-', '−');
    }
}
