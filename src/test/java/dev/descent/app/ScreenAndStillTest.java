package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.export.ExportRuns;
import dev.descent.export.Overlays;
import dev.descent.export.SceneFrames;
import dev.descent.render.PlotPainter;
import dev.descent.session.SessionConfig;
import dev.descent.session.SessionController;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An exported still looks like the window: the plot's pixels on screen and the still's pixels of the
 * same session at the same size are compared one by one (aspect, levels, colour map and run colours
 * all show in them), under Monocle.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenAndStillTest {

    private MainView view;
    private SessionController ctl;

    @Start
    void start(Stage stage) {
        // a steep bowl seen through a wide window: the 1:1 aspect widens the view, log-spaced levels
        ctl = DescentApp.controller(WindowTest.bowl(0.02, 0.08), m -> { }, new java.util.ArrayList<>());
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
        robot.interact(view::stop);
        ctl.simulation().close();
    }

    /**
     * The plot's canvas as pixels once it has settled: the coarse layer first shown is replaced by the
     * finished one off the FX thread, so snapshots are taken until two in a row are the same.
     */
    private BufferedImage plotPixels(FxRobot robot) throws Exception {
        BufferedImage last = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Thread.sleep(500);
            WaitForAsyncUtils.waitForFxEvents();
            AtomicReference<WritableImage> img = new AtomicReference<>();
            robot.interact(() -> img.set(view.plot().snapshot(null, null)));
            BufferedImage now = javafx.embed.swing.SwingFXUtils.fromFXImage(img.get(), null);
            if (last != null && samePixels(last, now) || System.nanoTime() > until) {
                return now;
            }
            last = now;
        }
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The share of pixels outside {@code skip} whose colours differ by at most 8 per channel. */
    private static double sameShare(BufferedImage a, BufferedImage b, java.awt.geom.Rectangle2D skip) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        long same = 0;
        long counted = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (skip.contains(x + 0.5, y + 0.5)) {
                    continue;
                }
                counted++;
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                boolean close = true;
                for (int shift = 0; shift <= 16; shift += 8) {
                    close &= Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)) <= 8;
                }
                if (close) {
                    same++;
                }
            }
        }
        return (double) same / counted;
    }

    @Test
    void aStillOfTheSessionIsThePlotOnScreenPixelForPixel(FxRobot robot) throws Exception {
        robot.interact(ctl::reset); // every run at its start: the same step on screen and in the still
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ctl.latest().runs().stream().allMatch(r -> r.step() == 0));
        BufferedImage screen = plotPixels(robot);
        PlotPainter.Geometry g = view.plot().geometry();
        SessionConfig s = ctl.session();

        java.awt.geom.Rectangle2D legend = view.plot().legendBox();
        assertTrue(legend != null && legend.getWidth() * legend.getHeight() < 0.1 * screen.getWidth() * screen.getHeight(),
                "the window's legend is a small box: " + legend);

        // the still, at the plot's size, without the export's own words (title, step counter) and
        // without its legend: the window's legend also lists the plot's marks (★, start, now), so it
        // is taller and may take another corner; the two are left out of the comparison
        ExportRuns runs = ExportRuns.simulate(s, 0);
        Overlays plotOnly = new Overlays(false, false, false, true);
        SceneFrames still = new SceneFrames(runs, screen.getWidth(), screen.getHeight(), false, 0, plotOnly, null, null, null);
        BufferedImage exported = still.render(0);

        // one unit of x is as many pixels as one unit of y, and the same number as on screen
        double[] o = still.toPixel(0, 0);
        double[] x1 = still.toPixel(1, 0);
        double[] y1 = still.toPixel(0, 1);
        assertEquals(x1[0] - o[0], o[1] - y1[1], 1e-6 * (x1[0] - o[0]), "pixels per unit on x and on y");
        assertEquals(g.px(1) - g.px(0), x1[0] - o[0], 1e-6 * (x1[0] - o[0]), "pixels per unit, screen and still");
        assertEquals(g.px(0), o[0], 0.5, "the origin's column");
        assertEquals(g.py(0), o[1], 0.5, "the origin's row");

        // everything else, field, levels, axes, colour bar, paths and markers, is the same picture
        double share = sameShare(screen, exported, legend);
        assertTrue(share >= 0.99, "the still matches the screen on " + share + " of the plot");

        // and the comparison tells pictures apart: the same still in another colour map is not the screen
        SessionConfig cividis = s.withLook("cividis", s.contourLines(), s.gradientField(), s.trail());
        SceneFrames other = new SceneFrames(ExportRuns.simulate(cividis, 0), screen.getWidth(), screen.getHeight(), false, 0,
                plotOnly, null, null, null);
        double otherShare = sameShare(screen, other.render(0), legend);
        assertTrue(otherShare < 0.5, "a cividis still matched the viridis screen on " + otherShare);
    }
}
