package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.render.Camera3D;
import dev.descent.session.SessionController;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
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

/** View → 3-D view in the window: 3 shows it in the plot's place, a drag turns it, 0 turns it back. */
@ExtendWith(ApplicationExtension.class)
class ReliefWindowTest {

    private MainView view;
    private SessionController ctl;

    @Start
    void start(Stage stage) {
        ctl = DescentApp.controller(WindowTest.bowl(0.05), m -> { }, new java.util.ArrayList<>());
        view = new MainView(ctl, false);
        stage.setScene(new Scene(view, 1200, 760));
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

        Bounds b = relief.localToScreen(relief.getBoundsInLocal());
        Point2D from = new Point2D(b.getCenterX(), b.getCenterY());
        robot.moveTo(from).press(MouseButton.PRIMARY).moveBy(50, 0).moveBy(50, 0).release(MouseButton.PRIMARY);
        Camera3D turned = relief.camera();
        assertEquals(Camera3D.DEFAULT.azimuth() - 100 * ReliefView.DEGREES_PER_PIXEL, turned.azimuth(), 1e-6,
                "dragging 100 px to the right turns it 40°");
        assertEquals(Camera3D.DEFAULT.elevation(), turned.elevation(), 1e-6);

        robot.type(KeyCode.DIGIT0);
        assertEquals(Camera3D.DEFAULT, relief.camera());

        robot.type(KeyCode.DIGIT3);
        assertTrue(view.plot().isVisible());
        assertFalse(relief.isVisible());
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
