package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.SessionController;
import dev.descent.export.ExportOptions;
import dev.descent.export.Exporter;
import dev.descent.session.SessionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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

/** The File menu's sessions and exports, in the window under Monocle. */
@ExtendWith(ApplicationExtension.class)
class FileActionsTest {

    private MainView view;
    private SessionController ctl;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        ctl = DescentApp.controller(WindowTest.bowl(0.02, 0.05), m -> { }, new java.util.ArrayList<>());
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

    private String message(FxRobot robot) {
        return robot.lookup("#message").queryAs(Label.class).getText();
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void saveThenOpenRestoresTheSessionAndRemembersTheFile(FxRobot robot) throws Exception {
        Path f = dir.resolve("lesson.json");
        robot.interact(() -> ctl.setSpeed(321));
        robot.interact(() -> view.files().saveTo(f));
        SessionConfig saved = ctl.session();
        assertTrue(message(robot).contains("Saved lesson.json"), message(robot));
        robot.interact(() -> view.load(WindowTest.bowl(0.1)));
        assertEquals(1, ctl.runs().size());
        robot.interact(() -> view.files().openFile(f));
        assertEquals(saved, ctl.session());
        assertEquals(321, ctl.session().speed());
        assertEquals(f.toAbsolutePath(), view.files().recent().get(0));
    }

    /** The title names the session's file and marks changes not yet saved, as desktop editors do. */
    @Test
    void theTitleNamesTheFileAndMarksUnsavedChanges(FxRobot robot) throws Exception {
        Path f = dir.resolve("talk.json");
        String[] t = new String[4];
        robot.interact(() -> {
            t[0] = view.titleProperty().get();
            view.files().saveTo(f);
            t[1] = view.titleProperty().get();
            ctl.updateRunLook(0, m -> m.withName("renamed"));
            t[2] = view.titleProperty().get();
            view.files().save();
            t[3] = view.titleProperty().get();
        });
        assertEquals("test — Descent", t[0], "no file yet: the session's title");
        assertEquals("talk.json — Descent", t[1]);
        assertEquals("• talk.json — Descent", t[2]);
        assertEquals("talk.json — Descent", t[3]);
    }

    /** A session file dropped on the window opens as File → Open opens it; other files are not taken. */
    @Test
    void aDroppedSessionFileOpensAndOtherFilesAreNotTaken(FxRobot robot) throws Exception {
        Path f = dir.resolve("dropped.json");
        robot.interact(() -> ctl.setSpeed(123));
        robot.interact(() -> view.files().saveTo(f));
        SessionConfig saved = ctl.session();
        robot.interact(() -> view.load(WindowTest.bowl(0.1)));
        assertEquals(f, FileActions.sessionFile(List.of(f.toFile())));
        assertEquals(Path.of("FIGURE.PNG"), FileActions.sessionFile(List.of(new java.io.File("FIGURE.PNG"))));
        assertEquals(null, FileActions.sessionFile(List.of(new java.io.File("notes.txt"))));
        assertEquals(null, FileActions.sessionFile(List.of(f.toFile(), f.toFile())), "one session at a time");
        assertEquals(null, FileActions.sessionFile(List.of()));
        robot.interact(() -> view.files().openDropped(f));
        assertEquals(saved, ctl.session());
        assertEquals(f, view.files().currentFile());
    }

    @Test
    void openingAnExportedGifPngOrMp4RestoresTheSessionThatMadeIt(FxRobot robot) throws Exception {
        robot.interact(() -> ctl.setSpeed(123));
        SessionConfig made = ctl.session();
        for (String name : List.of("made.gif", "made.png", "made.mp4")) {
            Path f = dir.resolve(name);
            Exporter.export(made, Exporter.Format.of(f.toString()), ExportOptions.of(160, 120, 10, 5, 20, false), f, null, null);
            robot.interact(() -> view.load(WindowTest.bowl(0.1)));
            assertEquals(1, ctl.runs().size());
            robot.interact(() -> view.files().openFile(f));
            assertEquals(made, ctl.session(), name);
            assertTrue(message(robot).contains("Opened the session inside " + name), message(robot));
            // Save must not overwrite the picture with JSON: it asks for a session file instead
            assertEquals(null, view.files().currentFile());
        }
    }

    @Test
    void aCopiedSessionPastesBackAndBadTextIsRefused(FxRobot robot) throws Exception {
        robot.interact(() -> ctl.setSpeed(456));
        SessionConfig made = ctl.session();
        robot.interact(() -> view.files().copySession());
        String[] text = new String[1];
        robot.interact(() -> text[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertTrue(text[0].startsWith("descent:"), text[0]);
        robot.interact(() -> view.load(WindowTest.bowl(0.1)));
        SessionConfig other = ctl.session();
        robot.interact(() -> view.files().pasteSession("descent:not-a-session"));
        assertEquals(other, ctl.session());
        assertTrue(message(robot).startsWith("Cannot paste the session"), message(robot));
        robot.interact(() -> view.files().pasteSession());
        assertEquals(made, ctl.session());
    }

    @Test
    void aRefusedFileLeavesTheOpenSessionUntouched(FxRobot robot) throws Exception {
        SessionConfig before = ctl.session();
        Path bad = Files.writeString(dir.resolve("bad.json"),
                "{\"version\": 1, \"surface\": \"quadratic\", \"runs\": [{\"optimizer\": \"sgd\"}, {\"optimizer\": \"adamm\"}]}");
        robot.interact(() -> view.files().openFile(bad));
        assertEquals(before, ctl.session());
        assertTrue(message(robot).contains("Unknown optimizer 'adamm'"), message(robot));
        Path newer = Files.writeString(dir.resolve("newer.json"), "{\"version\": 99}");
        robot.interact(() -> view.files().openFile(newer));
        assertEquals(before, ctl.session());
        assertTrue(message(robot).contains("newer Descent"), message(robot));
    }

    /** While the 3-D view is shown, an export shows it too, from the window's camera ("export what I see"). */
    @Test
    void anExportFromThe3dViewShowsThe3dViewFromItsCamera(FxRobot robot) throws Exception {
        Path shot = dir.resolve("relief.png");
        dev.descent.render.Camera3D camera = new dev.descent.render.Camera3D(50, 25, 1.2);
        robot.interact(() -> {
            view.show3d(true);
            view.relief3d().setCamera(camera);
        });
        dev.descent.export.ExportOptions o = new dev.descent.export.ExportOptions(320, 200, 30, 1, 0, 0, false);
        robot.interact(() -> view.files().run(dev.descent.export.Exporter.Format.PNG, o, shot));
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> Files.exists(shot));
        Path expected = dir.resolve("expected.png");
        dev.descent.export.Exporter.export(ctl.session(), dev.descent.export.Exporter.Format.PNG, o.withCamera(camera),
                expected, null, null);
        java.awt.image.BufferedImage a = javax.imageio.ImageIO.read(shot.toFile());
        java.awt.image.BufferedImage b = javax.imageio.ImageIO.read(expected.toFile());
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 320; x++) {
                assertEquals(b.getRGB(x, y), a.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aStillExportedFromADarkWindowIsDark(FxRobot robot) throws Exception {
        Path light = dir.resolve("light.png");
        Path dark = dir.resolve("dark.png");
        robot.interact(() -> view.files().run(dev.descent.export.Exporter.Format.PNG,
                new dev.descent.export.ExportOptions(640, 360, 30, 1, 0, 0, false), light));
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> Files.exists(light));
        robot.interact(() -> view.setDark(true));
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> {
            robot.interact(() -> view.files().run(dev.descent.export.Exporter.Format.PNG,
                    new dev.descent.export.ExportOptions(640, 360, 30, 1, 0, 0, false), dark));
            Thread.sleep(200);
            return Files.exists(dark); // a second export waits for the first to finish
        });
        int a = javax.imageio.ImageIO.read(light.toFile()).getRGB(2, 2);
        int b = javax.imageio.ImageIO.read(dark.toFile()).getRGB(2, 2);
        assertTrue((a & 0xff) > 200 && (b & 0xff) < 60, Integer.toHexString(a) + " then " + Integer.toHexString(b));
    }

    @Test
    void theWindowRefusesInTheSameWordsAsTheCommandLine(FxRobot robot) throws Exception {
        SessionConfig before = ctl.session();
        Path twice = Files.writeString(dir.resolve("twice.json"), "{\"version\": 1, \"surface\": \"quadratic\", \"surface\": \"ravine\"}");
        robot.interact(() -> view.files().openFile(twice));
        assertEquals(before, ctl.session());
        assertTrue(message(robot).contains("twice.json: ambiguous JSON at line 1, column 49: the field \"surface\" appears twice"), message(robot));
        Path nan = Files.writeString(dir.resolve("nan.json"), "{\"version\": 1, \"speed\": NaN}");
        robot.interact(() -> view.files().openFile(nan));
        assertEquals(before, ctl.session());
        assertTrue(message(robot).contains("NaN is not a number JSON allows"), message(robot));
        assertFalse(message(robot).contains("`"), message(robot));
        // a byte-order mark, as some editors write, opens
        Path bom = dir.resolve("bom.json");
        Files.write(bom, ("\uFEFF{\"version\": 1, \"surface\": \"quadratic\", \"speed\": 77, \"runs\": [{\"optimizer\": \"sgd\"}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        robot.interact(() -> view.files().openFile(bom));
        assertEquals(77, ctl.session().speed());
    }

    @Test
    void anExportRunsInTheBackgroundAndWritesTheFile(FxRobot robot) throws Exception {
        Path out = dir.resolve("bowl.gif");
        robot.interact(() -> view.files().run(Exporter.Format.GIF, ExportOptions.of(320, 240, 30, 1, 30, false), out));
        // the window keeps working meanwhile
        robot.interact(() -> ctl.stepOnce());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> message(robot).startsWith("Exported"));
        assertTrue(Files.size(out) > 0);
        assertEquals(List.of(out), files());
    }

    @Test
    void aCancelledExportLeavesNothing(FxRobot robot) throws Exception {
        Path out = dir.resolve("long.mp4");
        robot.interact(() -> view.files().run(Exporter.Format.MP4, ExportOptions.of(640, 480, 30, 1, 2000, true), out));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, 
                () -> robot.lookup("#exportProgress").queryAs(javafx.scene.control.ProgressBar.class).getProgress() > 0);
        robot.clickOn("#cancelExport");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> message(robot).contains("cancelled"));
        // the export thread notices the cancel at its next frame
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> files().isEmpty());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnwritableTargetSaysWhy(FxRobot robot) throws Exception {
        Path out = dir.resolve("missing").resolve("x.png");
        robot.interact(() -> view.files().run(Exporter.Format.PNG, ExportOptions.of(320, 240, 30, 1, 10, false), out));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> message(robot).startsWith("Export failed"));
        assertTrue(message(robot).contains("does not exist"), message(robot));
        assertTrue(files().isEmpty());
    }
}
