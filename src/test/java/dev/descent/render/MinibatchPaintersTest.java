package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Viewport;
import dev.descent.math.DataModel;
import dev.descent.math.DataSet;
import dev.descent.math.DataSurface;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The data panel and the minibatch aids, painted into images. */
class MinibatchPaintersTest {

    private static final Color MODEL = new Color(0x009E73);

    private static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static BufferedImage panel(DataSurface s, double t1, double t2, int[] batch) {
        BufferedImage img = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        new DataPainter(s).paint(g, new Rectangle2D.Double(0, 0, 300, 300), t1, t2, batch, MODEL, false);
        g.dispose();
        return img;
    }

    @Test
    void theFittedLinePassesThroughThePointsItFitsAndTheBatchIsRinged() {
        // three points on y = x: the panel maps x and y alike, so the line y = x runs corner to corner
        DataSurface s = DataSurface.of(DataModel.LINEAR, DataSet.regression(new double[] {0, 1, 2}, new double[] {0, 1, 2}));
        BufferedImage fit = panel(s, 1, 0, new int[0]);
        BufferedImage off = panel(s, -1, 0, new int[0]);
        // the plot box is (8, 22)–(292, 282); the middle point (1, 1) is at its centre
        assertTrue(near(fit, 150, 152, MODEL), "the line y = x passes the middle point");
        assertTrue(!near(off, 150, 152, MODEL), "the line y = −x does not");
        assertEquals(0, count(fit, DataPainter.BATCH));
        assertTrue(count(panel(s, 1, 0, new int[] {0, 2}), DataPainter.BATCH) > 20, "the batch's two points are ringed");
    }

    private static boolean near(BufferedImage img, int cx, int cy, Color c) {
        for (int y = cy - 3; y <= cy + 3; y++) {
            for (int x = cx - 3; x <= cx + 3; x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theSpreadEllipseShrinksAsTheBatchGrows() {
        DataSurface s = (DataSurface) dev.descent.math.Surfaces.create("linear_regression", java.util.Map.of("n", 200));
        PlotTransform t = new PlotTransform(new Viewport(-3, 3, -3, 3), 0, 0, 400, 400);
        int[] areas = new int[3];
        int[] sizes = {1, 8, 64};
        for (int k = 0; k < 3; k++) {
            BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            MinibatchPainter.paintSpread(g, t, s, -1, 2, sizes[k], MODEL);
            g.dispose();
            for (int y = 0; y < 400; y++) {
                for (int x = 0; x < 400; x++) {
                    if ((img.getRGB(x, y) & 0xFFFFFF) != 0) {
                        areas[k]++;
                    }
                }
            }
        }
        // painted pixels: the arrow −∇f (the same in all three) and the ellipse, whose area goes as 1/B
        assertTrue(areas[0] > 2 * areas[1] && areas[1] > areas[2], java.util.Arrays.toString(areas));
    }

    @Test
    void batchContoursAreDrawnOnlyForABatch() {
        DataSurface s = (DataSurface) dev.descent.math.Surfaces.create("tanh_net", java.util.Map.of("n", 50));
        PlotTransform t = new PlotTransform(s.defaultViewport(), 0, 0, 300, 300);
        BufferedImage none = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        BufferedImage some = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        MinibatchPainter p = new MinibatchPainter();
        Graphics2D g = none.createGraphics();
        p.paintBatchContours(g, t, s, new int[0], Color.WHITE);
        g.dispose();
        g = some.createGraphics();
        p.paintBatchContours(g, t, s, new int[] {3, 7, 11}, Color.WHITE);
        g.dispose();
        assertEquals(0, count(none, Color.WHITE));
        assertTrue(count(some, Color.WHITE) > 500, "contour lines of the batch loss");
    }

    @Test
    void epochMarksSitWhereAnEpochBegins() {
        PlotTransform t = new PlotTransform(new Viewport(0, 10, 0, 10), 0, 0, 100, 100);
        double[] xs = {1, 2, 3, 4, 5, 6};
        double[] ys = {5, 5, 5, 5, 5, 5};
        double[] epochs = {Double.NaN, 0, 0, 1, 1, 2};
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        MinibatchPainter.paintEpochMarks(g, t, xs, ys, epochs, 6, MODEL);
        g.dispose();
        // epoch 1 begins with the batch drawn at row 2's point (x = 3), epoch 2 at row 4's (x = 5)
        assertTrue(near(img, 30, 50, MODEL));
        assertTrue(near(img, 50, 50, MODEL));
        assertTrue(!near(img, 20, 50, MODEL) && !near(img, 40, 50, MODEL));
    }
}
