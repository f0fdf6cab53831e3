package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Viewport;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lines stroked straight into the pixels ({@link LineRaster}) against Java2D's own round-capped,
 * round-joined stroke of the same path: the same pixels painted up to the anti-aliased fringe, each
 * within a small coverage of Java2D's, and the clip, bands and odd coordinates handled.
 */
class LineRasterTest {

    private static final int W = 240;
    private static final int H = 180;

    /** A polyline through these pixel points (NaN pairs lift the pen). */
    private static Path2D path(double... xy) {
        Path2D.Double p = new Path2D.Double();
        boolean pen = false;
        for (int k = 0; k < xy.length; k += 2) {
            if (Double.isNaN(xy[k])) {
                pen = false;
            } else if (pen) {
                p.lineTo(xy[k], xy[k + 1]);
            } else {
                p.moveTo(xy[k], xy[k + 1]);
                pen = true;
            }
        }
        return p;
    }

    /** A long wandering path of short steps, as a reduced trajectory looks (seeded). */
    private static Path2D wander(long seed, int n) {
        Random r = new Random(seed);
        Path2D.Double p = new Path2D.Double();
        double x = W / 2.0;
        double y = H / 2.0;
        double a = r.nextDouble() * 2 * Math.PI;
        p.moveTo(x, y);
        for (int k = 0; k < n; k++) {
            a += r.nextGaussian() * 0.5;
            double step = 0.6 + r.nextDouble() * 2.5;
            x = Math.max(5, Math.min(W - 5, x + step * Math.cos(a)));
            y = Math.max(5, Math.min(H - 5, y + step * Math.sin(a)));
            p.lineTo(x, y);
        }
        return p;
    }

    private static Graphics2D direct(BufferedImage img) {
        Graphics2D g = DirectPixels.createGraphics(img);
        Style.applyHints(g);
        return g;
    }

    private static BufferedImage image(int type, Color background) {
        BufferedImage img = new BufferedImage(W, H, type);
        if (background != null) {
            Graphics2D g = img.createGraphics();
            g.setComposite(AlphaComposite.Src);
            g.setColor(background);
            g.fillRect(0, 0, W, H);
            g.dispose();
        }
        return img;
    }

    /** Java2D's stroke of the path, into a copy of {@code base}, clipped as asked. */
    private static BufferedImage java2d(BufferedImage base, Shape path, double width, Color c, Shape clip) {
        BufferedImage img = copy(base);
        Graphics2D g = img.createGraphics();
        Style.applyHints(g);
        if (clip != null) {
            g.clip(clip);
        }
        g.setColor(c);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.dispose();
        return img;
    }

    /** The same stroke straight into the pixels, into a copy of {@code base}. */
    private static BufferedImage direct(BufferedImage base, Shape path, double width, Color c, Shape clip) {
        BufferedImage img = copy(base);
        Graphics2D g = direct(img);
        if (clip != null) {
            g.clip(clip);
        }
        LineRaster.Target t = LineRaster.target(g);
        assertNotNull(t, "an int image made by DirectPixels is drawn into directly");
        t.stroke(path, width, c);
        g.dispose();
        return img;
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage img = new BufferedImage(src.getWidth(), src.getHeight(), src.getType());
        img.setData(src.getRaster());
        return img;
    }

    /**
     * The largest difference of any channel between two pixels, premultiplied (what shows over any
     * background: a colour at alpha 1/255 matters little), alpha included.
     */
    private static int diff(int p, int q) {
        int pa = p >>> 24;
        int qa = q >>> 24;
        int d = Math.abs(pa - qa);
        for (int s = 0; s < 24; s += 8) {
            d = Math.max(d, Math.abs(((p >>> s) & 0xFF) * pa - ((q >>> s) & 0xFF) * qa) / 255);
        }
        return d;
    }

    /**
     * Compares two strokes of one path over the pixels either painted: every pixel within {@code max}
     * per channel, on average within {@code mean}, and at most 2 % of them off by more than 32 (an
     * eighth of full coverage).
     */
    private static void assertClose(BufferedImage base, BufferedImage expected, BufferedImage actual, int max, double mean,
            String what) {
        int painted = 0;
        int over = 0;
        long sum = 0;
        int worst = 0;
        int wx = -1;
        int wy = -1;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int b = base.getRGB(x, y);
                int e = expected.getRGB(x, y);
                int a = actual.getRGB(x, y);
                if (e == b && a == b) {
                    continue;
                }
                painted++;
                int d = diff(e, a);
                sum += d;
                over += d > 32 ? 1 : 0;
                if (d > worst) {
                    worst = d;
                    wx = x;
                    wy = y;
                }
            }
        }
        assertTrue(painted > 0, what + ": something is painted");
        assertTrue(worst <= max, what + ": a pixel differs from Java2D's by " + worst + " at " + wx + "," + wy + String.format(": %08X, not %08X", actual.getRGB(wx, wy), expected.getRGB(wx, wy)));
        assertTrue(sum / (double) painted <= mean, what + ": mean difference " + sum / (double) painted + " over " + painted);
        assertTrue(over <= 0.02 * painted, what + ": " + over + " of " + painted + " pixels differ by more than 32");
    }

    @Test
    void strokesCoverThePixelsJava2DsRoundStrokeCovers() {
        Color ink = Color.BLACK;
        BufferedImage clear = image(BufferedImage.TYPE_INT_ARGB, null); // alpha = coverage
        // a path, the largest difference allowed on one pixel, on average
        Object[][] cases = {
            {path(20, 20, 200, 150), 40, 14.0}, // one long diagonal
            {path(10, 90.3, 230, 90.3), 40, 14.0}, // axis-parallel, off the pixel grid (Java2D samples 8 rows a pixel)
            {path(120.5, 5, 120.5, 170), 40, 14.0},
            {path(30, 150, 60, 40, 90, 150, 120, 40), 40, 14.0}, // sharp turns: round joins
            {path(100, 100, 100, 100), 40, 32.0}, // a dot: zero length, round caps
            // crossing itself: at the corners between the arms the union covers more than the nearest arm
            {path(40, 40, 140, 140, 40, 140, 140, 40), 64, 14.0},
            // a crowded trajectory: where two parts of it pass less than a pixel apart, the gap between them
            // is half covered by each and fully by both; the nearest part gives the half (a slightly lighter gap)
            {wander(1, 400), 128, 8.0}, {wander(2, 900), 128, 8.0},
        };
        for (double w : new double[] {1, 2.5, 3.8, 5.3, 9}) {
            for (int k = 0; k < cases.length; k++) {
                Shape p = (Shape) cases[k][0];
                String what = "path " + k + ", width " + w;
                assertClose(clear, java2d(clear, p, w, ink, null), direct(clear, p, w, ink, null), (Integer) cases[k][1],
                        (Double) cases[k][2], what);
            }
        }
    }

    @Test
    void theChainedWalkGivesEveryPixelItsNearestSegmentAsThePlainWalkDoes() {
        // the plain walk looks at every pixel from every segment within reach: the nearest always among them
        BufferedImage clear = image(BufferedImage.TYPE_INT_ARGB, null);
        Path2D odd = path(20, 20, 20, 20, 60, 20, 60, 20, 60, 60, Double.NaN, 0, 90, 90, 90, 90, 150, 30.5, 30, 150.25);
        odd.closePath();
        Shape[] paths = {wander(5, 3000), wander(6, 200), path(30, 150, 60, 40, 90, 150, 120, 40, 121, 41, 119.5, 39),
            path(10, 10, 230, 11, 10, 12, 230, 13), odd, path(-1e6, 50, 1e6, 52, -1e300, 1e300, 120, 90, 121, 90.01)};
        for (double w : new double[] {0.7, 2.5, 5.3}) {
            for (int k = 0; k < paths.length; k++) {
                BufferedImage plain = copy(clear);
                Graphics2D g = direct(plain);
                LineRaster.target(g).strokeCapsules(paths[k], w, Color.BLACK);
                g.dispose();
                BufferedImage chained = direct(clear, paths[k], w, Color.BLACK, null);
                int painted = 0;
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int a = plain.getRGB(x, y) >>> 24;
                        painted += a > 0 ? 1 : 0;
                        assertTrue(Math.abs(a - (chained.getRGB(x, y) >>> 24)) <= 1,
                                "path " + k + ", width " + w + ", pixel " + x + "," + y + ": " + a + " walked plainly, "
                                        + (chained.getRGB(x, y) >>> 24) + " chained");
                    }
                }
                assertTrue(painted > 20, "path " + k + " painted " + painted);
            }
        }
    }

    @Test
    void translucentColoursComposeLikeJava2DOnEveryKindOfIntImage() {
        Color outline = new Color(0x5E, 0x2A, 0x00, 0xE0); // an outline's alpha, as Palette.outline gives
        // sharp turns and a long line apart from them (where a path crosses itself, see above)
        Path2D p = path(30, 150, 60, 40, 90, 150, 120, 40);
        p.append(path(10, 166.5, 230, 162), false);
        Object[][] cases = {
            {BufferedImage.TYPE_INT_RGB, new Color(0x2A, 0x78, 0x8E)},
            {BufferedImage.TYPE_INT_ARGB_PRE, null}, // the window's transparent line layer
            {BufferedImage.TYPE_INT_ARGB_PRE, new Color(20, 200, 120, 128)},
            {BufferedImage.TYPE_INT_ARGB, new Color(20, 200, 120, 128)},
        };
        for (Object[] c : cases) {
            BufferedImage base = image((Integer) c[0], (Color) c[1]);
            String what = "image type " + c[0] + " over " + c[1];
            assertClose(base, java2d(base, p, 5.3, outline, null), direct(base, p, 5.3, outline, null), 40, 4.0, what);
        }
    }

    @Test
    void theClipKeepsExactlyThePixelsJava2DsClipKeeps() {
        BufferedImage clear = image(BufferedImage.TYPE_INT_ARGB, null);
        // a thick line over the whole image, clipped to a box with fractional edges
        Shape thick = path(-50, 90, 300, 90);
        for (Rectangle2D clip : new Rectangle2D[] {
            new Rectangle2D.Double(10.3, 20.7, 100.5, 140.2), new Rectangle2D.Double(0.5, 0.5, 80.49, 99.51),
            new Rectangle2D.Double(-20, -20, 400, 400)}) {
            BufferedImage e = java2d(clear, thick, 400, Color.BLACK, clip);
            BufferedImage a = direct(clear, thick, 400, Color.BLACK, clip);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    assertEquals(e.getRGB(x, y) != 0, a.getRGB(x, y) != 0, "pixel " + x + "," + y + " inside " + clip);
                }
            }
        }
    }

    @Test
    void twoBandsPaintTheOnePassStrokePixelForPixel() {
        BufferedImage base = image(BufferedImage.TYPE_INT_RGB, Color.WHITE);
        Shape p = wander(4, 1500);
        BufferedImage whole = direct(base, p, 4.2, new Color(0xD55E00), null);
        for (int cut : new int[] {1, 37, H / 2, H - 1}) {
            BufferedImage banded = copy(base);
            for (Rectangle2D band : new Rectangle2D[] {new Rectangle2D.Double(0, 0, W, cut), new Rectangle2D.Double(0, cut, W, H - cut)}) {
                Graphics2D g = direct(banded);
                g.clip(band);
                LineRaster.target(g).stroke(p, 4.2, new Color(0xD55E00));
                g.dispose();
            }
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    assertEquals(whole.getRGB(x, y), banded.getRGB(x, y), "pixel " + x + "," + y + ", cut at row " + cut);
                }
            }
        }
    }

    @Test
    void nonFinitePointsLiftThePenAndHugeOnesDrawTheirVisiblePart() {
        BufferedImage clear = image(BufferedImage.TYPE_INT_ARGB, null);
        // a segment to a point at 1e300 along the diagonal is, in the image, the diagonal itself
        Shape far = path(30, 30, 1e300, 1e300);
        Shape near = path(30, 30, 1000, 1000);
        BufferedImage a = direct(clear, far, 3, Color.BLACK, null);
        BufferedImage b = direct(clear, near, 3, Color.BLACK, null);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertTrue(diff(a.getRGB(x, y), b.getRGB(x, y)) <= 2, "pixel " + x + "," + y);
            }
        }
        assertEquals(255, a.getRGB(150, 150) >>> 24, "the diagonal far from its visible start");
        // NaN and infinite points: the segments touching them are left out, the rest drawn
        Path2D odd = new Path2D.Double();
        odd.moveTo(20, 100);
        odd.lineTo(60, 100);
        odd.lineTo(Double.NaN, 100);
        odd.lineTo(100, 100);
        odd.lineTo(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        odd.moveTo(150, 100);
        odd.lineTo(200, 100);
        BufferedImage c = direct(clear, odd, 3, Color.BLACK, null);
        assertEquals(255, c.getRGB(40, 100) >>> 24, "the finite segment before the NaN");
        assertEquals(0, c.getRGB(80, 100) >>> 24, "no segment to or from the NaN point");
        assertEquals(255, c.getRGB(175, 100) >>> 24, "the piece after a move");
        // a path wholly far outside paints nothing
        BufferedImage none = direct(clear, path(-1e300, -1e300, -1e300, 1e300), 3, Color.BLACK, null);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertEquals(0, none.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aZeroLengthSegmentIsARoundDot() {
        BufferedImage clear = image(BufferedImage.TYPE_INT_ARGB, null);
        BufferedImage dot = direct(clear, path(100.5, 80.5, 100.5, 80.5), 9, Color.BLACK, null);
        int painted = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int a = dot.getRGB(x, y) >>> 24;
                double d = Math.hypot(x - 100, y - 80);
                if (d <= 3.5) {
                    assertEquals(255, a, "inside the dot at " + x + "," + y);
                }
                if (d >= 5.5) {
                    assertEquals(0, a, "outside the dot at " + x + "," + y);
                }
                painted += a > 0 ? 1 : 0;
            }
        }
        // a disc of diameter 9 covers ~64 pixels, its fringe a few more
        assertTrue(painted >= 60 && painted <= 90, "pixels painted: " + painted);
    }

    @Test
    void graphicsTheRasterCannotReproduceAreLeftToJava2D() {
        BufferedImage rgb = image(BufferedImage.TYPE_INT_RGB, Color.WHITE);
        Graphics2D plain = rgb.createGraphics();
        Style.applyHints(plain);
        assertNull(LineRaster.target(plain), "a Graphics2D not made by DirectPixels (SVG, printing, g.create())");
        Graphics2D copy = (Graphics2D) direct(rgb).create();
        assertNull(LineRaster.target(copy), "a copy of one");
        Graphics2D scaled = direct(rgb);
        scaled.scale(2, 2);
        assertNull(LineRaster.target(scaled), "a transformed Graphics2D");
        Graphics2D round = direct(rgb);
        round.clip(new Ellipse2D.Double(0, 0, 100, 100));
        assertNull(LineRaster.target(round), "a clip that is not a rectangle");
        Graphics2D faded = direct(rgb);
        faded.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.5f));
        assertNull(LineRaster.target(faded), "a translucent composite");
        Graphics2D unhinted = DirectPixels.createGraphics(rgb);
        assertNull(LineRaster.target(unhinted), "without anti-aliasing and pure strokes");
        Graphics2D bytes = direct(image(BufferedImage.TYPE_3BYTE_BGR, Color.WHITE));
        assertNull(LineRaster.target(bytes), "an image not packed in ints");
        assertNotNull(LineRaster.target(direct(rgb)), "and the one it draws into");

        // the painter still draws the line through such a Graphics2D, where it belongs
        PlotTransform t = new PlotTransform(new Viewport(0, 10, 0, 10), 0, 0, W / 2.0, H / 2.0);
        Style s = Style.forSize(W, H, 1);
        Shape line = path(t.toPixelX(1), t.toPixelY(5), t.toPixelX(9), t.toPixelY(5));
        scaled.setClip(null);
        TrajectoryPainter.paintLine(scaled, t, line, line, new Color(0x0072B2), 3, s);
        int row = (int) (2 * t.toPixelY(5));
        assertEquals(new Color(0x0072B2).getRGB(), rgb.getRGB((int) (2 * t.toPixelX(5)), row), "the line at twice its place");
        assertEquals(Color.WHITE.getRGB(), rgb.getRGB((int) t.toPixelX(5), (int) t.toPixelY(8)), "nothing elsewhere");
    }
}
