package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Quadratic;
import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SceneTest {

    private static final Surface QUAD = new Quadratic(1, 10, 0);
    private static final Surface ROSEN = dev.descent.math.Surfaces.create("rosenbrock");

    private static List<TrajectorySnapshot> runs() {
        double[] xs = {-2, -1.5, -1, -0.5, 0};
        double[] ys = {1, -0.8, 0.6, -0.3, 0};
        return List.of(
                TrajectorySnapshot.of(new java.awt.Color(0xE69F00), "SGD", xs, ys, xs.length),
                TrajectorySnapshot.of(new java.awt.Color(0x56B4E9), "Adam", new double[] {2, 1, Double.NaN}, new double[] {1, 0.5, 0}, 3));
    }

    @Test
    void aFullSceneIsNotBlank() {
        StaticLayer layer = StaticLayer.render(new Scene(QUAD, 800, 450));
        BufferedImage img = ScenePainter.renderFrame(layer, runs(), OverlaySettings.DEFAULT);
        assertEquals(800, img.getWidth());
        assertEquals(450, img.getHeight());
        assertTrue(distinctColours(img) > 200, "distinct colours: " + distinctColours(img));
        // the plot area is filled with the colour map, not the background
        var plot = layer.transform().plotArea();
        int white = 0;
        for (int y = (int) plot.getY() + 2; y < plot.getMaxY() - 2; y += 7) {
            for (int x = (int) plot.getX() + 2; x < plot.getMaxX() - 2; x += 7) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF) {
                    white++;
                }
            }
        }
        assertTrue(white < 100, "white pixels in the plot: " + white);
    }

    @Test
    void rasterColoursRiseWithF() {
        // along y = 0 from the minimum to the right edge, f = x²/2 rises: colours must move
        // forward through the colour map, in bands and continuously
        for (FieldRaster.Fill fill : FieldRaster.Fill.values()) {
            SceneSettings set = SceneSettings.DEFAULT.withContourLines(false).withCriticalPoints(false).withFill(fill);
            StaticLayer layer = StaticLayer.render(new Scene(QUAD, new Viewport(-2.5, 2.5, -1.5, 1.5), 800, 450, set));
            PlotTransform t = layer.transform();
            int py = (int) t.toPixelY(0);
            int prev = -1;
            int steps = 0;
            for (int px = (int) t.toPixelX(0) + 1; px < t.left() + t.width() - 1; px++) {
                int idx = nearestIndex(ColorMap.VIRIDIS, layer.image().getRGB(px, py));
                assertTrue(idx >= prev, fill + ": colour index fell from " + prev + " to " + idx + " at px " + px);
                if (idx > prev) {
                    steps++;
                }
                prev = idx;
            }
            assertTrue(steps > 5, fill + ": only " + steps + " colour changes");
        }
    }

    @Test
    void logScenesOfRosenbrockUseLogLevels() {
        StaticLayer layer = StaticLayer.render(new Scene(ROSEN, 640, 400));
        assertTrue(layer.levels().isLog());
        assertTrue(layer.contours().pointCount() > 1000);
        assertTrue(distinctColours(layer.image()) > 100);
    }

    @Test
    void theStaticLayerIsCachedPerScene() {
        ScenePainter painter = new ScenePainter();
        Scene s = new Scene(QUAD, 400, 300);
        StaticLayer a = painter.layer(s);
        assertSame(a, painter.layer(s));
        assertSame(a, painter.layer(new Scene(QUAD, QUAD.defaultViewport(), 400, 300, SceneSettings.DEFAULT)));
        StaticLayer b = painter.layer(s.withViewport(new Viewport(-1, 1, -1, 1)));
        assertNotSame(a, b);
        assertSame(b, painter.latest());
    }

    @Test
    void layersComputedOnManyThreadsAreIdentical() throws Exception {
        Scene s = new Scene(ROSEN, ROSEN.defaultViewport(), 500, 320, SceneSettings.DEFAULT.withGradientField(true));
        int[] reference = pixels(StaticLayer.render(s).image());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<StaticLayer>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                fs.add(pool.submit(() -> StaticLayer.render(s)));
            }
            for (Future<StaticLayer> f : fs) {
                assertArrayEquals(reference, pixels(f.get().image()));
            }
            ScenePainter painter = new ScenePainter();
            StaticLayer async = painter.prepareAsync(s, pool).get();
            assertSame(async, painter.latest());
            assertArrayEquals(reference, pixels(async.image()));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void equalAspectMakesUnitsSquare() {
        StaticLayer layer = StaticLayer.render(new Scene(QUAD, QUAD.defaultViewport(), 900, 400,
                SceneSettings.DEFAULT.withEqualAspect(true)));
        PlotTransform t = layer.transform();
        assertEquals(t.scaleX(), t.scaleY(), 1e-9 * t.scaleX());
        assertTrue(layer.viewport().width() >= QUAD.defaultViewport().width() - 1e-12);
        assertTrue(layer.viewport().height() >= QUAD.defaultViewport().height() - 1e-12);
    }

    @Test
    void everyOptionRenders() {
        for (ColorMap m : ColorMap.all()) {
            SceneSettings set = SceneSettings.DEFAULT.withColorMap(m).withGradientField(true).withTitle("t")
                    .withFill(FieldRaster.Fill.CONTINUOUS).withLevelMode(Levels.Mode.LOG).withFontScale(1.5);
            StaticLayer layer = StaticLayer.render(new Scene(ROSEN, ROSEN.defaultViewport(), 320, 200, set));
            assertTrue(distinctColours(layer.image()) > 50, m.name());
        }
        SceneSettings bare = SceneSettings.DEFAULT.withAxes(false).withColorBar(false).withContourLines(false).withCriticalPoints(false);
        StaticLayer layer = StaticLayer.render(new Scene(dev.descent.math.Surfaces.create("saddle"), new Viewport(-2, 2, -2, 2), 300, 300, bare));
        assertTrue(layer.transform().width() > 250);
        assertThrows(IllegalArgumentException.class, () -> SceneSettings.DEFAULT.withLevelCount(0));
        assertThrows(IllegalArgumentException.class, () -> new Scene(QUAD, 10, 10));
    }

    @Test
    void aFieldThatOverflowsStillRenders() {
        Surface wild = new Overflowing(ROSEN);
        StaticLayer layer = StaticLayer.render(new Scene(wild, 400, 300));
        PlotTransform t = layer.transform();
        // +∞ is above every level: the top colour; NaN has no place in the map: the "bad" grey
        int[] bands = FieldRaster.bandColors(layer.levels(), ColorMap.VIRIDIS);
        assertEquals(bands[bands.length - 1], layer.image().getRGB((int) t.toPixelX(1.8), (int) t.toPixelY(2.5)));
        assertEquals(ColorMap.BAD_ARGB, layer.image().getRGB((int) t.toPixelX(-1.5), (int) t.toPixelY(-0.5)));
    }

    @Test
    void aStaleLayerIsStretchedIntoTheCurrentView() {
        StaticLayer layer = StaticLayer.render(new Scene(ROSEN, 640, 400));
        BufferedImage img = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Viewport zoomed = PlotTransform.zoom(layer.viewport(), 1, 1, 2);
        ScenePainter.paintFrame(g, layer, zoomed, runs(), OverlaySettings.DEFAULT);
        g.dispose();
        // the centre of the new view shows what the layer had at (1, 1)
        PlotTransform t = layer.transform();
        int expected = layer.image().getRGB((int) t.toPixelX(1.0) + 40, (int) t.toPixelY(1.0) - 40);
        int got = img.getRGB((int) t.withViewport(zoomed).toPixelX(1.0) + 80, (int) t.withViewport(zoomed).toPixelY(1.0) - 80);
        assertTrue(TrajectoryPainterTest.near(expected, got, 30), String.format("#%06X vs #%06X", expected & 0xFFFFFF, got & 0xFFFFFF));
    }

    @Test
    void legendListsTheRuns() {
        StaticLayer layer = StaticLayer.render(new Scene(QUAD, QUAD.defaultViewport(), 800, 450, SceneSettings.DEFAULT));
        BufferedImage with = ScenePainter.renderFrame(layer, runs(), OverlaySettings.DEFAULT);
        BufferedImage without = ScenePainter.renderFrame(layer, runs(), OverlaySettings.DEFAULT.withLegend(false));
        var plot = layer.transform().plotArea();
        // the legend sits in the top-right corner and is light
        Style st = layer.style();
        int x = (int) (plot.getMaxX() - st.px(10) - 3);
        int y = (int) (plot.getY() + st.px(10) + 3);
        assertTrue(ColorMap.luminance(with.getRGB(x, y)) > 0.6);
        assertTrue(ColorMap.luminance(without.getRGB(x, y)) < ColorMap.luminance(with.getRGB(x, y)));
    }

    @Test
    void paintsIntoAnyGraphics2D() {
        // JFreeSVG is a Graphics2D that is not Java2D's own, like FXGraphics2D in the window
        StaticLayer layer = StaticLayer.render(new Scene(ROSEN, 480, 300));
        org.jfree.svg.SVGGraphics2D svg = new org.jfree.svg.SVGGraphics2D(480, 300);
        ScenePainter.paintFrame(svg, layer, runs(), OverlaySettings.DEFAULT);
        ScenePainter.paintFrame(svg, layer, PlotTransform.zoom(layer.viewport(), 1.2), runs(), OverlaySettings.DEFAULT);
        String doc = svg.getSVGElement();
        assertTrue(doc.contains("<image"), "the static layer");
        assertTrue(doc.contains("<path"), "the trajectories");
        assertTrue(doc.contains("SGD"), "the legend");
    }

    @Test
    void theBenchmarkWorkloadProducesAnImage() {
        BufferedImage img = ContourBenchmark.run(ROSEN, new Viewport(-2, 2, -1, 3), 200, 30, 640, 360);
        assertEquals(640, img.getWidth());
        assertTrue(distinctColours(img) > 50);
    }

    // helpers

    static int distinctColours(BufferedImage img) {
        Set<Integer> s = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                s.add(img.getRGB(x, y));
            }
        }
        return s.size();
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    static int nearestIndex(ColorMap m, int argb) {
        int best = -1;
        long bestD = Long.MAX_VALUE;
        Color c = new Color(argb);
        for (int i = 0; i < m.size(); i++) {
            Color e = new Color(m.entry(i));
            long dr = c.getRed() - e.getRed();
            long dg = c.getGreen() - e.getGreen();
            long db = c.getBlue() - e.getBlue();
            long d = dr * dr + dg * dg + db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Rosenbrock, except +∞ right of x = 1 and NaN below y = 0. */
    private static final class Overflowing extends Surface {
        private final Surface inner;

        Overflowing(Surface inner) {
            this.inner = inner;
        }

        @Override
        public double value(double x, double y) {
            return x > 1 ? Double.POSITIVE_INFINITY : y < 0 ? Double.NaN : inner.value(x, y);
        }

        @Override
        public String id() {
            return "overflowing";
        }

        @Override
        public String title() {
            return "Overflowing";
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public String formula() {
            return "";
        }

        @Override
        public dev.descent.math.Viewport defaultViewport() {
            return inner.defaultViewport();
        }

        @Override
        public java.util.List<dev.descent.math.CriticalPoint> criticalPoints() {
            return inner.criticalPoints();
        }

        @Override
        public void gradient(double x, double y, double[] out, int offset) {
            inner.gradient(x, y, out, offset);
        }

        @Override
        public void hessian(double x, double y, double[] out) {
            inner.hessian(x, y, out);
        }
    }
}
