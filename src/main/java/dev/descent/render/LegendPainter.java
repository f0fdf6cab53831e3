package dev.descent.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/**
 * A box in a corner of the plot listing runs (the corner covering least of the paths, see
 * {@link #leastCovered}): a short line in the run's colour with its head
 * marker, then its label; a diverged run gets a red ✕ instead of the head. The box has a
 * semi-transparent white background so the field shows through a little. Below the runs a key
 * explains the marks on the plot (★ minimum, ✕ saddle, start square, head dot, diverged ✕, …) with
 * the very glyphs the plot uses. The user may drag the box anywhere in the plot.
 */
public final class LegendPainter {

    /** One row of the legend. */
    public record Entry(Color color, String label, boolean diverged) {
        public Entry {
            label = label == null ? "" : label;
        }

        public static Entry of(TrajectorySnapshot run) {
            return new Entry(run.color(), run.label(), run.diverged());
        }
    }

    public enum Corner { TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT }

    /** Space above the key's separator line, at unit scale. */
    private static final double KEY_GAP = 6;

    /** The colour of the run marks (start, now) in the key: they take each run's colour on the plot. */
    private static final Color KEY_GREY = new Color(0x9A, 0x9A, 0x9A);

    private LegendPainter() {
    }

    /**
     * Paints the legend inside {@code area} (normally the plot area) at the corner. Nothing is drawn
     * for no entries.
     *
     * @return the box drawn, or null
     */
    public static Rectangle2D paint(Graphics2D g, Rectangle2D area, List<Entry> entries, Corner corner, Style s) {
        return paint(g, area, entries, List.of(), corner, null, s);
    }

    /**
     * As {@link #paint(Graphics2D, Rectangle2D, List, Corner, Style)}, with a key below the runs that
     * explains the marks on the plot ({@code keys}, each drawn with the plot's own glyph, see
     * {@link MarkerPainter#glyph}), and the box placed where the user dragged it: {@code at} is its
     * top-left corner as fractions of {@code area} (kept inside the area), null for the corner.
     */
    public static Rectangle2D paint(Graphics2D g, Rectangle2D area, List<Entry> entries, List<MarkerPainter.Glyph> keys,
            Corner corner, Point2D at, Style s) {
        if (entries.isEmpty()) {
            return null;
        }
        var oldFont = g.getFont();
        var oldPaint = g.getPaint();
        var oldStroke = g.getStroke();
        g.setFont(s.legendFont());
        FontMetrics fm = g.getFontMetrics();
        double pad = s.px(8);
        double swatch = s.px(26);
        double gap = s.px(8);
        double rowH = rowHeight(fm, s);
        Rectangle2D placed = box(g, area, entries, keys, corner, at, s);
        double x = placed.getX();
        double y = placed.getY();
        double w = placed.getWidth();
        double h = placed.getHeight();
        RoundRectangle2D box = new RoundRectangle2D.Double(x, y, w, h, s.px(8), s.px(8));
        Color bg = s.background();
        g.setColor(new Color(bg.getRed(), bg.getGreen(), bg.getBlue(), 0xD9));
        g.fill(box);
        g.setColor(new Color(0, 0, 0, 0x40));
        g.setStroke(new BasicStroke(s.px(1)));
        g.draw(box);

        double cy = y + pad + rowH / 2 - s.px(2);
        for (Entry e : entries) {
            double sx0 = x + pad;
            double sx1 = sx0 + swatch;
            g.setColor(Palette.outline(e.color()));
            g.setStroke(new BasicStroke(s.px(4.5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(sx0 + s.px(2), cy, sx1 - s.px(2), cy));
            g.setColor(e.color());
            g.setStroke(new BasicStroke(s.px(2.5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(sx0 + s.px(2), cy, sx1 - s.px(2), cy));
            if (e.diverged()) {
                MarkerPainter.diverged(g, sx1 - s.px(4), cy, scaled(s, 0.7));
            } else {
                MarkerPainter.head(g, sx1 - s.px(4), cy, e.color(), scaled(s, 0.75));
            }
            g.setColor(s.text());
            g.drawString(e.label(), (float) (sx1 + gap), (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
            cy += rowH;
        }
        if (!keys.isEmpty()) {
            double sep = s.px(KEY_GAP);
            g.setColor(new Color(s.text().getRed(), s.text().getGreen(), s.text().getBlue(), 0x50));
            g.setStroke(new BasicStroke(s.px(1)));
            double ly = cy - rowH / 2 + s.px(2) + sep / 2;
            g.draw(new Line2D.Double(x + pad, ly, x + w - pad, ly));
            cy += sep;
            for (MarkerPainter.Glyph k : keys) {
                MarkerPainter.glyph(g, k, x + pad + swatch / 2, cy, KEY_GREY, s);
                g.setColor(s.text());
                g.setFont(s.legendFont());
                g.drawString(k.label(), (float) (x + pad + swatch + gap), (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
                cy += rowH;
            }
        }
        g.setFont(oldFont);
        g.setPaint(oldPaint);
        g.setStroke(oldStroke);
        return box.getBounds2D();
    }

    private static double rowHeight(FontMetrics fm, Style s) {
        return Math.max(fm.getAscent() + fm.getDescent(), s.px(16)) + s.px(4);
    }

    /** Where {@link #paint} would draw the box for these entries at this corner. */
    public static Rectangle2D box(Graphics2D g, Rectangle2D area, List<Entry> entries, Corner corner, Style s) {
        return box(g, area, entries, List.of(), corner, null, s);
    }

    /** Where {@link #paint(Graphics2D, Rectangle2D, List, List, Corner, Point2D, Style)} would draw the box. */
    public static Rectangle2D box(Graphics2D g, Rectangle2D area, List<Entry> entries, List<MarkerPainter.Glyph> keys,
            Corner corner, Point2D at, Style s) {
        double[] size = size(g, entries, keys, s);
        return place(area, size[0], size[1], corner, at, s);
    }

    /** The box's width and height: its text measured (the same at every corner). */
    private static double[] size(Graphics2D g, List<Entry> entries, List<MarkerPainter.Glyph> keys, Style s) {
        FontMetrics fm = g.getFontMetrics(s.legendFont());
        double pad = s.px(8);
        double textW = 0;
        for (Entry e : entries) {
            textW = Math.max(textW, fm.getStringBounds(e.label(), g).getWidth());
        }
        for (MarkerPainter.Glyph k : keys) {
            textW = Math.max(textW, fm.getStringBounds(k.label(), g).getWidth());
        }
        double w = pad + s.px(26) + s.px(8) + textW + pad;
        double h = pad + rowHeight(fm, s) * (entries.size() + keys.size()) + (keys.isEmpty() ? 0 : s.px(KEY_GAP))
                + pad - s.px(4);
        return new double[] {w, h};
    }

    private static Rectangle2D place(Rectangle2D area, double w, double h, Corner corner, Point2D at, Style s) {
        if (at != null && Double.isFinite(at.getX()) && Double.isFinite(at.getY())) {
            double x = area.getX() + at.getX() * area.getWidth();
            double y = area.getY() + at.getY() * area.getHeight();
            x = Math.max(area.getX(), Math.min(x, area.getMaxX() - w));
            y = Math.max(area.getY(), Math.min(y, area.getMaxY() - h));
            return new Rectangle2D.Double(x, y, w, h);
        }
        double margin = s.px(10);
        double x = switch (corner) {
            case TOP_LEFT, BOTTOM_LEFT -> area.getX() + margin;
            case TOP_RIGHT, BOTTOM_RIGHT -> area.getMaxX() - margin - w;
        };
        double y = switch (corner) {
            case TOP_LEFT, TOP_RIGHT -> area.getY() + margin;
            case BOTTOM_LEFT, BOTTOM_RIGHT -> area.getMaxY() - margin - h;
        };
        return new Rectangle2D.Double(x, y, w, h);
    }

    /**
     * The corner whose box covers the fewest of the given pixels ({x0, y0, x1, y1, …} per path), so the
     * legend hides as little of the paths as it can; {@code preferred} wins ties.
     */
    public static Corner leastCovered(Graphics2D g, Rectangle2D area, List<Entry> entries, Corner preferred,
            Style s, List<double[]> pixels) {
        return leastCovered(g, area, entries, List.of(), preferred, s, pixels);
    }

    /**
     * As {@link #leastCovered(Graphics2D, Rectangle2D, List, Corner, Style, List)} for a legend with a key.
     * The text is measured once and the pixels counted in one pass for the four corners: it runs every frame.
     */
    public static Corner leastCovered(Graphics2D g, Rectangle2D area, List<Entry> entries, List<MarkerPainter.Glyph> keys,
            Corner preferred, Style s, List<double[]> pixels) {
        double[] size = size(g, entries, keys, s);
        Corner[] corners = Corner.values();
        Rectangle2D[] boxes = new Rectangle2D[corners.length];
        for (Corner c : corners) {
            boxes[c.ordinal()] = place(area, size[0], size[1], c, null, s);
        }
        long[] counts = new long[corners.length];
        for (double[] xy : pixels) {
            for (int i = 0; i + 1 < xy.length; i += 2) {
                for (int c = 0; c < boxes.length; c++) {
                    if (boxes[c].contains(xy[i], xy[i + 1])) {
                        counts[c]++;
                    }
                }
            }
        }
        Corner best = preferred;
        long bestCount = counts[preferred.ordinal()];
        for (Corner c : corners) {
            if (counts[c.ordinal()] < bestCount) {
                best = c;
                bestCount = counts[c.ordinal()];
            }
        }
        return best;
    }

    private static Style scaled(Style s, double k) {
        return new Style(s.unit() * k, s.tickFont(), s.labelFont(), s.legendFont(), s.titleFont(), s.text(), s.frame(), s.background());
    }
}
