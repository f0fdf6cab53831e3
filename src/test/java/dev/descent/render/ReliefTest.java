package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.ExpressionSurface;
import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.math.Viewport;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 3-D view: where the relief and the runs land, what hides what, and what it shows. */
class ReliefTest {

    private static final Surface BOWL = Surfaces.create("quadratic", Map.of());
    private static final Viewport VIEW = new Viewport(-2.5, 2.5, -1.5, 1.5);
    private static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);

    @Test
    void lookingStraightDownXRunsRightAndYUpAsOnThePlot() {
        ReliefDrawing d = Relief.of(BOWL, VIEW, ColorMap.VIRIDIS, 48).draw(new Camera3D(0, 90, 1), 500, 300, false, false);
        double[] lowerLeft = d.project(-2.5, -1.5, 0);
        double[] lowerRight = d.project(2.5, -1.5, 0);
        double[] upperLeft = d.project(-2.5, 1.5, 0);
        assertTrue(lowerRight[0] > lowerLeft[0] + 100, "x to the right");
        assertEquals(lowerLeft[1], lowerRight[1], 1e-9);
        assertTrue(upperLeft[1] < lowerLeft[1] - 100, "y up (pixel rows run down)");
        assertEquals(lowerLeft[0], upperLeft[0], 1e-6, "no tilt from above");
        // the view's aspect is kept: 5 wide, 3 high
        assertEquals(5.0 / 3, (lowerRight[0] - lowerLeft[0]) / (lowerLeft[1] - upperLeft[1]), 1e-3);
    }

    @Test
    void heightAndColourFollowThePlotsColourScale() {
        Relief r = Relief.of(BOWL, VIEW, ColorMap.VIRIDIS, 48);
        Levels plots = Levels.of(ScalarField.of(BOWL, VIEW, 48, 48), SceneSettings.DEFAULT.levelMode(), SceneSettings.DEFAULT.levelCount());
        assertEquals(plots.isLog(), r.isLog());
        assertEquals(0, r.level(0), "the minimum is the bottom");
        assertEquals(1, r.level(BOWL.value(2.5, 1.5)), 1e-9, "the view's highest corner is the top");
        assertEquals(plots.normalize(2), r.level(2), 1e-12);
        assertEquals(1, r.level(Double.NaN));
        assertEquals(1, r.level(Double.POSITIVE_INFINITY));
        // from above, lit straight on, the bottom of the bowl has the colour map's lowest colour
        ReliefDrawing d = r.draw(new Camera3D(0, 90, 1), 500, 300, true, false);
        double[] bottom = d.project(0, 0, 0);
        int want = ColorMap.VIRIDIS.argb(0);
        int got = d.argbAt((int) bottom[0], (int) bottom[1]);
        for (int shift : new int[] {16, 8, 0}) { // within the half-pixel the mesh rises by
            assertEquals((want >> shift) & 0xFF, (got >> shift) & 0xFF, 2, Integer.toHexString(got));
        }
        double[] corner = d.project(2.4, 1.4, r.level(BOWL.value(2.4, 1.4)));
        int high = d.argbAt((int) corner[0], (int) corner[1]);
        assertTrue(ColorMap.luminance(high) > ColorMap.luminance(want) + 0.2, "the top is the colour map's bright end");
    }

    @Test
    void aPathBehindTheBowlsRimShowsFaintlyAndInFrontInFull() {
        Relief r = Relief.of(BOWL, VIEW, ColorMap.VIRIDIS, 64);
        double[] xs = {0.5, 0.8, 1.1};
        double[] ys = {0, 0, 0};
        double[] fs = {BOWL.value(0.5, 0), BOWL.value(0.8, 0), BOWL.value(1.1, 0)};
        double lifted = Relief.LIFT / Camera3D.HEIGHT + r.level(fs[1]); // where the middle point is drawn
        Relief.Run run = new Relief.Run(ORANGE, "SGD", xs, ys, fs, 3, 0, 2, 1, false, false);
        Style style = Style.forSize(600, 400, 1);

        ReliefDrawing above = r.draw(new Camera3D(0, 90, 1), 600, 400, false, false);
        BufferedImage seen = above.paint(List.of(run), style);
        double[] p = above.project(0.8, 0, lifted);
        assertEquals(ORANGE.getRGB(), seen.getRGB((int) p[0], (int) p[1]), "from above the path is in full colour");

        // nearly level with the rim, looking along y: the rim in front hides the bottom
        ReliefDrawing low = r.draw(new Camera3D(0, 6, 1), 600, 400, false, false);
        BufferedImage hidden = low.paint(List.of(run), style);
        double[] q = low.project(0.8, 0, lifted);
        int px = (int) q[0];
        int py = (int) q[1];
        int shown = hidden.getRGB(px, py);
        int relief = low.argbAt(px, py);
        assertNotEquals(ORANGE.getRGB(), shown, "hidden: not drawn over the rim");
        assertNotEquals(relief, shown, "but faintly there, to be followed");
        assertEquals(ColorMap.lerp(relief, ORANGE.getRGB(), 0.3), shown, "blended once, not once per stamp");
    }

    /**
     * Frame after frame only a run's new steps are drawn; the picture is the one drawn from scratch
     * (but for the few pixels where a new step's dark rim meets the last step's colour), and no
     * head is left behind where the run was.
     */
    @Test
    void aRunDrawnStepByStepLooksAsDrawnAtOnce() {
        Relief r = Relief.of(BOWL, VIEW, ColorMap.VIRIDIS, 48);
        int n = 60;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] fs = new double[n];
        for (int k = 0; k < n; k++) { // a spiral down into the bowl
            double a = 0.3 * k;
            double rad = 2 * Math.exp(-0.03 * k);
            xs[k] = rad * Math.cos(a);
            ys[k] = 0.6 * rad * Math.sin(a);
            fs[k] = BOWL.value(xs[k], ys[k]);
        }
        Style style = Style.forSize(400, 300, 1);
        ReliefDrawing stepwise = r.draw(Camera3D.DEFAULT, 400, 300, true, false);
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB_PRE);
        for (int count = 5; count <= n; count += 5) {
            stepwise.paint(List.of(new Relief.Run(ORANGE, "GD", xs, ys, fs, count, 0, xs[0], ys[0], false, false)), style, img);
        }
        BufferedImage atOnce = r.draw(Camera3D.DEFAULT, 400, 300, true, false)
                .paint(List.of(new Relief.Run(ORANGE, "GD", xs, ys, fs, n, 0, xs[0], ys[0], false, false)), style);
        int differ = 0;
        int orange = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                differ += img.getRGB(x, y) != atOnce.getRGB(x, y) ? 1 : 0;
                orange += atOnce.getRGB(x, y) == ORANGE.getRGB() ? 1 : 0;
            }
        }
        assertTrue(orange > 200, "the path is drawn: " + orange);
        assertTrue(differ < orange / 10, differ + " pixels differ of " + orange + " on the path");
    }

    @Test
    void undefinedValuesAndPointsOutsideTheViewDrawWithoutFailing() {
        Surface log = new ExpressionSurface("log(x) + y**2", VIEW); // NaN where x < 0
        Relief r = Relief.of(log, VIEW, ColorMap.MAGMA, 32);
        double[] xs = {1, 2, 50, Double.NaN, 1.5};
        double[] ys = {0, 0.5, 0, 1, Double.POSITIVE_INFINITY};
        double[] fs = {0, 1, 4, Double.NaN, 1};
        Relief.Run run = new Relief.Run(ORANGE, "Adam", xs, ys, fs, 5, 0, 1, 0, true, true);
        BufferedImage img = r.draw(Camera3D.DEFAULT, 320, 200, true, true).paint(List.of(run), Style.forSize(320, 200, 1, true));
        assertEquals(320, img.getWidth());
        assertEquals(0xFF0D1117, img.getRGB(2, 2), "the dark theme's background");

        // from above: where f is undefined, the plot's grey; the diverged run's ✕ where it was last seen
        ReliefDrawing above = r.draw(new Camera3D(0, 90, 1), 320, 200, false, false);
        double[] undefined = above.project(-2, 0.5, 1);
        assertEquals(ColorMap.BAD_ARGB, above.argbAt((int) undefined[0], (int) undefined[1]));
        Relief.Run gone = new Relief.Run(ORANGE, "SGD", new double[] {1, 2, Double.NaN}, new double[] {0, 0.5, Double.NaN},
                new double[] {0, 1, Double.POSITIVE_INFINITY}, 3, 0, 1, 0, false, true);
        BufferedImage seen = above.paint(List.of(gone), Style.forSize(320, 200, 1));
        double[] lastSeen = above.project(2, 0.5, r.level(1)); // point 1: the last with x, y and f finite
        int red = 0;
        for (int dy = -6; dy <= 6; dy++) {
            for (int dx = -6; dx <= 6; dx++) {
                red += seen.getRGB((int) lastSeen[0] + dx, (int) lastSeen[1] + dy) == MarkerPainter.DIVERGED.getRGB() ? 1 : 0;
            }
        }
        assertTrue(red > 3, "the ✕ of a diverged run: " + red + " red pixels");
    }

    /** A map draped over the relief colours it as the plot paints the map over its own colours, inside the map's view only. */
    @Test
    void aDrapedMapColoursTheReliefInsideItsView() {
        BufferedImage red = new BufferedImage(3, 3, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                red.setRGB(x, y, 0xFFCC0000);
            }
        }
        // the map covers the left half of the view only
        ReliefDrape drape = new ReliefDrape(red, new Viewport(-2.5, 0, -1.5, 1.5), 0.5f,
                List.of(new BasinMapPainter.Entry(0xFFCC0000, "one basin", 9)), 9, "a map");
        Relief r = Relief.of(BOWL, VIEW, ColorMap.VIRIDIS, 49);
        ReliefDrawing d = r.draw(new Camera3D(0, 90, 1), 500, 300, false, false, drape);
        ReliefDrawing plain = r.draw(new Camera3D(0, 90, 1), 500, 300, false, false);
        double[] left = d.project(-1, 0, r.level(BOWL.value(-1, 0)));
        double[] right = d.project(1, 0, r.level(BOWL.value(1, 0)));
        int under = plain.argbAt((int) left[0], (int) left[1]);
        int draped = d.argbAt((int) left[0], (int) left[1]);
        assertTrue((draped >> 16 & 0xFF) > (under >> 16 & 0xFF) + 40 && (draped & 0xFF) < (under & 0xFF) - 20,
                "half red over the relief's colour: " + Integer.toHexString(under) + " → " + Integer.toHexString(draped));
        assertEquals(plain.argbAt((int) right[0], (int) right[1]), d.argbAt((int) right[0], (int) right[1]), "outside the map");
    }

    @Test
    void theCameraWrapsTurnsAndKeepsItsTiltAndZoomInRange() {
        Camera3D c = new Camera3D(170, 35, 1).turned(20, 0);
        assertEquals(-170, c.azimuth(), 1e-9);
        assertEquals(Camera3D.MAX_ELEVATION, c.turned(0, 200).elevation());
        assertEquals(Camera3D.MIN_ELEVATION, c.turned(0, -200).elevation());
        assertEquals(Camera3D.MAX_ZOOM, c.zoomed(100).zoom());
        assertEquals(Camera3D.MIN_ZOOM, c.zoomed(0.001).zoom());
    }

    @Test
    void zoomingInMagnifiesAboutTheCentre() {
        Relief r = Relief.of(BOWL, VIEW, ColorMap.VIRIDIS, 16);
        double[] a = r.draw(Camera3D.DEFAULT, 400, 400, false, false).project(2.5, 1.5, 0);
        double[] b = r.draw(Camera3D.DEFAULT.zoomed(2), 400, 400, false, false).project(2.5, 1.5, 0);
        double[] c = r.draw(Camera3D.DEFAULT, 400, 400, false, false).project(0, 0, 0.5);
        double[] d = r.draw(Camera3D.DEFAULT.zoomed(2), 400, 400, false, false).project(0, 0, 0.5);
        assertEquals(2 * Math.hypot(a[0] - c[0], a[1] - c[1]), Math.hypot(b[0] - d[0], b[1] - d[1]), 1e-6);
    }
}
