package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizers;
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
    void nesterovsFormsAndAdaptiveMethodsHaveNoLine() {
        assertTrue(StabilityTheory.margin(bowl, Optimizers.find("sgd").create(
                Map.of("lr", 0.1, "momentum", 0.9, "variant", "classic_nesterov"))).isEmpty());
        assertTrue(StabilityTheory.margin(bowl, Optimizers.find("sgd").create(
                Map.of("lr", 0.1, "momentum", 0.9, "nesterov", true))).isEmpty());
        assertTrue(StabilityTheory.margin(bowl, Optimizers.find("adam").create(Map.of())).isEmpty());
        assertTrue(StabilityTheory.margin(Surfaces.find("rosenbrock").create(Map.of()),
                Optimizers.find("sgd").create(Map.of("lr", 0.001))).isEmpty());
    }
}
