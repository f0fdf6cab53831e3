package dev.descent.sim;

import dev.descent.math.LocalQuadratic;
import dev.descent.math.Surface;
import dev.descent.optim.Optimizer;
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
        return StabilityTheory.bound(surface, o).map(bound -> {
            // the bowl's two curvatures, the same everywhere on it
            LocalQuadratic q = LocalQuadratic.at(surface, 0, 0);
            return Math.max(bound.rate(o.lr(), q.lambda1()), bound.rate(o.lr(), q.lambda2()));
        });
    }
}
