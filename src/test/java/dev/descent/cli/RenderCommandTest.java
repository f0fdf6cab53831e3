package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.Presets;
import dev.descent.session.SessionFiles;
import java.awt.image.BufferedImage;
import dev.descent.export.SessionFileOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render}, in-process: a preset and a session file to GIF, CSV; refusals exit 2 with one line. */
class RenderCommandTest {

    @TempDir
    Path dir;

    static int gifFrames(Path f) throws Exception {
        ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            r.setInput(in);
            return r.getNumImages(true);
        } finally {
            r.dispose();
        }
    }

    @Test
    void rendersAPresetToAGif() throws Exception {
        Path out = dir.resolve("race.gif");
        CliTest.Result r = CliTest.run("render", "--preset", "rosenbrock-race", "--steps", "60", "--steps-per-frame", "3",
                "--fps", "20", "--size", "320x240", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(20, gifFrames(out));
        assertEquals(320, ImageIO.read(out.toFile()).getWidth());
        assertTrue(r.err().contains("wrote"), "progress on stderr: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void rendersASessionFileWithChartsAndToCsv() throws Exception {
        Path session = dir.resolve("ravine.json");
        SessionFileOutput.write(Presets.load("ravine").session(), session);
        Path gif = dir.resolve("ravine.gif");
        CliTest.Result r = CliTest.run("render", "--session", session.toString(), "--steps", "10", "--size", "480x240",
                "--charts", "-q", "--out", gif.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err(), "--quiet");
        assertEquals(10, gifFrames(gif));
        Path csv = dir.resolve("ravine.csv");
        r = CliTest.run("render", "--session", session.toString(), "--steps", "10", "-q", "--out", csv.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("run,name,step,x,y,loss"), lines.get(0));
        assertEquals(1 + 11 * Presets.load("ravine").session().runs().size(), lines.size());
    }

    @Test
    void anExportedPngRendersAgainAsTheSessionItCarriesAndOverlaysSwitchOff() throws Exception {
        Path png = dir.resolve("figure.png");
        CliTest.Result r = CliTest.run("render", "--preset", "ravine", "--steps", "40", "--size", "480x270", "-q", "--out", png.toString());
        assertEquals(0, r.exit(), r.err());
        // the figure reproduced from the figure: the same pixels
        Path again = dir.resolve("again.png");
        r = CliTest.run("render", "--session", png.toString(), "--steps", "40", "--size", "480x270", "-q", "--out", again.toString());
        assertEquals(0, r.exit(), r.err());
        BufferedImage a = ImageIO.read(png.toFile());
        BufferedImage b = ImageIO.read(again.toFile());
        assertTrue(same(a, b), "the session inside the PNG draws the same figure");
        Path bare = dir.resolve("bare.png");
        r = CliTest.run("render", "--session", png.toString(), "--steps", "40", "--size", "480x270", "-q", "--no-step",
                "--no-title", "--no-legend", "--out", bare.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(same(a, ImageIO.read(bare.toFile())), "without the overlays the frame differs");
    }

    private static boolean same(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void darkStillsAreDarkAsTheWindowsDarkTheme() throws Exception {
        Path light = dir.resolve("light.png");
        Path dark = dir.resolve("dark.png");
        assertEquals(0, CliTest.run("render", "--preset", "ravine", "--steps", "20", "--size", "640x360", "--charts", "-q",
                "--out", light.toString()).exit());
        assertEquals(0, CliTest.run("render", "--preset", "ravine", "--steps", "20", "--size", "640x360", "--charts", "-q",
                "--dark", "--out", dark.toString()).exit());
        java.awt.image.BufferedImage a = javax.imageio.ImageIO.read(light.toFile());
        java.awt.image.BufferedImage b = javax.imageio.ImageIO.read(dark.toFile());
        // the frame's corner (outside the axes) and the chart's corner (right edge) take the theme's background
        for (int[] p : new int[][] {{2, 2}, {637, 180}}) {
            assertTrue(luma(a.getRGB(p[0], p[1])) > 200, "light at " + p[0] + "," + p[1]);
            assertTrue(luma(b.getRGB(p[0], p[1])) < 60, "dark at " + p[0] + "," + p[1]);
        }
    }

    /**
     * {@code --3d} renders the 3-D view: the relief from the camera given, the runs on it, the session
     * inside the PNG as ever; a bad camera or a lesson is refused in one line.
     */
    @Test
    void threeDRendersTheReliefFromTheCameraGiven() throws Exception {
        Path plot = dir.resolve("plot.png");
        Path relief = dir.resolve("relief.png");
        Path turned = dir.resolve("turned.png");
        assertEquals(0, CliTest.run("render", "--preset", "ravine", "--steps", "40", "--size", "480x270", "-q",
                "--out", plot.toString()).exit());
        assertEquals(0, CliTest.run("render", "--preset", "ravine", "--steps", "40", "--size", "480x270", "-q", "--3d",
                "--out", relief.toString()).exit());
        assertEquals(0, CliTest.run("render", "--preset", "ravine", "--steps", "40", "--size", "480x270", "-q",
                "--3d=60,20,1.5", "--out", turned.toString()).exit());
        java.awt.image.BufferedImage a = javax.imageio.ImageIO.read(plot.toFile());
        java.awt.image.BufferedImage b = javax.imageio.ImageIO.read(relief.toFile());
        java.awt.image.BufferedImage c = javax.imageio.ImageIO.read(turned.toFile());
        assertTrue(differing(a, b) > 480 * 270 / 4, "the 3-D view is not the plot");
        assertTrue(differing(b, c) > 480 * 270 / 4, "another camera, another picture");
        int orange = new java.awt.Color(0xE6, 0x9F, 0x00).getRGB(); // the ravine's first run
        assertTrue(count(b, orange) > 20, "the run lies on the relief");
        assertEquals("ravine", dev.descent.export.EmbeddedSession.read(relief).orElseThrow().surface());

        // a session's basin map is draped over the relief, an aid as on the plot (--no-aids leaves it out)
        Path draped = dir.resolve("draped.png");
        Path bare = dir.resolve("bare.png");
        String basins = Path.of("assets", "render-basin-map.png").toString(); // Adam's basins on Himmelblau
        assertEquals(0, CliTest.run("render", "--session", basins, "--steps", "10", "--size", "320x180", "-q", "--3d",
                "--out", draped.toString()).exit());
        assertEquals(0, CliTest.run("render", "--session", basins, "--steps", "10", "--size", "320x180", "-q", "--3d",
                "--no-aids", "--out", bare.toString()).exit());
        assertTrue(differing(javax.imageio.ImageIO.read(draped.toFile()), javax.imageio.ImageIO.read(bare.toFile())) > 320 * 180 / 4,
                "the basins colour the relief");

        Path out = dir.resolve("x.png");
        CliTest.assertRefused(CliTest.run("render", "--preset", "ravine", "--3d=1,2,3,4", "--out", out.toString()), "Invalid value for --3d");
        CliTest.assertRefused(CliTest.run("render", "--preset", "ravine", "--3d=-30,120", "--out", out.toString()), "elevation 5 to 90");
        CliTest.assertRefused(CliTest.run("render", "--lesson", "ravine", "--3d", "--out", dir.resolve("x.gif").toString()), "--lesson");
        assertFalse(Files.exists(out));
    }

    private static int differing(java.awt.image.BufferedImage a, java.awt.image.BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    private static int count(java.awt.image.BufferedImage img, int argb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += img.getRGB(x, y) == argb ? 1 : 0;
            }
        }
        return n;
    }

    private static double luma(int rgb) {
        return 0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255);
    }

    @Test
    void badInputExitsTwoWithOneLineAndWritesNothing() throws Exception {
        Path out = dir.resolve("x.gif");
        CliTest.assertRefused(CliTest.run("render", "--preset", "nope", "--out", out.toString()), "No preset named nope");
        CliTest.assertRefused(CliTest.run("render", "--preset", "ravine", "--out", dir.resolve("x.avi").toString()), "Cannot tell the format");
        CliTest.assertRefused(CliTest.run("render", "--preset", "ravine", "--size", "big", "--out", out.toString()), "Invalid size 'big'");
        CliTest.assertRefused(CliTest.run("render", "--preset", "ravine", "--fps", "0", "--out", out.toString()), "Invalid fps 0");
        CliTest.assertRefused(CliTest.run("render", "--preset", "ravine", "--steps", "-3", "--out", out.toString()), "last step");
        CliTest.assertRefused(CliTest.run("render", "--preset", "ravine", "--out", dir.resolve("no/such/x.gif").toString()), "does not exist");
        CliTest.assertRefused(CliTest.run("render", "--preset", "ravine"), "--out");
        CliTest.assertRefused(CliTest.run("render", "--out", out.toString()), "--session");
        Path newer = Files.writeString(dir.resolve("newer.json"), "{\"version\": 7, \"surface\": \"quadratic\"}");
        CliTest.assertRefused(CliTest.run("render", "--session", newer.toString(), "--out", out.toString()), "newer Descent");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"version\": 1, \"runs\": [{\"optimizer\": \"sgd\", \"hyperparameters\": {\"lr\": \"x\"}}]}");
        CliTest.Result r = CliTest.run("render", "--session", broken.toString(), "--out", out.toString());
        CliTest.assertRefused(r, "broken.json");
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.toString().endsWith(".gif") || p.getFileName().toString().startsWith(".")), "no output and no temporary file");
        }
    }
}
