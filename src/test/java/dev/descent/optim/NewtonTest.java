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
    @ValueSource(strings = {"damped", "eigen", "gradient"})
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
    @ValueSource(strings = {"damped", "eigen", "gradient"})
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
        Stepper s = stepOnce("damped", SADDLE, theta);
        assertArrayEquals(new double[] {-1, 2}, probe(s, "hessian_eigenvalues"), 1e-14);
        assertArrayEquals(new double[] {1, 1}, probe(s, "fallback"));
    }

    @Test
    void dampedStepDecreasesTheLossAtASaddle() {
        double[] theta = nearSaddle();
        double before = SADDLE.value(theta);
        Stepper s = stepOnce("damped", SADDLE, theta);
        assertTrue(SADDLE.value(theta) < before, "f went from " + before + " to " + SADDLE.value(theta));
        // μ = 1e-3·10ᵏ for the first k with H + μI positive definite: μ > 1, so μ = 10
        assertArrayEquals(new double[] {10, 10}, probe(s, "damping"), 1e-12);
        // (H + 10I)⁻¹g: along v₁ 2·1/12, along v₂ −1·1e-3/9
        assertEquals(1 - 2.0 / 12, along1(theta), 1e-15);
        assertEquals(1e-3 + 1e-3 / 9, along2(theta), 1e-15);
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
    void gradientFallbackTakesAGradientStepAtASaddle() {
        double[] theta = nearSaddle();
        double[] g = new double[2];
        SADDLE.gradient(theta, g);
        double[] expected = {theta[0] - 0.1 * g[0], theta[1] - 0.1 * g[1]};
        Optimizer o = Newton.KIND.create(Map.of("hessian_fix", "gradient", "lr", 0.1));
        Stepper s = o.newStepper(2);
        s.step(SADDLE, theta, 0.1);
        assertArrayEquals(expected, theta, 1e-16);
        assertArrayEquals(new double[] {1, 1}, probe(s, "fallback"));
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
        assertEquals("Invalid damping: 0.0 (must be a finite number > 0)",
                assertThrows(IllegalArgumentException.class, () -> Newton.KIND.create(Map.of("damping", 0.0))).getMessage());
        assertEquals("Invalid delta: -1.0 (must be a finite number > 0)",
                assertThrows(IllegalArgumentException.class, () -> Newton.KIND.create(Map.of("delta", -1.0))).getMessage());
        assertEquals("Invalid hessian_fix: clip (damped, eigen or gradient)",
                assertThrows(IllegalArgumentException.class, () -> new Newton(1, "clip", 1e-3, 1e-3)).getMessage());
        assertEquals("Invalid learning rate: -1.0 (must be a finite number > 0)",
                assertThrows(IllegalArgumentException.class, () -> Newton.KIND.create(Map.of("lr", -1.0))).getMessage());
    }
}
