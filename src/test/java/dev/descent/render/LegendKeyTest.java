package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.CriticalPoint;
import dev.descent.math.Viewport;
import dev.descent.render.MarkerPainter.Glyph;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plot's legend explains the marks on the plot with the plot's own glyphs, and goes where it is put. */
class LegendKeyTest {

    // at 2× the glyphs' outlines are a few pixels wide, so the comparison does not hang on sub-pixel placement
    private static final Style S = Style.forSize(800, 450, 2);
    private static final Rectangle2D AREA = new Rectangle2D.Double(50, 40, 700, 360);
    private static final List<LegendPainter.Entry> ONE_RUN = List.of(new LegendPainter.Entry(new Color(0x00, 0x72, 0xB2), "Adam η=0.1", false));

    private static BufferedImage white() {
        BufferedImage img = new BufferedImage(800, 450, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 450);
        g.dispose();
        return img;
    }

    private static BufferedImage legend(List<Glyph> keys) {
        BufferedImage img = white();
        Graphics2D g = img.createGraphics();
        Style.applyHints(g);
        LegendPainter.paint(g, AREA, ONE_RUN, keys, LegendPainter.Corner.TOP_LEFT, null, S);
        g.dispose();
        return img;
    }

    /** The mark as the plot draws it: a stationary point of this kind at a known pixel. */
    private static boolean[][] plotMark(CriticalPoint.Kind kind, int r) {
        BufferedImage img = white();
        Graphics2D g = img.createGraphics();
        Style.applyHints(g);
        PlotTransform t = new PlotTransform(new Viewport(-1, 1, -1, 1), 300, 100, 200, 200);
        MarkerPainter.criticalPoints(g, t, List.of(new CriticalPoint(0, 0, kind)), S);
        g.dispose();
        return dark(img, (int) Math.round(t.toPixelX(0)), (int) Math.round(t.toPixelY(0)), r);
    }

    private static boolean[][] dark(BufferedImage img, int cx, int cy, int r) {
        boolean[][] m = new boolean[2 * r + 1][2 * r + 1];
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int x = cx + dx;
                int y = cy + dy;
                m[dy + r][dx + r] = x >= 0 && y >= 0 && x < img.getWidth() && y < img.getHeight()
                        && ColorMap.luminance(img.getRGB(x, y)) < 0.45;
            }
        }
        return m;
    }

    /**
     * How well the glyph's dark outline is found in the legend's mark column (where the run swatches
     * are): the best intersection over union of dark pixels.
     */
    private static double bestMatch(BufferedImage img, boolean[][] glyph, Rectangle2D box) {
        int r = glyph.length / 2;
        double best = 0;
        for (int cy = (int) box.getY(); cy < box.getMaxY(); cy++) {
            for (int cx = (int) box.getX(); cx < box.getX() + S.px(8 + 26); cx++) {
                boolean[][] m = dark(img, cx, cy, r);
                int both = 0;
                int either = 0;
                for (int i = 0; i < m.length; i++) {
                    for (int j = 0; j < m.length; j++) {
                        both += m[i][j] && glyph[i][j] ? 1 : 0;
                        either += m[i][j] || glyph[i][j] ? 1 : 0;
                    }
                }
                best = Math.max(best, either == 0 ? 0 : both / (double) either);
            }
        }
        return best;
    }

    private static Rectangle2D box(List<Glyph> keys) {
        Graphics2D g = white().createGraphics();
        return LegendPainter.box(g, AREA, ONE_RUN, keys, LegendPainter.Corner.TOP_LEFT, null, S);
    }

    @Test
    void theKeyShowsTheMinimumsStarAndTheSaddlesCrossAsThePlotDrawsThem() {
        int r = (int) Math.ceil(S.px(12));
        boolean[][] star = plotMark(CriticalPoint.Kind.GLOBAL_MINIMUM, r);
        boolean[][] cross = plotMark(CriticalPoint.Kind.SADDLE, r);
        List<Glyph> keys = List.of(Glyph.GLOBAL_MINIMUM, Glyph.SADDLE, Glyph.START, Glyph.HEAD);
        BufferedImage with = legend(keys);
        BufferedImage without = legend(List.of());
        double starWith = bestMatch(with, star, box(keys));
        double crossWith = bestMatch(with, cross, box(keys));
        assertTrue(starWith > 0.6, "★ found in the key: " + starWith);
        assertTrue(crossWith > 0.6, "✕ found in the key: " + crossWith);
        assertTrue(bestMatch(without, star, box(keys)) < 0.4, "no ★ in a legend without the key");
        assertTrue(bestMatch(without, cross, box(keys)) < 0.4, "no ✕ in a legend without the key");
        assertEquals("minimum", Glyph.GLOBAL_MINIMUM.label());
        assertEquals("saddle", Glyph.SADDLE.label());
    }

    @Test
    void eachKeyIsOneMoreRow() {
        double oneRun = box(List.of()).getHeight();
        Graphics2D g = white().createGraphics();
        double twoRuns = LegendPainter.box(g, AREA, List.of(ONE_RUN.get(0), ONE_RUN.get(0)), List.of(),
                LegendPainter.Corner.TOP_LEFT, null, S).getHeight();
        double row = twoRuns - oneRun;
        double oneKey = box(List.of(Glyph.GLOBAL_MINIMUM)).getHeight();
        double threeKeys = box(List.of(Glyph.GLOBAL_MINIMUM, Glyph.SADDLE, Glyph.DIVERGED)).getHeight();
        assertTrue(oneKey > oneRun + row - 1e-9, "a key row and its separator");
        assertEquals(2 * row, threeKeys - oneKey, 1e-9);
    }

    @Test
    void aDraggedLegendGoesWhereItWasPutAndStaysInsideThePlot() {
        Graphics2D g = white().createGraphics();
        Rectangle2D at = LegendPainter.box(g, AREA, ONE_RUN, List.of(), LegendPainter.Corner.TOP_RIGHT,
                new Point2D.Double(0.5, 0.25), S);
        assertEquals(AREA.getX() + 350, at.getX(), 1e-9);
        assertEquals(AREA.getY() + 90, at.getY(), 1e-9);
        Rectangle2D far = LegendPainter.box(g, AREA, ONE_RUN, List.of(), LegendPainter.Corner.TOP_RIGHT,
                new Point2D.Double(2, -1), S);
        assertEquals(AREA.getMaxX(), far.getMaxX(), 1e-9, "kept inside on the right");
        assertEquals(AREA.getY(), far.getY(), 1e-9, "and at the top");
    }

    /** A run whose second step raised f: 0 → 1 → 0.5 → 2 along x, flags on point 2. */
    private static TrajectorySnapshot climbing(boolean flagged) {
        double[] xs = {-0.8, 0.2, -0.3, 0.6};
        double[] ys = {-0.5, -0.5, 0.1, 0.4};
        TrajectorySnapshot run = TrajectorySnapshot.of(new Color(0x00, 0x72, 0xB2), "SGD", xs, ys, 4);
        return flagged ? run.withUphill(new double[] {0, 0, 1, 0}) : run;
    }

    private static Rectangle2D overlayLegend(TrajectorySnapshot run) {
        BufferedImage img = white();
        Graphics2D g = img.createGraphics();
        PlotTransform t = new PlotTransform(new Viewport(-1, 1, -1, 1), 50, 40, 700, 360);
        Rectangle2D box = ScenePainter.paintOverlay(g, t, S, List.of(run), OverlaySettings.DEFAULT, -1, null, null,
                List.of(CriticalPoint.Kind.GLOBAL_MINIMUM), null);
        g.dispose();
        return box;
    }

    @Test
    void theKeyNamesTheUphillMarkOnlyWhenOneIsDrawn() {
        assertEquals(List.of(Glyph.GLOBAL_MINIMUM, Glyph.START, Glyph.HEAD, Glyph.UPHILL),
                ScenePainter.keys(List.of(CriticalPoint.Kind.GLOBAL_MINIMUM), OverlaySettings.DEFAULT, new boolean[1], true));
        double without = overlayLegend(climbing(false)).getHeight();
        double with = overlayLegend(climbing(true)).getHeight();
        assertTrue(with > without + S.px(10), "one more row for the ▲ drawn on the path: " + without + " → " + with);
    }
}
