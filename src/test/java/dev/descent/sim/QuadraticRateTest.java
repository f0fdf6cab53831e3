package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Optimizer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rate line of the loss chart: the textbook ρ, and a run that follows it. */
class QuadraticRateTest {

    private final Surface bowl = Surfaces.find("quadratic").create(Map.of("a", 1, "b", 10));

    @Test
    void gradientDescentsRateIsTheWorstOneMinusEtaLambda() {
        // η = 0.1: |1 − 0.1·1| = 0.9, |1 − 0.1·10| = 0
        assertEquals(0.9, QuadraticRate.rho(bowl, Optimizers.find("sgd").create(Map.of("lr", 0.1))).orElseThrow(), 1e-15);
        // η = 0.19: |1 − 1.9| = 0.9 along the steep axis, 0.81 along the flat one
        assertEquals(0.9, QuadraticRate.rho(bowl, Optimizers.find("sgd").create(Map.of("lr", 0.19))).orElseThrow(), 1e-12);
    }

    @Test
    void heavyBallWithComplexRootsShrinksLikeSqrtMu() {
        // μ = 0.81, η = 0.1: 1 + μ − ηλ = 1.71 (λ = 1) and 0.81 (λ = 10); both discriminants < 0, so ρ = √μ = 0.9
        assertEquals(0.9, QuadraticRate.rho(bowl, Optimizers.find("sgd").create(Map.of("lr", 0.1, "momentum", 0.81))).orElseThrow(), 1e-12);
    }

    @Test
    void aRunOnTheBowlFallsAtTheRatesPace() {
        Optimizer o = Optimizers.find("sgd").create(Map.of("lr", 0.05, "momentum", 0.5));
        double rho = QuadraticRate.rho(bowl, o).orElseThrow();
        Run run = new Run(new RunSpec(bowl, o, 3, 2));
        for (int t = 0; t < 200; t++) {
            run.step();
        }
        double f200 = run.loss();
        for (int t = 0; t < 100; t++) {
            run.step();
        }
        // over the last 100 steps the loss falls by ρ^200, to within the slow direction's polynomial factor
        double measured = Math.log(run.loss() / f200) / 200;
        assertEquals(Math.log(rho), measured, 0.01 * Math.abs(Math.log(rho)));
        assertTrue(QuadraticRate.rho(Surfaces.find("rosenbrock").create(Map.of()), o).isEmpty());
        assertTrue(QuadraticRate.rho(bowl, Optimizers.find("adam").create(Map.of())).isEmpty());
    }

    @Test
    void nesterovsRateIsItsIterationsSpectralRadiusAndARunFollowsIt() {
        // μ = 0.5, η = 0.1, λ = 10: h = 1, so T = (1 + μ)(1 − h) = 0 and D = μ(1 − h) = 0: the steep axis is solved at once;
        // λ = 1: h = 0.1, z² − 1.35z + 0.45 = 0, roots (1.35 ± √(1.8225 − 1.8))/2 = 0.75 and 0.6
        Optimizer o = Optimizers.find("sgd").create(Map.of("lr", 0.1, "momentum", 0.5, "nesterov", true));
        double rho = QuadraticRate.rho(bowl, o).orElseThrow();
        assertEquals(0.75, rho, 1e-12);
        Run run = new Run(new RunSpec(bowl, o, 3, 2));
        for (int t = 0; t < 100; t++) {
            run.step();
        }
        double f100 = run.loss();
        for (int t = 0; t < 20; t++) {
            run.step();
        }
        assertEquals(Math.log(rho), Math.log(run.loss() / f100) / 40, 0.01 * Math.abs(Math.log(rho)));
    }
}
