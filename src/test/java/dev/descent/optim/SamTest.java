package dev.descent.optim;

import static dev.descent.optim.HandComputedStepsTest.close;
import static dev.descent.optim.HandComputedStepsTest.probe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Quadratic;
import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SAM: the perturbed gradient, its identities, its settings, and why it prefers the flat minimum. */
class SamTest {

    /** f = ½(x² + 10y²) rotated by 20°, so that the two coordinates mix. */
    private static final Quadratic BOWL = new Quadratic(1, 10, 20);

    @Test
    void firstStepUsesTheGradientAtThePerturbedPoint() {
        double lr = 0.05;
        double rho = 0.3;
        Stepper s = new Sam(new Sgd(lr, 0, 0, 0, false, false, Sgd.TORCH), rho).newStepper(2);
        Quadratic f = new Quadratic(1, 10, 0);
        double[] theta = {2, 1};
        s.step(f, theta, lr);
        double gx = 2;
        double gy = 10;
        double norm = Math.sqrt(gx * gx + gy * gy);
        double px = 2 + rho * gx / (norm + 1e-12);
        double py = 1 + rho * gy / (norm + 1e-12);
        close(px, probe(s, "perturbed_point")[0], "θ + ε̂, x");
        close(py, probe(s, "perturbed_point")[1], "θ + ε̂, y");
        close(rho * gy / (norm + 1e-12), probe(s, "perturbation")[1], "ε̂ y");
        close(10 * py, probe(s, "grad")[1], "the step's gradient is ∇f(θ + ε̂)");
        close(gy, probe(s, "grad_at_theta")[1], "∇f(θ)");
        close(2 - lr * px, theta[0], "x");
        close(1 - lr * 10 * py, theta[1], "y");
        double ex = probe(s, "perturbation")[0];
        double ey = probe(s, "perturbation")[1];
        close(rho * norm / (norm + 1e-12), Math.hypot(ex, ey), "‖ε̂‖ = ρ (up to the 1e-12 guard)");
    }

    /** With ρ = 0 the perturbation is exactly zero and SAM moves bit for bit as its inner optimizer. */
    @Test
    void rhoZeroIsTheInnerOptimizer() {
        for (Configurations.Config c : Configurations.all()) {
            Optimizer inner = c.optimizer();
            if (!Sam.INNER_KINDS.contains(inner.kind())) {
                continue;
            }
            Stepper sam = new Sam(inner, 0).newStepper(2);
            Stepper alone = inner.newStepper(2);
            double[] a = {1.5, -0.5};
            double[] b = a.clone();
            for (int t = 0; t < 30; t++) {
                sam.step(BOWL, a, inner.lr());
                alone.step(BOWL, b, inner.lr());
                assertArrayEquals(b, a, c.name() + " step " + t);
            }
        }
    }

    /** At a stationary point g = 0, so ε̂ = 0 rather than 0/0. */
    @Test
    void noPerturbationAtAStationaryPoint() {
        Stepper s = Sam.KIND.create(Map.of("rho", 0.5)).newStepper(2);
        double[] theta = {0, 0};
        s.step(BOWL, theta, 0.01);
        assertArrayEquals(new double[] {0, 0}, theta);
        assertArrayEquals(new double[] {0, 0}, probe(s, "perturbation"));
    }

    @Test
    void settingsPassThroughToTheInnerOptimizer() {
        Sam sam = (Sam) Sam.KIND.create(Map.of("inner", "adam", "lr", 0.05, "rho", 0.1));
        assertEquals(new Sam(new Adam(0.05), 0.1), sam);
        assertEquals(sam, Sam.KIND.factory().apply(sam.hyperparameters()));
        assertEquals("SAM ρ=0.1 · Adam η=0.05", sam.label());
        assertEquals(new Sam(Adadelta.KIND.create(Map.of("rho", 0.95))),
                Sam.KIND.create(Map.of("inner", "adadelta", "inner_rho", 0.95)));
        assertEquals(new Sam(Sgd.KIND.create(Map.of())), Sam.KIND.create());
        assertFalse(sam.isElementwise(), "‖g‖ couples the coordinates");
        assertEquals(List.of("rho", "inner", "lr"), Sam.kindFor(Newton.KIND).params().stream().map(p -> p.name()).toList()
                .subList(0, 3));
    }

    @Test
    void validation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sam.KIND.create(Map.of("rho", -0.1)));
        assertEquals("Invalid rho value: -0.1 (must be a finite number >= 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sam.KIND.create(Map.of("inner", "sgd", "betas", "0.9,0.99")));
        assertEquals("Unknown parameter 'betas' for SAM; known: rho, inner, lr, momentum, dampening, weight_decay, "
                + "nesterov, maximize, variant", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sam.KIND.create(Map.of("inner", "adam", "lr", -1.0)));
        assertEquals("Invalid learning rate: -1.0 (must be a finite number > 0)", e.getMessage());
    }

    /**
     * On sharp_flat from its suggested start, at η = 0.045 (1.8/S: the sharp bowl is still stable for
     * gradient descent), SGD settles in the deeper, sharp minimum at (0, 0), SAM in the flat one at (3, 0).
     */
    @Test
    void samPrefersTheFlatMinimum() {
        Surface s = Surfaces.create("sharp_flat");
        double lr = 0.045;
        Optimizer sgd = Sgd.KIND.create(Map.of("lr", lr));
        double[] plain = run(s, sgd, 3000);
        assertEquals(0, Math.hypot(plain[0], plain[1]), 1e-6, "SGD ends in the sharp minimum");
        for (double rho : new double[] {0.05, 0.1, 0.2}) {
            double[] sam = run(s, new Sam(sgd, rho), 3000);
            assertEquals(3, sam[0], 0.02, "SAM ρ=" + rho + " ends in the flat minimum");
            assertEquals(0, sam[1], 0.02, "SAM ρ=" + rho);
            assertTrue(s.value(sam[0], sam[1]) > s.value(plain[0], plain[1]), "at the higher, flatter minimum");
        }
    }

    private static double[] run(Surface s, Optimizer o, int steps) {
        double[] theta = s.suggestedStart().clone();
        Stepper st = o.newStepper(2);
        for (int t = 0; t < steps; t++) {
            st.step(s, theta, o.lr());
        }
        return theta;
    }
}
