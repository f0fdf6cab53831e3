package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Viewport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrajectoryPainterTest {

    private static final int W = 400;
    private static final int H = 300;
    private static final Color RUN = new Color(0x00, 0x72, 0xB2);
    private static final PlotTransform T = new PlotTransform(new Viewport(0, 10, 0, 10), 0, 0, W, H);
    private static final Style S = Style.forSize(W, H, 1);

    private static BufferedImage paint(TrajectorySnapshot run, TrajectoryPainter.Markers markers) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        Style.applyHints(g);
        TrajectoryPainter.paint(g, T, run, 3f, markers, S);
        g.dispose();
        return img;
    }

    private static boolean isRun(BufferedImage img, double px, double py) {
        int c = img.getRGB((int) px, (int) py) & 0xFFFFFF;
        return near(c, RUN.getRGB() & 0xFFFFFF, 40);
    }

    private static boolean isWhite(BufferedImage img, int px, int py) {
        return (img.getRGB(px, py) & 0xFFFFFF) == 0xFFFFFF;
    }

    @Test
    void anUphillStepIsMarkedWhereItsCoordinatesSay() {
        // a flat path along y = 5; only the step to (5, 5) raised f
        double[] xs = {1, 3, 5, 7, 9};
        double[] ys = {5, 5, 5, 5, 5};
        double[] uphill = {Double.NaN, 0, 1, 0, 0};
        BufferedImage marked = paint(TrajectorySnapshot.of(RUN, "a", xs, ys, 5).withUphill(uphill),
                TrajectoryPainter.Markers.NONE);
        BufferedImage plain = paint(TrajectorySnapshot.of(RUN, "a", xs, ys, 5), TrajectoryPainter.Markers.NONE);
        int py = (int) T.toPixelY(5);
        // the triangle's upper half rises above the line, which is about 3 px thick
        int above = py - 4;
        assertTrue(isWhite(plain, (int) T.toPixelX(5), above), "no mark without the flags");
        assertFalse(isWhite(marked, (int) T.toPixelX(5), above), "the uphill step at x=5 is marked");
        assertTrue(isRun(marked, T.toPixelX(5), py - 2.5) || !isWhite(marked, (int) T.toPixelX(5), py - 2),
                "the mark is in the run's colour");
        for (double x : new double[] {1, 3, 7, 9}) {
            assertTrue(isWhite(marked, (int) T.toPixelX(x), above), "no mark at x=" + x);
        }
    }

    @Test
    void uphillMarksAreBoundedByThePlotsCellsHoweverManySteps() {
        // Newton oscillating uphill forever: a million flagged steps over a few pixels
        PathTracer tr = new PathTracer(T);
        for (int i = 0; i < 1_000_000; i++) {
            double wobble = (i % 2 == 0 ? 1 : -1) * 1e-3 * (i % 7);
            tr.add(5 + wobble, 5 - wobble, i % 2 == 1);
        }
        UphillMarks m = tr.uphillMarks();
        assertTrue(m.count() >= 1 && m.count() <= 4, "one mark per cell, got " + m.count());
        assertTrue(m.maxCount() <= (W / UphillMarks.CELL + 1) * (H / UphillMarks.CELL + 1));
        // a mark stands where its step ended
        assertEquals(T.toPixelX(5 - 1e-3), m.pixelX(0), 1e-9); // the first flagged step, i = 1
        assertEquals(T.toPixelY(5 + 1e-3), m.pixelY(0), 1e-9);
        tr.reset();
        assertEquals(0, tr.uphillMarks().count());
    }

    @Test
    void theLineIsDrawnWhereItsCoordinatesSay() {
        double[] xs = {1, 5, 9};
        double[] ys = {2, 8, 2};
        BufferedImage img = paint(TrajectorySnapshot.of(RUN, "a", xs, ys, 3), TrajectoryPainter.Markers.NONE);
        for (int k = 0; k < 2; k++) {
            for (double t : new double[] {0.25, 0.5, 0.75}) {
                double x = xs[k] + t * (xs[k + 1] - xs[k]);
                double y = ys[k] + t * (ys[k + 1] - ys[k]);
                assertTrue(isRun(img, T.toPixelX(x), T.toPixelY(y)), "on segment " + k + " at t=" + t);
            }
        }
        // far from the path: untouched
        assertTrue(isWhite(img, (int) T.toPixelX(5), (int) T.toPixelY(1)));
        assertTrue(isWhite(img, (int) T.toPixelX(1), (int) T.toPixelY(9)));
        assertTrue(isWhite(img, (int) T.toPixelX(9), (int) T.toPixelY(9)));
        // only the run's colour and its outline are used near the path
        int count = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (!isWhite(img, x, y)) {
                    count++;
                }
            }
        }
        assertTrue(count > 500 && count < 8000, "painted pixels: " + count);
    }

    @Test
    void headAndStartMarkersSitOnTheirPoints() {
        double[] xs = {2, 8};
        double[] ys = {5, 5};
        BufferedImage img = paint(TrajectorySnapshot.of(RUN, "a", xs, ys, 2), TrajectoryPainter.Markers.ALL);
        // head: a filled disc in the run colour at (8, 5), a little off the line
        assertTrue(isRun(img, T.toPixelX(8), T.toPixelY(5) - 2));
        assertFalse(isRun(img, T.toPixelX(5), T.toPixelY(5) - 2), "the line itself is thinner than the head");
        // start: a hollow square around (2, 5), 3.3 px from its centre at this size
        double sx = T.toPixelX(2);
        double sy = T.toPixelY(5);
        assertFalse(isWhite(img, (int) (sx - 3.3), (int) (sy - 3.3)));
        assertFalse(isWhite(img, (int) (sx + 3.3), (int) (sy + 3.3)));
        assertTrue(isWhite(img, (int) (sx - 8), (int) (sy - 8)));
    }

    @Test
    void aNonFinitePointStopsTheLine() {
        double[] xs = {1, 3, Double.NaN, 9};
        double[] ys = {5, 5, 5, 5};
        BufferedImage[] img = new BufferedImage[1];
        assertDoesNotThrow(() -> img[0] = paint(TrajectorySnapshot.of(RUN, "a", xs, ys, 4), TrajectoryPainter.Markers.ALL));
        assertTrue(isRun(img[0], T.toPixelX(2), T.toPixelY(5)));
        for (double x = 4; x <= 9; x += 0.5) {
            assertFalse(isRun(img[0], T.toPixelX(x), T.toPixelY(5)), "nothing drawn at x=" + x);
        }
        // the diverged marker, red, at the last finite point (3, 5)
        int c = img[0].getRGB((int) T.toPixelX(3) + 3, (int) T.toPixelY(3) + 0) & 0xFFFFFF;
        int m = img[0].getRGB((int) T.toPixelX(3), (int) T.toPixelY(5)) & 0xFFFFFF;
        assertTrue(near(m, MarkerPainter.DIVERGED.getRGB() & 0xFFFFFF, 60) || near(c, MarkerPainter.DIVERGED.getRGB() & 0xFFFFFF, 60),
                String.format("#%06X", m));
        TrajectoryPainter.Traced t = TrajectoryPainter.trace(T, xs, ys, 0, 4);
        assertEquals(1, t.lastFinite());
        assertTrue(t.hitNonFinite());
    }

    @Test
    void hugeCoordinatesNeitherHangNorThrow() {
        double[] xs = {1, 1e300, 2, -1e308, 1e308, 3, Double.MAX_VALUE, 5};
        double[] ys = {1, 1e300, 2, 1e308, -1e308, 3, -Double.MAX_VALUE, 5};
        BufferedImage img = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> paint(TrajectorySnapshot.of(RUN, "a", xs, ys, xs.length), TrajectoryPainter.Markers.ALL));
        // the in-view pieces are still there: from (1,1) towards the far point, and (2,2)→(…)
        assertTrue(isRun(img, T.toPixelX(1.5), T.toPixelY(1.5)));
        // a head far away shows as an arrow at the edge, not a crash
        double[] far = {5, 1e300};
        double[] fy = {5, 5};
        assertDoesNotThrow(() -> paint(TrajectorySnapshot.of(RUN, "a", far, fy, 2), TrajectoryPainter.Markers.ALL));
    }

    @Test
    void aLongRunIsThinnedButEndsAtItsHead() {
        int n = 1_000_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) n;
            xs[i] = 1 + 8 * t;
            ys[i] = 5 + 3 * Math.sin(6 * t);
        }
        TrajectoryPainter.Traced t = TrajectoryPainter.trace(T, xs, ys, 0, n);
        assertEquals(n - 1, t.lastFinite());
        var it = t.path().getPathIterator(null);
        int segs = 0;
        double[] c = new double[6];
        double lx = 0;
        double ly = 0;
        while (!it.isDone()) {
            it.currentSegment(c);
            lx = c[0];
            ly = c[1];
            segs++;
            it.next();
        }
        assertTrue(segs < 5000, "segments: " + segs);
        assertEquals(T.toPixelX(xs[n - 1]), lx, 1e-6);
        assertEquals(T.toPixelY(ys[n - 1]), ly, 1e-6);
    }

    @Test
    void trailShowsOnlyTheLastPoints() {
        double[] xs = {1, 3, 5, 7, 9};
        double[] ys = {5, 5, 5, 5, 5};
        BufferedImage img = paint(TrajectorySnapshot.of(RUN, "a", xs, ys, 5).withTrail(2), TrajectoryPainter.Markers.NONE);
        assertFalse(isRun(img, T.toPixelX(2), T.toPixelY(5)));
        assertTrue(isRun(img, T.toPixelX(8), T.toPixelY(5)));
    }

    @Test
    void theRunPaletteHasEightDistinctColoursOkabeItoWithWhiteForBlack() {
        java.util.List<String> c = dev.descent.session.Palette.RUN_COLORS;
        assertEquals(8, c.size());
        assertEquals(8, c.stream().map(String::toUpperCase).distinct().count());
        assertEquals(java.util.Set.of("#E69F00", "#56B4E9", "#F0E442", "#D55E00", "#009E73", "#CC79A7", "#FFFFFF", "#0072B2"),
                java.util.Set.copyOf(c));
    }

    static boolean near(int a, int b, int tol) {
        for (int s : new int[] {0, 8, 16}) {
            if (Math.abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)) > tol) {
                return false;
            }
        }
        return true;
    }
}
