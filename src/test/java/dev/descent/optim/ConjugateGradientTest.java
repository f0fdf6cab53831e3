package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Objective;
import dev.descent.math.Surfaces;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ConjugateGradientTest {

    private static double[] probe(Stepper s, String name) {
        for (Probe p : s.probes()) {
            if (p.name().equals(name)) {
                double[] out = new double[2];
                p.read(out);
                return out;
            }
        }
        throw new AssertionError("no probe " + name);
    }

    /**
     * Linear CG's finite termination: with exact line searches, two steps reach the minimum of a 2-D
     * quadratic. The strong-Wolfe search is exact on a quadratic once it interpolates (a cubic through
     * two points of a parabola is the parabola); c₁ = 1e-13, c₂ = 1e-12 make it interpolate rather than
     * accept a nearby trial. Both β rules coincide on a quadratic with exact searches. Tolerance: the minimum
     * is reached to rounding, 1e-9 of the start's distance for condition numbers up to 100.
     */
    @Property(tries = 200)
    void reachesTheMinimumOfA2dQuadraticInTwoStepsWithExactLineSearches(
            @ForAll @DoubleRange(min = 0.1, max = 10) double a,
            @ForAll @DoubleRange(min = 0.1, max = 10) double b,
            @ForAll @DoubleRange(min = -90, max = 90) double angle,
            @ForAll @DoubleRange(min = -5, max = 5) double x0,
            @ForAll @DoubleRange(min = -5, max = 5) double y0,
            @ForAll boolean fletcherReeves) {
        double r0 = Math.hypot(x0, y0);
        if (r0 < 1e-3) {
            return;
        }
        Objective f = Surfaces.create("quadratic", Map.of("a", a, "b", b, "angle", angle));
        Optimizer o = ConjugateGradient.KIND.create(Map.of("c1", 1e-13, "c2", 1e-12,
                "beta_rule", fletcherReeves ? "fletcher_reeves" : "polak_ribiere_plus"));
        Stepper s = o.newStepper(2);
        double[] theta = {x0, y0};
        s.step(f, theta, 1);
        s.step(f, theta, 1);
        // or, when the first step was already that good, the second stops at tolerance_grad = 1e-10 (by design)
        double[] g = new double[2];
        f.gradient(theta, g);
        assertTrue(Math.hypot(theta[0], theta[1]) <= 1e-9 * r0 || Vectors.maxAbs(g) <= 1e-10,
                "after 2 steps at (" + theta[0] + ", " + theta[1] + ") from (" + x0 + ", " + y0 + ")");
    }

    /**
     * The same finite termination with the default settings (c₁ = 1e-4, c₂ = 0.1): the interpolated
     * first trial is the exact line minimum on a quadratic, so two steps suffice for any condition
     * number (up to 10⁴ here) and any rotation.
     */
    @Property(tries = 300)
    void reachesTheMinimumOfA2dQuadraticInTwoStepsWithDefaults(
            @ForAll @DoubleRange(min = 0.01, max = 100) double a,
            @ForAll @DoubleRange(min = 0.01, max = 100) double b,
            @ForAll @DoubleRange(min = -90, max = 90) double angle,
            @ForAll @DoubleRange(min = -5, max = 5) double x0,
            @ForAll @DoubleRange(min = -5, max = 5) double y0,
            @ForAll boolean fletcherReeves) {
        double r0 = Math.hypot(x0, y0);
        if (r0 < 1e-3) {
            return;
        }
        Objective f = Surfaces.create("quadratic", Map.of("a", a, "b", b, "angle", angle));
        Optimizer o = ConjugateGradient.KIND.create(Map.of("beta_rule", fletcherReeves ? "fletcher_reeves" : "polak_ribiere_plus"));
        Stepper s = o.newStepper(2);
        double[] theta = {x0, y0};
        s.step(f, theta, 1);
        s.step(f, theta, 1);
        double[] g = new double[2];
        f.gradient(theta, g);
        assertTrue(Math.hypot(theta[0], theta[1]) <= 1e-8 * r0 || Vectors.maxAbs(g) <= 1e-10,
                "after 2 steps at (" + theta[0] + ", " + theta[1] + ") from (" + x0 + ", " + y0 + "), a=" + a + " b=" + b);
    }

    @Test
    void firstStepIsSteepestDescentToTheLineMinimum() {
        // quadratic ½(x² + 10y²) from (2, 1): d = −g = (−2, −10); exact line minimum t* = g·g / gᵀHg = 104/1004
        Optimizer o = ConjugateGradient.KIND.create();
        Stepper s = o.newStepper(2);
        double[] theta = {2, 1};
        s.step(Surfaces.create("quadratic"), theta, 1);
        assertArrayEquals(new double[] {-2, -10}, probe(s, "direction"));
        assertArrayEquals(new double[] {0, 0}, probe(s, "beta"));
        double t = 104.0 / 1004;
        assertEquals(t, probe(s, "step_length")[0], 1e-15);
        assertEquals(2 - 2 * t, theta[0], 1e-15);
        assertEquals(1 - 10 * t, theta[1], 1e-15);
    }

    @Test
    void secondStepUsesTheBetaRule() {
        // after the exact first step, g₁ ⟂ g₀, so PR+ and FR agree: β = |g₁|²/|g₀|²
        Objective q = Surfaces.create("quadratic");
        for (String rule : new String[] {"fletcher_reeves", "polak_ribiere_plus"}) {
            Stepper s = ConjugateGradient.KIND.create(Map.of("beta_rule", rule)).newStepper(2);
            double[] theta = {2, 1};
            s.step(q, theta, 1);
            double[] g1 = {theta[0], 10 * theta[1]};
            s.step(q, theta, 1);
            double beta = (g1[0] * g1[0] + g1[1] * g1[1]) / 104;
            assertEquals(beta, probe(s, "beta")[0], 1e-12, rule);
            assertArrayEquals(new double[] {-g1[0] + beta * -2, -g1[1] + beta * -10}, probe(s, "direction"), 1e-12);
        }
    }

    @Test
    void restartsEveryNSteps() {
        // n = 2: steps 1 and 3 are restarts (β = 0), step 2 is conjugate
        Objective r = Surfaces.create("rosenbrock");
        Stepper s = ConjugateGradient.KIND.create().newStepper(2);
        double[] theta = {-1.2, 1};
        double[] betas = new double[4];
        for (int i = 0; i < 4; i++) {
            s.step(r, theta, 1);
            betas[i] = probe(s, "beta")[0];
        }
        assertEquals(0, betas[0]);
        assertTrue(betas[1] > 0);
        assertEquals(0, betas[2]);
        assertTrue(betas[3] > 0);
    }

    @Test
    void convergesOnRosenbrock() {
        Objective r = Surfaces.create("rosenbrock");
        Stepper s = ConjugateGradient.KIND.create().newStepper(2);
        double[] theta = {-1.2, 1};
        double last = r.value(theta);
        for (int i = 0; i < 200; i++) {
            s.step(r, theta, 1);
            assertTrue(r.value(theta) <= last, "f rose at step " + (i + 1));
            last = r.value(theta);
        }
        assertEquals(1, theta[0], 1e-8);
        assertEquals(1, theta[1], 1e-8);
    }

    @Test
    void validationNamesTheValue() {
        assertEquals("Invalid Wolfe constants: c1=0.2, c2=0.1 (must satisfy 0 < c1 < c2 < 1)",
                assertThrows(IllegalArgumentException.class, () -> ConjugateGradient.KIND.create(Map.of("c1", 0.2))).getMessage());
        assertEquals("Invalid restart: -1 (must be >= 0)",
                assertThrows(IllegalArgumentException.class, () -> ConjugateGradient.KIND.create(Map.of("restart", -1))).getMessage());
        assertEquals("Invalid beta_rule: hestenes_stiefel (fletcher_reeves or polak_ribiere_plus)",
                assertThrows(IllegalArgumentException.class,
                        () -> new ConjugateGradient(1, "hestenes_stiefel", 0, 1e-4, 0.1, 1e-10)).getMessage());
    }
}
