package dev.descent.math.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.math.CriticalPoint;
import dev.descent.math.ExpressionSurface;
import dev.descent.math.ParamSpec;
import dev.descent.math.Rosenbrock;
import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.math.Viewport;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The custom surface: its settings, its refusals, its agreement with Rosenbrock, and evaluation without allocation. */
class ExpressionSurfaceTest {

    @Test
    void theDefaultIsRosenbrockWritten() {
        Surface s = Surfaces.create("custom");
        assertEquals("custom", s.id());
        assertEquals("f = (1 - x)^2 + 100*(y - x^2)^2", s.formula());
        assertEquals(new Viewport(-2, 2, -1, 3), s.defaultViewport());
        assertEquals(List.of(new CriticalPoint(1, 1, CriticalPoint.Kind.GLOBAL_MINIMUM)), s.criticalPoints(),
                "found numerically: Rosenbrock's only stationary point");
        Rosenbrock r = new Rosenbrock();
        double[] g1 = new double[2];
        double[] g2 = new double[2];
        double[] h1 = new double[4];
        double[] h2 = new double[4];
        for (double x = -2; x <= 2; x += 0.37) {
            for (double y = -1; y <= 3; y += 0.41) {
                assertEquals(r.value(x, y), s.value(x, y), 0.0);
                r.gradient(x, y, g1, 0);
                s.gradient(x, y, g2, 0);
                assertArrayEquals(g1, g2, 1e-12 * (Math.abs(g1[0]) + Math.abs(g1[1])));
                r.hessian(x, y, h1);
                s.hessian(x, y, h2);
                assertArrayEquals(h1, h2, 1e-12 * (Math.abs(h1[0]) + 400));
            }
        }
    }

    @Test
    void himmelblausStationaryPointsAreFound() {
        Surface s = Surfaces.create("custom", Map.of("expr", "(x**2 + y - 11)**2 + (x + y**2 - 7)**2",
                "x_min", -5, "x_max", 5, "y_min", -5, "y_max", 5));
        List<CriticalPoint> found = s.criticalPoints();
        List<CriticalPoint> listed = Surfaces.create("himmelblau").criticalPoints();
        assertEquals(listed.size(), found.size(), found.toString());
        for (CriticalPoint c : listed) {
            CriticalPoint.Kind kind = c.kind();
            assertTrue(found.stream().anyMatch(f -> f.kind() == kind && Math.hypot(f.x() - c.x(), f.y() - c.y()) < 1e-12),
                    c + " in " + found);
        }
        assertEquals(List.of(), Surfaces.create("custom", Map.of("expr", "x + y")).criticalPoints());
    }

    @Test
    void settingsGiveTheFormulaAndTheView() {
        Surface s = Surfaces.create("custom", Map.of("expr", "x^2 + 3*y^2", "x_min", "-5", "x_max", 5, "y_min", -4, "y_max", 4));
        assertEquals(ParamSpec.Type.TEXT, Surfaces.find("custom").params().get(0).type());
        assertEquals("x^2 + 3*y^2", s.parameters().text("expr"));
        assertEquals(new Viewport(-5, 5, -4, 4), s.defaultViewport());
        assertEquals(1 + 3 * 4, s.value(1, 2), 0);
        assertEquals("custom(expr=x^2 + 3*y^2 x_min=-5 x_max=5 y_min=-4 y_max=4)", s.toString());
        Surface again = Surfaces.create("custom", s.parameters().asMap());
        assertEquals(s.parameters(), again.parameters());
        assertEquals("f = x + y", Surfaces.create("custom", Map.of("expr", "f = x + y")).formula());
    }

    @Test
    void badSettingsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Surfaces.create("custom", Map.of("x_min", 3, "x_max", 1)));
        assertEquals("custom surface needs x_min < x_max, got x_min=3.0, x_max=1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Surfaces.create("custom", Map.of("y_max", -1)));
        assertEquals("custom surface needs y_min < y_max, got y_min=-1.0, y_max=-1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Surfaces.create("custom", Map.of("y_max", "inf")));
        assertTrue(e.getMessage().startsWith("custom surface needs finite view bounds"), e.getMessage());
        ExpressionException x = assertThrows(ExpressionException.class, () -> Surfaces.create("custom", Map.of("expr", "x^2 + 3y")));
        assertEquals("Invalid formula 'x^2 + 3y': at column 8: expected an operator or end of input but found 'y'"
                + " (implicit multiplication is not allowed: write * between factors, as in 2*x)", x.getMessage());
        assertEquals(8, x.column());
        e = assertThrows(IllegalArgumentException.class, () -> Surfaces.create("custom", Map.of("expr", List.of(1, 2))));
        assertEquals("Invalid value for expr: '[1, 2]' is not text", e.getMessage());
    }

    @Test
    void evaluationAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        long id = Thread.currentThread().getId();
        Surface s = new ExpressionSurface("-20*exp(-0.2*sqrt(0.5*(x**2 + y**2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20"
                + " + min(x, y)/(1 + x**2) + 2**y + x**y");
        double[] g = new double[2];
        double[] h = new double[4];
        double sink = 0;
        for (int i = 0; i < 20_000; i++) {
            double x = 0.1 + (i % 100) * 0.01;
            sink += s.value(x, 0.5) + g[0] + h[0];
            s.gradient(x, 0.5, g, 0);
            s.hessian(x, 0.5, h);
        }
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10_000; i++) {
            double x = 0.1 + (i % 100) * 0.01;
            sink += s.value(x, 0.5) + g[0] + h[0];
            s.gradient(x, 0.5, g, 0);
            s.hessian(x, 0.5, h);
        }
        long after = mx.getThreadAllocatedBytes(id);
        assertTrue(after - before < 10_000, "allocated " + (after - before) + " bytes in 30000 evaluations");
        assertTrue(Double.isFinite(sink));
    }

    /** Several threads (the simulation and the contour painters) may evaluate one surface at once. */
    @Test
    void threadsEvaluateOneSurfaceAtOnce() throws Exception {
        Surface s = new ExpressionSurface("sin(3*x)*cos(2*y) + x**2*y - sqrt(1 + x**2 + y**4)");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    double[] g = new double[2];
                    for (int i = 0; i < 200_000; i++) {
                        double x = (i % 997) / 300.0 - 1.5;
                        double y = (i % 991) / 300.0 - 1.5;
                        s.gradient(x, y, g, 0);
                        double want = 3 * Math.cos(3 * x) * Math.cos(2 * y) + 2 * x * y - x / Math.sqrt(1 + x * x + y * y * y * y);
                        if (Math.abs(g[0] - want) > 1e-12 * (1 + Math.abs(want))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
