package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.SessionController;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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

/** A loss from data in the window: the data panel, minibatches, the full-batch policy, and leaving the data. */
@ExtendWith(ApplicationExtension.class)
class DataWindowTest {

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

    @Test
    void theDataPanelShowsTheBatchAndSecondOrderMethodsKeepTheFullBatch(FxRobot robot) throws Exception {
        DataPanel panel = robot.lookup("#dataPanel").queryAs(DataPanel.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(panel.isVisible(), "a formula surface has no data panel");

        robot.interact(() -> view.openLesson("batch-stochastic-minibatch", 0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, panel::isVisible);
        assertTrue(panel.getWidth() > 150, "the panel stands beside the plot: " + panel.getWidth());
        int sgd = 3;
        assertEquals("SGD (B = 1)", ctl.run(sgd).name());
        robot.interact(() -> ctl.select(sgd));
        ComboBox<?> noise = robot.lookup("#noise").queryAs(ComboBox.class);
        assertTrue(noise.getItems().contains("minibatch"));
        assertEquals("minibatch", noise.getValue());
        assertTrue(robot.lookup("#batch-policy").tryQuery().isPresent(), "the window says which methods use the full batch");

        robot.interact(() -> ctl.stepOnce());
        waitForFrame(f -> ctl.frameOf(f, sgd) != null && ctl.frameOf(f, sgd).step() >= 1);
        RunFrame r = ctl.frameOf(ctl.latest(), sgd);
        assertEquals(1, r.batch().length, "one point a step");
        assertEquals(0, ctl.frameOf(ctl.latest(), 0).batch().length, "the full batch draws no minibatch");

        // B = 32 of 200 points: seven batches an epoch (the last of 8), so step 8 opens epoch 1, marked on the charts
        robot.interact(() -> ctl.select(1));
        for (int k = 0; k < 9; k++) {
            robot.interact(() -> ctl.stepOnce());
        }
        waitForFrame(f -> ctl.frameOf(f, 1) != null && ctl.frameOf(f, 1).step() >= 10);
        LiveChart batchLoss = view.charts().runCharts().stream().filter(c -> "chart-batch-loss".equals(c.getId())).findFirst()
                .orElseThrow();
        assertTrue(batchLoss.isVisible());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> java.util.Arrays.equals(new double[] {8}, batchLoss.chart().epochStarts()));
        robot.interact(() -> ctl.select(sgd));

        // BFGS compares gradients at two points: with B = 1 it is refused in place and the run keeps SGD
        Optional<String>[] refused = new Optional[1];
        robot.interact(() -> refused[0] = ctl.changeOptimizer(sgd, "bfgs"));
        assertTrue(refused[0].isPresent() && refused[0].get().contains("use the full batch (batch size = N = 200)"),
                String.valueOf(refused[0]));
        assertEquals("sgd", ctl.run(sgd).optimizer());

        // another surface has no data: the minibatch runs fall back to exact gradients and the panel goes
        robot.interact(() -> assertTrue(ctl.setSurface("rosenbrock").isEmpty()));
        assertEquals("none", ctl.run(sgd).noise());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !panel.isVisible());
    }
}
