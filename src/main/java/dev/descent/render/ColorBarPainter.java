package dev.descent.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A vertical colour bar: the bands (or the continuous ramp) of a {@link Levels} through a colour
 * map, bottom to top, with the levels as thin lines, ticks and labels on the right and a caption
 * ("f", or "f (log)") above. Log levels get log labels: powers of ten (1-2-5 multiples when the
 * range spans few decades).
 */
public final class ColorBarPainter {

    /** One labelled tick: its value f and its text. */
    public record Tick(double value, String label) {
    }

    private ColorBarPainter() {
    }

    /** Width of the bar itself at this style. */
    public static double barWidth(Style s) {
        return s.px(18);
    }

    /** Space the bar and its labels need right of the plot. */
    public static double totalWidth(Levels levels, double barHeight, Style s) {
        double w = 0;
        for (Tick t : ticks(levels, barHeight, s)) {
            w = Math.max(w, Style.width(t.label(), s.tickFont()));
        }
        w = Math.max(w, Style.width("(log)", s.tickFont()) - s.tickLength() - s.px(4));
        return barWidth(s) + s.tickLength() + s.px(4) + w;
    }

    /** The labelled ticks for a bar of this height. */
    public static List<Tick> ticks(Levels levels, double barHeight, Style s) {
        int max = Math.max(2, (int) (barHeight / (45 * s.unit())) + 1);
        List<Tick> out = new ArrayList<>();
        double lo = levels.lower();
        double hi = levels.upper();
        if (!levels.isLog()) {
            double[] v = Ticks.nice(lo, hi, max);
            double step = v.length > 1 ? v[1] - v[0] : Math.abs(hi - lo);
            for (double x : v) {
                out.add(new Tick(x, Ticks.format(x, step)));
            }
            return out;
        }
        // levels of log(f − origin): where f itself is positive, label round values of f (1, 10, 100)
        // rather than of f − origin, which would read 9.97, 0.975, ...
        // A field whose minimum is 0 has origin −δ, and lower() comes back as 0 give or take rounding
        // (1e-18, say): that is still a field ≥ 0, so label round values of f, from δ up, as below δ
        // ln(f + δ) hardly moves and the smaller powers (10⁻¹⁸ ...) would pile up at the bar's foot.
        boolean nonNegative = lo > -1e-9 * Math.abs(levels.origin());
        double origin = nonNegative ? 0 : levels.origin();
        double g0 = nonNegative ? Math.max(lo, -levels.origin()) : lo - origin;
        double g1 = hi - origin;
        int e0 = (int) Math.ceil(Math.log10(g0) - 1e-9);
        int e1 = (int) Math.floor(Math.log10(g1) + 1e-9);
        int decades = e1 - e0 + 1;
        double[] mults = decades >= 3 ? new double[] {1} : decades >= 1 ? new double[] {1, 2, 5} : new double[] {1, 1.5, 2, 3, 5, 7};
        int every = Math.max(1, (int) Math.ceil(decades * mults.length / (double) max));
        if (mults.length > 1 && every > 1) {
            mults = new double[] {1};
            every = Math.max(1, (int) Math.ceil(decades / (double) max));
        }
        boolean plain = g0 >= 1e-3 && g1 <= 1e5 && origin == 0;
        for (int e = e0 - 1; e <= e1; e++) {
            if (mults.length == 1 && Math.floorMod(e - e0, every) != 0) {
                continue;
            }
            for (double m : mults) {
                double g = m * Math.pow(10, e);
                if (g < g0 * (1 - 1e-9) || g > g1 * (1 + 1e-9)) {
                    continue;
                }
                double f = origin + g;
                String label;
                if (origin != 0) {
                    label = Ticks.significant(f, 3);
                } else if (plain) {
                    label = Ticks.significant(g, 2);
                } else {
                    label = m == 1 ? Ticks.power10(e) : Ticks.significant(g, 2);
                }
                out.add(new Tick(f, label));
            }
        }
        return out;
    }

    /** Paints the bar into {@code bar} (the coloured rectangle); labels go to its right. */
    public static void paint(Graphics2D g, Rectangle2D bar, Levels levels, ColorMap colorMap, FieldRaster.Fill fill, Style s) {
        var oldPaint = g.getPaint();
        var oldStroke = g.getStroke();
        var oldFont = g.getFont();
        double x = bar.getX();
        double w = bar.getWidth();
        double top = bar.getY();
        double h = bar.getHeight();
        double bottom = top + h;
        if (fill == FieldRaster.Fill.BANDS) {
            int n = levels.bandCount();
            int[] colors = FieldRaster.bandColors(levels, colorMap);
            for (int b = 0; b < n; b++) {
                double y0 = bottom - h * b / n;
                double y1 = bottom - h * (b + 1) / n;
                g.setColor(new Color(colors[b]));
                // overlap by a fraction of a pixel so no seam shows between bands
                g.fill(new Rectangle2D.Double(x, y1 - 0.5, w, y0 - y1 + (b == n - 1 ? 0.5 : 1.0)));
            }
        } else {
            int rows = Math.max(1, (int) Math.ceil(h));
            for (int r = 0; r < rows; r++) {
                double t = (r + 0.5) / rows;
                g.setColor(new Color(colorMap.argb(t)));
                g.fill(new Rectangle2D.Double(x, bottom - h * (r + 1.0) / rows - 0.25, w, h / rows + 0.5));
            }
        }
        // the levels as hairlines
        g.setStroke(new java.awt.BasicStroke(s.px(0.8f)));
        int n = levels.count();
        double range = levels.s1() - levels.s0();
        if (n <= 60) {
            for (int k = 0; k < n; k++) {
                double y = bottom - h * (levels.transform(levels.value(k)) - levels.s0()) / range;
                boolean dark = ColorMap.luminance(colorMap.argb(levels.normalize(levels.value(k)))) >= 0.18;
                g.setColor(dark ? new Color(0, 0, 0, 0x50) : new Color(255, 255, 255, 0x60));
                g.draw(new Line2D.Double(x, y, x + w, y));
            }
        }
        g.setColor(s.frame());
        g.setStroke(s.frameStroke());
        g.draw(new Rectangle2D.Double(x, top, w, h));

        g.setStroke(s.tickStroke());
        g.setFont(s.tickFont());
        double digitH = Style.digitHeight(s.tickFont());
        float tick = s.tickLength();
        for (Tick t : ticks(levels, h, s)) {
            double y = bottom - h * (levels.transform(t.value()) - levels.s0()) / range;
            if (!(y >= top - 0.5 && y <= bottom + 0.5)) {
                continue;
            }
            g.setColor(s.frame());
            g.draw(new Line2D.Double(x + w, y, x + w + tick, y));
            g.setColor(s.text());
            g.drawString(t.label(), (float) (x + w + tick + s.px(4)), (float) (y + digitH / 2));
        }
        // caption
        g.setFont(s.labelFont());
        g.setColor(s.text());
        float base = (float) (top - s.px(8));
        g.drawString("f", (float) (x + w / 2 - Style.width("f", s.labelFont()) / 2), base);
        if (levels.isLog()) {
            g.setFont(s.tickFont());
            g.drawString("(log)", (float) (x + w / 2 + Style.width("f", s.labelFont()) / 2 + s.px(4)), base);
        }
        g.setFont(oldFont);
        g.setStroke(oldStroke);
        g.setPaint(oldPaint);
    }
}
