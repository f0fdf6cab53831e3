package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * The analytic gradient and Hessian of every built-in surface against finite differences, at random
 * points of its default viewport.
 *
 * <p>Five-point central differences with h = 10⁻³: truncation error O(h⁴) stays below 10⁻⁶ of the
 * derivative's size even on the cliff's rounded corners (measured worst case 2·10⁻⁷ over 10⁶
 * points), and rounding error is about 3·10⁻¹³ of the differenced function's size, hence the second
 * term of each tolerance. The sharp-and-flat surface switches bowls over about τ/|∇(q₁ − q₂)| ≈ 10⁻³
 * along its ridge, the size of h itself: there h = 10⁻⁴ (worst error 0.5 % of the tolerance over
 * 2·10⁶ points, against 50× the tolerance at 10⁻³).
 */
class SurfaceDerivativeProperties {

    private static final double H = 1e-3;
    private static final double H_SHARP = 1e-4;
    private static final double REL = 1e-6;
    private static final double ROUNDING = 1e-12;

    @Provide
    Arbitrary<Surface> surfaces() {
        return Arbitraries.of(SurfaceCases.all());
    }

    private static double step(Surface s) {
        return s instanceof SharpFlat ? H_SHARP : H;
    }

    private static double[] point(Surface s, double u, double v) {
        Viewport vp = s.defaultViewport();
        double x = vp.xMin() + u * vp.width();
        double y = vp.yMin() + v * vp.height();
        // Ackley's tip is a kink: differences across it measure nothing
        Assume.that(!(s instanceof Ackley) || Math.hypot(x, y) > 0.05);
        return new double[] {x, y};
    }

    @Property
    void gradientMatchesFiniteDifferencesOfTheValue(@ForAll("surfaces") Surface s,
                                                    @ForAll @DoubleRange(min = 0, max = 1) double u,
                                                    @ForAll @DoubleRange(min = 0, max = 1) double v) {
        double[] p = point(s, u, v);
        double[] g = new double[2];
        s.gradient(p[0], p[1], g, 0);
        double[] fd = SurfaceCases.fdGradient(s, p[0], p[1], step(s));
        double tol = REL * (1 + Math.abs(g[0]) + Math.abs(g[1])) + ROUNDING * Math.abs(s.value(p[0], p[1]));
        assertEquals(fd[0], g[0], tol, () -> s + " ∂f/∂x at " + p[0] + ", " + p[1]);
        assertEquals(fd[1], g[1], tol, () -> s + " ∂f/∂y at " + p[0] + ", " + p[1]);
    }

    @Property
    void hessianMatchesFiniteDifferencesOfTheGradient(@ForAll("surfaces") Surface s,
                                                      @ForAll @DoubleRange(min = 0, max = 1) double u,
                                                      @ForAll @DoubleRange(min = 0, max = 1) double v) {
        double[] p = point(s, u, v);
        double[] h = new double[4];
        s.hessian(p[0], p[1], h);
        double[] g = new double[2];
        s.gradient(p[0], p[1], g, 0);
        double[] fd = SurfaceCases.fdHessian(s, p[0], p[1], step(s));
        double size = Math.abs(h[0]) + Math.abs(h[1]) + Math.abs(h[2]) + Math.abs(h[3]);
        double tol = REL * (1 + size) + ROUNDING * (Math.abs(g[0]) + Math.abs(g[1]));
        for (int i = 0; i < 4; i++) {
            int k = i;
            assertEquals(fd[k], h[k], tol, () -> s + " Hessian[" + k + "] at " + p[0] + ", " + p[1]);
        }
        assertEquals(h[1], h[2], 0.0, () -> s + " Hessian must be exactly symmetric");
    }

    @Property
    void objectiveViewAgreesWithTheScalarMethods(@ForAll("surfaces") Surface s,
                                                 @ForAll @DoubleRange(min = 0, max = 1) double u,
                                                 @ForAll @DoubleRange(min = 0, max = 1) double v) {
        double[] p = point(s, u, v);
        double[] g = new double[2];
        double[] scalar = new double[2];
        double f = s.gradient(p, g);
        s.gradient(p[0], p[1], scalar, 0);
        assertEquals(s.value(p[0], p[1]), f, 0.0);
        assertEquals(s.value(p), f, 0.0);
        assertEquals(scalar[0], g[0], 0.0);
        assertEquals(scalar[1], g[1], 0.0);
        assertTrue(Double.isFinite(f) && Double.isFinite(g[0]) && Double.isFinite(g[1]), () -> s + " at " + p[0] + ", " + p[1]);
    }
}
