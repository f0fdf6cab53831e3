package dev.descent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.BasinMapConfig;
import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session's basin map in exported stills: under the contours and the runs, in the map's colours. */
class MapExportTest {

    @TempDir
    Path dir;

    /** GD on ½(x² + 10y²): η·10 < 2 converges from everywhere, η·10 > 2 diverges from everywhere off y = 0. */
    private static SessionConfig bowl(double lr, BasinMapConfig map) {
        return new SessionConfig("bowl", null, "quadratic", Map.of("a", 1.0, "b", 10.0),
                List.of(RunConfig.of("GD", "#E69F00", "sgd", Map.of("lr", lr), 2, 1)),
                100, 10_000, null, "viridis", true, false, 0, false, map);
    }

    private static ExportOptions still() {
        return new ExportOptions(480, 360, 30, 1, 0, 30, false, Overlays.ALL, null);
    }

    private BufferedImage render(SessionConfig s, String name) throws Exception {
        Path out = dir.resolve(name);
        Exporter.export(s, Exporter.Format.of(out.toString()), still(), out, Exporter.Progress.NONE, null);
        return ImageIO.read(out.toFile());
    }

    /** The share of the plot area's pixels within {@code tol} of {@code rgb} in every channel. */
    private static double share(BufferedImage img, Rectangle plot, int rgb, int tol) {
        long n = 0;
        long near = 0;
        for (int y = plot.y; y < plot.y + plot.height; y++) {
            for (int x = plot.x; x < plot.x + plot.width; x++) {
                int p = img.getRGB(x, y);
                n++;
                if (Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) <= tol && Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) <= tol
                        && Math.abs((p & 0xFF) - (rgb & 0xFF)) <= tol) {
                    near++;
                }
            }
        }
        return (double) near / n;
    }

    /**
     * The share of the plot area's pixels of the same hue as {@code rgb}, any shade: their
     * chromaticity (each channel's share of the sum) within {@code tol} of its (the map shades a
     * cell darker the more steps its run took).
     */
    private static double shadeShare(BufferedImage img, Rectangle plot, int rgb, double tol) {
        double[] c = chroma(rgb);
        long n = 0;
        long near = 0;
        for (int y = plot.y; y < plot.y + plot.height; y++) {
            for (int x = plot.x; x < plot.x + plot.width; x++) {
                double[] p = chroma(img.getRGB(x, y));
                n++;
                if (Math.abs(p[0] - c[0]) <= tol && Math.abs(p[1] - c[1]) <= tol && Math.abs(p[2] - c[2]) <= tol) {
                    near++;
                }
            }
        }
        return (double) near / n;
    }

    private static double[] chroma(int rgb) {
        double r = (rgb >> 16) & 0xFF;
        double g = (rgb >> 8) & 0xFF;
        double b = rgb & 0xFF;
        double sum = Math.max(1, r + g + b);
        return new double[] {r / sum, g / sum, b / sum};
    }

    private static Rectangle plot(SessionConfig s) {
        SceneFrames f = new SceneFrames(ExportRuns.simulate(s, 1), 480, 360, false, 1, Overlays.ALL.withAids(false), null, null, null);
        return f.layer().transform().plotArea().getBounds();
    }

    @Test
    void aDivergingMapPaintsThePlotBlackUnderTheContours() throws Exception {
        SessionConfig with = bowl(0.25, BasinMapConfig.of(0).withSteps(100));
        BufferedImage a = render(with, "with.png");
        BufferedImage b = render(bowl(0.25, null), "without.png");
        Rectangle plot = plot(with);
        double blackWith = share(a, plot, 0x000000, 40);
        double blackWithout = share(b, plot, 0x000000, 40);
        assertTrue(blackWith > 0.5, "diverged starts are black: " + blackWith);
        assertTrue(blackWithout < 0.05, "viridis has no black: " + blackWithout);
    }

    @Test
    void aConvergingMapIsTheMinimumsColourAsItsLegendSaysAndAidsOffLeaveItOut() throws Exception {
        SessionConfig with = bowl(0.15, BasinMapConfig.of(0).withSteps(100));
        BufferedImage a = render(with, "with.png");
        BufferedImage b = render(bowl(0.15, null), "without.png");
        SceneFrames frames = new SceneFrames(ExportRuns.simulate(with, 1), 480, 360, false, 1, Overlays.ALL, null, null, null);
        MapUnderlay.Picture map = frames.map();
        assertNotNull(map);
        assertEquals(1, map.legend().size(), "every start ends at the one minimum");
        assertEquals(map.result().cells(), map.legend().get(0).count());
        int colour = map.legend().get(0).argb() & 0xFFFFFF;
        Rectangle plot = plot(with);
        double nearWith = shadeShare(a, plot, colour, 0.06);
        double nearWithout = shadeShare(b, plot, colour, 0.06);
        assertTrue(nearWith > 0.5, "the plot takes the map's colour: " + nearWith);
        assertTrue(nearWithout < 0.3, "without the map the field's colours vary: " + nearWithout);
        // --no-aids leaves the map out: the frame is the one without a map
        SceneFrames noAids = new SceneFrames(ExportRuns.simulate(with, 1), 480, 360, false, 1, Overlays.ALL.withAids(false),
                null, null, null);
        assertNull(noAids.map());
    }
}
