package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Objective;
import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LevenbergMarquardtTest {

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

    @Test
    void refusesAnObjectiveThatIsNotASumOfSquares() {
        Optimizer o = LevenbergMarquardt.KIND.create();
        Objective saddle = TestObjectives.quadraticForm("saddle", new double[] {2, 0, 0, -2});
        String msg = "Levenberg-Marquardt needs a sum of squares; saddle is not one";
        assertEquals(msg, assertThrows(IllegalArgumentException.class, () -> o.checkObjective(saddle)).getMessage());
        assertEquals(msg, assertThrows(IllegalArgumentException.class,
                () -> o.newStepper(2).step(saddle, new double[] {1, 1}, 1)).getMessage());
        o.checkObjective(Surfaces.create("rosenbrock"));
    }

    @Test
    void marquardtStepOnTheQuadraticByHand() {
        // r = (√½·x, √5·y): JᵀJ = diag(½, 5), Jᵀr = (½x, 5y). With D = diag(JᵀJ):
        // (1 + λ)·diag(½, 5)·δ = −(½x, 5y), so δ = −θ/(1 + λ) and θ₁ = θ₀·λ/(1 + λ)
        Optimizer o = LevenbergMarquardt.KIND.create();
        Stepper s = o.newStepper(2);
        double[] theta = {2, 1};
        s.step(Surfaces.create("quadratic"), theta, 1);
        // θ₀ + δ cancels all but the last digits of δ ≈ −θ₀: a few ulp(θ₀)
        assertEquals(2 * 1e-3 / 1.001, theta[0], 4 * Math.ulp(2.0));
        assertEquals(1e-3 / 1.001, theta[1], 4 * Math.ulp(1.0));
        assertArrayEquals(new double[] {1e-3, 1e-3}, probe(s, "lambda"));
        assertArrayEquals(new double[] {1, 1}, probe(s, "tries"));
        assertArrayEquals(new double[] {2, 10}, probe(s, "grad"), 4 * Math.ulp(10.0));
        // accepted: λ falls to λ/ν for the next step
        s.step(Surfaces.create("quadratic"), theta, 1);
        assertArrayEquals(new double[] {1e-4, 1e-4}, probe(s, "lambda"), 1e-19);
    }

    @Test
    void levenbergStepOnTheQuadraticByHand() {
        // (diag(½, 5) + λI)·δ = −(½x, 5y): δ = (−1/(½ + λ), −5/(5 + λ)) from (2, 1)
        Optimizer o = LevenbergMarquardt.KIND.create(Map.of("damping", "levenberg", "lambda", 0.5));
        Stepper s = o.newStepper(2);
        double[] theta = {2, 1};
        s.step(Surfaces.create("quadratic"), theta, 1);
        assertEquals(2 - 1 / 1.0, theta[0], 1e-15);
        assertEquals(1 - 5 / 5.5, theta[1], 1e-15);
    }

    @Test
    void aRefusedTryRaisesLambdaAndRetriesFromTheSamePoint() {
        // lr = 3: θ + 3δ = θ·(1 − 3/(1 + λ)), which shrinks |θ| only when λ > ½:
        // λ = 1e-3, 1e-2 and 0.1 fail, λ = 1 succeeds with θ₁ = −θ₀/2
        Optimizer o = LevenbergMarquardt.KIND.create(Map.of("lr", 3.0));
        Stepper s = o.newStepper(2);
        double[] theta = {2, 1};
        s.step(Surfaces.create("quadratic"), theta, 3);
        assertArrayEquals(new double[] {4, 4}, probe(s, "tries"));
        assertArrayEquals(new double[] {1, 1}, probe(s, "lambda"), 1e-15);
        assertEquals(-1, theta[0], 1e-15);
        assertEquals(-0.5, theta[1], 1e-15);
        // the success lowered λ to 0.1, where the next step starts: it fails there, and λ = 1 succeeds again
        s.step(Surfaces.create("quadratic"), theta, 3);
        assertArrayEquals(new double[] {2, 2}, probe(s, "tries"));
        assertArrayEquals(new double[] {1, 1}, probe(s, "lambda"), 1e-15);
        assertEquals(0.5, theta[0], 1e-15);
    }

    @Test
    void whenNoTrySucceedsThePointStaysAndLambdaStaysRaised() {
        Optimizer o = LevenbergMarquardt.KIND.create(Map.of("lr", 3.0, "max_tries", 3));
        Stepper s = o.newStepper(2);
        double[] theta = {2, 1};
        s.step(Surfaces.create("quadratic"), theta, 3);
        assertArrayEquals(new double[] {2, 1}, theta);
        assertArrayEquals(new double[] {0, 0}, probe(s, "step"));
        // the next step starts at λ = 1e-3·10³ = 1, which succeeds at once with θ₁ = −θ₀/2
        s.step(Surfaces.create("quadratic"), theta, 3);
        assertArrayEquals(new double[] {1, 1}, probe(s, "tries"));
        assertArrayEquals(new double[] {1, 1}, probe(s, "lambda"), 1e-15);
        assertEquals(-1, theta[0], 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"marquardt", "levenberg"})
    void convergesOnRosenbrock(String damping) {
        Surface f = Surfaces.create("rosenbrock");
        Optimizer o = LevenbergMarquardt.KIND.create(Map.of("damping", damping));
        Stepper s = o.newStepper(2);
        double[] theta = {-1.2, 1};
        double last = f.value(theta);
        for (int i = 0; i < 200; i++) {
            s.step(f, theta, 1);
            double now = f.value(theta);
            assertTrue(now <= last, "step " + (i + 1) + " increased f from " + last + " to " + now);
            last = now;
        }
        assertEquals(1, theta[0], 1e-10);
        assertEquals(1, theta[1], 1e-10);
    }

    @Test
    void atAStationaryPointItDoesNothing() {
        Optimizer o = LevenbergMarquardt.KIND.create();
        Stepper s = o.newStepper(2);
        double[] theta = {1, 1};
        for (int i = 0; i < 5; i++) {
            s.step(Surfaces.create("rosenbrock"), theta, 1);
        }
        assertArrayEquals(new double[] {1, 1}, theta);
        assertArrayEquals(new double[] {1e-3, 1e-3}, probe(s, "lambda"));
    }

    @Test
    void validationNamesTheValue() {
        assertEquals("Invalid lambda: 0.0 (must be a finite number > 0)",
                assertThrows(IllegalArgumentException.class, () -> LevenbergMarquardt.KIND.create(Map.of("lambda", 0.0))).getMessage());
        assertEquals("Invalid nu: 1.0 (must be a finite number > 1)",
                assertThrows(IllegalArgumentException.class, () -> LevenbergMarquardt.KIND.create(Map.of("nu", 1.0))).getMessage());
        assertEquals("Invalid max_tries: 0 (must be >= 1)",
                assertThrows(IllegalArgumentException.class, () -> LevenbergMarquardt.KIND.create(Map.of("max_tries", 0))).getMessage());
        assertEquals("Invalid damping: identity (marquardt or levenberg)",
                assertThrows(IllegalArgumentException.class, () -> new LevenbergMarquardt(1, 1e-3, 10, 10, "identity")).getMessage());
    }
}
