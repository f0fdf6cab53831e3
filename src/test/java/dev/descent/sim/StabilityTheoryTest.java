package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Optimizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stability boundary drawn on hyperparameter maps of the quadratic, from the optimizers' declared bounds. */
class StabilityTheoryTest {

    private final Surface bowl = Surfaces.find("quadratic").create(Map.of("a", 1, "b", 10));

    @Test
    void heavyBallCrossesAtTwoPlusTwoMuOverLambdaMax() {
        // λ_max = 10, μ = 0.5: η·10 < 3, so η = 0.29 converges and 0.31 does not
        Optional<Double> in = StabilityTheory.margin(bowl, Optimizers.find("sgd").create(Map.of("lr", 0.29, "momentum", 0.5)));
        Optional<Double> out = StabilityTheory.margin(bowl, Optimizers.find("sgd").create(Map.of("lr", 0.31, "momentum", 0.5)));
        assertEquals(0.29 * 10 - 3, in.orElseThrow(), 1e-12);
        assertEquals(0.31 * 10 - 3, out.orElseThrow(), 1e-12);
        assertEquals(0.19 * 10 - 2, StabilityTheory.margin(bowl, Optimizers.find("sgd").create(Map.of("lr", 0.19))).orElseThrow(), 1e-12);
    }

    @Test
    void nesterovCrossesAtTwoPlusTwoMuOverOnePlusTwoMuAndRunsAgree() {
        // μ = 0.5: η·10 < 3/2, so the boundary is η = 0.15 for torch's Nesterov and the look-ahead form alike
        for (Map<String, Object> form : List.of(Map.<String, Object>of("nesterov", true),
                Map.<String, Object>of("variant", "classic_nesterov"))) {
            for (double lr : new double[] {0.145, 0.155}) {
                Map<String, Object> p = new HashMap<>(form);
                p.put("lr", lr);
                p.put("momentum", 0.5);
                Optimizer o = Optimizers.find("sgd").create(p);
                assertEquals(lr * 10 - 1.5, StabilityTheory.margin(bowl, o).orElseThrow(), 1e-12, form.toString());
                Run run = new Run(new RunSpec(bowl, o, 1, 1));
                for (int t = 0; t < 2000 && run.step(); t++) {
                    // a diverged run stops stepping
                }
                // the steep coordinate's error: gone below the bound, blown up above it
                double y = Math.abs(run.y());
                assertTrue(lr < 0.15 ? y < 1e-6 : !(y < 1e3), form + " lr " + lr + " ended at y = " + y);
            }
        }
    }

    @Test
    void adaptiveMethodsAscentAndOtherSurfacesHaveNoLine() {
        assertTrue(StabilityTheory.margin(bowl, Optimizers.find("sgd").create(
                Map.of("lr", 0.1, "momentum", 0.9, "maximize", true))).isEmpty());
        assertTrue(StabilityTheory.margin(bowl, Optimizers.find("adam").create(Map.of())).isEmpty());
        assertTrue(StabilityTheory.margin(Surfaces.find("rosenbrock").create(Map.of()),
                Optimizers.find("sgd").create(Map.of("lr", 0.001))).isEmpty());
    }
}
