package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.SessionController;
import dev.descent.session.RunConfig;
import dev.descent.session.LessonCheck;
import dev.descent.session.Lessons;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lesson panel: beats advance with → / Page Down and go back with ← / Page Up; captions stay. */
@ExtendWith(ApplicationExtension.class)
class LessonPanelTest {

    private MainView view;
    private SessionController ctl;

    @Start
    void start(Stage stage) {
        ctl = DescentApp.controller(WindowTest.bowl(0.02), m -> { }, new java.util.ArrayList<>());
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

    private void waitForFrame(Predicate<Frame> p) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> p.test(ctl.latest()));
    }

    private long step(String runName) {
        for (int i = 0; i < ctl.runs().size(); i++) {
            if (ctl.runs().get(i).name().equals(runName)) {
                RunFrame r = ctl.frameOf(ctl.latest(), i);
                return r == null ? -1 : r.step();
            }
        }
        throw new AssertionError(runName);
    }

    private String caption(FxRobot robot) {
        return robot.lookup("#lessonCaption").queryAs(Label.class).getText();
    }

    /** The saddle lesson's last beat shows the relief from its camera; going back shows the plot again. */
    @Test
    void aBeatWithAReliefShowsTheThreeDViewAndTheBeatBeforeThePlot(FxRobot robot) throws Exception {
        var lesson = Lessons.load("saddle");
        int last = lesson.beats().size();
        robot.interact(() -> view.openLesson("saddle", last - 1));
        assertTrue(view.plot().isVisible(), "beat " + (last - 1) + " is drawn on the plot");
        assertFalse(view.relief3d().isVisible());
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        assertEquals(lesson.beats().get(last - 1).caption(), caption(robot));
        assertTrue(view.relief3d().isVisible(), "the last beat shows the relief");
        assertFalse(view.plot().isVisible());
        assertEquals(new dev.descent.render.Camera3D(-60, 35, 1), view.relief3d().camera());
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        assertTrue(view.plot().isVisible(), "back on a beat without a relief: the plot");
        assertFalse(view.relief3d().isVisible());
    }

    @Test
    void beatsPlayToTheirStepsShowTheirRunsAndGoBack(FxRobot robot) throws Exception {
        VBox panel = robot.lookup("#lessonPanel").queryAs(VBox.class);
        assertFalse(panel.isVisible(), "no lesson, no panel");
        robot.interact(() -> view.openLesson("ravine", 0));
        assertTrue(panel.isVisible());
        var lesson = Lessons.load("ravine");
        assertEquals(lesson.session().description(), caption(robot));
        assertEquals(lesson.session().description(), view.lessonCaptionProperty().get());
        long[] ends = LessonCheck.beatSteps(lesson);

        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        assertEquals(lesson.beats().get(0).caption(), caption(robot));
        assertEquals("Beat 1 of 4", robot.lookup("#lessonBeat").queryAs(Label.class).getText());
        // beat 1 shows gradient descent alone and plays it to the beat's step, then stops there
        assertTrue(ctl.runs().stream().filter(RunConfig::shown).map(RunConfig::name).toList().equals(java.util.List.of("Gradient descent")));
        waitForFrame(f -> !f.playing() && step("Gradient descent") == ends[0]);

        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        assertEquals(lesson.beats().get(1).caption(), caption(robot));
        assertTrue(ctl.runs().stream().allMatch(RunConfig::shown));
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        // beat 3 ends when momentum reaches f < 1e-4 (step 108, as lessons --check measures)
        waitForFrame(f -> !f.playing() && step("Momentum μ=0.9") == ends[2]);
        assertEquals(108, ends[2]);

        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        assertEquals(lesson.beats().get(1).caption(), caption(robot));
        assertEquals(ends[1], ctl.scrubStep(), "going back shows the runs as they were at the earlier beat's end");
        robot.press(KeyCode.PAGE_UP).release(KeyCode.PAGE_UP);
        robot.press(KeyCode.PAGE_UP).release(KeyCode.PAGE_UP);
        assertEquals("Introduction · 4 beats · press →", robot.lookup("#lessonBeat").queryAs(Label.class).getText());

        // opening something else closes the lesson; → is one step again
        robot.interact(() -> view.load(WindowTest.bowl(0.05)));
        assertFalse(panel.isVisible());
        assertEquals("", view.lessonCaptionProperty().get());
        waitForFrame(f -> f.runs().size() == 1 && f.runs().get(0).step() == 0);
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        waitForFrame(f -> f.runs().get(0).step() == 1);
    }

    @Test
    void backAndNextButtons(FxRobot robot) throws Exception {
        robot.interact(() -> view.openLesson("learning-rate-too-large", 0));
        robot.clickOn("#lessonNext");
        assertEquals("Beat 1 of 4", robot.lookup("#lessonBeat").queryAs(Label.class).getText());
        robot.clickOn("#lessonBack");
        assertEquals("Introduction · 4 beats · press →", robot.lookup("#lessonBeat").queryAs(Label.class).getText());
        robot.clickOn("#lessonClose");
        assertFalse(robot.lookup("#lessonPanel").queryAs(VBox.class).isVisible());
        assertEquals(4, ctl.runs().size(), "closing the panel keeps the runs");
    }
}
