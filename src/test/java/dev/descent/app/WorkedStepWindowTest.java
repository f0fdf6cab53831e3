package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.SessionController;
import dev.descent.optim.RoleVector;
import dev.descent.sim.HeadArrows;
import dev.descent.sim.WorkedStep;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The worked-step panel and the arrows follow single steps and scrubbing. */
@ExtendWith(ApplicationExtension.class)
class WorkedStepWindowTest {

    private MainView view;
    private SessionController ctl;

    @Start
    void start(Stage stage) {
        // SGD lr 0.02 on f = ½(x² + 10y²) from (2, 1): θ_t = (2·0.98ᵗ, 0.8ᵗ)
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

    @Test
    void theWorkedStepAndTheArrowsFollowStepsAndScrubbing(FxRobot robot) throws Exception {
        robot.interact(() -> view.plot().requestFocus()); // not a click: a click moves the starts
        robot.interact(() -> ctl.reset());
        robot.type(KeyCode.W);
        robot.type(KeyCode.A); // arrows of the selected run
        assertTrue(view.workedStep().isVisible());
        assertEquals(PlotView.ArrowMode.SELECTED, view.plot().arrowMode());
        for (int k = 0; k < 3; k++) {
            robot.type(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            WorkedStep w = view.workedStep().shown();
            return w != null && w.t() == 3;
        });
        WorkedStep w = view.workedStep().shown();
        WorkedStep.Line theta = w.lines().get(w.lines().size() - 1);
        assertEquals("θ", theta.symbol());
        // θ₂ = (1.9208, 0.64), Δθ = −0.02·(1.9208, 6.4), θ₃ = (1.882384, 0.512)
        assertTrue(theta.numbers().endsWith("= (1.882, 0.512)"), theta.numbers());
        assertTrue(w.lines().get(0).numbers().equals("(1.921, 6.4)"), w.lines().get(0).numbers());

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !view.plot().arrowsShown().isEmpty()
                && !view.plot().arrowsShown().get(0).isEmpty() && view.workedStep().shown().t() == 3);
        List<HeadArrows.Arrow> arrows = view.plot().arrowsShown().get(0);
        HeadArrows.Arrow g = arrows.stream().filter(a -> a.role() == RoleVector.Role.GRADIENT).findFirst().orElseThrow();
        assertEquals(1.9208, g.x(), 1e-12);
        assertEquals(0.64, g.y(), 1e-12);
        assertEquals(-1.9208, g.dx(), 1e-12);
        assertEquals(-6.4, g.dy(), 1e-12);

        // a clicked chart shows step 1: the panel and the arrows go back with it
        robot.interact(() -> ctl.scrubTo(1));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.workedStep().shown() != null && view.workedStep().shown().t() == 1);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.plot().arrowsShown().get(0).stream()
                .anyMatch(a -> a.role() == RoleVector.Role.GRADIENT && a.x() == 2 && a.dx() == -2));
    }

    @Test
    void curvatureAtTheHeadWithTheStabilityGauge(FxRobot robot) throws Exception {
        robot.interact(() -> view.plot().requestFocus());
        robot.interact(() -> ctl.reset());
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.K);
        assertTrue(view.plot().curvature());
        // after one step the head is at (1.96, 0.8); H = diag(1, 10) everywhere; GD: η·λ_max = 0.02·10 < 2
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.plot().curvatureShown() != null
                && view.plot().curvatureShown().x() == 1.96);
        assertEquals(0.8, view.plot().curvatureShown().y(), 1e-15);
        assertEquals(10, view.plot().curvatureShown().condition(), 1e-12);
        assertEquals(0.2, view.plot().gaugeShown().value(), 1e-15);
        assertEquals(2, view.plot().gaugeShown().limit());
        robot.type(KeyCode.K);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.plot().curvatureShown() == null);
    }

    @Test
    void draggingASliderShowsAGhostAndReleasingAppliesIt(FxRobot robot) throws Exception {
        robot.interact(() -> view.plot().requestFocus());
        robot.interact(() -> ctl.reset());
        for (int k = 0; k < 3; k++) {
            robot.type(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> ctl.frameOf(ctl.latest(), 0).step() == 3);
        javafx.scene.control.Slider slider = robot.lookup("#param-lr-slider").queryAs(javafx.scene.control.Slider.class);
        javafx.scene.control.TextField field = robot.lookup("#param-lr").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            slider.setValueChanging(true);
            slider.setValue(slider.getValue() + (slider.getMax() - slider.getMin()) * 0.1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double lr = Double.parseDouble(field.getText());
        assertTrue(lr > 0.02, "the field shows the dragged value: " + lr);
        assertEquals(0.02, ((Number) ctl.run(0).hyperparameters().get("lr")).doubleValue(), "nothing applied while dragging");
        PlotView.Ghost g = view.plot().ghost();
        assertEquals(4, g.count(), "the start and three steps, as far as the run has gone");
        // SGD on ½(x² + 10y²) from (2, 1): θ₃ = (2·(1 − η)³, (1 − 10η)³)
        assertEquals(2 * Math.pow(1 - lr, 3), g.xs()[3], 1e-12);
        assertEquals(Math.pow(1 - 10 * lr, 3), g.ys()[3], 1e-12);

        robot.interact(() -> slider.setValueChanging(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(lr, ((Number) ctl.run(0).hyperparameters().get("lr")).doubleValue(), 1e-15, "releasing applies it");
        assertEquals(null, view.plot().ghost());
    }

    @Test
    void subStepsRevealTheLinesAndTheirArrowsOneByOne(FxRobot robot) throws Exception {
        robot.interact(() -> view.plot().requestFocus());
        robot.interact(() -> ctl.reset());
        robot.interact(() -> {
            view.setSubSteps(true);
            view.plot().setArrows(PlotView.ArrowMode.SELECTED, view.plot().arrowKinds());
        });
        // SGD's lines: g, Δθ, θ. → takes step 1 and shows g with −∇f only
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.workedStep().shown() != null
                && view.workedStep().shown().t() == 1 && !view.plot().arrowsShown().isEmpty());
        assertEquals(1, view.workedStep().revealed());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> roles().equals(java.util.Set.of(RoleVector.Role.GRADIENT)));
        robot.type(KeyCode.RIGHT); // Δθ
        assertEquals(2, view.workedStep().revealed());
        assertEquals(1, ctl.frameOf(ctl.latest(), 0).step(), "revealing does not step");
        robot.type(KeyCode.RIGHT); // θ: now the step itself is drawn
        assertEquals(3, view.workedStep().revealed());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> roles().contains(RoleVector.Role.STEP));
        robot.type(KeyCode.RIGHT); // all out: the next step, from its first line again
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.workedStep().shown().t() == 2);
        assertEquals(1, view.workedStep().revealed());
    }

    private java.util.Set<RoleVector.Role> roles() {
        List<List<HeadArrows.Arrow>> shown = view.plot().arrowsShown();
        java.util.Set<RoleVector.Role> out = java.util.EnumSet.noneOf(RoleVector.Role.class);
        if (!shown.isEmpty()) {
            shown.get(0).forEach(a -> out.add(a.role()));
        }
        return out;
    }
}
