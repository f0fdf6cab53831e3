package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Objective;
import dev.descent.math.Surfaces;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NewtonTest {

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

    private static Stepper stepOnce(String fix, Objective f, double[] theta) {
        Optimizer o = Newton.KIND.create(Map.of("hessian_fix", fix));
        Stepper s = o.newStepper(2);
        s.step(f, theta, o.lr());
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"shift", "eigen", "gradient"})
    void oneStepReachesTheMinimumOfAPositiveDefiniteQuadratic(String fix) {
        double[] theta = {2, 1};
        Stepper s = stepOnce(fix, Surfaces.create("quadratic"), theta);
        assertEquals(0, theta[0], 1e-15);
        assertEquals(0, theta[1], 1e-15);
        assertArrayEquals(new double[] {0, 0}, probe(s, "fallback"));
        assertArrayEquals(new double[] {2, 10}, probe(s, "grad"));
        assertArrayEquals(new double[] {1, 10}, probe(s, "hessian_eigenvalues"), 1e-14);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shift", "eigen", "gradient"})
    void oneStepReachesTheMinimumOfARotatedQuadratic(String fix) {
        double[] theta = {2, 1};
        stepOnce(fix, Surfaces.create("quadratic", Map.of("a", 0.5, "b", 20.0, "angle", 35.0)), theta);
        // rounding in the rotated g and H, amplified by the condition number κ = 40: a few κ·ε·|θ₀|
        double bound = 4 * 40 * Math.ulp(1.0) * Math.hypot(2, 1);
        assertEquals(0, theta[0], bound);
        assertEquals(0, theta[1], bound);
    }

    @Test
    void halfStepWithLrHalf() {
        Optimizer o = Newton.KIND.create(Map.of("lr", 0.5));
        double[] theta = {2, 1};
        o.newStepper(2).step(Surfaces.create("quadratic"), theta, 0.5);
        assertEquals(1, theta[0], 1e-15);
        assertEquals(0.5, theta[1], 1e-15);
    }

    /** f = x² − y²/2 rotated by 0.6 rad: H has eigenvalues 2 along v₁ = (c, s) and −1 along v₂ = (−s, c). */
    private static final double ANGLE = 0.6;
    private static final Objective SADDLE = TestObjectives.quadraticForm("saddle", TestObjectives.rotated(2, -1, ANGLE));

    private static double along1(double[] p) {
        return Math.cos(ANGLE) * p[0] + Math.sin(ANGLE) * p[1];
    }

    private static double along2(double[] p) {
        return -Math.sin(ANGLE) * p[0] + Math.cos(ANGLE) * p[1];
    }

    /** A point near the saddle at 0: 1 along v₁, 1e-3 along v₂. */
    private static double[] nearSaddle() {
        double c = Math.cos(ANGLE);
        double s = Math.sin(ANGLE);
        return new double[] {c - 1e-3 * s, s + 1e-3 * c};
    }

    @Test
    void pureNewtonWouldJumpOntoTheSaddleSoTheHessianIsNotPositiveDefinite() {
        double[] theta = nearSaddle();
        Stepper s = stepOnce("shift", SADDLE, theta);
        assertArrayEquals(new double[] {-1, 2}, probe(s, "hessian_eigenvalues"), 1e-14);
        assertArrayEquals(new double[] {1, 1}, probe(s, "fallback"));
    }

    @Test
    void shiftedStepDecreasesTheLossAtASaddleWithTheSmallShiftThatWorks() {
        double[] theta = nearSaddle();
        double before = SADDLE.value(theta);
        Stepper s = stepOnce("shift", SADDLE, theta);
        assertTrue(SADDLE.value(theta) < before, "f went from " + before + " to " + SADDLE.value(theta));
        // λ_min = −1: any τ > 1 works, and doubling from a smaller τ₀ overshoots by less than a factor 2
        double tau = probe(s, "shift")[0];
        assertTrue(tau > 1 && tau <= 2, "τ = " + tau);
        // (H + τI)⁻¹g: along v₁ 2·1/(2 + τ), along v₂ −1·1e-3/(τ − 1)
        assertEquals(1 - 2 / (2 + tau), along1(theta), 1e-15);
        assertEquals(1e-3 + 1e-3 / (tau - 1), along2(theta), 1e-14);
    }

    @Test
    void shiftOnTheSaddleSurfaceIsJustAboveTwoNotTen() {
        // f = x² − y²: H = diag(2, −2); Algorithm 3.3 starts at τ₀ = 2 + β·‖H‖_F and it already works
        double[] theta = {1, 0.5};
        Stepper s = stepOnce("shift", Surfaces.create("saddle"), theta);
        double tau = probe(s, "shift")[0];
        assertTrue(tau > 2 && tau < 2.01, "τ = " + tau);
    }

    @Test
    void aPositiveDefiniteHessianWithCurvatureFarBelowTheOldAbsoluteFloorIsUsedAsItIs() {
        // plateau far out: H ≈ 10⁻³·I, pure Newton lands on the minimum in one step
        double[] theta = {-4, 3};
        Stepper s = stepOnce("shift", Surfaces.create("plateau"), theta);
        assertArrayEquals(new double[] {0, 0}, probe(s, "fallback"));
        assertEquals(0, theta[0], 1e-9);
        assertEquals(0, theta[1], 1e-9);
        // a quadratic whose curvatures are 5e-4 and 10: one step, not a crawl
        double[] q = {2, 1};
        Stepper s2 = stepOnce("shift", Surfaces.create("quadratic", Map.of("a", 0.0005)), q);
        assertArrayEquals(new double[] {0, 0}, probe(s2, "fallback"));
        assertEquals(0, q[0], 1e-12);
        assertEquals(0, q[1], 1e-12);
        // and λ = 1e-6 beside 1 is still positive definite for eigen
        double[] e = {1, 1};
        Stepper s3 = stepOnce("eigen", TestObjectives.quadraticForm("thin", new double[] {1, 0, 0, 1e-6}), e);
        assertArrayEquals(new double[] {0, 0}, probe(s3, "fallback"));
        assertEquals(0, e[1], 1e-12);
    }

    @Test
    void eigenStepGoesToTheBottomAlongPositiveCurvatureAndAwayFromTheSaddleAlongNegative() {
        double[] theta = nearSaddle();
        double before = SADDLE.value(theta);
        Stepper s = stepOnce("eigen", SADDLE, theta);
        // |λ|⁻¹·λ = ±1: the v₁ coordinate goes to 0, the v₂ coordinate doubles (moving away from the saddle)
        assertEquals(0, along1(theta), 1e-15);
        assertEquals(2e-3, along2(theta), 1e-15);
        assertTrue(SADDLE.value(theta) < before);
        assertArrayEquals(new double[] {1, 1}, probe(s, "fallback"));
    }

    @Test
    void eigenClipsTinyCurvatureAtDelta() {
        // H = diag(1, 1e-9): λ₂ is replaced by δ = 0.01, so the y-step is g_y/δ = 1e-9·y/0.01
        Objective f = TestObjectives.quadraticForm("flat", new double[] {1, 0, 0, 1e-9});
        double[] theta = {1, 1};
        Optimizer o = Newton.KIND.create(Map.of("hessian_fix", "eigen", "delta", 0.01));
        Stepper s = o.newStepper(2);
        s.step(f, theta, 1);
        assertEquals(0, theta[0], 1e-15);
        assertEquals(1 - 1e-7, theta[1], 1e-15);
        assertArrayEquals(new double[] {1, 1}, probe(s, "fallback"));
    }

    @Test
    void gradientFallbackTakesABacktrackedGradientStepAtASaddle() {
        double[] theta = nearSaddle();
        double before = SADDLE.value(theta);
        double[] g = new double[2];
        SADDLE.gradient(theta, g);
        Optimizer o = Newton.KIND.create(Map.of("hessian_fix", "gradient"));
        Stepper s = o.newStepper(2);
        double[] start = theta.clone();
        s.step(SADDLE, theta, 1);
        // its own step rule: t₀ = η/‖H‖_F = 1/√5 (eigenvalues 2 and −1), halved only if Armijo fails
        double t = probe(s, "step_length")[0];
        assertEquals(1 / Math.sqrt(5), t, 1e-15);
        assertArrayEquals(new double[] {start[0] - t * g[0], start[1] - t * g[1]}, theta, 1e-15);
        assertTrue(SADDLE.value(theta) < before);
        assertArrayEquals(new double[] {1, 1}, probe(s, "fallback"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 0.1, 10})
    void gradientFallbackStaysFiniteAndDecreasingOnBeale(double lr) {
        Optimizer o = Newton.KIND.create(Map.of("hessian_fix", "gradient", "lr", lr));
        Stepper s = o.newStepper(2);
        Objective f = Surfaces.create("beale");
        double[] theta = Surfaces.create("beale").suggestedStart();
        double prev = f.value(theta);
        int fallbacks = 0;
        for (int i = 0; i < 300; i++) {
            s.step(f, theta, lr);
            double now = f.value(theta);
            assertTrue(Double.isFinite(now), "step " + (i + 1) + ": f = " + now);
            // the fallback steps are the gradient steps: each must go down (Newton's own steps may not)
            if (probe(s, "fallback")[0] == 1) {
                fallbacks++;
                assertTrue(now <= prev, "fallback step " + (i + 1) + ": f went from " + prev + " to " + now);
            }
            prev = now;
        }
        assertTrue(fallbacks > 0, "the start (1, 1.5) has an indefinite Hessian");
    }

    @Test
    void armijoLineSearchNeverRaisesTheLossOnRosenbrockOrRavine() {
        for (String id : new String[] {"rosenbrock", "ravine"}) {
            Optimizer o = Newton.KIND.create(Map.of("line_search", "armijo"));
            Stepper s = o.newStepper(2);
            Objective f = Surfaces.create(id);
            double[] theta = Surfaces.create(id).suggestedStart();
            double prev = f.value(theta);
            for (int i = 0; i < 100; i++) {
                s.step(f, theta, 1);
                double now = f.value(theta);
                assertTrue(now <= prev, id + " step " + (i + 1) + ": f went from " + prev + " to " + now);
                prev = now;
            }
            if (id.equals("rosenbrock")) {
                assertEquals(1, theta[0], 1e-10);
                assertEquals(1, theta[1], 1e-10);
            }
        }
    }

    @Test
    void theTextbookFullStepStaysTheDefaultAndGoesUphillOnRosenbrock() {
        Optimizer o = Newton.KIND.create();
        Objective f = Surfaces.create("rosenbrock");
        double[] theta = {-1.2, 1};
        Stepper s = o.newStepper(2);
        s.step(f, theta, 1);
        s.step(f, theta, 1);
        assertTrue(f.value(theta) > 1000, "the second full step goes uphill, f = " + f.value(theta));
        assertArrayEquals(new double[] {1, 1}, probe(s, "step_length"));
    }

    @Test
    void noSettingBlowsUpFromAnyBuiltInSurfacesClassicStart() {
        for (var kind : Surfaces.all()) {
            for (String fix : new String[] {"shift", "eigen", "gradient"}) {
                for (String ls : new String[] {"none", "armijo"}) {
                    Optimizer o = Newton.KIND.create(Map.of("hessian_fix", fix, "line_search", ls));
                    dev.descent.math.Surface f = Surfaces.create(kind.id());
                    double[] theta = f.suggestedStart();
                    Stepper s = o.newStepper(2);
                    double start = f.value(theta);
                    // on a surface unbounded below, leaving for ever downhill is the lesson (the run "escapes")
                    for (int i = 0; i < 200 && Math.hypot(theta[0], theta[1]) < 1e6; i++) {
                        s.step(f, theta, 1);
                    }
                    String what = kind.id() + " " + fix + "/" + ls + " ended at (" + theta[0] + ", " + theta[1] + ")";
                    assertTrue(Double.isFinite(theta[0]) && Double.isFinite(theta[1]) && Double.isFinite(f.value(theta)), what);
                    if (ls.equals("armijo")) {
                        assertTrue(f.value(theta) <= start, what);
                    }
                }
            }
        }
    }

    @Test
    void convergesOnRosenbrock() {
        Optimizer o = Newton.KIND.create();
        Stepper s = o.newStepper(2);
        double[] theta = {-1.2, 1};
        for (int i = 0; i < 20; i++) {
            s.step(Surfaces.create("rosenbrock"), theta, 1);
        }
        assertEquals(1, theta[0], 1e-12);
        assertEquals(1, theta[1], 1e-12);
    }

    @Test
    void refusesAnObjectiveWithoutAHessian() {
        Optimizer o = Newton.KIND.create();
        Objective f = TestObjectives.withoutHessian(Surfaces.create("quadratic"));
        String msg = "Newton needs the Hessian; this objective has none";
        assertEquals(msg, assertThrows(IllegalArgumentException.class, () -> o.checkObjective(f)).getMessage());
        assertEquals(msg, assertThrows(IllegalArgumentException.class,
                () -> o.newStepper(2).step(f, new double[] {1, 1}, 1)).getMessage());
        o.checkObjective(Surfaces.create("quadratic"));
    }

    @Test
    void validationNamesTheValue() {
        assertEquals("Invalid min_shift: 0.0 (must be a finite number > 0)",
                assertThrows(IllegalArgumentException.class, () -> Newton.KIND.create(Map.of("min_shift", 0.0))).getMessage());
        assertEquals("Invalid delta: -1.0 (must be a finite number > 0)",
                assertThrows(IllegalArgumentException.class, () -> Newton.KIND.create(Map.of("delta", -1.0))).getMessage());
        assertEquals("Invalid hessian_fix: clip (shift, eigen or gradient)",
                assertThrows(IllegalArgumentException.class, () -> new Newton(1, "clip", "none", 1e-3, 1e-3)).getMessage());
        assertEquals("Invalid line_search: wolfe (none or armijo)",
                assertThrows(IllegalArgumentException.class, () -> new Newton(1, "shift", "wolfe", 1e-3, 1e-3)).getMessage());
        assertEquals("Invalid learning rate: -1.0 (must be a finite number > 0)",
                assertThrows(IllegalArgumentException.class, () -> Newton.KIND.create(Map.of("lr", -1.0))).getMessage());
    }
}
