package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Objective;
import dev.descent.math.Surfaces;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BfgsTest {

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
    void convergesOnRosenbrockWithin60Steps() {
        Objective r = Surfaces.create("rosenbrock");
        Stepper s = Bfgs.KIND.create().newStepper(2);
        double[] theta = {-1.2, 1};
        int steps = 0;
        while (steps < 60 && !(Math.abs(theta[0] - 1) <= 1e-8 && Math.abs(theta[1] - 1) <= 1e-8)) {
            double before = r.value(theta);
            s.step(r, theta, 1);
            steps++;
            assertTrue(r.value(theta) <= before, "f rose at step " + steps);
        }
        assertEquals(1, theta[0], 1e-8, "after " + steps + " steps");
        assertEquals(1, theta[1], 1e-8, "after " + steps + " steps");
    }

    /** SciPy's BFGS takes 39 evaluations in 32 iterations here; re-evaluating the accepted point took 84. */
    @Test
    void reusesTheLineSearchsEvaluationsOnRosenbrock() {
        Objective r = Surfaces.create("rosenbrock");
        int[] evaluations = {0};
        Objective counted = new Objective() {
            public int dimension() {
                return 2;
            }

            public double value(double[] x) {
                evaluations[0]++;
                return r.value(x);
            }

            public double gradient(double[] x, double[] g) {
                evaluations[0]++;
                return r.gradient(x, g);
            }
        };
        Stepper s = Bfgs.KIND.create().newStepper(2);
        double[] theta = {-1.2, 1};
        int steps = 0;
        while (steps < 100 && !(Math.abs(theta[0] - 1) <= 1e-8 && Math.abs(theta[1] - 1) <= 1e-8)) {
            s.step(counted, theta, 1);
            steps++;
        }
        assertEquals(1, theta[0], 1e-8);
        assertTrue(evaluations[0] <= 60, evaluations[0] + " evaluations in " + steps + " steps");
    }

    /**
     * Quadratic termination of BFGS (Fletcher, <i>Practical Methods of Optimization</i>, chapter 3):
     * with exact line searches on a quadratic ½xᵀAx it reaches the minimum in n steps and then
     * H = A⁻¹, for any symmetric positive definite H₀ (so also with the scaling of N&amp;W eq. 6.20). c₁ = 1e-7, c₂ = 1e-6 make the
     * search interpolate, which is exact on a quadratic.
     */
    @Test
    void twoExactStepsOnA2dQuadraticGiveTheMinimumAndTheInverseHessian() {
        for (double angle : new double[] {0, 30, -70}) {
            Objective q = Surfaces.create("quadratic", Map.of("a", 1.0, "b", 10.0, "angle", angle));
            Stepper s = Bfgs.KIND.create(Map.of("c1", 1e-7, "c2", 1e-6)).newStepper(2);
            double[] theta = {2, 1};
            s.step(q, theta, 1);
            s.step(q, theta, 1);
            assertEquals(0, theta[0], 1e-12, "angle " + angle);
            assertEquals(0, theta[1], 1e-12, "angle " + angle);
            assertArrayEquals(new double[] {0.1, 1}, probe(s, "inverse_hessian_eigenvalues"), 1e-9, "angle " + angle);
        }
    }

    @Test
    void firstStepIsASteepestDescentStrongWolfeStepAndScalesH0() {
        // quadratic ½(x² + 10y²) from (2, 1): H₀ = I so d = −g; t = 1 gives (0, −9), slope +900 > 0,
        // so the bracket [0, 1] is zoomed by cubic interpolation to the line minimum t* = 104/1004
        Objective q = Surfaces.create("quadratic");
        Stepper s = Bfgs.KIND.create().newStepper(2);
        double[] theta = {2, 1};
        s.step(q, theta, 1);
        double t = 104.0 / 1004;
        assertArrayEquals(new double[] {-2, -10}, probe(s, "direction"));
        assertEquals(t, probe(s, "step_length")[0], 1e-15);
        // after the update, H·y = s (the secant equation) for y = H_true·s
        assertEquals(2 - 2 * t, theta[0], 1e-15);
        assertEquals(1 - 10 * t, theta[1], 1e-15);
        double[] lam = probe(s, "inverse_hessian_eigenvalues");
        assertTrue(lam[0] > 0 && lam[1] > 0, "H must stay positive definite");
    }

    @Test
    void validationNamesTheValue() {
        assertEquals("Invalid Wolfe constants: c1=0.0001, c2=1.0 (must satisfy 0 < c1 < c2 < 1)",
                assertThrows(IllegalArgumentException.class, () -> Bfgs.KIND.create(Map.of("c2", 1.0))).getMessage());
        assertEquals("Invalid tolerance_grad: -1.0 (must be a finite number >= 0)",
                assertThrows(IllegalArgumentException.class, () -> Bfgs.KIND.create(Map.of("tolerance_grad", -1.0))).getMessage());
    }
}
