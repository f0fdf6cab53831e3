package dev.descent.sim;

import dev.descent.math.Surface;
import dev.descent.optim.Optimizer;
import dev.descent.optim.StabilityBound;
import java.util.Optional;

/**
 * The textbook linear rate of gradient descent, heavy-ball and Nesterov momentum on the quadratic bowl:
 * along each eigen-direction of the Hessian (curvature λ) the error follows the two-term recurrence
 * the optimizer declares ({@link StabilityBound}), so it shrinks like ρ(λ)ᵗ, ρ(λ) its spectral radius
 * (|1 − ηλ| for GD, √μ for heavy ball with complex roots). The slowest direction sets the rate:
 * f − f* ≈ C·ρ^{2t}, ρ = max ρ(λ) (Polyak 1964; Goh 2017). The loss chart draws (f₀ − f*)·ρ^{2t} beside the run.
 */
public final class QuadraticRate {

    private QuadraticRate() {
    }

    /** ρ for this optimizer on this surface; empty when the surface is not the quadratic or the optimizer declares no bound. */
    public static Optional<Double> rho(Surface surface, Optimizer o) {
        if (!surface.id().equals("quadratic")) {
            return Optional.empty();
        }
        StabilityBound bound = o.newStepper(2).stabilityBound();
        if (bound == null) {
            return Optional.empty();
        }
        double[] h = new double[4];
        surface.hessian(0, 0, h);
        double mean = 0.5 * (h[0] + h[3]);
        double radius = Math.hypot(0.5 * (h[0] - h[3]), h[1]);
        double worst = 0;
        for (double lambda : new double[] {mean - radius, mean + radius}) {
            worst = Math.max(worst, bound.rate(o.lr(), lambda));
        }
        return Optional.of(worst);
    }
}
