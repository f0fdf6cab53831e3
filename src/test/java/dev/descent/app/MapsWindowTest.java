package dev.descent.app;

import dev.descent.render.PlotPainter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.SessionController;
import dev.descent.session.SessionConfig;
import dev.descent.sim.MapEnds;
import dev.descent.sim.MapResult;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The basin map under the plot and the hyperparameter map window, under Monocle. */
@ExtendWith(ApplicationExtension.class)
class MapsWindowTest {

    private MainView view;
    private SessionController ctl;

    @Start
    void start(Stage stage) {
        SessionConfig bowl = WindowTest.bowl(0.15);
        ctl = DescentApp.controller(bowl, m -> { }, new java.util.ArrayList<>());
        view = new MainView(ctl, false);
        stage.setScene(new Scene(view, 900, 640)); // small: a full-resolution map is a run per pixel
        stage.show();
        view.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            view.hyperMap().stage().hide();
            view.stop();
        });
        ctl.simulation().close();
    }

    private static void waitFor(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, c);
    }

    /** A map is complete when it has a cell per pixel of the plot. */
    private boolean fullResolution(MapResult r) {
        PlotPainter.Geometry g = view.plot().geometry();
        return r != null && r.cols() == (int) Math.round(g.width()) && r.rows() == (int) Math.round(g.height());
    }

    @Test
    void basinMapCoversEveryPixelAndFollowsTheLearningRate(FxRobot robot) throws Exception {
        BasinMapOverlay map = view.basinMap();
        robot.interact(() -> map.setEnabled(true));
        waitFor(() -> fullResolution(map.result()));
        MapResult stable = map.result();
        // GD with η = 0.15 on ½(x² + 10y²) converges from everywhere: η·10 < 2
        assertEquals(stable.cells(), stable.countsByPoint()[0], "every start ends at the minimum");
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        map.writeCsv(csv);
        assertEquals(stable.cells() + 1, csv.toString(java.nio.charset.StandardCharsets.UTF_8).lines().count(), "a CSV row per pixel");
        java.awt.image.BufferedImage still = map.still("viridis", false);
        assertTrue(still.getWidth() > stable.cols(), "the still holds the plot with its margins");
        robot.interact(() -> ctl.updateRun(0, r -> r.withHyperparameter("lr", 0.25)));
        waitFor(() -> fullResolution(map.result()) && map.result() != stable
                && map.result().count(MapEnds.DIVERGED) > 0);
        MapResult unstable = map.result();
        // η·10 = 2.5 > 2: only starts on the row y = 0 exactly (if any) can stay finite
        assertTrue(unstable.count(MapEnds.DIVERGED) >= unstable.cells() - unstable.cols(),
                "diverged: " + unstable.count(MapEnds.DIVERGED) + " of " + unstable.cells());
        robot.interact(() -> map.setEnabled(false));
    }

    @Test
    void hyperMapMarksTheBoundaryAndAdoptsAClickedCell(FxRobot robot) throws Exception {
        HyperMapWindow[] made = new HyperMapWindow[1];
        robot.interact(() -> {
            made[0] = view.hyperMap();
            made[0].show();
        });
        HyperMapWindow w = made[0];
        waitFor(() -> w.result() != null && w.result().cols() == 64);
        MapResult r = w.result();
        assertEquals("lr", w.request().x().name());
        assertEquals("momentum", w.request().y().name());
        // bottom row (momentum 0): diverged exactly beyond η = 2/10, within a cell
        int firstDiverged = -1;
        for (int i = 0; i < r.cols(); i++) {
            if (r.end()[r.index(i, 0)] == MapEnds.DIVERGED) {
                firstDiverged = i;
                break;
            }
        }
        double theory = w.request().x().fraction(0.2) * (r.cols() - 1);
        assertTrue(Math.abs(firstDiverged - 0.5 - theory) <= 1, "first diverged " + firstDiverged + ", theory " + theory);
        robot.interact(() -> w.adopt(20, 40));
        double lr = w.request().x().value(20, 64);
        double momentum = w.request().y().value(40, 64);
        Object got = ctl.run(0).hyperparameters().get("lr");
        assertNotNull(got);
        assertEquals(lr, ((Number) got).doubleValue(), 1e-12);
        assertEquals(momentum, ((Number) ctl.run(0).hyperparameters().get("momentum")).doubleValue(), 1e-12);
    }
}
