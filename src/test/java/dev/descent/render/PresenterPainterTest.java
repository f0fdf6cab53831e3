package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The presenter overlay on a plain grey background: where it draws, how big, and the blank screen. */
class PresenterPainterTest {

    static final int W = 1280;
    static final int H = 720;
    static final int GREY = 0xff808080;

    private static BufferedImage paint(PresenterPainter.Overlay o) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(GREY, true));
        g.fillRect(0, 0, W, H);
        PresenterPainter.paint(g, W, H, o);
        g.dispose();
        return img;
    }

    /** The bounding box of every pixel that is no longer the background, inside {@code area}. */
    private static Rectangle changed(BufferedImage img, Rectangle area) {
        Rectangle r = null;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                if (img.getRGB(x, y) != GREY) {
                    r = r == null ? new Rectangle(x, y, 1, 1) : r.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        return r == null ? new Rectangle() : r;
    }

    private static PresenterPainter.Overlay overlay(double scale, boolean blank, double px, double py) {
        return new PresenterPainter.Overlay(1234, 5000, "The Rosenbrock race", "Seven optimizers from one start.", scale, false,
                blank, px, py);
    }

    @Test
    void theCounterIsTopCentreTheCaptionBottomLeftAndTheMiddleIsLeftAlone() {
        BufferedImage img = paint(overlay(1, false, Double.NaN, Double.NaN));
        Rectangle counter = changed(img, new Rectangle(0, 0, W, H / 4));
        assertTrue(counter.width > 80 && Math.abs(counter.getCenterX() - W / 2.0) < 3 && counter.y < 40, "counter at the top centre: " + counter);
        Rectangle caption = changed(img, new Rectangle(0, H / 2, W / 2, H / 2));
        assertTrue(caption.width > 150 && caption.x < 40 && caption.y + caption.height > H - 40, "caption bottom left: " + caption);
        assertEquals(new Rectangle(), changed(img, new Rectangle(W / 4, H / 4, W / 2, H / 4)), "the plot's middle stays visible");
    }

    @Test
    void theCaptionStaysInsideThePlotClearOfTheAxesTickLabels() {
        java.awt.geom.Rectangle2D plot = new java.awt.geom.Rectangle2D.Double(90, 40, 1100, 600);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(GREY, true));
        g.fillRect(0, 0, W, H);
        PresenterPainter.paint(g, W, H, plot, overlay(1.5, false, Double.NaN, Double.NaN));
        g.dispose();
        Rectangle caption = changed(img, new Rectangle(0, H / 2, W / 2, H / 2));
        assertTrue(caption.width > 150, "a caption is drawn: " + caption);
        assertTrue(caption.x >= 90 && caption.y + caption.height <= 640,
                "inside the plot, not over the y axis' labels (x < 90) or the x axis' (y > 640): " + caption);
        assertTrue(caption.x < 110 && caption.y + caption.height > 610, "in the plot's bottom left corner: " + caption);
    }

    @Test
    void twiceTheScaleIsAboutTwiceTheCounter() {
        Rectangle one = changed(paint(overlay(1, false, Double.NaN, Double.NaN)), new Rectangle(0, 0, W, H / 4));
        Rectangle two = changed(paint(overlay(2, false, Double.NaN, Double.NaN)), new Rectangle(0, 0, W, H / 4));
        double ratio = two.getHeight() / one.getHeight();
        assertTrue(ratio > 1.7 && ratio < 2.3, "height ratio " + ratio);
        assertEquals(3, new PresenterPainter.Overlay(0, 1, null, null, 9, false, false, 0, 0).scale(), "at most 3×");
        assertEquals(1, new PresenterPainter.Overlay(0, 1, null, null, 0.2, false, false, 0, 0).scale(), "at least 1×");
    }

    @Test
    void thePointerIsHighlightedWhereItIs() {
        BufferedImage img = paint(overlay(1, false, 640, 360));
        assertNotEquals(GREY, img.getRGB(640, 360));
        Rectangle ring = changed(img, new Rectangle(540, 260, 200, 200));
        assertEquals(640, ring.getCenterX(), 2);
        assertEquals(360, ring.getCenterY(), 2);
    }

    @Test
    void blankIsAllBlack() {
        BufferedImage img = paint(overlay(1, true, 640, 360));
        for (int[] p : new int[][] {{0, 0}, {640, 360}, {W - 1, 20}, {20, H - 1}}) {
            assertEquals(0xff000000, img.getRGB(p[0], p[1]));
        }
    }
}
