package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Viewport;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cached layer of finished segments: drawn piece by piece, then exactly as drawn whole. */
class TrailsLayerTest {

    private static final int W = 320;
    private static final int H = 240;
    private static final PlotTransform T = new PlotTransform(new Viewport(-2, 2, -1.5, 1.5), 10, 10, 300, 220);
    private static final Style S = Style.forSize(W, H, 1);

    /** Two runs spiralling in from opposite sides, crossing each other's paths. */
    private static double[] point(int run, int k) {
        double r = 1.4 * Math.exp(-k / 400.0);
        double a = k * 0.05 + run * Math.PI;
        return new double[] {r * Math.cos(a), 0.8 * r * Math.sin(a)};
    }

    private static List<TrailsLayer.Line> lines(PathTracer a, PathTracer b) {
        return List.of(new TrailsLayer.Line(a, new Color(0xD55E00), false), new TrailsLayer.Line(b, new Color(0x0072B2), true));
    }

    @Test
    void aLayerBuiltPieceByPieceEndsExactlyAsTheWholeDrawing() {
        int n = 3000;
        PathTracer a = new PathTracer(T);
        PathTracer b = new PathTracer(T);
        TrailsLayer live = new TrailsLayer();
        live.update(W, H, T, S, lines(a, b));
        long first = live.rebuilds();
        int partial = 0;
        for (int k = 0; k < n; k++) {
            double[] p = point(0, k);
            double[] q = point(1, k);
            a.add(p[0], p[1]);
            b.add(q[0], q[1]);
            if (k % 7 == 6) {
                Rectangle dirty = live.update(W, H, T, S, lines(a, b));
                if (dirty != null && dirty.width * dirty.height < W * H / 4) {
                    partial++;
                }
            }
        }
        // frame after frame only the new pieces are drawn; drawn whole only when the spiral's tight end
        // brought nothing new for a while
        assertTrue(partial > 100, "partial updates: " + partial);
        assertTrue(live.rebuilds() - first <= 3, "whole redraws: " + (live.rebuilds() - first));
        for (int k = n; k < n + 40; k++) {
            double[] p = point(0, k - n - 1000);
            a.add(p[0], p[1]);
        }
        live.update(W, H, T, S, lines(a, b));
        assertTrue(live.piecewise());
        long before = live.rebuilds();

        PathTracer a2 = new PathTracer(T);
        PathTracer b2 = new PathTracer(T);
        for (int k = 0; k < n; k++) {
            double[] p = point(0, k);
            double[] q = point(1, k);
            a2.add(p[0], p[1]);
            b2.add(q[0], q[1]);
        }
        for (int k = n; k < n + 40; k++) {
            double[] p = point(0, k - n - 1000);
            a2.add(p[0], p[1]);
        }
        TrailsLayer whole = new TrailsLayer();
        whole.update(W, H, T, S, lines(a2, b2));

        // piecewise, the layer is already close to the whole drawing
        int differ = 0;
        int painted = 0;
        for (int i = 0; i < W * H; i++) {
            if (whole.pixels()[i] != 0) {
                painted++;
            }
            if (!near(live.pixels()[i], whole.pixels()[i], 64)) {
                differ++;
            }
        }
        assertTrue(painted > 2000, "painted " + painted);
        assertTrue(differ < painted / 20, differ + " of " + painted + " pixels differ while drawn piecewise");

        // at rest for a moment, it is drawn whole again: exactly the painters' frame
        for (int f = 1; f < TrailsLayer.QUIET_FRAMES; f++) {
            assertNull(live.update(W, H, T, S, lines(a, b)), "frame " + f);
        }
        assertNotNull(live.update(W, H, T, S, lines(a, b)));
        assertEquals(before + 1, live.rebuilds());
        assertArrayEquals(whole.pixels(), live.pixels());
    }

    @Test
    void theWholeLayerIsTheLinesDrawnInOnePass() {
        PathTracer a = traced(0, 4000);
        PathTracer b = traced(1, 4000);
        TrailsLayer layer = new TrailsLayer();
        layer.update(W, H, T, S, lines(a, b));

        // the overlay's order (the selected run last), one pass on one thread
        java.awt.image.BufferedImage one = new java.awt.image.BufferedImage(W, H, java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
        java.awt.Graphics2D g = DirectPixels.createGraphics(one); // as the layer draws: straight into the pixels
        Style.applyHints(g);
        dev.descent.render.TrajectoryPainter.paintLine(g, T, a.shape(), a.shape(), new Color(0xD55E00),
                dev.descent.render.ScenePainter.lineWidth(dev.descent.render.OverlaySettings.DEFAULT, false), S);
        dev.descent.render.TrajectoryPainter.paintLine(g, T, b.shape(), b.shape(), new Color(0x0072B2),
                dev.descent.render.ScenePainter.lineWidth(dev.descent.render.OverlaySettings.DEFAULT, true), S);
        g.dispose();
        int[] expected = ((java.awt.image.DataBufferInt) one.getRaster().getDataBuffer()).getData();
        int painted = 0;
        for (int v : expected) {
            painted += v != 0 ? 1 : 0;
        }
        assertTrue(painted > 2000, "painted " + painted);
        assertArrayEquals(expected, layer.pixels());
    }

    @Test
    void aChangedSelectionRedrawsTheWholeLayer() {
        PathTracer a = traced(0, 500);
        PathTracer b = traced(1, 500);
        TrailsLayer layer = new TrailsLayer();
        layer.update(W, H, T, S, lines(a, b));
        long n = layer.rebuilds();
        Rectangle r = layer.update(W, H, T, S, List.of(new TrailsLayer.Line(a, new Color(0xD55E00), true),
                new TrailsLayer.Line(b, new Color(0x0072B2), false)));
        assertEquals(new Rectangle(0, 0, W, H), r);
        assertEquals(n + 1, layer.rebuilds());
    }

    @Test
    void theLayerOverTheFieldIsTheLinesPaintedOverItDirectly() {
        // the window composes the transparent layer over the static part; a still paints the lines over it
        PathTracer a = traced(0, 4000);
        PathTracer b = traced(1, 4000);
        TrailsLayer layer = new TrailsLayer();
        layer.update(W, H, T, S, lines(a, b));
        java.awt.image.BufferedImage field = new java.awt.image.BufferedImage(W, H, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                field.setRGB(x, y, Color.HSBtoRGB(x / (float) W, 0.6f, 0.3f + 0.6f * y / H)); // a varied background
            }
        }
        java.awt.image.BufferedImage screen = new java.awt.image.BufferedImage(W, H, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.image.BufferedImage still = new java.awt.image.BufferedImage(W, H, java.awt.image.BufferedImage.TYPE_INT_RGB);
        screen.setData(field.getRaster());
        still.setData(field.getRaster());
        java.awt.Graphics2D g = screen.createGraphics();
        g.drawImage(layer.image(), 0, 0, null);
        g.dispose();
        g = DirectPixels.createGraphics(still);
        Style.applyHints(g);
        TrajectoryPainter.paintLine(g, T, a.shape(), a.shape(), new Color(0xD55E00), ScenePainter.lineWidth(OverlaySettings.DEFAULT, false), S);
        TrajectoryPainter.paintLine(g, T, b.shape(), b.shape(), new Color(0x0072B2), ScenePainter.lineWidth(OverlaySettings.DEFAULT, true), S);
        g.dispose();
        int painted = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                painted += still.getRGB(x, y) != field.getRGB(x, y) ? 1 : 0;
                assertTrue(near(screen.getRGB(x, y), still.getRGB(x, y), 2), String.format("pixel %d,%d: %08X on screen, %08X in the still",
                        x, y, screen.getRGB(x, y), still.getRGB(x, y)));
            }
        }
        assertTrue(painted > 2000, "painted " + painted);
    }

    private static boolean near(int a, int b, int tol) {
        for (int s = 0; s < 32; s += 8) {
            if (Math.abs(((a >>> s) & 0xFF) - ((b >>> s) & 0xFF)) > tol) {
                return false;
            }
        }
        return true;
    }

    /** Path {@code which}'s first {@code steps} points, traced. */
    private static PathTracer traced(int which, int steps) {
        PathTracer t = new PathTracer(T);
        for (int k = 0; k < steps; k++) {
            double[] p = point(which, k);
            t.add(p[0], p[1]);
        }
        return t;
    }
}
