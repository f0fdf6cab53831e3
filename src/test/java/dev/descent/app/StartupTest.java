package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.Presets;
import dev.descent.session.SessionController;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Start-up's shortcuts keep what the user sees: the lessons, read while the window is built, fill
 * the Lessons menu and the lesson box; the plot's coarse first raster, made before the plot has its
 * size for the size it had when the window was last closed, is shown only when the plot has that
 * size, and the plot never waits for it.
 */
@ExtendWith(ApplicationExtension.class)
class StartupTest {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // each test opens its own window
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, c);
    }

    /** A window over the bowl, the plot offered {@code first} (null: nothing) before it is shown. */
    private static MainView show(FxRobot robot, Stage[] stage, java.util.function.Consumer<PlotView> first) {
        SessionController ctl = DescentApp.controller(WindowTest.bowl(0.02), m -> { }, new java.util.ArrayList<>());
        MainView[] view = new MainView[1];
        robot.interact(() -> {
            view[0] = new MainView(ctl, false);
            if (first != null) {
                first.accept(view[0].plot());
            }
            stage[0] = new Stage();
            stage[0].setScene(new Scene(view[0], 1280, 800));
            stage[0].show();
            view[0].start();
        });
        return view[0];
    }

    private static void close(FxRobot robot, MainView view, Stage stage) {
        robot.interact(() -> {
            view.stop();
            stage.close();
        });
        view.controller().simulation().close();
    }

    @Test
    void theLessonsFillTheMenuAndTheLessonBox(FxRobot robot) throws Exception {
        Stage[] stage = new Stage[1];
        MainView view = show(robot, stage, null);
        try {
            Startup.await(view);
            List<String> ids = Presets.all().stream().map(p -> "preset-" + p.id()).toList();
            MenuBar bar = robot.from(view).lookup(".menu-bar").queryAs(MenuBar.class);
            Menu lessons = bar.getMenus().stream().filter(m -> "presetsMenu".equals(m.getId())).findFirst().orElseThrow();
            assertEquals(ids, lessons.getItems().stream().map(MenuItem::getId).toList());
            assertEquals(Presets.all().get(0).title(), lessons.getItems().get(0).getText());
            ComboBox<?> box = robot.from(view).lookup("#presets").queryAs(ComboBox.class);
            assertEquals(Presets.all(), box.getItems());
        } finally {
            close(robot, view, stage[0]);
        }
    }

    @Test
    void aToolbarButtonsTooltipIsMadeWhenThePointerComesAndKeepsItsText(FxRobot robot) throws Exception {
        Stage[] stage = new Stage[1];
        MainView view = show(robot, stage, null);
        try {
            Startup.await(view);
            javafx.scene.control.Button fit = robot.from(view).lookup("#resetView").queryAs(javafx.scene.control.Button.class);
            assertEquals("Reset the view (0)", Tips.text(fit));
            robot.moveTo(fit);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(fit.getTooltip() != null, "made on the first hover");
            assertEquals("Reset the view (0)", fit.getTooltip().getText());
            javafx.scene.control.Button play = robot.from(view).lookup("#play").queryAs(javafx.scene.control.Button.class);
            robot.interact(() -> view.controller().play());
            waitFor(() -> "Pause (Space)".equals(WaitForAsyncUtils.asyncFx(() -> Tips.text(play)).get()));
            robot.moveTo(play);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("Pause (Space)", play.getTooltip().getText());
        } finally {
            close(robot, view, stage[0]);
        }
    }

    @Test
    void aFirstRasterForAnotherSizeIsNotShownNorWaitedFor(FxRobot robot) throws Exception {
        Stage[] stage = new Stage[1];
        // never made: a plot that waited for it would stay blank
        MainView view = show(robot, stage, p -> p.firstLayer(333, 222, new CompletableFuture<>()));
        try {
            waitFor(() -> WaitForAsyncUtils.asyncFx(view.plot()::drawnFull).get());
            assertFalse(view.plot().firstLayerTaken());
        } finally {
            close(robot, view, stage[0]);
        }
    }

    @Test
    void aFirstRasterThatCouldNotBeMadeIsNotWaitedFor(FxRobot robot) throws Exception {
        Stage[] stage = new Stage[1];
        CompletableFuture<dev.descent.render.PlotPainter.Layer> failed = new CompletableFuture<>();
        int[] size = new int[2];
        MainView view = show(robot, stage, p -> p.layoutBoundsProperty().addListener((o, a, b) -> {
            // offered for the plot's own size, at its first layout; the start-up thread then gives up
            if (size[0] == 0 && b.getWidth() >= 64) {
                size[0] = (int) Math.floor(b.getWidth());
                size[1] = (int) Math.floor(b.getHeight());
                p.firstLayer(size[0], size[1], failed);
            }
        }));
        try {
            failed.complete(null);
            waitFor(() -> WaitForAsyncUtils.asyncFx(view.plot()::drawnFull).get());
            assertTrue(size[0] > 0, "the plot was laid out");
            assertFalse(view.plot().firstLayerTaken());
        } finally {
            close(robot, view, stage[0]);
        }
    }

    /**
     * With {@code --lesson} the lesson's panel is above the plot before its first layout, so the coarse
     * first raster is made at the plot's own size and shown, not dropped for another size.
     */
    @Test
    void aLessonOnTheCommandLineShowsTheCoarseFirstRasterToo(FxRobot robot) throws Exception {
        SettingsDir.with(dir, () -> {
            DescentApp app = new DescentApp();
            Stage[] window = new Stage[1];
            try {
                robot.interact(() -> {
                    window[0] = new Stage();
                    app.start(window[0], List.of("--lesson", "ravine"));
                });
                waitFor(() -> WaitForAsyncUtils.asyncFx(app.view().plot()::drawnFull).get());
                assertTrue(app.view().plot().drawnCoarseFirst(), "the coarse raster was painted before the full one");
                assertEquals(2, app.view().plot().layersMade(), "one coarse and one full raster, none for another size");
            } finally {
                robot.interact(() -> {
                    app.stop();
                    window[0].close();
                });
            }
        });
    }

    /** A window quit in the 3-D view opens in it again, seen from the same camera. */
    @Test
    void theThreeDViewAndItsCameraAreRememberedAcrossAQuit(FxRobot robot) throws Exception {
        SettingsDir.with(dir, () -> {
            dev.descent.render.Camera3D camera = new dev.descent.render.Camera3D(75, 20, 1.5);
            DescentApp first = new DescentApp();
            Stage[] window = new Stage[1];
            robot.interact(() -> {
                window[0] = new Stage();
                first.start(window[0]);
                first.view().show3d(true);
                first.view().relief3d().setCamera(camera);
                first.stop();
                window[0].close();
            });
            DescentApp second = new DescentApp();
            boolean[] shown = new boolean[2];
            dev.descent.render.Camera3D[] seen = new dev.descent.render.Camera3D[1];
            robot.interact(() -> {
                window[0] = new Stage();
                second.start(window[0]);
                shown[0] = second.view().relief3d().isVisible();
                shown[1] = second.view().plot().isVisible();
                seen[0] = second.view().relief3d().camera();
                second.view().show3d(false);
                second.stop();
                window[0].close();
            });
            assertTrue(shown[0], "the 3-D view again");
            assertFalse(shown[1]);
            assertEquals(camera, seen[0]);
            Properties ui = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve("window.properties"))) {
                ui.load(in);
            }
            assertEquals("false", ui.getProperty("view3d"), "left on the plot: the plot next time");
        });
        assertEquals(dev.descent.render.Camera3D.DEFAULT, DescentApp.camera("12,abc,1"), "an unreadable camera: the first one");
    }

    /**
     * {@code java -jar descent.jar lesson.json}: the window opens the file's session, and Save writes back
     * to that file. A file that cannot be opened says why, and the remembered session opens instead.
     */
    @Test
    void aFileOnTheCommandLineOpensItsSessionAndARefusedOneLeavesTheRememberedSession(FxRobot robot) throws Exception {
        Path f = dir.resolve("ravine-copy.json");
        Files.writeString(f, dev.descent.session.SessionFiles.toJson(Presets.load("ravine").session()));
        Path missing = dir.resolve("missing.json");
        SettingsDir.with(dir, () -> {
            DescentApp app = new DescentApp();
            Stage[] window = new Stage[1];
            String[] shown = new String[3];
            robot.interact(() -> {
                window[0] = new Stage();
                app.start(window[0], List.of(f.toString()));
                shown[0] = app.view().controller().session().surface();
                app.view().controller().updateRunLook(0, m -> m.withName("changed in the window"));
                shown[1] = String.valueOf(app.view().files().save());
                app.stop();
                window[0].close();
            });
            assertEquals("ravine", shown[0]);
            assertEquals("true", shown[1], "Save wrote without asking for a file");
            assertEquals("changed in the window", dev.descent.session.SessionFiles.read(f).runs().get(0).name());

            DescentApp second = new DescentApp();
            robot.interact(() -> {
                window[0] = new Stage();
                second.start(window[0], List.of(missing.toString()));
                shown[0] = second.view().controller().session().runs().get(0).name();
                shown[2] = robot.lookup("#message").queryAs(javafx.scene.control.Label.class).getText();
                second.stop();
                window[0].close();
            });
            assertEquals("changed in the window", shown[0], "the remembered session, as the last quit left it");
            assertTrue(shown[2].contains("Cannot open the session") && shown[2].contains("missing.json")
                    && shown[2].contains("here is the remembered session"), shown[2]);
        });
    }

    /**
     * In a 900-px window the selected run's charts start folded (they would be a sliver); a user who
     * unfolds them finds them unfolded at the next start, and folded again once folded back.
     */
    @Test
    void theSelectedRunsChartsStartFoldedInAShortWindowUnlessTheUserUnfoldedThem(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("window.properties"), "width=1440\nheight=900\n");
        SettingsDir.with(dir, () -> {
            assertEquals(false, startAndQuit(robot, true));
            assertEquals(true, startAndQuit(robot, false), "unfolded by the user: unfolded at the next start");
            assertEquals(false, startAndQuit(robot, null), "folded back: the default again");
        });
    }

    /**
     * Starts the window, tells whether the selected run's charts are open, then (unless {@code open} is
     * null) opens or folds them, and quits.
     */
    private static boolean startAndQuit(FxRobot robot, Boolean open) {
        DescentApp app = new DescentApp();
        Stage[] window = new Stage[1];
        boolean[] was = new boolean[1];
        robot.interact(() -> {
            window[0] = new Stage();
            app.start(window[0]);
            was[0] = app.view().charts().probesPane().isExpanded();
            app.view().charts().probesPane().setExpanded(open == null ? !was[0] : open);
            app.stop();
            window[0].close();
        });
        return was[0];
    }

    @Test
    void aQuitRemembersThePlotsSizeAndTheNextStartShowsTheRasterMadeForIt(FxRobot robot) throws Exception {
        SettingsDir.with(dir, () -> {
            DescentApp first = new DescentApp();
            Stage[] window = new Stage[1];
            robot.interact(() -> {
                window[0] = new Stage();
                first.start(window[0]);
                first.view().controller().updateRunLook(0, m -> m.withName("remembered run"));
            });
            waitFor(() -> WaitForAsyncUtils.asyncFx(first.view().plot()::drawnFull).get());
            assertFalse(first.view().plot().firstLayerTaken(), "no plot size was remembered yet");
            double[] plotSize = new double[2];
            robot.interact(() -> {
                plotSize[0] = first.view().plot().getWidth();
                plotSize[1] = first.view().plot().getHeight();
                first.stop();
                window[0].close();
            });
            Properties ui = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve("window.properties"))) {
                ui.load(in);
            }
            assertEquals(Integer.toString((int) Math.floor(plotSize[0])), ui.getProperty("plotWidth"));
            assertEquals(Integer.toString((int) Math.floor(plotSize[1])), ui.getProperty("plotHeight"));

            DescentApp second = new DescentApp();
            robot.interact(() -> {
                window[0] = new Stage();
                second.start(window[0]);
            });
            try {
                waitFor(() -> WaitForAsyncUtils.asyncFx(second.view().plot()::drawnFull).get());
                assertTrue(second.view().plot().firstLayerTaken(), "the raster made for the remembered size is shown");
                assertEquals("remembered run", second.view().controller().session().runs().get(0).name());
                assertEquals(plotSize[0], second.view().plot().getWidth());
                assertEquals(plotSize[1], second.view().plot().getHeight());
            } finally {
                robot.interact(() -> {
                    second.stop();
                    window[0].close();
                });
            }
        });
    }
}
