package dev.descent.app;

import dev.descent.session.WindowOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.Styles;
import dev.descent.session.SessionController;
import dev.descent.session.Presets;
import dev.descent.session.SessionConfig;
import dev.descent.session.Sessions;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedules;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a lecturer at the keyboard notices: focus, undo, unsaved changes, refused input, the first quit. */
@ExtendWith(ApplicationExtension.class)
class ClassroomTest {

    private MainView view;
    private SessionController ctl;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctl = DescentApp.controller(WindowTest.bowl(0.02), m -> { }, new java.util.ArrayList<>());
        view = new MainView(ctl, false);
        stage.setScene(new Scene(view, 1280, 720));
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

    private Node focusOwner() {
        return view.getScene().getFocusOwner();
    }

    private void enter(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> {
            f.requestFocus();
            f.setText(text);
            f.fireEvent(new ActionEvent());
        });
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    /** Chooses in a combo box that has the focus, as a person would, and waits for the rebuilt panel to settle. */
    private <T> void choose(FxRobot robot, String id, T value) throws Exception {
        ComboBox<T> box = combo(robot, id);
        robot.interact(() -> {
            box.requestFocus();
            box.setValue(value);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double lr() {
        return ((Number) ctl.run(0).hyperparameters().get("lr")).doubleValue();
    }

    // ---- the keyboard -----------------------------------------------------------------------

    @Test
    void focusGoesBackToThePlotAfterEveryRebuildAndSpaceNeverWipesTheLimit(FxRobot robot) throws Exception {
        TextField limit = robot.lookup("#stepLimit").queryAs(TextField.class);

        choose(robot, "#optimizer", Optimizers.find("adam"));
        assertEquals("adam", ctl.run(0).optimizer());
        waitFor(() -> focusOwner() == view.plot());

        choose(robot, "#schedule", Schedules.all().stream().filter(k -> k.id().equals("exponential")).findFirst().orElseThrow());
        assertEquals("exponential", ctl.run(0).schedule());
        waitFor(() -> focusOwner() == view.plot());

        choose(robot, "#surface", Surfaces.find("himmelblau"));
        assertEquals("himmelblau", ctl.session().surface());
        waitFor(() -> focusOwner() == view.plot());

        Node chart = view.charts().runCharts().get(0);
        robot.interact(chart::requestFocus);
        robot.interact(() -> view.charts().setShown(false));
        waitFor(() -> focusOwner() == view.plot());
        robot.interact(() -> view.charts().setShown(true));

        choose(robot, "#optimizer", Optimizers.find("sgd"));
        robot.interact(() -> view.load(Presets.all().get(0).session()));
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> focusOwner() == view.plot());

        // Space now plays instead of typing into the Limit field
        String before = limit.getText();
        robot.type(KeyCode.SPACE);
        waitFor(() -> ctl.latest().playing());
        assertEquals(before, limit.getText());
        assertFalse(limit.getPseudoClassStates().contains(Styles.STATE_DANGER));
        robot.type(KeyCode.SPACE);
    }

    @Test
    void enterCommitsAndGivesTheKeysBackToThePlot(FxRobot robot) throws Exception {
        enter(robot, "#param-lr", "0.03");
        assertEquals(0.03, lr());
        waitFor(() -> focusOwner() == view.plot());
        robot.type(KeyCode.RIGHT);
        waitFor(() -> ctl.frameOf(ctl.latest(), 0).step() == 1);
    }

    @Test
    void aRefusedValueIsTakenBackWhenTheFieldLosesFocusAndTheReasonStays(FxRobot robot) throws Exception {
        TextField field = robot.lookup("#param-lr").queryAs(TextField.class);
        Label error = robot.lookup("#error-lr").queryAs(Label.class);
        for (String bad : new String[] {"-1", "abc", "0"}) {
            enter(robot, "#param-lr", bad);
            assertTrue(field.getPseudoClassStates().contains(Styles.STATE_DANGER), bad);
            assertSame(field, focusOwner(), "a refused value keeps the focus for correcting it");
            robot.interact(() -> view.plot().requestFocus());
            assertEquals("0.02", field.getText(), "the value in force is shown again after " + bad);
            assertFalse(field.getPseudoClassStates().contains(Styles.STATE_DANGER));
            assertTrue(error.isVisible(), "the reason stays beside the field");
            assertTrue(error.getText().contains("still 0.02"), error.getText());
            assertEquals(0.02, lr());
        }

        enter(robot, "#stepLimit", "0");
        robot.interact(() -> view.plot().requestFocus());
        assertEquals("10000", robot.lookup("#stepLimit").queryAs(TextField.class).getText());
        assertEquals(10_000, ctl.session().stepLimit());

        enter(robot, "#start-x0", "abc");
        robot.interact(() -> view.plot().requestFocus());
        assertEquals("2", robot.lookup("#start-x0").queryAs(TextField.class).getText());
    }

    @Test
    void aRefusedBetaNamesTheBetaItIsAbout(FxRobot robot) throws Exception {
        robot.interact(() -> ctl.updateRun(0, m -> m.withOptimizer("adam")));
        enter(robot, "#param-betas-0", "1.0");
        Label error = robot.lookup("#error-betas").queryAs(Label.class);
        assertTrue(error.getText().startsWith("β₁: "), error.getText());
        enter(robot, "#param-betas-0", "0.9");
        enter(robot, "#param-betas-1", "1.0");
        assertTrue(error.getText().startsWith("β₂: "), error.getText());
    }

    // ---- nothing lost -------------------------------------------------------------------------

    private void undoKeys(FxRobot robot) {
        robot.interact(() -> view.plot().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    }

    private void redoKeys(FxRobot robot) {
        robot.interact(() -> view.plot().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
    }

    private void redoKeysY(FxRobot robot) {
        robot.interact(() -> view.plot().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
    }

    @Test
    void undoAndRedoARunAdded(FxRobot robot) throws Exception {
        robot.clickOn("#addRun");
        assertEquals(2, ctl.runs().size());
        undoKeys(robot);
        waitFor(() -> ctl.runs().size() == 1);
        waitFor(() -> ctl.latest().runs().size() == 1);
        redoKeys(robot);
        waitFor(() -> ctl.runs().size() == 2);
        waitFor(() -> ctl.latest().runs().size() == 2);
    }

    @Test
    void undoAndRedoARunRemoved(FxRobot robot) throws Exception {
        robot.clickOn("#removeRun");
        assertEquals(0, ctl.runs().size());
        undoKeys(robot);
        waitFor(() -> ctl.runs().size() == 1);
        assertEquals("run 0", ctl.run(0).name());
        redoKeysY(robot);
        waitFor(() -> ctl.runs().isEmpty());
    }

    @Test
    void undoAndRedoARunEdited(FxRobot robot) throws Exception {
        enter(robot, "#param-lr", "0.07");
        assertEquals(0.07, lr());
        undoKeys(robot);
        waitFor(() -> lr() == 0.02);
        waitFor(() -> ctl.frameOf(ctl.latest(), 0).spec().optimizer().lr() == 0.02);
        waitFor(() -> "0.02".equals(robot.lookup("#param-lr").queryAs(TextField.class).getText()));
        redoKeys(robot);
        waitFor(() -> lr() == 0.07);
        waitFor(() -> ctl.frameOf(ctl.latest(), 0).spec().optimizer().lr() == 0.07);
    }

    @Test
    void undoAndRedoAStartMoved(FxRobot robot) throws Exception {
        enter(robot, "#start-x0", "-1.5");
        assertEquals(-1.5, ctl.run(0).x0());
        undoKeys(robot);
        waitFor(() -> ctl.run(0).x0() == 2);
        waitFor(() -> ctl.frameOf(ctl.latest(), 0).spec().x0() == 2);
        redoKeys(robot);
        waitFor(() -> ctl.run(0).x0() == -1.5);
    }

    @Test
    void undoAndRedoTheSurfaceChanged(FxRobot robot) throws Exception {
        choose(robot, "#surface", Surfaces.find("beale"));
        assertEquals("beale", ctl.session().surface());
        undoKeys(robot);
        waitFor(() -> ctl.session().surface().equals("quadratic"));
        waitFor(() -> ctl.latest().surface() == ctl.surface());
        assertEquals(2, ctl.run(0).x0(), "the runs' starts come back with the surface");
        assertEquals(Surfaces.find("quadratic"), combo(robot, "#surface").getValue());
        redoKeys(robot);
        waitFor(() -> ctl.session().surface().equals("beale"));
    }

    @Test
    void openingALessonOverUnsavedChangesAsksFirst(FxRobot robot) throws Exception {
        enter(robot, "#param-lr", "0.07");
        assertTrue(ctl.hasUnsavedChanges());

        robot.clickOn("File").clickOn("#resetDefault");
        waitFor(() -> robot.lookup("#keepSession").tryQuery().isPresent());
        robot.clickOn("#keepSession");
        assertEquals("quadratic", ctl.session().surface(), "Cancel keeps the session");
        assertEquals(0.07, lr());

        robot.clickOn("File").clickOn("#resetDefault");
        waitFor(() -> robot.lookup("#discardChanges").tryQuery().isPresent());
        robot.clickOn("#discardChanges");
        waitFor(() -> ctl.session().surface().equals("rosenbrock"));
        assertFalse(ctl.hasUnsavedChanges());

        // nothing unsaved: no question
        robot.clickOn("File").clickOn("#resetDefault");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#keepSession").tryQuery().isPresent());
    }

    @Test
    void aSavedSessionOpensALessonWithoutAsking(FxRobot robot) throws Exception {
        enter(robot, "#param-lr", "0.07");
        robot.interact(() -> view.files().saveTo(dir.resolve("mine.json")));
        assertFalse(ctl.hasUnsavedChanges());
        robot.clickOn("File").clickOn("#resetDefault");
        waitFor(() -> ctl.session().surface().equals("rosenbrock"));
    }

    @Test
    void theLessonTitleFollowsTheSurface(FxRobot robot) throws Exception {
        Presets.Preset p = Presets.all().get(0);
        robot.interact(() -> view.load(p.session()));
        Label title = robot.lookup("#lessonTitle").queryAs(Label.class);
        assertEquals(p.title(), title.getText());
        String other = p.session().surface().equals("beale") ? "booth" : "beale";
        robot.interact(() -> ctl.setSurface(other));
        assertEquals(Surfaces.find(other).create().title(), title.getText());
    }

    @Test
    void aNewUsersFirstQuitRemembersTheSession(FxRobot robot) throws Exception {
        Path fresh = dir.resolve("no-such-folder").resolve(".descent");
        SettingsDir.with(fresh, () -> {
            DescentApp app = new DescentApp();
            Stage[] window = new Stage[1];
            robot.interact(() -> {
                window[0] = new Stage();
                app.start(window[0]);
                app.view().controller().updateRunLook(0, m -> m.withName("my first run"));
            });
            robot.interact(() -> {
                app.stop();
                window[0].close();
            });
        });
        Path saved = fresh.resolve("session.json");
        assertTrue(Files.isRegularFile(saved), "the first quit writes " + saved);
        try (InputStream in = Files.newInputStream(saved)) {
            SessionConfig s = Sessions.read(in);
            assertEquals(Sessions.defaultSession().surface(), s.surface());
            assertEquals("my first run", s.runs().get(0).name());
        }
    }

    // ---- runs ----------------------------------------------------------------------------------

    @Test
    void aLogSliderGivesOneSignificantDigitAndShiftDragTwo(FxRobot robot) throws Exception {
        javafx.scene.control.Slider slider = robot.lookup("#param-lr-slider").queryAs(javafx.scene.control.Slider.class);
        TextField field = robot.lookup("#param-lr").queryAs(TextField.class);
        robot.interact(() -> slider.setValue(Math.log10(0.0537)));
        assertEquals("0.05", field.getText());
        assertEquals(0.05, lr());

        // a Shift-drag of the whole slider's width moves a tenth of its range, in two digits
        double before = slider.getValue();
        double w = slider.getWidth();
        double y = slider.getHeight() / 2;
        double x0 = (slider.getValue() - slider.getMin()) / (slider.getMax() - slider.getMin()) * w;
        robot.interact(() -> {
            slider.fireEvent(mouse(javafx.scene.input.MouseEvent.MOUSE_PRESSED, x0, y, true));
            slider.fireEvent(mouse(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, x0 - w / 4, y, true));
            slider.fireEvent(mouse(javafx.scene.input.MouseEvent.MOUSE_RELEASED, x0 - w / 4, y, true));
        });
        double moved = before - slider.getValue();
        double range = slider.getMax() - slider.getMin();
        assertTrue(moved > 0 && moved < range / 20, "moved " + moved + " of " + range);
        double v = lr();
        assertTrue(v < 0.05 && v > 0.01, "lr " + v);
        assertEquals(v, new java.math.BigDecimal(v).round(new java.math.MathContext(2)).doubleValue(), "two digits: " + v);
    }

    private static javafx.scene.input.MouseEvent mouse(javafx.event.EventType<javafx.scene.input.MouseEvent> type, double x, double y,
            boolean shift) {
        return new javafx.scene.input.MouseEvent(type, x, y, x, y, javafx.scene.input.MouseButton.PRIMARY, 1, shift, false, false, false,
                true, false, false, false, false, false, null);
    }

    @Test
    void withTheToggleOnAChangeRestartsEveryRunTogether(FxRobot robot) throws Exception {
        robot.interact(() -> view.load(WindowTest.bowl(0.02, 0.05)));
        robot.interact(() -> {
            ctl.stepOnce();
            ctl.stepOnce();
            ctl.stepOnce();
        });
        waitFor(() -> ctl.latest().runs().size() == 2 && ctl.latest().runs().stream().allMatch(r -> r.step() == 3));
        javafx.scene.control.CheckBox toggle = robot.lookup("#restartAll").queryAs(javafx.scene.control.CheckBox.class);
        robot.interact(toggle::fire); // below the fold at 720 px; fire() is what a click does
        assertTrue(ctl.restartAllOnChange());
        enter(robot, "#param-lr", "0.03");
        waitFor(() -> ctl.frameOf(ctl.latest(), 0).spec().optimizer().lr() == 0.03);
        waitFor(() -> ctl.latest().runs().stream().allMatch(r -> r.step() == 0));
        assertEquals(0, ctl.frameOf(ctl.latest(), 1).step(), "the run that was not changed started again too");
    }

    // ---- layouts -------------------------------------------------------------------------------

    @Test
    void at1280By720EveryToolbarControlIsOnTheBarAndThePlotHasHalfTheWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup(".tool-bar-overflow-button").tryQuery().map(Node::isVisible).orElse(false),
                "nothing falls into the toolbar's overflow menu");
        assertTrue(robot.lookup("#presenter").tryQuery().map(Node::isVisible).orElse(false));
        robot.interact(() -> view.charts().setShown(false)); // as the app starts on a short screen
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = view.getScene();
        double share = view.plot().getWidth() * view.plot().getHeight() / (scene.getWidth() * scene.getHeight());
        assertTrue(share >= 0.5, "the plot has " + share + " of the window");
    }

    @Test
    void atMostFourProbeChartsShareARow(FxRobot robot) throws Exception {
        robot.interact(() -> view.charts().setShown(true));
        robot.interact(() -> ctl.updateRun(0, m -> m.withOptimizer("adam")));
        waitFor(() -> view.charts().probeCharts().size() > 4);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds row = view.charts().probesPane().localToScene(view.charts().probesPane().getBoundsInLocal());
        long inView = view.charts().probeCharts().stream().filter(c -> {
            javafx.geometry.Bounds b = c.localToScene(c.getBoundsInLocal());
            return b.getMinX() >= row.getMinX() - 1 && b.getMaxX() <= row.getMaxX() + 1;
        }).count();
        assertTrue(inView <= 4, inView + " charts side by side");
        assertTrue(view.charts().probeCharts().get(0).getWidth() >= (row.getWidth() - 40) / 4, "each chart a quarter of the row");
    }

    // ---- presenter mode -----------------------------------------------------------------------

    @Test
    void f5PresentsThePlotAloneAndEscBringsTheWindowBack(FxRobot robot) throws Exception {
        robot.interact(() -> view.plot().requestFocus());
        robot.type(KeyCode.F5);
        assertTrue(view.isPresenting());
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = view.getScene();
        double plotShare = view.plot().getWidth() * view.plot().getHeight() / (scene.getWidth() * scene.getHeight());
        assertTrue(plotShare >= 0.75, "the plot fills " + plotShare + " of the screen");
        assertFalse(robot.lookup("#surface").tryQuery().isPresent(), "the side panel is hidden");
        assertFalse(view.charts().isShown());

        double before = view.presenterScale();
        robot.type(KeyCode.EQUALS);
        assertEquals(before + 0.25, view.presenterScale());
        for (int i = 0; i < 20; i++) {
            robot.type(KeyCode.EQUALS);
        }
        assertEquals(3, view.presenterScale(), "at most 3×");
        robot.type(KeyCode.B);
        assertTrue(view.isBlank());
        robot.type(KeyCode.B);
        assertFalse(view.isBlank());

        robot.type(KeyCode.PAGE_DOWN);
        waitFor(() -> ctl.frameOf(ctl.latest(), 0).step() == 1);
        robot.type(KeyCode.RIGHT);
        waitFor(() -> ctl.frameOf(ctl.latest(), 0).step() == 2);

        robot.type(KeyCode.D);
        assertTrue(robot.lookup("#surface").tryQuery().isPresent(), "D opens the side panel as a drawer");
        robot.type(KeyCode.D);

        robot.type(KeyCode.ESCAPE);
        assertFalse(view.isPresenting());
        assertTrue(robot.lookup("#surface").tryQuery().isPresent());
        assertTrue(view.charts().isShown(), "the charts come back as they were");
        assertTrue(robot.lookup("#play").tryQuery().isPresent());
    }

    @Test
    void aLessonOpenedFromTheCommandLinePlaysItsBeatsWithTheClicker(FxRobot robot) throws Exception {
        SettingsDir.with(dir.resolve("cli-lesson"), () -> {
            DescentApp app = new DescentApp();
            Stage[] window = new Stage[1];
            robot.interact(() -> {
                window[0] = new Stage();
                app.start(window[0], java.util.List.of("--presenter", "--lesson", "ravine"));
            });
            MainView v = app.view();
            assertTrue(v.isPresenting());
            assertTrue(v.lessons().isActive(), "the lesson's beats are open, not only its session");
            assertEquals(0, v.lessons().beatProperty().get());
            robot.type(KeyCode.PAGE_DOWN);
            assertEquals(1, v.lessons().beatProperty().get(), "the clicker's PgDn plays the first beat");
            assertTrue(v.lessons().captionProperty().get().startsWith("Gradient descent"),
                    v.lessons().captionProperty().get());
            robot.interact(() -> {
                app.stop();
                window[0].close();
            });
        });
    }

    @Test
    void theWindowsCommandLineOpensALessonInPresenterMode() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        String id = Presets.all().get(0).id();
        WindowOptions o = WindowOptions.parse(java.util.List.of("--presenter", "--lesson", id), problems);
        assertTrue(o.presenter());
        assertEquals(id, o.lesson().id());
        assertTrue(problems.isEmpty());
        WindowOptions bad = WindowOptions.parse(java.util.List.of("--lesson", "no-such-lesson", "--fast"), problems);
        assertEquals(null, bad.lesson());
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).contains("no-such-lesson"), problems.get(0));
        assertTrue(problems.get(1).contains("--fast"), problems.get(1));
    }

    @Test
    void theWindowsCommandLineNamesOneSessionFile() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        WindowOptions o = WindowOptions.parse(java.util.List.of("--presenter", "talk.json"), problems);
        assertTrue(o.presenter());
        assertEquals(java.nio.file.Path.of("talk.json"), o.file());
        assertTrue(problems.isEmpty(), problems.toString());
        WindowOptions two = WindowOptions.parse(java.util.List.of("a.json", "b.json"), problems);
        assertEquals(java.nio.file.Path.of("a.json"), two.file());
        assertEquals(java.util.List.of("One session opens at a time: b.json was not opened."), problems);
        problems.clear();
        WindowOptions both = WindowOptions.parse(java.util.List.of("--lesson", "ravine", "a.json"), problems);
        assertEquals("ravine", both.lesson().id());
        assertEquals(null, both.file(), "the lesson opens");
        assertTrue(problems.get(0).contains("a.json"), problems.toString());
    }
}
