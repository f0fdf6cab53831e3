package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stationary point inside a surface's default view is listed: Newton's method on ∇f = 0 from a
 * grid of starts finds the stationary points numerically, and each one found must be near a listed
 * point. (The other test checks the converse: listed points are stationary.) The two egg boxes,
 * Rastrigin and Ackley, list every minimum but not the hundreds of saddles and maxima between their
 * dimples, which would bury the view in markers; for them only the minima must be complete.
 */
class CriticalPointsCompleteTest {

    private static final java.util.Set<String> EGG_BOXES = java.util.Set.of("rastrigin", "ackley");

    private static boolean isMinimum(Surface s, double[] p) {
        double[] h = new double[4];
        s.hessian(p[0], p[1], h);
        return h[0] > 0 && h[0] * h[3] - h[1] * h[2] > 0;
    }

    static Stream<Surface> surfaces() {
        return SurfaceCases.all().stream();
    }

    /** Newton on ∇f = 0 from (x, y); null unless it settles on a point with ‖∇f‖ tiny inside the view. */
    static double[] stationaryFrom(Surface s, double x, double y) {
        double[] g = new double[2];
        double[] h = new double[4];
        Viewport v = s.defaultViewport();
        for (int i = 0; i < 100; i++) {
            s.gradient(x, y, g, 0);
            s.hessian(x, y, h);
            double det = h[0] * h[3] - h[1] * h[2];
            if (!(Math.abs(det) > 0) || !Double.isFinite(det)) {
                return null;
            }
            double dx = (h[3] * g[0] - h[1] * g[1]) / det;
            double dy = (h[0] * g[1] - h[2] * g[0]) / det;
            x -= dx;
            y -= dy;
            if (!v.contains(x, y)) {
                return null;
            }
            if (Math.hypot(dx, dy) < 1e-12 * (1 + Math.hypot(x, y))) {
                s.gradient(x, y, g, 0);
                s.hessian(x, y, h);
                double scale = Math.abs(h[0]) + Math.abs(h[1]) + Math.abs(h[3]);
                // a stationary point with a non-singular Hessian (degenerate ones are found by the listing itself)
                double curvatureDet = Math.abs(h[0] * h[3] - h[1] * h[2]);
                if (Math.hypot(g[0], g[1]) <= 1e-9 * (1 + scale) && curvatureDet > 1e-6 * scale * scale) {
                    return new double[] {x, y};
                }
                return null;
            }
        }
        return null;
    }

    @ParameterizedTest
    @MethodSource("surfaces")
    void everyStationaryPointInViewIsListed(Surface s) {
        Viewport v = s.defaultViewport();
        int n = 60;
        double tol = 1e-4 * Math.max(v.width(), v.height());
        List<String> missing = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double x = v.xMin() + v.width() * i / n;
                double y = v.yMin() + v.height() * j / n;
                double[] p = stationaryFrom(s, x, y);
                if (p == null || EGG_BOXES.contains(s.id()) && !isMinimum(s, p)) {
                    continue;
                }
                boolean listed = s.criticalPoints().stream().anyMatch(c -> Math.hypot(c.x() - p[0], c.y() - p[1]) <= tol);
                String where = String.format("(%.6f, %.6f)", p[0], p[1]);
                if (!listed && !missing.contains(where)) {
                    missing.add(where);
                }
            }
        }
        assertTrue(missing.isEmpty(), s + " does not list the stationary points " + missing);
    }
}
