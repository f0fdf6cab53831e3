package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Surfaces;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run being tuned is drawn on top of the others, and thicker. */
class SelectedRunTest {

    private static final Color RED = new Color(0xD5, 0x5E, 0x00);
    private static final Color BLUE = new Color(0x00, 0x72, 0xB2);

    private static int centreColour(int selected) {
        StaticLayer layer = StaticLayer.render(new Scene(Surfaces.create("quadratic"), 400, 300));
        double[] xs = {-1, -0.5, 0, 0.5, 1};
        double[] ys = {0, 0, 0, 0, 0};
        // blue goes on one step further: the paths overlap, but are not the same path
        List<TrajectorySnapshot> runs = List.of(TrajectorySnapshot.of(RED, "red", xs, ys, 5),
                TrajectorySnapshot.of(BLUE, "blue", new double[] {-1, -0.5, 0, 0.5, 1, 1.2}, new double[] {0, 0, 0, 0, 0, 0.4}, 6));
        BufferedImage img = new BufferedImage(layer.width(), layer.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.drawImage(layer.image(), 0, 0, null);
        ScenePainter.paintOverlay(g, layer.transform(), layer.style(), runs, OverlaySettings.DEFAULT.withLegend(false), selected);
        g.dispose();
        PlotTransform t = layer.transform();
        return img.getRGB((int) Math.round(t.toPixelX(0.25)), (int) Math.round(t.toPixelY(0))) & 0xFFFFFF;
    }

    /** Along the line of two runs on the very same path, how many sampled pixels are nearer each colour. */
    private static int[] coloursAlongTheSamePath(int selected) {
        StaticLayer layer = StaticLayer.render(new Scene(Surfaces.create("quadratic"), 400, 300));
        double[] xs = {-1, -0.5, 0, 0.5, 1};
        double[] ys = {0, 0, 0, 0, 0};
        List<TrajectorySnapshot> runs = List.of(TrajectorySnapshot.of(RED, "red", xs, ys, 5),
                TrajectorySnapshot.of(BLUE, "blue", xs.clone(), ys.clone(), 5));
        BufferedImage img = new BufferedImage(layer.width(), layer.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.drawImage(layer.image(), 0, 0, null);
        ScenePainter.paintOverlay(g, layer.transform(), layer.style(), runs, OverlaySettings.DEFAULT.withLegend(false), selected);
        g.dispose();
        PlotTransform t = layer.transform();
        int[] counts = new int[2];
        int y = (int) Math.round(t.toPixelY(0));
        for (int x = (int) Math.round(t.toPixelX(-0.8)); x <= (int) Math.round(t.toPixelX(0.8)); x++) {
            counts[nearer(img.getRGB(x, y) & 0xFFFFFF) == RED ? 0 : 1]++;
        }
        return counts;
    }

    /** Which of the two run colours the pixel is nearer to (lines are antialiased and outlined). */
    private static Color nearer(int rgb) {
        return distance(rgb, RED) < distance(rgb, BLUE) ? RED : BLUE;
    }

    private static int distance(int rgb, Color c) {
        int dr = ((rgb >> 16) & 0xFF) - c.getRed();
        int dg = ((rgb >> 8) & 0xFF) - c.getGreen();
        int db = (rgb & 0xFF) - c.getBlue();
        return dr * dr + dg * dg + db * db;
    }

    @Test
    void laterRunsCoverEarlierOnesUnlessTheEarlierIsSelected() {
        assertEquals(BLUE, nearer(centreColour(-1)), "without a selection the last run is on top");
        assertEquals(RED, nearer(centreColour(0)), "the selected first run is on top");
        assertEquals(BLUE, nearer(centreColour(1)), "the selected last run stays on top");
    }

    @Test
    void theSelectedRunsEmphasisDoesNotHideARunOnTheSamePath() {
        for (int selected : new int[] {0, 1}) {
            int[] c = coloursAlongTheSamePath(selected);
            int total = c[0] + c[1];
            assertTrue(c[0] > total / 5, "red shows along the shared path, selected " + selected + ": " + c[0] + " of " + total);
            assertTrue(c[1] > total / 5, "blue shows along the shared path, selected " + selected + ": " + c[1] + " of " + total);
        }
    }
}
