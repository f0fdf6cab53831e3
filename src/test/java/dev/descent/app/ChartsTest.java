package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.render.charts.Points;
import dev.descent.render.charts.SeriesStore;
import dev.descent.render.charts.StepChart;
import dev.descent.session.RunConfig;
import dev.descent.session.SessionController;
import dev.descent.session.SessionConfig;
import dev.descent.sim.Frame;
import dev.descent.sim.History;
import dev.descent.sim.RunFrame;
import dev.descent.sim.RunStatus;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The charts in the window under Monocle: what they carry, scrubbing the plot, hiding, saving. */
@ExtendWith(ApplicationExtension.class)
class ChartsTest {

    private MainView view;
    private SessionController ctl;

    /** Adam and SGD with momentum on f = ½(x² + 10y²) from (2, 1); Adam is selected. */
    static SessionConfig adamAndSgd() {
        List<RunConfig> runs = List.of(
                RunConfig.of("Adam", "#D55E00", "adam", Map.of("lr", 0.05), 2, 1),
                RunConfig.of("Momentum", "#0072B2", "sgd", Map.of("lr", 0.02, "momentum", 0.9), 2, 1));
        return new SessionConfig("charts", null, "quadratic", Map.of(), runs, 100, 10_000, null, null, null, null, 0, null);
    }

    @Start
    void start(Stage stage) {
        ctl = DescentApp.controller(adamAndSgd(), m -> { }, new java.util.ArrayList<>());
        view = new MainView(ctl, false);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
        view.start();
    }

    @BeforeEach
    void startupDone() throws Exception {
        Startup.await(view);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> view.stop());
        ctl.simulation().close();
    }

    private static void waitFor(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, c);
    }

    /** Plays every run to {@code limit} steps and waits until the charts show that frame. */
    private void playTo(FxRobot robot, long limit) throws Exception {
        robot.interact(() -> {
            ctl.setStepLimit(limit);
            ctl.setSpeed(10_000);
        });
        robot.interact(() -> ctl.reset());
        waitFor(() -> ctl.latest().stepLimit() == limit && ctl.latest().runs().stream().allMatch(r -> r.step() == 0));
        robot.interact(() -> ctl.play());
        waitFor(() -> ctl.latest().runs().stream().allMatch(r -> r.step() == limit && r.status() != RunStatus.RUNNING));
        waitFor(() -> {
            Frame f = view.charts().shownFrame();
            return f != null && f.runs().stream().allMatch(r -> r.step() == limit);
        });
    }

    private LiveChart chart(String id, List<LiveChart> charts) {
        return charts.stream().filter(c -> id.equals(c.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no chart " + id + " in " + charts.stream().map(LiveChart::getId).toList()));
    }

    private static void assertSeriesIs(Points p, History.Snapshot h, int channel, String what) {
        int n = h.rows();
        assertEquals(n, p.count(), what + ": one point per step");
        for (int i = 0; i < n; i++) {
            assertEquals(h.get(0, i), p.x(i), what + " step of row " + i);
            double v = h.get(channel, i);
            if (Double.isNaN(v)) {
                assertTrue(Double.isNaN(p.y(i)), what + " row " + i + " is a gap");
            } else {
                assertEquals(v, p.y(i), what + " row " + i);
            }
        }
    }

    @Test
    void theChartsCarryTheRunsValuesAndTheSelectedRunsProbes(FxRobot robot) throws Exception {
        playTo(robot, 40);
        Frame f = view.charts().shownFrame();
        RunFrame adam = ctl.frameOf(f, 0);
        RunFrame sgd = ctl.frameOf(f, 1);

        // every run on the loss chart, in its colour, the selected one drawn last
        LiveChart loss = chart("chart-loss", view.charts().runCharts());
        List<StepChart.Line> lines = loss.chart().lines();
        assertEquals(List.of("Momentum", "Adam"), lines.stream().map(StepChart.Line::label).toList());
        assertEquals(new java.awt.Color(0xD55E00), lines.get(1).color());
        assertSeriesIs(lines.get(1).points(), adam.history(), SeriesStore.LOSS, "Adam's loss");
        assertSeriesIs(lines.get(0).points(), sgd.history(), SeriesStore.LOSS, "SGD's loss");
        LiveChart lr = chart("chart-lr", view.charts().runCharts());
        assertEquals(0.05, lr.chart().lines().get(1).points().y(5));

        // Adam's probes, grouped by name: m with m̂, v with v̂, the bias corrections together
        List<LiveChart> probes = view.charts().probeCharts();
        assertEquals(List.of("probe-grad", "probe-m", "probe-v", "probe-bias_correction", "probe-effective_lr", "probe-step"),
                probes.stream().map(LiveChart::getId).toList());
        LiveChart m = chart("probe-m", probes);
        assertEquals("m, m̂", m.chart().title());
        assertEquals(List.of("m (x)", "m (y)", "m̂ (x)", "m̂ (y)"), m.chart().lines().stream().map(StepChart.Line::label).toList());
        int mHat = adam.probeNames().indexOf("m_hat");
        assertSeriesIs(m.chart().lines().get(2).points(), adam.history(), SeriesStore.probeChannel(mHat, 0), "m̂ x");
        assertSeriesIs(m.chart().lines().get(3).points(), adam.history(), SeriesStore.probeChannel(mHat, 1), "m̂ y");
        LiveChart v = chart("probe-v", probes);
        int vHat = adam.probeNames().indexOf("v_hat");
        assertSeriesIs(v.chart().lines().get(3).points(), adam.history(), SeriesStore.probeChannel(vHat, 1), "v̂ y");
        LiveChart bc = chart("probe-bias_correction", probes);
        assertEquals(List.of("1−β₁ᵗ", "1−β₂ᵗ"), bc.chart().lines().stream().map(StepChart.Line::label).toList(),
                "scalars: one line each");
        assertEquals(1 - Math.pow(0.9, 3), bc.chart().lines().get(0).points().y(3), 1e-15);

        // hovering reads the exact values at the step under the pointer
        waitFor(() -> loss.dataArea() != null);
        robot.moveTo(loss.screenPointOf(12));
        waitFor(loss::isReadoutShowing);
        List<String> text = loss.readoutText();
        assertEquals("step 12", text.get(0));
        assertEquals("Momentum " + dev.descent.render.charts.ChartFormat.number(sgd.history().get(SeriesStore.LOSS, 12), 5), text.get(1));
        assertEquals("Adam " + dev.descent.render.charts.ChartFormat.number(adam.history().get(SeriesStore.LOSS, 12), 5), text.get(2));
        robot.moveTo(view.plot());
        waitFor(() -> !loss.isReadoutShowing());

        // selecting the SGD run shows what it has: its momentum buffer
        robot.interact(() -> ctl.select(1));
        // read on the FX thread: the charts are rebuilt there, one after another
        Callable<List<String>> ids = () -> WaitForAsyncUtils.asyncFx(
                () -> view.charts().probeCharts().stream().map(LiveChart::getId).toList()).get();
        waitFor(() -> ids.call().contains("probe-momentum_buffer"));
        assertEquals(List.of("probe-grad", "probe-momentum_buffer", "probe-effective_lr"), ids.call());

        // a line search's trial points are marked on the plot, not charted
        robot.interact(() -> ctl.changeOptimizer(1, "bfgs"));
        waitFor(() -> ids.call().contains("probe-direction"));
        assertFalse(ids.call().stream().anyMatch(id -> id.startsWith("probe-trial")), ids.call().toString());
    }

    /** The plot's head marker of run {@code i}, read on the FX thread (the plot refills its heads while it paints). */
    private double[] headOnFxThread(FxRobot robot, int i) {
        double[][] out = new double[1][];
        robot.interact(() -> out[0] = view.plot().shownHead(i));
        assertNotNull(out[0], "run " + i + " has a head marker");
        return out[0];
    }

    /**
     * A chart the painter is drawing is not fed: its turn waits (here the test holds the loss chart as
     * the painter would), the rotation does not go past it, and once it is free it is fed, not skipped.
     */
    @Test
    void aChartBeingDrawnIsFedAtALaterPulseNotSkipped(FxRobot robot) throws Exception {
        playTo(robot, 20);
        ChartsView charts = view.charts();
        LiveChart loss = chart("chart-loss", charts.runCharts());
        List<StepChart.Line> held = loss.chart().lines();
        long[] updates = new long[2];
        loss.edit(() -> {
            updates[0] = charts.updates();
            robot.interact(() -> {
                ctl.setStepLimit(40);
                ctl.play();
            });
            try {
                waitFor(() -> ctl.latest().runs().stream().allMatch(r -> r.step() == 40));
                Thread.sleep(500);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            updates[1] = charts.updates();
            assertTrue(held == loss.chart().lines(), "nothing was fed into the chart while it was held");
        });
        assertTrue(updates[1] - updates[0] <= 1, "at most the rotation under way ended; the next waits at the loss chart");
        waitFor(() -> {
            Frame f = charts.shownFrame();
            return f != null && f.runs().stream().allMatch(r -> r.step() == 40);
        });
        RunFrame adam = ctl.frameOf(charts.shownFrame(), 0);
        assertSeriesIs(loss.chart().lines().get(1).points(), adam.history(), SeriesStore.LOSS, "Adam's loss after the hold");
    }

    @Test
    void clickingAChartScrubsThePlotToThatStepUntilPlayGoesOn(FxRobot robot) throws Exception {
        playTo(robot, 60);
        waitFor(() -> view.plot().shownFrame() != null && view.plot().shownFrame().runs().stream().allMatch(r -> r.step() == 60));
        LiveChart loss = chart("chart-loss", view.charts().runCharts());
        waitFor(() -> loss.dataArea() != null);
        Point2D at = loss.screenPointOf(17);
        assertNotNull(at);
        robot.clickOn(at);
        waitFor(() -> ctl.scrubStep() == 17 && view.plot().shownScrub() == 17);

        Frame f = ctl.latest();
        for (int i = 0; i < 2; i++) {
            RunFrame r = ctl.frameOf(f, i);
            double[] head = view.plot().shownHead(i);
            assertNotNull(head, "run " + i + " has a head marker");
            assertEquals(17, r.history().get(0, 17));
            assertEquals(r.history().get(1, 17), head[0], "run " + i + ": x at step 17");
            assertEquals(r.history().get(2, 17), head[1], "run " + i + ": y at step 17");
        }
        waitFor(() -> loss.chart().scrub() == 17.0 && !loss.chart().isStale());
        assertEquals(17.0, view.charts().probeCharts().get(0).chart().scrub(), "the charts mark the step");

        // a scrub from the API to another step, then one step on: back to the newest positions
        robot.interact(() -> ctl.scrubTo(42));
        waitFor(() -> view.plot().shownScrub() == 42);
        RunFrame r0 = ctl.frameOf(ctl.latest(), 0);
        assertEquals(r0.history().get(1, 42), headOnFxThread(robot, 0)[0]);
        robot.interact(() -> ctl.setStepLimit(1000));
        robot.clickOn("#step");
        waitFor(() -> view.plot().shownScrub() == -1 && view.plot().shownFrame().runs().stream().allMatch(r -> r.step() == 61));
        RunFrame now = ctl.frameOf(view.plot().shownFrame(), 0);
        double[] head = headOnFxThread(robot, 0);
        assertEquals(now.x(), head[0]);
        assertEquals(now.y(), head[1]);
        waitFor(() -> Double.isNaN(loss.chart().scrub()));
    }

    @Test
    void onTheBowlTheSelectedHeavyBallRunHasItsTextbookRateBesideIt(FxRobot robot) throws Exception {
        int momentum = 0;
        while (!ctl.session().runs().get(momentum).name().equals("Momentum")) {
            momentum++;
        }
        int m = momentum;
        robot.interact(() -> ctl.select(m));
        playTo(robot, 40);
        LiveChart loss = chart("chart-loss", view.charts().runCharts());
        waitFor(() -> loss.chart().lines().stream().anyMatch(l -> l.label().startsWith("rate ρ^2t")));
        StepChart.Line rate = loss.chart().lines().stream().filter(l -> l.label().startsWith("rate")).findFirst().orElseThrow();
        // η = 0.02, μ = 0.9 on ½(x² + 10y²): 1 + μ − ηλ = 1.88 and 1.7, both below 2√μ, so ρ = √0.9
        assertTrue(rate.label().contains("0.9487"), rate.label());
        double f0 = ctl.frameOf(ctl.latest(), m).history().get(dev.descent.render.charts.SeriesStore.LOSS, 0);
        assertEquals(f0 * Math.pow(0.9, 40), rate.readout().applyAsDouble(40), 1e-12 * f0);
        robot.interact(() -> ctl.select(0 == m ? 1 : 0)); // Adam: no textbook line
        waitFor(() -> loss.chart().lines().stream().noneMatch(l -> l.label().startsWith("rate")));
    }

    @Test
    void chartsCanBeHiddenShownFoldedAndSaved(FxRobot robot, @TempDir Path dir) throws Exception {
        playTo(robot, 30);
        ChartsView charts = view.charts();
        // Ctrl+Shift+C, View → Charts' accelerator (the View menu is long: a pointer crossing its
        // submenus made the click land unreliably under load)
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.C).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertFalse(charts.isShown());
        assertTrue(charts.getScene() == null, "the chart area left the window");
        long before = charts.updates();
        robot.interact(() -> ctl.stepOnce());
        Thread.sleep(300);
        assertEquals(before, charts.updates(), "hidden charts are not fed");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.C).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertTrue(charts.isShown());
        waitFor(() -> charts.getScene() != null && charts.updates() > before);

        // folding both sections gives the plot the room
        double plotHeight = view.plot().getHeight();
        robot.interact(() -> {
            charts.runsPane().setExpanded(false);
            charts.probesPane().setExpanded(false);
        });
        waitFor(() -> view.plot().getHeight() > plotHeight + 100);
        robot.interact(() -> {
            charts.runsPane().setExpanded(true);
            charts.probesPane().setExpanded(true);
        });
        waitFor(() -> view.plot().getHeight() < plotHeight + 5);

        // the log scale switches from the context menu's action and the data is refiltered
        LiveChart lr = chart("chart-lr", charts.runCharts());
        robot.interact(() -> lr.setLog(false));
        waitFor(() -> lr.chart().plot().getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis);

        File png = dir.resolve("loss.png").toFile();
        File svg = dir.resolve("loss.svg").toFile();
        LiveChart loss = chart("chart-loss", charts.runCharts());
        robot.interact(() -> {
            try {
                loss.save(png);
                loss.save(svg);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(ImageIO.read(png).getWidth() >= 1280, "PNG at twice at least 640");
        String text = Files.readString(svg.toPath());
        assertTrue(text.contains("<svg") && text.contains("Loss") && text.contains("Adam"), "SVG with title and legend");
    }
}
