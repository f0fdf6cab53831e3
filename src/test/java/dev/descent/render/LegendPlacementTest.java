package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Viewport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegendPlacementTest {

    private static final List<LegendPainter.Entry> ENTRIES = List.of(
            new LegendPainter.Entry(Color.RED, "SGD η=0.001", false),
            new LegendPainter.Entry(Color.BLUE, "Adam η=0.05", false));

    @Test
    void theLegendLeavesTheCornerThePathsRunThrough() {
        BufferedImage img = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Style s = Style.forSize(600, 400, 1.0);
        Rectangle2D area = new Rectangle2D.Double(0, 0, 600, 400);
        double[] throughTopRight = new double[400];
        for (int i = 0; i < 200; i++) {
            throughTopRight[2 * i] = 600 - i;       // along the top edge, right half
            throughTopRight[2 * i + 1] = 20 + i * 0.1;
        }
        LegendPainter.Corner c = LegendPainter.leastCovered(g, area, ENTRIES, LegendPainter.Corner.TOP_RIGHT, s,
                List.of(throughTopRight));
        assertTrue(c != LegendPainter.Corner.TOP_RIGHT, "moved off the path, to " + c);
        Rectangle2D box = LegendPainter.box(g, area, ENTRIES, c, s);
        for (int i = 0; i < 200; i++) {
            assertTrue(!box.contains(throughTopRight[2 * i], throughTopRight[2 * i + 1]), "covers no point");
        }
        assertEquals(LegendPainter.Corner.TOP_RIGHT, LegendPainter.leastCovered(g, area, ENTRIES,
                LegendPainter.Corner.TOP_RIGHT, s, List.of()), "with nothing to avoid, the usual corner");
        g.dispose();
    }

    @Test
    void aSceneDrawsItsLegendAwayFromARunInTheTopRight() {
        int w = 600;
        int h = 400;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        Style s = Style.forSize(w, h, 1.0);
        PlotTransform t = new PlotTransform(new Viewport(-1, 1, -1, 1), new Rectangle2D.Double(0, 0, w, h));
        int n = 200;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) { // a run circling in the top-right corner of the plot
            double a = i * 0.2;
            xs[i] = 0.75 + 0.15 * Math.cos(a);
            ys[i] = 0.75 + 0.15 * Math.sin(a);
        }
        TrajectorySnapshot run = new TrajectorySnapshot(Color.RED, "SGD η=0.001", xs, ys, n, 0, xs[0], ys[0], false);
        ScenePainter.paintOverlay(g, t, s, List.of(run), OverlaySettings.DEFAULT, -1, null);
        g.dispose();
        Rectangle2D topRight = LegendPainter.box(img.createGraphics(), t.plotArea(),
                List.of(LegendPainter.Entry.of(run)), LegendPainter.Corner.TOP_RIGHT, s);
        Rectangle2D topLeft = LegendPainter.box(img.createGraphics(), t.plotArea(),
                List.of(LegendPainter.Entry.of(run)), LegendPainter.Corner.TOP_LEFT, s);
        // the legend's light box shows on the black field in the free corner only
        int inLeft = img.getRGB((int) topLeft.getMinX() + 4, (int) topLeft.getCenterY()) & 0xFF;
        assertTrue(inLeft > 150, "the legend is in the top-left: " + inLeft);
        int inRightEdge = img.getRGB((int) topRight.getMaxX() - 2, (int) topRight.getMaxY() - 2) & 0xFF;
        assertTrue(inRightEdge < 100, "and not over the run in the top-right: " + inRightEdge);
    }
}
