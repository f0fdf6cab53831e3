package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.render.charts.Points;
import dev.descent.render.charts.StepChart;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.event.ChartProgressEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A chart on screen is the picture JFreeChart draws, made on the painter thread, never on the
 * JavaFX thread, and never while the chart is being edited.
 */
@ExtendWith(ApplicationExtension.class)
class LiveChartTest {

    private static final int W = 320;
    private static final int H = 200;

    private StepChart chart;
    private LiveChart live;
    private final Set<String> drawingThreads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger drawings = new AtomicInteger();

    @Start
    void start(Stage stage) {
        chart = new StepChart("Loss", false, true);
        chart.setLines(List.of(line("SGD", 3, 1, 2, 0.5, 0.25)));
        chart.chart().addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_STARTED) {
                drawingThreads.add(Thread.currentThread().getName());
                drawings.incrementAndGet();
            }
        });
        live = new LiveChart("chart-test", chart);
        stage.setScene(new Scene(new StackPane(live), W, H)); // the chart fills the window
        stage.show();
    }

    private static StepChart.Line line(String name, double... ys) {
        double[] xs = new double[ys.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
        }
        return new StepChart.Line(name, Points.of(xs, ys), new Color(0xe6, 0x9f, 0x00), 1.5f, StepChart.Dash.SOLID,
                s -> ys[(int) s]);
    }

    /** Pulses the chart (as the window does) until the picture shown is the chart as it is. */
    private void pulseUntilCurrent(FxRobot robot) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            boolean[] current = new boolean[1];
            robot.interact(() -> {
                live.pulse(true);
                current[0] = live.isCurrent() && live.picture().getImage() != null;
            });
            if (current[0]) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the chart was not drawn");
    }

    /** The chart drawn straight into an image as the PNG export draws it, and its data area. */
    private BufferedImage reference(Rectangle2D[] area) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.chart().draw(g, new Rectangle2D.Double(0, 0, W, H), info);
        g.dispose();
        area[0] = info.getPlotInfo().getDataArea();
        return img;
    }

    private void assertShowsTheChart(String when) {
        Rectangle2D[] area = new Rectangle2D[1];
        BufferedImage expected = reference(area);
        Image shown = live.picture().getImage();
        assertEquals(W, (int) shown.getWidth(), when);
        assertEquals(H, (int) shown.getHeight(), when);
        int differing = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (shown.getPixelReader().getArgb(x, y) != expected.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        assertEquals(0, differing, when + ": pixels that differ from JFreeChart's own drawing");
        assertEquals(area[0], live.dataArea(), when + ": the data area the pointer reads is the picture's");
    }

    @Test
    void theChartIsDrawnOffTheJavaFxThreadAsJFreeChartDrawsIt(FxRobot robot) throws Exception {
        pulseUntilCurrent(robot);
        assertEquals(Set.of("descent-charts"), Set.copyOf(drawingThreads), "every drawing on the painter thread");
        assertShowsTheChart("first drawing");
        drawingThreads.clear();

        robot.interact(() -> {
            assertTrue(live.tryEdit());
            try {
                chart.setLines(List.of(line("SGD", 3, 1, 2, 0.5, 0.25), line("Adam", 2, 2, 1, 1, 0.1)));
            } finally {
                live.endEdit();
            }
        });
        pulseUntilCurrent(robot);
        assertEquals(Set.of("descent-charts"), Set.copyOf(drawingThreads), "new lines drawn on the painter thread");
        assertShowsTheChart("after new lines");
    }

    @Test
    void theChartIsNotDrawnWhileItIsEdited(FxRobot robot) throws Exception {
        pulseUntilCurrent(robot);
        int before = drawings.get();
        boolean[] fxCouldEdit = new boolean[1];
        live.edit(() -> {
            chart.setLines(List.of(line("SGD", 1, 2, 3, 4, 5)));
            robot.interact(() -> {
                live.pulse(true); // asks the painter for the changed chart
                fxCouldEdit[0] = live.tryEdit();
                if (fxCouldEdit[0]) {
                    live.endEdit();
                }
            });
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertEquals(before, drawings.get(), "the painter waits for the edit to end");
        });
        assertFalse(fxCouldEdit[0], "a pulse does not feed a chart someone else is editing");
        pulseUntilCurrent(robot);
        assertTrue(drawings.get() > before);
        assertShowsTheChart("after the edit");
        assertNotNull(live.dataArea());
    }
}
