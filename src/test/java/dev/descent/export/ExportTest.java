package dev.descent.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.session.Sessions;
import dev.descent.sim.Trace;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports read back: sizes, frame counts, delays, where the pixels are, and what a failure leaves behind. */
class ExportTest {

    @TempDir
    Path dir;

    /** One orange run of SGD on the bowl, and a blue one going elsewhere. */
    static SessionConfig bowl() {
        return new SessionConfig("bowl", null, "quadratic", Map.of(),
                List.of(RunConfig.of("SGD", "#E69F00", "sgd", Map.of("lr", 0.02), 2, 1),
                        RunConfig.of("Adam", "#56B4E9", "adam", Map.of("lr", 0.05), -2, -1)),
                100, 10_000, null, "viridis", true, false, 0, false);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList();
        }
    }

    @Test
    void gifHasTheFramesSizeDelayAndLoop() throws Exception {
        Path out = dir.resolve("bowl.gif");
        ExportOptions o = ExportOptions.of(320, 240, 25, 2, 80, false);
        AtomicInteger calls = new AtomicInteger();
        Exporter.Result r = Exporter.export(bowl(), Exporter.Format.GIF, o, out, (d, t) -> calls.incrementAndGet(), null);
        assertEquals(40, o.frames());
        assertEquals(40, r.frames());
        assertEquals(40, calls.get(), "progress after every frame");
        GifReadBack gif = new GifReadBack(out);
        assertEquals(320, gif.width);
        assertEquals(240, gif.height);
        assertEquals(40, gif.frames.size());
        assertTrue(gif.loops, "NETSCAPE2.0 loop extension");
        for (GifReadBack.Frame f : gif.frames) {
            assertEquals(4, f.delayCs(), "25 fps = 4/100 s");
            assertEquals("doNotDispose", f.disposal());
        }
        assertEquals(320, gif.frames.get(0).width(), "the first frame is whole");
        assertTrue(gif.frames.get(5).width() * gif.frames.get(5).height() < 320 * 240 / 4, "later frames hold only what changed");
        assertEquals(List.of(out), files(), "nothing else is left in the folder");
    }

    @Test
    void framesDifferAsTheRunsMoveAndTheHeadIsWhereTheCoordinatesSay() throws Exception {
        Path out = dir.resolve("bowl.gif");
        ExportOptions o = ExportOptions.of(400, 300, 30, 5, 100, false);
        Exporter.export(bowl(), Exporter.Format.GIF, o, out, null, null);
        GifReadBack gif = new GifReadBack(out);
        BufferedImage early = gif.composite(2);
        BufferedImage late = gif.composite(19);
        assertFalse(java.util.Arrays.equals(early.getRGB(0, 0, 400, 300, null, 0, 400), late.getRGB(0, 0, 400, 300, null, 0, 400)),
                "frames differ as the runs move");

        ExportRuns runs = ExportRuns.simulate(bowl(), 100);
        SceneFrames painter = new SceneFrames(runs, 400, 300, false, 100);
        for (int k : new int[] {2, 19}) {
            BufferedImage frame = gif.composite(k);
            long step = o.stepOf(k);
            for (SimulatedRun run : runs.shown()) {
                int row = run.rowsAt(step) - 1;
                double[] p = painter.toPixel(run.xs()[row], run.ys()[row]);
                assertTrue(near(frame, p[0], p[1], run.color(), 3),
                        run.label() + " at step " + step + " is drawn at pixel (" + (int) p[0] + ", " + (int) p[1] + ")");
            }
        }
        // and not somewhere else: the SGD head of frame 19 is not at frame 2's place
        SimulatedRun sgd = runs.shown().get(0);
        double[] then = painter.toPixel(sgd.xs()[(int) o.stepOf(2)], sgd.ys()[(int) o.stepOf(2)]);
        double[] now = painter.toPixel(sgd.xs()[(int) o.stepOf(19)], sgd.ys()[(int) o.stepOf(19)]);
        assertTrue(Math.hypot(now[0] - then[0], now[1] - then[1]) > 10, "the run moved on screen");
    }

    /** Whether a pixel of colour c (within a small tolerance) lies within r pixels of (x, y). */
    static boolean near(BufferedImage img, double x, double y, Color c, int r) {
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int px = (int) Math.round(x) + dx;
                int py = (int) Math.round(y) + dy;
                if (px < 0 || py < 0 || px >= img.getWidth() || py >= img.getHeight()) {
                    continue;
                }
                int v = img.getRGB(px, py);
                int d = Math.abs(((v >> 16) & 0xFF) - c.getRed()) + Math.abs(((v >> 8) & 0xFF) - c.getGreen()) + Math.abs((v & 0xFF) - c.getBlue());
                if (d <= 24) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void exportedRunsAreTheNumbersOfTrace() {
        ExportRuns runs = ExportRuns.simulate(bowl(), 60);
        SessionConfig s = runs.session();
        for (int i = 0; i < s.runs().size(); i++) {
            List<Trace.Row> rows = Trace.rows(s.runs().get(i).toRunSpec(Sessions.surface(s)), 60, false);
            SimulatedRun r = runs.all().get(i);
            assertEquals(rows.size(), r.rows());
            for (int k = 0; k < rows.size(); k++) {
                assertEquals(rows.get(k).x(), r.xs()[k], 0.0);
                assertEquals(rows.get(k).y(), r.ys()[k], 0.0);
                assertEquals(rows.get(k).loss(), r.loss()[k], 0.0);
            }
        }
    }

    @Test
    void mp4HasTheFramesAndSize() throws Exception {
        Path out = dir.resolve("bowl.mp4");
        ExportOptions o = ExportOptions.of(321, 240, 10, 4, 40, true);
        Exporter.Result r = Exporter.export(bowl(), Exporter.Format.MP4, o, out, null, null);
        assertEquals(10, r.frames());
        try (FileChannelWrapper ch = NIOUtils.readableChannel(out.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(ch);
            assertEquals(10, grab.getVideoTrack().getMeta().getTotalFrames());
            assertEquals(1.0, grab.getVideoTrack().getMeta().getTotalDuration(), 1e-6, "10 frames at 10 fps");
            Picture p = grab.getNativeFrame();
            assertEquals(320, p.getWidth(), "odd widths are rounded down to even for H.264");
            assertEquals(240, p.getHeight());
        }
        assertEquals(List.of(out), files());
    }

    @Test
    void pngFramesAreNumberedAndEqualTheStill() throws Exception {
        Path frames = dir.resolve("frames");
        ExportOptions o = ExportOptions.of(200, 150, 30, 10, 30, false);
        Exporter.export(bowl(), Exporter.Format.PNG_SEQUENCE, o, frames, null, null);
        try (Stream<Path> s = Files.list(frames)) {
            assertEquals(List.of("frame_0001.png", "frame_0002.png", "frame_0003.png"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Path still = dir.resolve("still.png");
        Exporter.export(bowl(), Exporter.Format.PNG, o, still, null, null);
        BufferedImage a = ImageIO.read(frames.resolve("frame_0003.png").toFile());
        BufferedImage b = ImageIO.read(still.toFile());
        assertEquals(200, b.getWidth());
        assertArrayEquals(a.getRGB(0, 0, 200, 150, null, 0, 200), b.getRGB(0, 0, 200, 150, null, 0, 200),
                "the last frame and the still of the last step are the same picture");
    }

    @Test
    void svgIsADocumentOfTheSize() throws Exception {
        Path out = dir.resolve("view.svg");
        Exporter.export(bowl(), Exporter.Format.SVG, ExportOptions.of(300, 200, 30, 1, 20, true), out, null, null);
        String svg = Files.readString(out);
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.matches("(?s).*<svg [^>]*width=['\"]300(\\.0)?['\"].*") && svg.matches("(?s).*<svg [^>]*height=['\"]200(\\.0)?['\"].*"),
                "size in the document");
        assertTrue(svg.contains("<path") || svg.contains("<polyline"), "vector trajectories");
    }

    @Test
    void csvHasEveryRunWithItsProbes() throws Exception {
        Path out = dir.resolve("runs.csv");
        Exporter.export(bowl(), Exporter.Format.CSV, ExportOptions.of(300, 200, 30, 1, 10, false), out, null, null);
        List<String> lines = Files.readAllLines(out);
        String header = lines.get(0);
        assertTrue(header.startsWith("run,name,step,x,y,loss,"), header);
        assertTrue(header.contains("m_hat_x") || header.contains("m_x"), "Adam's probes: " + header);
        assertEquals(1 + 11 + 11, lines.size(), "two runs, steps 0..10");
        assertTrue(lines.get(1).startsWith("1,SGD,0,2.0,1.0,"), lines.get(1));
        assertTrue(lines.get(12).startsWith("2,Adam,0,-2.0,-1.0,"), lines.get(12));
        int columns = header.split(",", -1).length;
        for (String l : lines) {
            assertEquals(columns, l.split(",", -1).length, l);
        }
    }

    @Test
    void cancelLeavesNothingBehindAndKeepsAnOldFile() throws Exception {
        Path out = dir.resolve("bowl.gif");
        Files.writeString(out, "old");
        ExportOptions o = ExportOptions.of(320, 240, 30, 1, 100, false);
        AtomicInteger frames = new AtomicInteger();
        assertThrows(ExportCancelledException.class,
                () -> Exporter.export(bowl(), Exporter.Format.GIF, o, out, (d, t) -> frames.set(d), () -> frames.get() >= 10));
        assertEquals("old", Files.readString(out), "the old file is untouched");
        assertEquals(List.of(out), files(), "no temporary file is left");

        Path folder = dir.resolve("frames");
        frames.set(0);
        assertThrows(ExportCancelledException.class,
                () -> Exporter.export(bowl(), Exporter.Format.PNG_SEQUENCE, o, folder, (d, t) -> frames.set(d), () -> frames.get() >= 3));
        assertFalse(Files.exists(folder), "a folder the export created is removed again");
        frames.set(0);
        assertThrows(ExportCancelledException.class,
                () -> Exporter.export(bowl(), Exporter.Format.MP4, o.withSize(128, 96), dir.resolve("b.mp4"), (d, t) -> frames.set(d), () -> frames.get() >= 2));
        assertEquals(List.of(out), files());
    }

    @Test
    void anUnwritableTargetSaysWhyAndWritesNothing() throws Exception {
        ExportOptions o = ExportOptions.of(200, 150, 30, 1, 10, false);
        ExportException e = assertThrows(ExportException.class,
                () -> Exporter.export(bowl(), Exporter.Format.GIF, o, dir.resolve("missing/out.gif"), null, null));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("missing"), e.getMessage());

        Path file = Files.writeString(dir.resolve("plain"), "x");
        e = assertThrows(ExportException.class,
                () -> Exporter.export(bowl(), Exporter.Format.PNG, o, file.resolve("out.png"), null, null));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
        e = assertThrows(ExportException.class,
                () -> Exporter.export(bowl(), Exporter.Format.PNG_SEQUENCE, o, file, null, null));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
        assertEquals(List.of(file), files());
    }

    @Test
    void aFullDiskSaysSoAndLeavesTheOldFile() throws Exception {
        Path out = dir.resolve("runs.csv");
        Files.writeString(out, "old");
        ExportException e = assertThrows(ExportException.class, () -> AtomicOutput.write(out, os -> {
            os.write(new byte[100]);
            throw new FileSystemException(out.toString(), null, "No space left on device");
        }, () -> false));
        assertTrue(e.getMessage().contains("disk is full") && e.getMessage().contains("runs.csv"), e.getMessage());
        assertEquals("old", Files.readString(out));
        assertEquals(List.of(out), files());
    }

    @Test
    void optionsRefuseNonsenseByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExportOptions.of(10, 720, 30, 1, 10, false))
                .getMessage().contains("size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExportOptions.of(640, 480, 0, 1, 10, false))
                .getMessage().contains("fps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExportOptions.of(640, 480, 30, 0, 10, false))
                .getMessage().contains("steps per frame"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ExportOptions(640, 480, 30, 1, 20, 10, false))
                .getMessage().contains("last step"));
        assertArrayEquals(new int[] {1920, 1080}, ExportOptions.parseSize("1080p"));
        assertArrayEquals(new int[] {960, 720}, ExportOptions.parseSize("960x720"));
        ExportOptions o = new ExportOptions(640, 480, 30, 3, 10, 20, false);
        assertEquals(4, o.frames());
        assertEquals(13, o.stepOf(0));
        assertEquals(20, o.stepOf(3));
        assertEquals(Exporter.Format.PNG_SEQUENCE, Exporter.Format.of("out" + File.separator));
    }
}
