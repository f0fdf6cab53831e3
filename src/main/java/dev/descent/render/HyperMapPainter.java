package dev.descent.render;

import dev.descent.math.ParamSpec;
import dev.descent.sim.HyperAxis;
import dev.descent.sim.MapResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Paints a hyperparameter map: one cell per pair of values, the axes on their own scales (log for
 * lr and ε, near-one for betas and momentum), the current setting as a ring, and where a theory
 * exists its stability boundary as a dashed white line; a legend says what the colours mean.
 */
public final class HyperMapPainter {

    /** What to draw besides the cells. */
    public record Decor(String title, double currentX, double currentY, List<double[]> boundary) {
        public Decor {
            boundary = boundary == null ? List.of() : List.copyOf(boundary);
        }
    }

    private HyperMapPainter() {
    }

    /** Margins around the plot for a canvas of this size. */
    public static Rectangle2D plotArea(int width, int height, Style s) {
        double left = s.px(78);
        double bottom = s.px(56);
        double top = s.px(34);
        double right = s.px(16);
        return new Rectangle2D.Double(Math.round(left), Math.round(top), Math.max(16, Math.round(width - left - right)),
                Math.max(16, Math.round(height - top - bottom)));
    }

    /** The cell under a pixel, or null outside the plot. */
    public static int[] cellAt(Rectangle2D plot, MapResult r, double px, double py) {
        if (!plot.contains(px, py)) {
            return null;
        }
        int i = (int) Math.floor((px - plot.getX()) / plot.getWidth() * r.cols());
        int j = (int) Math.floor((plot.getMaxY() - py) / plot.getHeight() * r.rows());
        return new int[] {Math.min(r.cols() - 1, Math.max(0, i)), Math.min(r.rows() - 1, Math.max(0, j))};
    }

    public static void paint(Graphics2D g, int width, int height, MapResult r, HyperAxis x, HyperAxis y,
                             MapColors.Mode mode, Decor decor, Style s) {
        Style.applyHints(g);
        g.setColor(s.background());
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        Rectangle2D plot = plotArea(width, height, s);
        BufferedImage cells = MapColors.image(r, mode, ColorMap.VIRIDIS);
        Object oldInterp = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(cells, new AffineTransform(plot.getWidth() / r.cols(), 0, 0, plot.getHeight() / r.rows(),
                plot.getX(), plot.getY()), null);
        if (oldInterp != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, oldInterp);
        }
        // cell centres: value i of n sits at fraction (i + ½)/n of the axis
        var oldClip = g.getClip();
        g.clip(plot);
        if (decor != null && decor.boundary().size() > 1) {
            Path2D.Double path = new Path2D.Double();
            boolean first = true;
            for (double[] p : decor.boundary()) {
                double px = toPx(plot, r.cols(), p[0], true);
                double py = toPx(plot, r.rows(), p[1], false);
                if (first) {
                    path.moveTo(px, py);
                    first = false;
                } else {
                    path.lineTo(px, py);
                }
            }
            g.setColor(new Color(0, 0, 0, 0xA0));
            g.setStroke(new BasicStroke(s.px(4.5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(s.px(2.2f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
                    new float[] {s.px(9), s.px(6)}, 0));
            g.draw(path);
        }
        if (decor != null && Double.isFinite(decor.currentX()) && Double.isFinite(decor.currentY())) {
            double px = toPx(plot, r.cols(), x.fraction(decor.currentX()), true);
            double py = toPx(plot, r.rows(), y.fraction(decor.currentY()), false);
            double rad = s.px(8);
            Ellipse2D ring = new Ellipse2D.Double(px - rad, py - rad, 2 * rad, 2 * rad);
            MarkerPainter.strokeOutlined(g, ring, Color.WHITE, s.px(2.5f), s.px(1.5f));
        }
        g.setClip(oldClip);
        g.setColor(s.frame());
        g.setStroke(s.frameStroke());
        g.draw(plot);
        axis(g, plot, r.cols(), x, true, s);
        axis(g, plot, r.rows(), y, false, s);
        if (decor != null && decor.title() != null) {
            g.setFont(s.titleFont());
            g.setColor(s.text());
            g.drawString(decor.title(), (float) plot.getX(), (float) (s.px(8) + Style.ascent(s.titleFont())));
        }
        List<BasinMapPainter.Entry> entries = mode == MapColors.Mode.ENDING ? BasinMapPainter.entries(r) : List.of();
        String legendTitle = switch (mode) {
            case ENDING -> null;
            case LOSS -> "colour: final loss (log scale; yellow high)";
            case STEPS -> "colour: steps to reach a minimum (yellow fast)";
        };
        if (mode != MapColors.Mode.ENDING) {
            List<BasinMapPainter.Entry> e = new ArrayList<>();
            for (BasinMapPainter.Entry b : BasinMapPainter.entries(r)) {
                if (b.argb() == MapColors.DIVERGED || b.argb() == MapColors.INVALID) {
                    e.add(b);
                }
            }
            entries = e;
        }
        if (decor != null && decor.boundary().size() > 1) {
            entries = new ArrayList<>(entries);
            entries.add(new BasinMapPainter.Entry(0xFFFFFFFF, "theory: η·(1−τ)·λmax = 2 + 2μ", -1));
        }
        if (!entries.isEmpty() || legendTitle != null) {
            BasinMapPainter.paintLegend(g, plot, entries, r.cells(), s, legendTitle);
        }
    }

    private static double toPx(Rectangle2D plot, int n, double f, boolean horizontal) {
        // fraction f of the axis (0 = first value, 1 = last) → the pixel of that value's cell centre
        double c = (f * (n - 1) + 0.5) / n;
        return horizontal ? plot.getX() + c * plot.getWidth() : plot.getMaxY() - c * plot.getHeight();
    }

    private static void axis(Graphics2D g, Rectangle2D plot, int n, HyperAxis a, boolean horizontal, Style s) {
        g.setFont(s.tickFont());
        for (double v : ticks(a)) {
            double f = a.fraction(v);
            if (f < -1e-9 || f > 1 + 1e-9) {
                continue;
            }
            double p = toPx(plot, n, f, horizontal);
            String label = Ticks.significant(v, 3);
            double w = Style.width(label, s.tickFont());
            g.setColor(s.frame());
            if (horizontal) {
                g.draw(new Line2D.Double(p, plot.getMaxY(), p, plot.getMaxY() + s.tickLength()));
                g.setColor(s.text());
                g.drawString(label, (float) (p - w / 2), (float) (plot.getMaxY() + s.tickLength() + s.px(4) + Style.ascent(s.tickFont())));
            } else {
                g.draw(new Line2D.Double(plot.getX() - s.tickLength(), p, plot.getX(), p));
                g.setColor(s.text());
                g.drawString(label, (float) (plot.getX() - s.tickLength() - s.px(4) - w), (float) (p + Style.digitHeight(s.tickFont()) / 2));
            }
        }
        g.setFont(s.labelFont());
        g.setColor(s.text());
        String name = a.name() + switch (a.scale()) {
            case LOG -> " (log)";
            case NEAR_ONE -> " (near 1)";
            case LINEAR -> "";
        };
        double w = Style.width(name, s.labelFont());
        if (horizontal) {
            g.drawString(name, (float) (plot.getCenterX() - w / 2), (float) (plot.getMaxY() + s.px(50)));
        } else {
            AffineTransform old = g.getTransform();
            g.rotate(-Math.PI / 2, plot.getX() - s.px(62), plot.getCenterY() + w / 2);
            g.drawString(name, (float) (plot.getX() - s.px(62)), (float) (plot.getCenterY() + w / 2));
            g.setTransform(old);
        }
    }

    /** Tick values: powers of ten on a log axis, 0, 0.9, 0.99, … near one, nice steps otherwise. */
    static double[] ticks(HyperAxis a) {
        if (a.scale() == ParamSpec.Scale.LOG) {
            int e0 = (int) Math.ceil(Math.log10(a.lo()) - 1e-9);
            int e1 = (int) Math.floor(Math.log10(a.hi()) + 1e-9);
            int stride = Math.max(1, (e1 - e0 + 1) / 8 + 1);
            List<Double> out = new ArrayList<>();
            for (int e = e0; e <= e1; e += stride) {
                out.add(Math.pow(10, e));
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (a.scale() == ParamSpec.Scale.NEAR_ONE) {
            List<Double> out = new ArrayList<>();
            if (a.lo() <= 0) {
                out.add(0.0);
            }
            out.add(0.5);
            for (double v = 0.9; v <= a.hi() + 1e-12 && out.size() < 10; v = 1 - (1 - v) / 10) {
                out.add(v);
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return Ticks.nice(a.lo(), a.hi(), 8);
    }

    /** The whole picture as an image. */
    public static BufferedImage image(int width, int height, MapResult r, HyperAxis x, HyperAxis y, MapColors.Mode mode,
                                      Decor decor, boolean dark) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paint(g, width, height, r, x, y, mode, decor, Style.forSize(width, height, 1.0, dark));
        } finally {
            g.dispose();
        }
        return img;
    }
}
