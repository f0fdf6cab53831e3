package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.SessionController;
import dev.descent.session.Presets;
import dev.descent.optim.OptimizerKind;
import dev.descent.optim.ScheduleFreeAdamW;
import dev.descent.sim.RunFrame;
import dev.descent.sim.RunStatus;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The catalogue in the window: the sharp-vs-flat lesson plays as SamTest says, and new optimizers can be chosen. */
@ExtendWith(ApplicationExtension.class)
class CatalogueWindowTest {

    private MainView view;
    private SessionController ctl;

    @Start
    void start(Stage stage) {
        ctl = DescentApp.controller(Presets.load("sharp-vs-flat").session(), m -> { }, new java.util.ArrayList<>());
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

    @Test
    void sgdTakesTheSharpMinimumAndSamTheFlatOne(FxRobot robot) throws Exception {
        robot.interact(() -> ctl.select(1));
        assertNotNull(robot.lookup("#param-rho").tryQuery().orElse(null), "SAM's ρ is editable");
        assertNotNull(robot.lookup("#param-inner").tryQuery().orElse(null), "SAM's inner optimizer is a choice");
        robot.interact(() -> {
            ctl.setStepLimit(600);
            ctl.setSpeed(10_000);
        });
        robot.interact(() -> ctl.play());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> ctl.latest().runs().stream().allMatch(r -> r.status() != RunStatus.RUNNING));
        RunFrame sgd = ctl.frameOf(ctl.latest(), 0);
        RunFrame sam = ctl.frameOf(ctl.latest(), 1);
        assertEquals(0, Math.hypot(sgd.x(), sgd.y()), 1e-3, "SGD in the sharp minimum at (0, 0)");
        assertEquals(0, Math.hypot(sam.x() - 3, sam.y()), 0.05, "SAM in the flat minimum at (3, 0)");
    }

    @Test
    void choosingScheduleFreeAdamWShowsItsSettings(FxRobot robot) throws Exception {
        robot.interact(() -> ctl.select(0));
        @SuppressWarnings("unchecked")
        ComboBox<OptimizerKind> box = robot.lookup("#optimizer").queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(ScheduleFreeAdamW.KIND));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#param-weight_lr_power").tryQuery().isPresent());
        assertEquals("schedule_free_adamw", ctl.run(0).optimizer());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> ctl.frameOf(ctl.latest(), 0).spec().optimizer() instanceof ScheduleFreeAdamW);
        assertTrue(robot.lookup("#param-warmup_steps").tryQuery().isPresent());
    }

    /**
     * SAM's controls are ρ, inner and exactly the inner optimizer's settings, with real values (no NaN);
     * choosing another inner optimizer shows its settings instead and drops what only the old one had.
     */
    @Test
    void aWrapperShowsItsOwnAndItsInnerOptimizersSettings(FxRobot robot) throws Exception {
        robot.interact(() -> ctl.select(1));
        assertEquals("sam", ctl.run(1).optimizer());
        robot.interact(() -> ctl.updateRun(1, m -> m.withHyperparameter("inner", "sgd").withHyperparameter("momentum", 0.9)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#param-momentum").tryQuery().isPresent());
        assertTrue(robot.lookup("#param-betas-0").tryQuery().isEmpty(), "no Adam setting around SGD");
        assertTrue(robot.lookup("#param-amsgrad").tryQuery().isEmpty(), "no Adam setting around SGD");
        assertNoNaN(robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> inner = robot.lookup("#param-inner").queryAs(ComboBox.class);
        robot.interact(() -> inner.setValue("adam"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#param-betas-0").tryQuery().isPresent());
        assertTrue(robot.lookup("#param-momentum").tryQuery().isEmpty(), "SGD's momentum is gone around Adam");
        assertEquals("adam", ctl.run(1).hyperparameters().get("inner"));
        assertTrue(!ctl.run(1).hyperparameters().containsKey("momentum"), ctl.run(1).hyperparameters().toString());
        assertEquals(dev.descent.math.Params.format(1e-8),
                robot.lookup("#param-eps").queryAs(javafx.scene.control.TextField.class).getText(), "Adam's own default ε");
        assertEquals("0.045", robot.lookup("#param-lr").queryAs(javafx.scene.control.TextField.class).getText(),
                "the learning rate both take is kept");
        assertNoNaN(robot);
    }

    /**
     * Lookahead's controls are k, α, inner and exactly the inner optimizer's settings with that
     * optimizer's own defaults; an inner setting that shares a name with Lookahead's is inner_….
     */
    @Test
    void lookaheadShowsItsOwnAndItsInnerOptimizersSettingsWithRealDefaults(FxRobot robot) throws Exception {
        robot.interact(() -> ctl.select(0));
        @SuppressWarnings("unchecked")
        ComboBox<OptimizerKind> box = robot.lookup("#optimizer").queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(dev.descent.optim.Lookahead.KIND));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#param-k").tryQuery().isPresent());
        assertEquals("lookahead", ctl.run(0).optimizer());
        assertEquals("5", text(robot, "#param-k"), "the paper's k");
        assertEquals("0.5", text(robot, "#param-alpha"), "the paper's α");
        @SuppressWarnings("unchecked")
        ComboBox<String> inner = robot.lookup("#param-inner").queryAs(ComboBox.class);
        assertEquals("adam", inner.getValue(), "Adam inside by default");
        assertEquals(dev.descent.math.Params.format(1e-8), text(robot, "#param-eps"), "Adam's own default ε");
        assertTrue(robot.lookup("#param-betas-0").tryQuery().isPresent(), "Adam's betas");
        assertTrue(robot.lookup("#param-momentum").tryQuery().isEmpty(), "no SGD setting around Adam");
        assertTrue(robot.lookup("#param-rho").tryQuery().isEmpty(), "no Adadelta or SAM setting around Adam");
        assertNoNaN(robot);
        robot.interact(() -> inner.setValue("rmsprop"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#param-inner_alpha").tryQuery().isPresent());
        assertEquals("0.99", text(robot, "#param-inner_alpha"), "RMSprop's own α, renamed beside Lookahead's");
        assertEquals("0.5", text(robot, "#param-alpha"), "Lookahead's α is still its own");
        assertTrue(robot.lookup("#param-betas-0").tryQuery().isEmpty(), "Adam's betas are gone around RMSprop");
        assertNoNaN(robot);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(javafx.scene.control.TextField.class).getText();
    }

    /** No field, label, button or text anywhere in the window shows NaN. */
    private static void assertNoNaN(FxRobot robot) {
        for (javafx.scene.control.TextField f : robot.lookup(".text-field").queryAllAs(javafx.scene.control.TextField.class)) {
            assertTrue(!f.getText().toLowerCase(java.util.Locale.ROOT).contains("nan"), f.getId() + " shows " + f.getText());
        }
        java.util.regex.Pattern nan = java.util.regex.Pattern.compile("\\bNaN\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
        java.util.Set<javafx.scene.Node> shown = robot.lookup(node -> node instanceof javafx.scene.control.Labeled
                || node instanceof javafx.scene.text.Text).queryAll();
        assertTrue(shown.size() > 50, "the window's labels were found: " + shown.size());
        for (javafx.scene.Node n : shown) {
            String text = n instanceof javafx.scene.control.Labeled l ? l.getText() : ((javafx.scene.text.Text) n).getText();
            assertTrue(text == null || !nan.matcher(text).find(), n + " shows " + text);
        }
    }
}
