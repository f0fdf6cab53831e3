package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Surfaces that are sums of squares: residuals, Jacobian and gradient tell the same story. */
class LeastSquaresProperties {

    private static final double H = 1e-3;

    @Provide
    Arbitrary<Surface> sumsOfSquares() {
        return Arbitraries.of(SurfaceCases.all().stream().filter(s -> s instanceof LeastSquares).toList());
    }

    @Test
    void theClassicSumsOfSquaresSayTheyAreOne() {
        List<String> ids = SurfaceCases.all().stream().filter(s -> s instanceof LeastSquares).map(Surface::id).distinct().toList();
        assertEquals(List.of("quadratic", "rosenbrock", "beale", "himmelblau", "booth"), ids);
    }

    private static double[] point(Surface s, double u, double v) {
        Viewport vp = s.defaultViewport();
        return new double[] {vp.xMin() + u * vp.width(), vp.yMin() + v * vp.height()};
    }

    @Property
    void sumOfSquaredResidualsIsTheValue(@ForAll("sumsOfSquares") Surface s,
                                         @ForAll @DoubleRange(min = 0, max = 1) double u,
                                         @ForAll @DoubleRange(min = 0, max = 1) double v) {
        LeastSquares ls = (LeastSquares) s;
        double[] p = point(s, u, v);
        double[] r = new double[ls.residualCount()];
        ls.residuals(p, r);
        double sum = 0;
        for (double ri : r) {
            sum += ri * ri;
        }
        // both sides add non-negative terms, each within a few ulps of the other's
        assertEquals(s.value(p), sum, 1e-14 * sum + Double.MIN_NORMAL, () -> s + " at " + p[0] + ", " + p[1]);
    }

    @Property
    void jacobianMatchesFiniteDifferencesOfTheResiduals(@ForAll("sumsOfSquares") Surface s,
                                                        @ForAll @DoubleRange(min = 0, max = 1) double u,
                                                        @ForAll @DoubleRange(min = 0, max = 1) double v) {
        LeastSquares ls = (LeastSquares) s;
        int m = ls.residualCount();
        double[] p = point(s, u, v);
        double[] j = new double[2 * m];
        ls.jacobian(p, j);
        for (int col = 0; col < 2; col++) {
            double[][] r = new double[4][m];
            double[] steps = {-2 * H, -H, H, 2 * H};
            for (int k = 0; k < 4; k++) {
                double[] q = p.clone();
                q[col] += steps[k];
                ls.residuals(q, r[k]);
            }
            for (int i = 0; i < m; i++) {
                double fd = SurfaceCases.stencil(r[0][i], r[1][i], r[2][i], r[3][i], H);
                int row = i;
                int c = col;
                assertEquals(fd, j[2 * i + col], 1e-8 * (1 + Math.abs(j[2 * i + col])),
                        () -> s + " ∂r" + row + "/∂" + (c == 0 ? "x" : "y") + " at " + p[0] + ", " + p[1]);
            }
        }
    }

    @Property
    void gradientIsTwiceJacobianTransposedTimesResiduals(@ForAll("sumsOfSquares") Surface s,
                                                        @ForAll @DoubleRange(min = 0, max = 1) double u,
                                                        @ForAll @DoubleRange(min = 0, max = 1) double v) {
        LeastSquares ls = (LeastSquares) s;
        int m = ls.residualCount();
        double[] p = point(s, u, v);
        double[] r = new double[m];
        double[] j = new double[2 * m];
        ls.residuals(p, r);
        ls.jacobian(p, j);
        double[] g = new double[2];
        s.gradient(p, g);
        for (int col = 0; col < 2; col++) {
            double sum = 0;
            double size = 0;
            for (int i = 0; i < m; i++) {
                sum += 2 * j[2 * i + col] * r[i];
                size += Math.abs(2 * j[2 * i + col] * r[i]);
            }
            // the terms may cancel: the rounding bound scales with their absolute sum
            assertEquals(sum, g[col], 1e-13 * size + Double.MIN_NORMAL, "" + s);
        }
    }

    /** Where every residual vanishes, ∇²f = 2JᵀJ + 2Σ rᵢ∇²rᵢ reduces to the Gauss–Newton matrix. */
    @Test
    void hessianAtAZeroResidualMinimumIsTheGaussNewtonMatrix() {
        int checked = 0;
        for (Surface s : SurfaceCases.all()) {
            if (!(s instanceof LeastSquares ls)) {
                continue;
            }
            for (CriticalPoint cp : s.criticalPoints()) {
                double[] p = {cp.x(), cp.y()};
                double[] r = new double[ls.residualCount()];
                ls.residuals(p, r);
                if (!cp.isMinimum() || s.value(p) > 1e-24) {
                    continue;
                }
                double[] j = new double[2 * r.length];
                ls.jacobian(p, j);
                double[] h = new double[4];
                s.hessian(p, h);
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        double gn = 0;
                        for (int i = 0; i < r.length; i++) {
                            gn += 2 * j[2 * i + a] * j[2 * i + b];
                        }
                        assertEquals(gn, h[2 * a + b], 1e-9 * (1 + Math.abs(gn)), s + " at " + cp);
                    }
                }
                checked++;
            }
        }
        // quadratic (twice), rosenbrock, beale, four himmelblau minima, booth
        assertTrue(checked >= 9, "only " + checked + " zero-residual minima checked");
    }

    /** Linear residuals: the Gauss–Newton matrix is the Hessian everywhere. */
    @Property
    void linearResidualsMakeGaussNewtonExact(@ForAll @DoubleRange(min = -5, max = 5) double x,
                                             @ForAll @DoubleRange(min = -5, max = 5) double y) {
        for (Surface s : List.of(Surfaces.create("booth"), Quadratic.KIND.create(java.util.Map.of("a", 2, "b", 7, "angle", -40)))) {
            LeastSquares ls = (LeastSquares) s;
            double[] p = {x, y};
            double[] j = new double[4];
            ls.jacobian(p, j);
            double[] h = new double[4];
            s.hessian(p, h);
            assertEquals(2 * (j[0] * j[0] + j[2] * j[2]), h[0], 1e-12 * Math.abs(h[0]), s.toString());
            assertEquals(2 * (j[0] * j[1] + j[2] * j[3]), h[1], 1e-12 * (Math.abs(h[0]) + Math.abs(h[3])), s.toString());
            assertEquals(2 * (j[1] * j[1] + j[3] * j[3]), h[3], 1e-12 * Math.abs(h[3]), s.toString());
        }
    }
}
