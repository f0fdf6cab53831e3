package dev.descent.app;

import dev.descent.render.Camera3D;
import dev.descent.render.PlotPainter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.Styles;
import dev.descent.session.Presets;
import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.session.SessionController;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import dev.descent.sim.RunStatus;
import dev.descent.sim.Trace;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window under Monocle: controls change the simulation, bad input is refused in place. */
@ExtendWith(ApplicationExtension.class)
class WindowTest {

    private MainView view;
    private SessionController ctl;

    /** One SGD run on f = ½(x² + 10y²) from (2, 1). */
    static SessionConfig bowl(double... lrs) {
        List<RunConfig> runs = new java.util.ArrayList<>();
        for (int i = 0; i < lrs.length; i++) {
            runs.add(RunConfig.of("run " + i, null, "sgd", Map.of("lr", lrs[i]), 2, 1));
        }
        return new SessionConfig("test", null, "quadratic", Map.of(), runs, 100, 10_000, null, null, null, null, 0, null);
    }

    @Start
    void start(Stage stage) {
        ctl = DescentApp.controller(bowl(0.02), m -> { }, new java.util.ArrayList<>());
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

    // ---- helpers ----------------------------------------------------------------------------------

    private static void waitFor(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, c);
    }

    private void waitForFrame(Predicate<Frame> p) throws Exception {
        try {
            waitFor(() -> p.test(ctl.latest()));
        } catch (java.util.concurrent.TimeoutException e) {
            Frame f = ctl.latest();
            StringBuilder sb = new StringBuilder("timed out; latest frame: playing=" + f.playing() + " limit=" + f.stepLimit());
            for (RunFrame r : f.runs()) {
                sb.append("\n  run ").append(r.id()).append(" step ").append(r.step()).append(' ').append(r.status())
                        .append(" lr ").append(r.spec().optimizer().lr());
            }
            throw new AssertionError(sb.toString(), e);
        }
    }

    private RunFrame run(int index) {
        return ctl.frameOf(ctl.latest(), index);
    }

    private void enter(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> {
            f.requestFocus();
            f.setText(text);
            f.fireEvent(new ActionEvent());
        });
    }

    private void playToStepLimit(FxRobot robot, long limit) throws Exception {
        robot.interact(() -> {
            ctl.setStepLimit(limit);
            ctl.setSpeed(10_000);
        });
        robot.interact(() -> ctl.reset());
        waitForFrame(f -> f.stepLimit() == limit && f.runs().stream().allMatch(r -> r.step() == 0));
        robot.interact(() -> ctl.play());
        waitForFrame(f -> f.runs().stream().allMatch(r -> r.status() != RunStatus.RUNNING));
    }

    // ---- tests ------------------------------------------------------------------------------------

    @Test
    void changingTheLearningRateChangesThePath(FxRobot robot) throws Exception {
        playToStepLimit(robot, 40);
        RunFrame before = run(0);
        assertEquals(40, before.step());

        enter(robot, "#param-lr", "0.05");
        assertEquals(0.05, ((Number) ctl.run(0).hyperparameters().get("lr")).doubleValue());
        waitForFrame(f -> ctl.frameOf(f, 0).spec().optimizer().lr() == 0.05 && ctl.frameOf(f, 0).step() == 0);
        robot.interact(() -> ctl.play());
        waitForFrame(f -> ctl.frameOf(f, 0).step() == 40 && !f.playing());
        RunFrame after = run(0);
        assertNotEquals(before.x(), after.x());
        List<Trace.Row> trace = Trace.rows(after.spec(), 40, false);
        assertEquals(trace.get(40).x(), after.x());
        assertEquals(trace.get(40).y(), after.y());
    }

    @Test
    void switchingNoiseOnGivesTheSameSigmaAsTheCommandLine(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> noise = robot.lookup("#noise").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> noise.setValue("additive"));
        assertEquals("additive", ctl.run(0).noise());
        assertEquals(0.1, ctl.run(0).sigma());
        TextField sigma = robot.lookup("#noise-sigma").queryAs(TextField.class);
        assertEquals("0.1", sigma.getText());
        waitForFrame(f -> ctl.frameOf(f, 0).spec().noise().sigma() == 0.1
                && ctl.frameOf(f, 0).spec().noise().kind() == dev.descent.math.GradientNoise.Kind.ADDITIVE);
    }

    @Test
    void anInvalidValueIsRefusedWithAMessageAndTheOldValueStays(FxRobot robot) throws Exception {
        enter(robot, "#param-lr", "-1");
        TextField lr = robot.lookup("#param-lr").queryAs(TextField.class);
        Label error = robot.lookup("#error-lr").queryAs(Label.class);
        assertTrue(lr.getPseudoClassStates().contains(Styles.STATE_DANGER), "the field turns red");
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("Invalid learning rate: -1.0"), error.getText());
        assertEquals(0.02, ((Number) ctl.run(0).hyperparameters().get("lr")).doubleValue());

        enter(robot, "#param-lr", "fast");
        assertTrue(error.getText().contains("is not a number"), error.getText());
        assertEquals(0.02, ((Number) ctl.run(0).hyperparameters().get("lr")).doubleValue());

        enter(robot, "#param-momentum", "1.5e");
        Label momentumError = robot.lookup("#error-momentum").queryAs(Label.class);
        assertTrue(momentumError.getText().contains("not a number"), momentumError.getText());

        // the run still runs with its last valid settings
        robot.interact(() -> ctl.stepOnce());
        waitForFrame(f -> ctl.frameOf(f, 0).step() == 1);
        assertEquals(0.02, run(0).spec().optimizer().lr());

        // a valid value clears the refusal
        enter(robot, "#param-lr", "0.01");
        assertFalse(lr.getPseudoClassStates().contains(Styles.STATE_DANGER));
        assertFalse(error.isVisible());
        waitForFrame(f -> ctl.frameOf(f, 0).spec().optimizer().lr() == 0.01);
    }

    @Test
    void clickingThePlotMovesTheStartOfTheRuns(FxRobot robot) throws Exception {
        waitFor(() -> view.plot().layersMade() > 0);
        PlotPainter.Geometry g = view.plot().geometry();
        double px = g.px(-1.0);
        double py = g.py(0.5);
        Point2D screen = view.plot().localToScreen(px, py);
        robot.clickOn(screen);
        waitForFrame(f -> Math.abs(ctl.frameOf(f, 0).spec().x0() + 1.0) < 0.05);
        RunFrame r = run(0);
        assertEquals(-1.0, r.spec().x0(), 0.05);
        assertEquals(0.5, r.spec().y0(), 0.05);
        assertEquals(r.spec().x0(), ctl.run(0).x0());
        assertEquals(0, r.step());
    }

    @Test
    void playPauseStepAndResetDoWhatTheySay(FxRobot robot) throws Exception {
        robot.interact(() -> ctl.setSpeed(30));
        robot.clickOn("#play");
        waitForFrame(f -> f.playing() && ctl.frameOf(f, 0).step() > 3);
        robot.clickOn("#play");
        waitForFrame(f -> !f.playing());
        long paused = run(0).step();
        Thread.sleep(150); // nothing may move while paused
        assertEquals(paused, run(0).step());

        robot.clickOn("#step");
        waitForFrame(f -> ctl.frameOf(f, 0).step() == paused + 1);

        robot.type(KeyCode.RIGHT);
        waitForFrame(f -> ctl.frameOf(f, 0).step() == paused + 2);

        robot.clickOn("#reset");
        waitForFrame(f -> ctl.frameOf(f, 0).step() == 0);
        assertEquals(2.0, run(0).x());
        assertEquals(1.0, run(0).y());

        robot.type(KeyCode.SPACE);
        waitForFrame(f -> f.playing());
        robot.type(KeyCode.SPACE);
        waitForFrame(f -> !f.playing());
        robot.type(KeyCode.R);
        waitForFrame(f -> ctl.frameOf(f, 0).step() == 0);
    }

    @Test
    void aSecondRunRacesTheFirst(FxRobot robot) throws Exception {
        robot.clickOn("#addRun");
        assertEquals(2, ctl.runs().size());
        assertNotEquals(ctl.run(0).color(), ctl.run(1).color());
        enter(robot, "#param-lr", "0.08");
        waitForFrame(f -> f.runs().size() == 2 && ctl.frameOf(f, 1).spec().optimizer().lr() == 0.08);
        robot.interact(() -> ctl.play());
        waitForFrame(f -> ctl.frameOf(f, 0).step() > 10 && ctl.frameOf(f, 1).step() > 10);
        assertNotEquals(run(0).x(), run(1).x());
    }

    @Test
    void aDivergingRunIsFlaggedWhileTheOthersGoOn(FxRobot robot) throws Exception {
        robot.interact(() -> view.load(bowl(0.21, 0.05)));
        waitForFrame(f -> f.runs().size() == 2);
        robot.interact(() -> {
            ctl.setSpeed(2000);
            ctl.play();
        });
        waitForFrame(f -> ctl.frameOf(f, 0).status() == RunStatus.DIVERGED);
        waitForFrame(f -> ctl.frameOf(f, 1).step() > ctl.frameOf(f, 0).step());
        RunFrame bad = run(0);
        assertTrue(Double.isFinite(bad.lastX()) && Double.isFinite(bad.lastY()), "the last finite point is kept");
        waitFor(() -> robot.lookup("#badge-0").tryQueryAs(Label.class).map(l -> l.getText().equals("diverged")).orElse(false));
        assertNotEquals(RunStatus.DIVERGED, run(1).status());
    }

    @Test
    void thePositionsShownAfterNStepsAreTheTrace(FxRobot robot) throws Exception {
        robot.interact(() -> view.load(bowl(0.02, 0.09)));
        waitForFrame(f -> f.runs().size() == 2);
        playToStepLimit(robot, 60);
        waitFor(() -> {
            Frame shown = view.plot().shownFrame();
            return shown != null && shown.runs().size() == 2 && shown.runs().stream().allMatch(r -> r.step() == 60);
        });
        Frame shown = view.plot().shownFrame();
        for (int i = 0; i < 2; i++) {
            RunFrame r = ctl.frameOf(shown, i);
            assertNotNull(r);
            List<Trace.Row> trace = Trace.rows(r.spec(), 60, false);
            assertEquals(61, r.history().rows());
            for (int k = 0; k <= 60; k++) {
                assertEquals(trace.get(k).x(), r.history().get(1, k), "x of step " + k);
                assertEquals(trace.get(k).y(), r.history().get(2, k), "y of step " + k);
            }
            assertEquals(trace.get(60).x(), r.x());
            assertEquals(trace.get(60).y(), r.y());
        }
    }

    @Test
    void everyPresetOpens(FxRobot robot) throws Exception {
        for (Presets.Preset p : Presets.all()) {
            robot.interact(() -> view.load(p.session()));
            assertEquals(p.session().surface(), ctl.session().surface(), p.id());
            long known = p.session().runs().stream()
                    .filter(r -> dev.descent.optim.Optimizers.all().stream().anyMatch(k -> k.id().equals(r.optimizer()))).count();
            assertEquals(known, ctl.runs().size(), p.id() + ": every run whose optimizer exists");
            waitForFrame(f -> f.surface() == ctl.surface() && f.runs().size() == ctl.runs().size());
            robot.interact(() -> ctl.stepOnce());
            waitForFrame(f -> f.runs().stream().allMatch(r -> r.step() == 1 || r.status() != RunStatus.RUNNING));
            assertNotNull(robot.lookup("#runEditor").query());
        }
        // and the default lesson comes back from the File menu
        robot.clickOn("File").clickOn("#resetDefault");
        assertEquals("rosenbrock", ctl.session().surface());
    }

    @Test
    void invalidStepLimitIsRefused(FxRobot robot) throws Exception {
        enter(robot, "#stepLimit", "0");
        TextField f = robot.lookup("#stepLimit").queryAs(TextField.class);
        assertTrue(f.getPseudoClassStates().contains(Styles.STATE_DANGER));
        assertEquals(10_000, ctl.session().stepLimit());
        enter(robot, "#stepLimit", "123");
        waitForFrame(fr -> fr.stepLimit() == 123);
    }

    /** View → 3-D view in the window: 3 shows it in the plot's place, a drag turns it, 0 turns it back. */
    @Test
    void threeShowsTheReliefWithTheRunsOnItADragTurnsItAndZeroTurnsItBack(FxRobot robot) throws Exception {
        for (int k = 0; k < 30; k++) {
            robot.interact(ctl::stepOnce);
        }
        robot.interact(() -> view.plot().requestFocus());
        robot.type(KeyCode.DIGIT3);
        ReliefView relief = view.relief3d();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> relief.picture() != null && ctl.frameOf(ctl.latest(), 0) != null && ctl.frameOf(ctl.latest(), 0).step() == 30);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(relief.isVisible());
        assertFalse(view.plot().isVisible(), "the relief takes the plot's place");
        assertTrue(robot.lookup("#message").queryAs(javafx.scene.control.Label.class).getText().contains("drag turns it"));

        // the run's path is on it, in the run's colour
        int orange = PlotView.color(ctl.session().runs().get(0).color()).getRGB();
        int[] seen = new int[1];
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> { // painted on the painter's thread, shown at a pulse
            robot.interact(() -> seen[0] = count(relief.picture(), orange));
            return seen[0] > 30;
        });

        // paused, a new colour map shows at once: no new frame is needed
        int before = relief.picture().getRGB(relief.picture().getWidth() / 2, relief.picture().getHeight() / 2);
        robot.interact(() -> ctl.setLook("magma", true, false, 0));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            int[] now = new int[1];
            robot.interact(() -> now[0] = relief.picture().getRGB(relief.picture().getWidth() / 2, relief.picture().getHeight() / 2));
            return now[0] != before;
        });

        Bounds b = relief.localToScreen(relief.getBoundsInLocal());
        Point2D from = new Point2D(b.getCenterX(), b.getCenterY());
        robot.moveTo(from).press(MouseButton.PRIMARY).moveBy(50, 0).moveBy(50, 0).release(MouseButton.PRIMARY);
        Camera3D turned = relief.camera();
        assertEquals(Camera3D.DEFAULT.azimuth() - 100 * ReliefView.DEGREES_PER_PIXEL, turned.azimuth(), 1e-6,
                "dragging 100 px to the right turns it 40°");
        assertEquals(Camera3D.DEFAULT.elevation(), turned.elevation(), 1e-6);

        robot.type(KeyCode.DIGIT0);
        assertEquals(Camera3D.DEFAULT, relief.camera());
        robot.type(KeyCode.EQUALS);
        assertEquals(1.25, relief.camera().zoom(), 1e-12, "+ zooms the relief");
        // the plot's own tools are greyed out: they draw nothing on the relief
        assertTrue(robot.lookup("#gradientField").query().isDisabled());
        robot.type(KeyCode.A);
        assertEquals(PlotView.ArrowMode.OFF, view.plot().arrowMode(), "A does nothing here");

        robot.type(KeyCode.DIGIT3);
        assertTrue(view.plot().isVisible());
        assertFalse(relief.isVisible());
        assertFalse(robot.lookup("#gradientField").query().isDisabled());
    }

    private static int count(BufferedImage img, int argb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += img.getRGB(x, y) == argb ? 1 : 0;
            }
        }
        return n;
    }
}
