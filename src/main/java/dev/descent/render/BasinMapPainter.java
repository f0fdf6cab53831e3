package dev.descent.render;

import dev.descent.math.Viewport;
import dev.descent.sim.MapEnds;
import dev.descent.sim.MapResult;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Paints a basin-of-attraction map over a {@link StaticLayer}'s field and under its contour lines and
 * critical-point markers: each cell is the start of a run, coloured by where it ended
 * ({@link MapColors}); a legend lists every ending with its count.
 */
public final class BasinMapPainter {

    private BasinMapPainter() {
    }

    /** One row of the legend: a colour, what it stands for, how many cells (negative: not a count). */
    public record Entry(int argb, String label, int count) {
    }

    /**
     * Paints the map into the layer's plot area. The cells' centres are the grid's starts, which
     * span {@code mapView} with both ends included.
     *
     * @param cells   the map as an image, from {@link MapColors#image}
     * @param opacity 0 … 1: how much of the field shows through
     */
    public static void paint(Graphics2D g, StaticLayer layer, PlotTransform t, Viewport mapView, MapResult r,
                             BufferedImage cells, float opacity, boolean legend) {
        Shape oldClip = g.getClip();
        Composite oldComposite = g.getComposite();
        Object oldInterp = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        try {
            g.clip(t.plotArea());
            double dx = r.cols() > 1 ? mapView.width() / (r.cols() - 1) : mapView.width();
            double dy = r.rows() > 1 ? mapView.height() / (r.rows() - 1) : mapView.height();
            double x0 = t.toPixelX(mapView.xMin() - dx / 2);
            double x1 = t.toPixelX(mapView.xMax() + dx / 2);
            double y0 = t.toPixelY(mapView.yMax() + dy / 2);
            double y1 = t.toPixelY(mapView.yMin() - dy / 2);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, Math.max(0, Math.min(1, opacity))));
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            AffineTransform at = new AffineTransform((x1 - x0) / cells.getWidth(), 0, 0, (y1 - y0) / cells.getHeight(), x0, y0);
            g.drawImage(cells, at, null);
            g.setComposite(oldComposite);
            Style s = layer.style();
            if (layer.contours() != null) {
                layer.contours().paint(g, t, ColorMap.GREY, s.px(0.8f));
            }
            if (layer.scene().settings().criticalPoints()) {
                MarkerPainter.criticalPoints(g, t, layer.scene().surface().criticalPoints(), s);
            }
        } finally {
            g.setClip(oldClip);
            g.setComposite(oldComposite);
            if (oldInterp != null) {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, oldInterp);
            }
        }
        if (legend) {
            paintLegend(g, t.plotArea(), entries(r), r.cells(), layer.style(), null);
        }
    }

    /** The legend's rows: every ending that occurs, with its count, in the order of the points. */
    public static List<Entry> entries(MapResult r) {
        List<Entry> out = new ArrayList<>();
        int[] byPoint = r.countsByPoint();
        for (int p = 0; p < byPoint.length; p++) {
            if (byPoint[p] > 0) {
                out.add(new Entry(MapColors.ending(r.ends(), p), r.ends().describe(p), byPoint[p]));
            }
        }
        for (int e : new int[] {MapEnds.NOT_CONVERGED, MapEnds.DIVERGED, MapEnds.INVALID}) {
            int c = r.count(e);
            if (c > 0) {
                out.add(new Entry(MapColors.ending(r.ends(), e), r.ends().describe(e), c));
            }
        }
        return out;
    }

    /** A box of square swatches with labels and counts in the top-right corner of {@code area}. */
    public static Rectangle2D paintLegend(Graphics2D g, Rectangle2D area, List<Entry> entries, int total, Style s,
                                          String title) {
        return paintLegend(g, area, entries, total, s, title, LegendPainter.Corner.TOP_RIGHT);
    }

    /** The legend box at a corner of {@code area}. */
    public static Rectangle2D paintLegend(Graphics2D g, Rectangle2D area, List<Entry> entries, int total, Style s,
                                          String title, LegendPainter.Corner corner) {
        if (entries.isEmpty()) {
            return null;
        }
        var oldFont = g.getFont();
        var oldPaint = g.getPaint();
        var oldStroke = g.getStroke();
        g.setFont(s.legendFont());
        FontMetrics fm = g.getFontMetrics();
        double pad = s.px(8);
        double sw = s.px(14);
        double gap = s.px(8);
        double rowH = Math.max(fm.getAscent() + fm.getDescent(), sw) + s.px(4);
        List<String> labels = new ArrayList<>();
        double textW = title == null ? 0 : fm.stringWidth(title);
        for (Entry e : entries) {
            String l = e.count() < 0 ? e.label()
                    : e.label() + "  " + String.format(java.util.Locale.ROOT, "%,d (%.1f %%)", e.count(), 100.0 * e.count() / total);
            labels.add(l);
            textW = Math.max(textW, sw + gap + fm.stringWidth(l));
        }
        int rows = entries.size() + (title == null ? 0 : 1);
        double w = pad + textW + pad;
        double h = pad + rowH * rows + pad - s.px(4);
        boolean left = corner == LegendPainter.Corner.TOP_LEFT || corner == LegendPainter.Corner.BOTTOM_LEFT;
        boolean top = corner == LegendPainter.Corner.TOP_LEFT || corner == LegendPainter.Corner.TOP_RIGHT;
        double x = left ? area.getX() + s.px(10) : area.getMaxX() - s.px(10) - w;
        double y = top ? area.getY() + s.px(10) : area.getMaxY() - s.px(10) - h;
        RoundRectangle2D box = new RoundRectangle2D.Double(x, y, w, h, s.px(8), s.px(8));
        Color bg = s.background();
        g.setColor(new Color(bg.getRed(), bg.getGreen(), bg.getBlue(), 0xE0));
        g.fill(box);
        g.setColor(new Color(0, 0, 0, 0x40));
        g.setStroke(new BasicStroke(s.px(1)));
        g.draw(box);
        double cy = y + pad + rowH / 2 - s.px(2);
        float base = (float) ((fm.getAscent() - fm.getDescent()) / 2.0);
        if (title != null) {
            g.setColor(s.text());
            g.drawString(title, (float) (x + pad), (float) (cy + base));
            cy += rowH;
        }
        for (int i = 0; i < entries.size(); i++) {
            Rectangle2D.Double sq = new Rectangle2D.Double(x + pad, cy - sw / 2, sw, sw);
            g.setColor(new Color(entries.get(i).argb(), true));
            g.fill(sq);
            g.setColor(s.frame());
            g.draw(sq);
            g.setColor(s.text());
            g.drawString(labels.get(i), (float) (x + pad + sw + gap), (float) (cy + base));
            cy += rowH;
        }
        g.setFont(oldFont);
        g.setPaint(oldPaint);
        g.setStroke(oldStroke);
        return box.getBounds2D();
    }

    /**
     * The legend of a difference map: cells where run A's optimizer ends where run B's does (pale),
     * and where it ends elsewhere (in A's colours).
     */
    public static List<Entry> differenceEntries(MapResult a, MapResult b, String nameA, String nameB) {
        int same = 0;
        for (int k = 0; k < a.cells(); k++) {
            if (a.end()[k] == b.end()[k]) {
                same++;
            }
        }
        return List.of(new Entry(0xFFE4E4E4, nameA + " and " + nameB + " end alike", same),
                new Entry(0xFF4477AA, "they differ (" + nameA + "'s ending shown)", a.cells() - same));
    }

    /** A still: the layer, the map (opaque) with contours and markers over it, and the legend. */
    public static BufferedImage still(StaticLayer layer, MapResult r, MapColors.Mode mode) {
        BufferedImage img = new BufferedImage(layer.width(), layer.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            Style.applyHints(g);
            g.drawImage(layer.image(), 0, 0, null);
            paint(g, layer, layer.transform(), layer.viewport(), r, MapColors.image(r, mode, ColorMap.VIRIDIS), 1f, true);
        } finally {
            g.dispose();
        }
        return img;
    }
}
