package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Objective;
import dev.descent.math.Surfaces;
import dev.descent.session.GoldenCase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LbfgsTest {

    private static Path golden(String name) {
        String prop = System.getProperty("descent.golden");
        return Path.of(prop != null ? prop : "src/test/resources/golden").resolve("public").resolve(name);
    }

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
     * With gradients rounded as torch's autograd rounds them, the port reproduces both golden L-BFGS
     * files bit for bit, every row (section 5 of the golden README: fma in add_, netlib ddot, and the
     * reciprocal in the cubic interpolation). GoldenParityTest checks the files within 1e-9 through
     * the built-in surfaces, whose analytic gradients differ from autograd in the last bits.
     */
    @ParameterizedTest
    @CsvSource({"quadratic__LBFGS__h10_fixed.csv, quadratic", "rosenbrock__LBFGS__h10_wolfe.csv, rosenbrock"})
    void reproducesTheGoldenFilesBitForBitWithTorchRoundedGradients(String file, String surface) {
        GoldenCase g = GoldenCase.read(golden(file));
        Objective f = surface.equals("quadratic") ? TestObjectives.torchQuadratic() : TestObjectives.torchRosenbrock();
        Optimizer o = Optimizers.find(g.optimizer()).create(g.hyper());
        Stepper s = o.newStepper(2);
        double[] theta = {g.x0(), g.y0()};
        for (int i = 1; i < g.rows().size(); i++) {
            s.step(f, theta, o.lr());
            double[] want = g.rows().get(i);
            assertEquals(want[1], theta[0], 0.0, "x of row " + i);
            assertEquals(want[2], theta[1], 0.0, "y of row " + i);
            assertEquals(want[3], f.value(theta), 0.0, "loss of row " + i);
        }
    }

    @Test
    void firstIterationIsAGradientStepOfLengthMinOneOverSumAbsGradTimesLr() {
        // quadratic ½(x² + 10y²) from (2, 1): g = (2, 10), Σ|g| = 12, t = 0.5/12 = 1/24, d = −g
        Optimizer o = Lbfgs.KIND.create(Map.of("lr", 0.5, "max_iter", 1, "history_size", 10));
        Stepper s = o.newStepper(2);
        double[] theta = {2, 1};
        s.step(Surfaces.create("quadratic"), theta, 0.5);
        assertEquals(23.0 / 12, theta[0], Math.ulp(2.0));
        assertEquals(7.0 / 12, theta[1], Math.ulp(1.0));
        assertArrayEquals(new double[] {-2, -10}, probe(s, "direction"));
        assertEquals(1.0 / 24, probe(s, "step_length")[0], Math.ulp(1.0 / 24));
        assertArrayEquals(new double[] {1, 1}, probe(s, "h_diag"));
        assertArrayEquals(new double[] {0, 0}, probe(s, "history"));
        assertArrayEquals(new double[] {1, 1}, probe(s, "evaluations"));
        assertArrayEquals(new double[] {2, 10}, probe(s, "grad"));
    }

    @Test
    void firstIterationTakesTheFullLrWhenTheGradientIsSmall() {
        // from (0.1, 0.01): g = (0.1, 0.1), Σ|g| = 0.2 < 1, so t = min(1, 5)·lr = lr
        Stepper s = Lbfgs.KIND.create(Map.of("max_iter", 1)).newStepper(2);
        double[] theta = {0.1, 0.01};
        s.step(Surfaces.create("quadratic"), theta, 0.25);
        assertArrayEquals(new double[] {0.25, 0.25}, probe(s, "step_length"));
        assertEquals(0.1 - 0.25 * 0.1, theta[0], 1e-17);
        assertEquals(0.01 - 0.25 * 0.1, theta[1], 1e-17);
    }

    @Test
    void secondIterationStoresThePairAndScalesTheInitialHessian() {
        // after step 1 of the fixed-step case: s = t·d = (−1/12, −5/12), y = g₁ − g₀ = (s_x, 10·s_y)
        Stepper s = Lbfgs.KIND.create(Map.of("lr", 0.5, "max_iter", 1, "history_size", 10)).newStepper(2);
        double[] theta = {2, 1};
        Objective q = Surfaces.create("quadratic");
        s.step(q, theta, 0.5);
        s.step(q, theta, 0.5);
        double sx = -1.0 / 12;
        double sy = -5.0 / 12;
        double ys = sx * sx + 10 * sy * sy;
        double yy = sx * sx + 100 * sy * sy;
        assertEquals(ys / yy, probe(s, "h_diag")[0], 1e-15);
        assertArrayEquals(new double[] {1, 1}, probe(s, "history"));
        assertArrayEquals(new double[] {0.5, 0.5}, probe(s, "step_length"));
    }

    /**
     * torch's defaults (max_iter = 20, history_size = 100): the calls converge, and once a call
     * leaves θ where it was, every later call does too, because torch returns without moving when
     * max|g| ≤ tolerance_grad or g·d &gt; −tolerance_change, and a call that did not move leaves the
     * history and g, hence d, as they were.
     */
    @ParameterizedTest
    @CsvSource({"quadratic, none, 2, 1", "quadratic, strong_wolfe, 2, 1",
            "rosenbrock, strong_wolfe, -1.2, 1", "rosenbrock, none, -1.2, 1"})
    void withTorchDefaultsItConvergesAndThenRowsStayConstant(String surface, String lineSearch, double x0, double y0) {
        Optimizer o = Lbfgs.KIND.create(Map.of("line_search_fn", lineSearch));
        assertEquals(20, ((Lbfgs) o).maxIter());
        assertEquals(100, ((Lbfgs) o).historySize());
        Stepper s = o.newStepper(2);
        Objective f = Surfaces.create(surface);
        double[] theta = {x0, y0};
        int still = -1;
        for (int call = 1; call <= 40; call++) {
            double[] before = theta.clone();
            s.step(f, theta, o.lr());
            if (still < 0 && before[0] == theta[0] && before[1] == theta[1]) {
                still = call;
                // the exit that kept it still: max|g| <= tolerance_grad, or g·d > -tolerance_change
                double[] g = probe(s, "grad");
                double[] d = probe(s, "direction");
                assertTrue(Vectors.maxAbs(g) <= 1e-7 || Vectors.dot(g, d) > -1e-9,
                        "call " + call + " did not move although max|g| = " + Vectors.maxAbs(g) + " and g·d = " + Vectors.dot(g, d));
            } else if (still > 0) {
                assertArrayEquals(before, theta, 0.0, "call " + call + " moved after call " + still + " did not");
            }
        }
        assertTrue(still > 0, "never stopped moving in 40 calls");
        // at that exit gᵀH⁻¹g ≈ (θ−θ*)ᵀH(θ−θ*) < 1e-9, so |θ−θ*| < sqrt(1e-9/λ_min) ≈ 5e-5 (λ_min ≈ 0.4 on Rosenbrock)
        double[] min = surface.equals("quadratic") ? new double[] {0, 0} : new double[] {1, 1};
        assertEquals(min[0], theta[0], 1e-4);
        assertEquals(min[1], theta[1], 1e-4);
    }

    @Test
    void oneCallRunsSeveralIterationsAndRespectsMaxEvalWithoutLineSearch() {
        // no line search: each iteration but the last re-evaluates once; the call stops when 5 evaluations are used
        Optimizer o = Lbfgs.KIND.create(Map.of("max_iter", 20, "max_eval", 5, "lr", 0.1));
        Stepper s = o.newStepper(2);
        double[] theta = {-1.2, 1};
        Objective f = Surfaces.create("rosenbrock");
        s.step(f, theta, 0.1);
        assertArrayEquals(new double[] {5, 5}, probe(s, "evaluations"));
        for (int i = 0; i < 30; i++) {
            s.step(f, theta, 0.1);
            assertTrue(probe(s, "evaluations")[0] <= 5);
        }
    }

    @Test
    void maxEvalZeroOrNullMeansMaxIterTimesFiveIntegerDivFour() {
        assertEquals(25, ((Lbfgs) Lbfgs.KIND.create()).effectiveMaxEval());
        assertEquals(1, ((Lbfgs) Lbfgs.KIND.create(Map.of("max_iter", 1))).effectiveMaxEval());
        assertEquals(5, ((Lbfgs) Lbfgs.KIND.create(Map.of("max_iter", 4))).effectiveMaxEval());
        assertEquals(7, ((Lbfgs) Lbfgs.KIND.create(Map.of("max_iter", 4, "max_eval", 7))).effectiveMaxEval());
        Map<String, Object> json = new HashMap<>();
        json.put("max_iter", 8);
        json.put("max_eval", null);
        json.put("line_search_fn", null);
        Lbfgs fromJson = (Lbfgs) Lbfgs.KIND.create(json);
        assertEquals(0, fromJson.maxEval());
        assertEquals(10, fromJson.effectiveMaxEval());
        assertEquals(Lbfgs.NONE, fromJson.lineSearchFn());
    }

    @Test
    void historyIsBoundedByHistorySize() {
        Optimizer o = Lbfgs.KIND.create(Map.of("max_iter", 1, "history_size", 3, "line_search_fn", "strong_wolfe"));
        Stepper s = o.newStepper(2);
        double[] theta = {-1.2, 1};
        Objective f = Surfaces.create("rosenbrock");
        double most = 0;
        for (int i = 0; i < 20; i++) {
            s.step(f, theta, 1);
            most = Math.max(most, probe(s, "history")[0]);
        }
        assertEquals(3, most);
    }

    @Test
    void validationNamesTheValue() {
        assertEquals("Invalid history_size: 0 (must be >= 1)",
                assertThrows(IllegalArgumentException.class, () -> Lbfgs.KIND.create(Map.of("history_size", 0))).getMessage());
        assertEquals("Invalid max_iter: 0 (must be >= 1)",
                assertThrows(IllegalArgumentException.class, () -> Lbfgs.KIND.create(Map.of("max_iter", 0))).getMessage());
        assertEquals("Invalid max_eval: -1 (must be >= 1, or 0 for max_iter*5//4)",
                assertThrows(IllegalArgumentException.class, () -> Lbfgs.KIND.create(Map.of("max_eval", -1))).getMessage());
        assertEquals("Invalid tolerance_grad: -1.0 (must be a finite number >= 0)",
                assertThrows(IllegalArgumentException.class, () -> Lbfgs.KIND.create(Map.of("tolerance_grad", -1.0))).getMessage());
        assertEquals("Invalid tolerance_change: nan (must be a finite number >= 0)",
                assertThrows(IllegalArgumentException.class, () -> Lbfgs.KIND.create(Map.of("tolerance_change", Double.NaN))).getMessage());
        assertEquals("Invalid learning rate: 0.0 (must be a finite number > 0)",
                assertThrows(IllegalArgumentException.class, () -> Lbfgs.KIND.create(Map.of("lr", 0.0))).getMessage());
        assertEquals("Invalid value for line_search_fn: 'backtracking'; choose one of none, strong_wolfe",
                assertThrows(IllegalArgumentException.class, () -> Lbfgs.KIND.create(Map.of("line_search_fn", "backtracking"))).getMessage());
        assertEquals("Invalid line_search_fn: backtracking (only 'strong_wolfe' or none is supported)",
                assertThrows(IllegalArgumentException.class, () -> new Lbfgs(1, 20, 0, 1e-7, 1e-9, 100, "backtracking")).getMessage());
    }

    @Test
    void torchDefaults() {
        Lbfgs o = (Lbfgs) Optimizers.find("LBFGS").create();
        assertEquals(new Lbfgs(1, 20, 0, 1e-7, 1e-9, 100, "none"), o);
        assertFalse(o.isElementwise());
        assertEquals("L-BFGS η=1", o.label());
    }
}
