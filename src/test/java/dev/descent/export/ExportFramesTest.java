package dev.descent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.Presets;
import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.render.charts.LossScale;
import dev.descent.render.charts.StepChart;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exported frames say what the window says, at every size from 640×360 to 3840×2160. */
class ExportFramesTest {

    private static final ExportRuns RACE = ExportRuns.simulate(Presets.load("rosenbrock-race").session(), 150);

    /** Ink: a pixel dark enough to be text, a tick or a line (the frame's background is white). */
    private static boolean ink(int rgb) {
        int r = rgb >> 16 & 255;
        int g = rgb >> 8 & 255;
        int b = rgb & 255;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 160;
    }

    /** The pixels with ink within {@code depth} pixels of the frame's edges: a label cut off by the edge leaves some. */
    private static int inkAtEdges(BufferedImage img, int depth) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                boolean edge = x < depth || y < depth || x >= img.getWidth() - depth || y >= img.getHeight() - depth;
                if (edge && ink(img.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void noTickLabelLegendOrCaptionIsCutByTheFrameAtAnySize() {
        for (int[] size : new int[][] {{640, 360}, {854, 480}, {1280, 720}, {1920, 1080}, {3840, 2160}, {720, 960}}) {
            for (boolean charts : new boolean[] {true, false}) {
                SceneFrames f = new SceneFrames(RACE, size[0], size[1], charts, 150);
                BufferedImage img = f.render(150);
                String what = size[0] + "x" + size[1] + (charts ? " with the chart" : "");
                assertEquals(0, inkAtEdges(img, 2), what + ": something touches the frame's edge");
                if (charts) {
                    // the chart's tick labels: ink in the chart's bottom band (its step axis) up to its right end, never past
                    Rectangle c = f.chartArea().getBounds();
                    assertTrue(c.x + c.width <= size[0] && c.y + c.height <= size[1], what);
                    assertTrue(inkIn(img, c.x, c.y + c.height * 9 / 10, c.width, c.height / 10) > 0, what + ": the step axis is labelled");
                }
            }
        }
    }

    private static int inkIn(BufferedImage img, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y0 + h); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x0 + w); x++) {
                if (ink(img.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void framesKeepTheWindowsAspectOneUnitAsLongOnXAsOnY() {
        for (int[] size : new int[][] {{640, 360}, {1280, 720}, {720, 960}}) {
            SceneFrames f = new SceneFrames(RACE, size[0], size[1], false, 150);
            double[] o = f.toPixel(0, 0);
            double[] x = f.toPixel(1, 0);
            double[] y = f.toPixel(0, 1);
            assertEquals(x[0] - o[0], o[1] - y[1], 1e-6 * (x[0] - o[0]), size[0] + "x" + size[1]);
        }
    }

    @Test
    void theChartIsTheWindowsLossChartWithItsScaleAndUphillMarks() {
        // SGD at η = 0.21 on the bowl's y curvature 10: |1 − 2.1| > 1, every step goes uphill
        SessionConfig s = new SessionConfig("uphill", null, "quadratic", Map.of(),
                List.of(RunConfig.of("SGD", "#E69F00", "sgd", Map.of("lr", 0.21), 0.5, 0.5)),
                100, 10_000, null, "viridis", true, false, 0, false);
        ExportRuns runs = ExportRuns.simulate(s, 20);
        SceneFrames f = new SceneFrames(runs, 1280, 720, true, 20);
        assertEquals(LossScale.Kind.GAP, f.scale().kind(), "the quadratic's f* = 0 is known: the gap on a log axis");
        StepChart c = f.chartAt(10);
        assertEquals(1, c.lines().size());
        assertEquals(11, c.lines().get(0).points().count(), "steps 0 to 10");
        assertEquals(10, c.marks().getItemCount(0), "a ▲ at each of the 10 steps that raised f");
        assertTrue(c.axisLog());
        // a saddle has no minimum: the symmetric log, as on screen
        SessionConfig saddle = new SessionConfig("saddle", null, "saddle", Map.of(),
                List.of(RunConfig.of("SGD", "#E69F00", "sgd", Map.of("lr", 0.05), 0.5, 0.01)),
                100, 10_000, null, "viridis", true, false, 0, false);
        assertEquals(LossScale.Kind.SYMLOG, new SceneFrames(ExportRuns.simulate(saddle, 5), 640, 360, true, 5).scale().kind());
    }

    @Test
    void theLegendNamesEachRunWithItsSettingsAsTheWindowDoes() {
        List<String> legends = RACE.shown().stream().map(SimulatedRun::legend).toList();
        assertTrue(legends.contains("Momentum: SGD η=2e-4 μ=0.9"), legends.toString());
        assertTrue(legends.contains("Adam η=0.05"), legends.toString());
    }

    @Test
    void eachOverlayCanBeLeftOutAndTouchesOnlyItsOwnPlace() {
        SceneFrames all = new SceneFrames(RACE, 1280, 720, false, 150, Overlays.ALL, null, null, null);
        SceneFrames noStep = new SceneFrames(RACE, 1280, 720, false, 150, Overlays.ALL.withStep(false), null, null, null);
        SceneFrames noTitle = new SceneFrames(RACE, 1280, 720, false, 150, Overlays.ALL.withTitle(false), null, null, null);
        SceneFrames none = new SceneFrames(RACE, 1280, 720, false, 150, Overlays.NONE, null, null, null);
        BufferedImage a = all.render(150);
        Rectangle p = all.plotArea();
        int midX = p.x + p.width / 2;
        int midY = p.y + p.height / 2;
        // the counter sits bottom right, the words bottom left, the legend at the top
        assertTrue(differ(a, noStep.render(150), midX, midY, p.x + p.width, p.y + p.height));
        assertFalse(differ(a, noStep.render(150), p.x, p.y, midX, midY));
        assertTrue(differ(a, noTitle.render(150), p.x, midY, midX, p.y + p.height));
        assertFalse(differ(a, noTitle.render(150), midX, p.y, p.x + p.width, midY));
        assertTrue(differ(a, none.render(150), p.x, p.y, p.x + p.width, midY), "no legend");
    }

    private static boolean differ(BufferedImage a, BufferedImage b, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }
}
