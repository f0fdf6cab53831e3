package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.export.ExportRuns;
import dev.descent.export.SceneFrames;
import dev.descent.session.RunConfig;
import dev.descent.export.SessionFileOutput;
import dev.descent.session.SessionConfig;
import dev.descent.session.SessionFiles;
import dev.descent.optim.RoleVector;
import dev.descent.render.ArrowPainter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code render} still carries the arrows of each run's last step when asked. */
class ArrowStillTest {

    @TempDir
    Path dir;

    @Test
    void theStillShowsTheDownhillGradientWhereItIs() throws Exception {
        // f = ½(x² + 10y²), ∇f(2, 1) = (2, 10); SGD lr 0.005: the first step goes to (1.99, 0.95),
        // short enough that the gradient arrow shows beyond it and the head's marker (the step itself lies
        // on the path, which the painter test covers)
        SessionConfig s = new SessionConfig("bowl", null, "quadratic", Map.of(),
                List.of(RunConfig.of("SGD", "#E69F00", "sgd", Map.of("lr", 0.005), 2, 1)),
                100, 10_000, null, "viridis", false, false, 0, false);
        Path session = dir.resolve("bowl.json");
        SessionFileOutput.write(s, session);
        Path with = dir.resolve("with.png");
        Path without = dir.resolve("without.png");
        assertEquals(0, CliTest.run("render", "--session", session.toString(), "--steps", "1", "--size", "800x600",
                "--arrows", "all", "--out", with.toString(), "-q").exit());
        assertEquals(0, CliTest.run("render", "--session", session.toString(), "--steps", "1", "--size", "800x600",
                "--out", without.toString(), "-q").exit());
        BufferedImage a = ImageIO.read(with.toFile());
        BufferedImage b = ImageIO.read(without.toFile());

        // where data points land in the frame (the layout, not the arrows, comes from the painter)
        SceneFrames frames = new SceneFrames(ExportRuns.simulate(SessionFiles.validate(s), 1), 800, 600, false, 1);
        double[] start = frames.toPixel(2, 1);
        // −∇f = (−2, −10) points down and a little left: 30 pixels along it from the start is red
        double[] tip = frames.toPixel(2 - 2, 1 - 10);
        double len = Math.hypot(tip[0] - start[0], tip[1] - start[1]);
        double[] along = {start[0] + 30 * (tip[0] - start[0]) / len, start[1] + 30 * (tip[1] - start[1]) / len};
        Color red = ArrowPainter.color(RoleVector.Role.GRADIENT);
        assertTrue(near(a, along, red), "−∇f leaves the start downhill");
        assertFalse(near(b, along, red));
    }

    @Test
    void anUnknownArrowKindIsRefused() {
        CliTest.assertRefused(CliTest.run("render", "--preset", "ravine", "--arrows", "gradient,wind",
                "--out", dir.resolve("x.png").toString()), "Invalid arrow kind 'wind'");
    }

    static boolean near(BufferedImage img, double[] p, Color c) {
        for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                Color q = new Color(img.getRGB((int) Math.round(p[0]) + dx, (int) Math.round(p[1]) + dy));
                if (Math.abs(q.getRed() - c.getRed()) + Math.abs(q.getGreen() - c.getGreen()) + Math.abs(q.getBlue() - c.getBlue()) < 60) {
                    return true;
                }
            }
        }
        return false;
    }
}
