package dev.descent.app;

import dev.descent.export.BasinMapOverlay;
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
import org.junit.jupiter.api.BeforeEach;
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

    @BeforeEach
    void startupDone() throws Exception {
        Startup.await(view);
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

    /** Turned on in the 3-D view, the basin map is made as for the plot and draped over the relief. */
    @Test
    void theBasinMapIsDrapedOverTheReliefInTheThreeDView(FxRobot robot) throws Exception {
        BasinMapOverlay map = view.basinMap();
        robot.interact(() -> view.show3d(true));
        waitFor(() -> view.relief3d().picture() != null);
        java.awt.image.BufferedImage before = copy(robot, view.relief3d().picture());
        robot.interact(() -> map.setEnabled(true));
        waitFor(() -> fullResolution(map.result())); // made while the plot is hidden
        // every start converges: the whole relief takes the minimum's basin colour, painted over it
        waitFor(() -> {
            java.awt.image.BufferedImage now = copy(robot, view.relief3d().picture());
            int relief = 0;
            int changed = 0;
            for (int y = 0; y < now.getHeight(); y += 4) {
                for (int x = 0; x < now.getWidth(); x += 4) {
                    boolean drawn = before.getRGB(x, y) != 0xFFFFFFFF; // not the background
                    relief += drawn ? 1 : 0;
                    changed += drawn && now.getRGB(x, y) != before.getRGB(x, y) ? 1 : 0;
                }
            }
            return relief > 100 && changed > relief / 2;
        });
        robot.interact(() -> {
            map.setEnabled(false);
            view.show3d(false);
        });
    }

    private static java.awt.image.BufferedImage copy(FxRobot robot, java.awt.image.BufferedImage img) {
        java.awt.image.BufferedImage[] out = new java.awt.image.BufferedImage[1];
        robot.interact(() -> {
            out[0] = new java.awt.image.BufferedImage(img.getWidth(), img.getHeight(), java.awt.image.BufferedImage.TYPE_INT_ARGB);
            out[0].getGraphics().drawImage(img, 0, 0, null);
        });
        return out[0];
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
    void aSessionSavedWithTheMapOpensWithTheMapShown(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path f = dir.resolve("map.json");
        // two runs, the second one's map compared with the first: saved as part of the session
        SessionConfig two = WindowTest.bowl(0.15);
        two = two.withRuns(java.util.List.of(two.runs().get(0),
                two.runs().get(0).withName("Fast").withHyperparameter("lr", 0.25)));
        java.nio.file.Files.writeString(f, dev.descent.session.SessionFiles.toJson(
                two.withBasinMap(new dev.descent.session.BasinMapConfig(1, null, 100))));
        BasinMapOverlay map = view.basinMap();
        assertTrue(!map.enabled(), "the window opened without a map");
        robot.interact(() -> view.files().openFile(f));
        assertTrue(map.enabled(), "opening the session turns its map on");
        assertEquals(1, ctl.selected(), "the mapped run is the selected one");
        assertEquals(100, map.steps());
        waitFor(() -> fullResolution(map.result()));
        // the map is of run 1's optimizer: η·10 = 2.5 > 2 diverges (run 0's η = 0.15 would converge everywhere)
        assertTrue(map.result().count(MapEnds.DIVERGED) >= map.result().cells() - map.result().cols(),
                "diverged: " + map.result().count(MapEnds.DIVERGED));
        java.awt.image.BufferedImage shown = plotPixels(robot);
        assertTrue(blackShare(shown) > 0.3, "the diverged (black) map is under the contours of the plot: " + blackShare(shown));

        // turning it off and saving writes a session without a map; opening that turns the map off
        robot.interact(() -> map.setEnabled(false));
        assertTrue(!dev.descent.session.SessionFiles.toJson(ctl.session()).contains("basinMap"));
        robot.interact(() -> map.setEnabled(true));
        robot.interact(() -> view.files().saveTo(f));
        assertTrue(java.nio.file.Files.readString(f).contains("\"basinMap\""), "saved with the map on");
        robot.interact(() -> view.load(WindowTest.bowl(0.15)));
        assertTrue(!map.enabled(), "a session without a map turns it off");
        robot.interact(() -> view.files().openFile(f));
        assertTrue(map.enabled());
    }

    /** The plot's canvas as pixels. */
    private java.awt.image.BufferedImage plotPixels(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // a few pulses: the newest map painted into the back canvas
        WaitForAsyncUtils.waitForFxEvents();
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> img = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> img.set(view.plot().snapshot(null, null)));
        return javafx.embed.swing.SwingFXUtils.fromFXImage(img.get(), null);
    }

    /** The share of (near-)black pixels: a diverged basin map paints the plot black. */
    private static double blackShare(java.awt.image.BufferedImage img) {
        long black = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) < 40 && ((rgb >> 8) & 0xFF) < 40 && (rgb & 0xFF) < 40) {
                    black++;
                }
            }
        }
        return (double) black / ((long) img.getWidth() * img.getHeight());
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
