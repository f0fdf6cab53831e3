package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Surfaces;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code map} command: counts, CSV rows, the picture, refusals. */
class MapCommandTest {

    @TempDir
    Path dir;

    /** The counts of {@code docs/bench/basin_numpy.py}: 69821, 70370, 63490, 58457 and 6 not converged. */
    @Test
    void himmelblauCountsEqualNumpysAndTheCsvDescribesEveryCell() throws Exception {
        Path csv = dir.resolve("basin.csv");
        CliTest.Result r = CliTest.run("map", "--surface", "himmelblau", "-o", "adam", "-p", "lr=0.05", "--grid", "512",
                "--steps", "500", "--view", "-5,5,-5,5", "--csv", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("ending,count", "\"global minimum (3, 2)\",69821", "\"global minimum (-2.805, 3.131)\",70370",
                "\"global minimum (-3.779, -3.283)\",63490", "\"global minimum (3.584, -1.848)\",58457", "\"not converged\",6"),
                r.lines());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(1 + 512 * 512, rows.size());
        assertEquals("i,j,start_x,start_y,end_x,end_y,ending,point_x,point_y,steps,loss", rows.get(0));
        String[] first = rows.get(1).split(",", -1);
        assertEquals("-5.0", first[2]);
        assertEquals("-5.0", first[3]);
        assertEquals("minimum", first[6]);
        assertEquals(-3.779310253377747, Double.parseDouble(first[7]), 1e-12);
        double x = Double.parseDouble(first[4]);
        double y = Double.parseDouble(first[5]);
        assertTrue(Math.hypot(x + 3.779310253377747, y + 3.283185991286170) <= 1e-2);
        assertEquals(Surfaces.create("himmelblau").value(x, y), Double.parseDouble(first[10]));
        int steps = Integer.parseInt(first[9]);
        assertTrue(steps > 0 && steps < 500, "steps to settle: " + steps);
    }

    @Test
    void hyperMapCsvHasOneRowPerPairAndThePictureIsWritten() throws Exception {
        Path csv = dir.resolve("hyper.csv");
        Path png = dir.resolve("hyper.png");
        CliTest.Result r = CliTest.run("map", "--surface", "quadratic", "-o", "sgd", "--start", "2,1.5",
                "--hyper", "lr:1e-3:1:log,momentum:0:0.99", "--grid", "16", "--steps", "300",
                "--csv", csv.toString(), "--out", png.toString(), "--size", "640x480");
        assertEquals(0, r.exit(), r.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(1 + 16 * 16, rows.size());
        assertEquals("i,j,lr,momentum,end_x,end_y,ending,point_x,point_y,steps,loss", rows.get(0));
        String[] last = rows.get(rows.size() - 1).split(",", -1);
        assertEquals("1.0", last[2]);
        assertEquals("0.99", last[3]);
        assertEquals("diverged", last[6], "lr 1 with momentum 0.99 is far past 0.398");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        assertTrue(r.out().contains("\"diverged\","), r.out());
    }

    @Test
    void basinPictureIsWritten() throws Exception {
        Path png = dir.resolve("basin.png");
        CliTest.Result r = CliTest.run("map", "--surface", "himmelblau", "-o", "lbfgs", "--grid", "24", "--steps", "20",
                "--out", png.toString(), "--size", "400x400");
        assertEquals(0, r.exit(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(400, img.getWidth());
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        Path png = dir.resolve("x.png");
        CliTest.assertRefused(CliTest.run("map", "--surface", "quadratic", "-o", "sgd", "--hyper", "lr:1e-3:1",
                "--out", png.toString()), "two axes");
        CliTest.assertRefused(CliTest.run("map", "--surface", "quadratic", "-o", "adam", "--hyper", "lr:1e-3:1,momentum:0:0.9",
                "--out", png.toString()), "Adam has no hyperparameter momentum");
        CliTest.assertRefused(CliTest.run("map", "--surface", "quadratic", "--color", "rainbow", "--out", png.toString()),
                "--color");
        CliTest.assertRefused(CliTest.run("map", "--surface", "quadratic"), "Nothing to write");
        CliTest.assertRefused(CliTest.run("map", "--surface", "quadratic", "--grid", "0", "--out", png.toString()), "--grid");
        CliTest.assertRefused(CliTest.run("map", "--surface", "quadratic", "--view", "1,0,0,1", "--out", png.toString()),
                "--view");
        assertFalse(Files.exists(png));
    }
}
