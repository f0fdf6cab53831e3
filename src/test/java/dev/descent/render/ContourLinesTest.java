package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Viewport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContourLinesTest {

    private static final Viewport SQUARE = new Viewport(-2, 2, -2, 2);

    @Test
    void aCircleAtRadiusR() {
        ScalarField f = new ScalarField().sample((x, y) -> x * x + y * y, SQUARE, 201, 201);
        double[] radii = {0.5, 1.0, 1.7};
        Levels levels = Levels.linear(0, 4, 1); // placeholder, replaced below
        for (double r : radii) {
            levels = levelsAt(r * r);
            ContourLines c = ContourLines.trace(f, levels);
            List<ContourLines.Polyline> lines = c.lines(0);
            assertEquals(1, lines.size(), "one closed line at r=" + r);
            ContourLines.Polyline p = lines.get(0);
            assertTrue(p.closed());
            assertEquals(p.x(0), p.x(p.size() - 1));
            assertEquals(p.y(0), p.y(p.size() - 1));
            double h = f.dx();
            for (int k = 0; k < p.size(); k++) {
                double d = Math.hypot(p.x(k), p.y(k));
                // linear interpolation of r² along an edge of length h errs by at most h²/(8r)
                assertEquals(r, d, h * h / (8 * r) + 1e-12, "point " + k + " at r=" + r);
            }
            // the polygon goes all the way round: its area is about πr²
            assertEquals(Math.PI * r * r, Math.abs(area(p)), 0.01 * Math.PI * r * r);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 9, 37, 64, 101, 257, 600})
    void concentricCirclesAreEachOneClosedLineOnAnyGrid(int n) {
        // grid sizes put the strip boundaries of the parallel tracer anywhere
        ScalarField f = new ScalarField().sample((x, y) -> Math.sqrt(x * x + y * y), SQUARE, n, n);
        Levels levels = Levels.linear(0, 2, 7); // radii 0.25, 0.5, …, 1.75
        ContourLines c = ContourLines.trace(f, levels);
        double h = f.dx();
        for (int k = 0; k < levels.count(); k++) {
            double r = levels.value(k);
            if (r < 1.5 * h) {
                continue; // smaller than a cell or two: not a fair circle
            }
            List<ContourLines.Polyline> lines = c.lines(k);
            assertEquals(1, lines.size(), "level " + k + " (r=" + r + ") on " + n + "²");
            assertTrue(lines.get(0).closed());
            ContourLines.Polyline p = lines.get(0);
            for (int q = 1; q < p.size(); q++) {
                double step = Math.hypot(p.x(q) - p.x(q - 1), p.y(q) - p.y(q - 1));
                assertTrue(step <= h * Math.sqrt(2) + 1e-12, "consecutive points lie in one cell");
            }
        }
    }

    @Test
    void circlesCutByTheViewAreOpenLines() {
        ScalarField f = new ScalarField().sample((x, y) -> x * x + y * y, new Viewport(0, 2, 0, 2), 101, 101);
        ContourLines c = ContourLines.trace(f, levelsAt(1));
        assertEquals(1, c.lines(0).size());
        ContourLines.Polyline p = c.lines(0).get(0);
        assertFalse(p.closed());
        // ends on the two axes
        double[] ends = {p.x(0), p.y(0), p.x(p.size() - 1), p.y(p.size() - 1)};
        assertEquals(0, Math.min(Math.min(Math.abs(ends[0]), Math.abs(ends[1])), 1e9), 1e-12);
        assertEquals(0, Math.min(Math.abs(ends[2]), Math.abs(ends[3])), 1e-12);
    }

    @Test
    void aLevelOutsideTheRangeGivesNoLines() {
        ScalarField f = new ScalarField().sample((x, y) -> x * x + y * y, SQUARE, 101, 101);
        ContourLines above = ContourLines.trace(f, levelsAt(100));
        assertTrue(above.lines(0).isEmpty());
        ContourLines below = ContourLines.trace(f, levelsAt(-1));
        assertTrue(below.lines(0).isEmpty());
        assertEquals(0, below.pointCount());
    }

    @Test
    void everyPointLiesOnItsLevel() {
        var rosen = dev.descent.math.Surfaces.create("rosenbrock");
        ScalarField f = ScalarField.of(rosen, rosen.defaultViewport(), 400, 400);
        Levels levels = Levels.of(f, Levels.Mode.LOG, 15);
        ContourLines c = ContourLines.trace(f, levels);
        int lines = 0;
        for (int k = 0; k < levels.count(); k++) {
            for (ContourLines.Polyline p : c.lines(k)) {
                lines++;
                for (int q = 0; q < p.size(); q++) {
                    assertEquals(levels.value(k), f.interpolate(p.x(q), p.y(q)), 1e-9 * (1 + levels.value(k)));
                }
            }
        }
        assertTrue(lines >= levels.count());
    }

    @Test
    void saddleCellsAreResolvedByTheCentre() {
        // f = x·y has a saddle at the origin; the level 0.01 gives two separate branches, never a cross
        ScalarField f = new ScalarField().sample((x, y) -> x * y, new Viewport(-1, 1, -1, 1), 4, 4);
        ContourLines c = ContourLines.trace(f, levelsAt(0.01));
        assertEquals(2, c.lines(0).size());
        for (ContourLines.Polyline p : c.lines(0)) {
            assertFalse(p.closed());
            for (int q = 0; q < p.size(); q++) {
                // each branch stays in one quadrant pair: x and y of the same sign
                assertTrue(p.x(q) * p.y(q) >= 0, "point (" + p.x(q) + ", " + p.y(q) + ")");
            }
        }
    }

    @Test
    void linesStopAtNonFiniteRegions() {
        ScalarField f = new ScalarField().sample((x, y) -> x > 0.5 ? Double.NaN : x * x + y * y, SQUARE, 101, 101);
        ContourLines c = ContourLines.trace(f, levelsAt(1));
        assertFalse(c.lines(0).isEmpty());
        for (ContourLines.Polyline p : c.lines(0)) {
            assertFalse(p.closed());
            for (int q = 0; q < p.size(); q++) {
                assertTrue(p.x(q) <= 0.5 + 1e-9);
            }
        }
    }

    @Test
    void tiledDrawingMatchesDrawingThroughOneGraphics() {
        var rosen = dev.descent.math.Surfaces.create("rosenbrock");
        ScalarField f = ScalarField.of(rosen, rosen.defaultViewport(), 300, 300);
        Levels levels = Levels.of(f, Levels.Mode.LOG, 25);
        ContourLines c = ContourLines.trace(f, levels);
        PlotTransform t = new PlotTransform(f.viewport(), 30.5, 20, 520, 400);
        java.awt.image.BufferedImage a = new java.awt.image.BufferedImage(600, 450, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.image.BufferedImage b = new java.awt.image.BufferedImage(600, 450, java.awt.image.BufferedImage.TYPE_INT_RGB);
        FieldRaster.paint(f, levels, ColorMap.VIRIDIS, FieldRaster.Fill.BANDS, t, a);
        FieldRaster.paint(f, levels, ColorMap.VIRIDIS, FieldRaster.Fill.BANDS, t, b);
        java.awt.Graphics2D g = a.createGraphics();
        Style.applyHints(g);
        c.paint(g, t, ColorMap.VIRIDIS, 0.9f);
        g.dispose();
        c.paint(b, t, ColorMap.VIRIDIS, 0.9f);
        int differ = 0;
        int maxDiff = 0;
        for (int y = 0; y < 450; y++) {
            for (int x = 0; x < 600; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                if (p != q) {
                    differ++;
                    for (int sh : new int[] {0, 8, 16}) {
                        maxDiff = Math.max(maxDiff, Math.abs(((p >> sh) & 0xFF) - ((q >> sh) & 0xFF)));
                    }
                }
            }
        }
        assertTrue(differ < 200 && maxDiff <= 40, differ + " pixels differ, by up to " + maxDiff);
    }

    @Test
    void douglasPeuckerKeepsEndsAndDropsCollinearPoints() {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {0, 0.01, 0, -0.01, 3, 3};
        boolean[] keep = new boolean[6];
        int n = ContourLines.douglasPeucker(x, y, 6, 0.1, keep, new int[12]);
        assertTrue(keep[0] && keep[5]);
        assertFalse(keep[1] || keep[2]);
        assertTrue(keep[4]);
        assertEquals(n, (int) java.util.stream.IntStream.range(0, 6).filter(i -> keep[i]).count());
    }

    /** Levels whose single level is exactly v. */
    private static Levels levelsAt(double v) {
        // one level is at the middle of (lo, hi)
        return Levels.linear(v - 1, v + 1, 1);
    }

    private static double area(ContourLines.Polyline p) {
        double a = 0;
        for (int k = 0; k + 1 < p.size(); k++) {
            a += p.x(k) * p.y(k + 1) - p.x(k + 1) * p.y(k);
        }
        return a / 2;
    }
}
