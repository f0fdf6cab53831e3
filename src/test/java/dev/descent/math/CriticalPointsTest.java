package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The stationary points each surface lists are stationary, of the kind they claim, and in view. */
class CriticalPointsTest {

    static Stream<Surface> surfaces() {
        return SurfaceCases.all().stream();
    }

    /**
     * Points at distance ρ around (x, y): 16 on a ring, and 4 along the Hessian's eigenvectors, for
     * saddles whose descending directions are too narrow for the ring (Goldstein–Price's).
     */
    private static double[][] around(double x, double y, double rho, double[] h) {
        double[][] out = new double[20][];
        for (int k = 0; k < 16; k++) {
            double a = 2 * Math.PI * k / 16;
            out[k] = new double[] {x + rho * Math.cos(a), y + rho * Math.sin(a)};
        }
        double t = 0.5 * Math.atan2(2 * h[1], h[0] - h[3]);
        for (int k = 0; k < 4; k++) {
            double a = t + k * Math.PI / 2;
            out[16 + k] = new double[] {x + rho * Math.cos(a), y + rho * Math.sin(a)};
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("surfaces")
    void listedPointsAreStationaryOfTheirKindAndInView(Surface s) {
        List<CriticalPoint> points = s.criticalPoints();
        assertTrue(!points.isEmpty(), s + " lists no critical point");
        double[] g = new double[2];
        double[] h = new double[4];
        for (CriticalPoint cp : points) {
            double x = cp.x();
            double y = cp.y();
            assertTrue(s.defaultViewport().contains(x, y), s + ": " + cp + " is outside the default viewport");
            s.gradient(x, y, g, 0);
            s.hessian(x, y, h);
            // ∇f vanishes up to the rounding of the terms that cancel in it: ~ulp(x)·|Hessian|
            double scale = (Math.abs(h[0]) + Math.abs(h[1]) + Math.abs(h[3])) * (1 + Math.abs(x) + Math.abs(y));
            assertEquals(0, Math.hypot(g[0], g[1]), 1e-13 * scale, s + ": gradient at " + cp);
            double f = s.value(x, y);
            int above = 0;
            int below = 0;
            for (double[] q : around(x, y, 1e-3, h)) {
                double fq = s.value(q[0], q[1]);
                if (fq > f) {
                    above++;
                } else if (fq < f) {
                    below++;
                }
            }
            switch (cp.kind()) {
                case GLOBAL_MINIMUM, LOCAL_MINIMUM -> assertEquals(20, above, s + ": not a minimum: " + cp);
                case MAXIMUM -> assertEquals(20, below, s + ": not a maximum: " + cp);
                case SADDLE -> assertTrue(above > 0 && below > 0, s + ": not a saddle: " + cp);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("surfaces")
    void globalMinimaShareTheLowestValueListed(Surface s) {
        List<CriticalPoint> minima = s.criticalPoints().stream().filter(CriticalPoint::isMinimum).toList();
        if (minima.isEmpty()) {
            return; // the saddles are unbounded below
        }
        double best = minima.stream().filter(c -> c.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM)
                .mapToDouble(c -> s.value(c.x(), c.y())).max().orElseThrow(() -> new AssertionError(s + " has minima but no global one"));
        for (CriticalPoint c : s.criticalPoints()) {
            double f = s.value(c.x(), c.y());
            if (c.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM) {
                assertEquals(best, f, 1e-12 * (1 + Math.abs(best)), s + ": " + c);
            } else {
                assertTrue(f > best, s + ": " + c + " is lower than the global minimum");
            }
        }
    }

    @Test
    void himmelblausMinimaToFullPrecision() {
        // solved independently to 40 digits (mpmath.findroot)
        double[][] expected = {
            {3, 2},
            {-2.8051180869527448531, 3.1313125182505729658},
            {-3.7793102533777468919, -3.2831859912861694123},
            {3.5844283403304917449, -1.8481265269644035535}};
        List<CriticalPoint> minima = Surfaces.create("himmelblau").criticalPoints().stream().filter(CriticalPoint::isMinimum).toList();
        assertEquals(4, minima.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i][0], minima.get(i).x(), 1e-12);
            assertEquals(expected[i][1], minima.get(i).y(), 1e-12);
        }
        assertEquals(0, Surfaces.create("himmelblau").value(minima.get(1).x(), minima.get(1).y()), 1e-25);
    }

    @Test
    void himmelblausMaximumAndSaddles() {
        Surface s = Surfaces.create("himmelblau");
        CriticalPoint max = s.criticalPoints().stream().filter(c -> c.kind() == CriticalPoint.Kind.MAXIMUM).findFirst().orElseThrow();
        assertEquals(-0.27084459066734761304, max.x(), 1e-12);
        assertEquals(-0.92303855647998146313, max.y(), 1e-12);
        assertEquals(181.6165215225827, s.value(max.x(), max.y()), 1e-10);
        assertEquals(4, s.criticalPoints().stream().filter(c -> c.kind() == CriticalPoint.Kind.SADDLE).count());
    }

    @Test
    void sixHumpCamelsGlobalMinimaToFullPrecision() {
        Surface s = Surfaces.create("sixhump_camel");
        List<CriticalPoint> global = s.criticalPoints().stream().filter(c -> c.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM).toList();
        assertEquals(2, global.size());
        assertEquals(0.089842013100318062422, global.get(0).x(), 1e-12);
        assertEquals(-0.7126564030207396334, global.get(0).y(), 1e-12);
        assertEquals(-0.089842013100318062422, global.get(1).x(), 1e-12);
        assertEquals(0.7126564030207396334, global.get(1).y(), 1e-12);
        assertEquals(-1.0316284534898774, s.value(global.get(0).x(), global.get(0).y()), 1e-15);
        assertEquals(15, s.criticalPoints().size(), "6 minima, 7 saddles, 2 maxima");
    }

    @Test
    void goldsteinPricesMinimaAndTheirValues() {
        Surface s = Surfaces.create("goldstein_price");
        double[] values = s.criticalPoints().stream().filter(CriticalPoint::isMinimum).mapToDouble(c -> s.value(c.x(), c.y())).toArray();
        assertEquals(4, values.length);
        assertEquals(3, values[0], 1e-12);
        assertEquals(30, values[1], 1e-10);
        assertEquals(84, values[2], 1e-10);
        assertEquals(840, values[3], 1e-9);
        assertEquals(-0.6, s.criticalPoints().get(1).x(), 1e-14);
        assertEquals(-0.4, s.criticalPoints().get(1).y(), 1e-14);
    }

    @Test
    void rastriginListsOneLocalMinimumPerIntegerPointOfTheViewport() {
        Surface s = Surfaces.create("rastrigin");
        List<CriticalPoint> points = s.criticalPoints();
        assertEquals(121, points.size());
        assertEquals(CriticalPoint.Kind.GLOBAL_MINIMUM, points.get(0).kind());
        assertEquals(120, points.stream().filter(c -> c.kind() == CriticalPoint.Kind.LOCAL_MINIMUM).count());
        for (CriticalPoint c : points) {
            assertEquals(Math.rint(c.x()), c.x(), 0.03, c.toString());
            assertEquals(Math.rint(c.y()), c.y(), 0.03, c.toString());
        }
    }

    @Test
    void cliffsMinimumMovesRightWhenTheFaceEndsNearTheOrigin() {
        double near = Cliff.KIND.create(java.util.Map.of("width", 1.5)).criticalPoints().get(0).x();
        double far = Cliff.KIND.create().criticalPoints().get(0).x();
        assertTrue(near > 0.05, "the face's foot pulls the minimum right: " + near);
        assertTrue(far > 0 && far < 1e-15, "a face ending at x = -1 barely moves it: " + far);
    }
}
