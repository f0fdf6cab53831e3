package dev.descent.sim;

import dev.descent.math.Surface;
import dev.descent.optim.Optimizer;
import dev.descent.optim.StabilityBound;
import java.util.Optional;

/**
 * The textbook linear rate of gradient descent and heavy-ball momentum on the quadratic bowl: along
 * each eigen-direction of the Hessian (curvature λ) the error follows e ← (1 + μ − αλ)·e − μ·e₋₁ with
 * α = gain·η, so it shrinks like ρ(λ)ᵗ, ρ(λ) the larger root modulus of z² − (1 + μ − αλ)z + μ
 * (|1 − αλ| without momentum). The slowest direction sets the rate: f − f* ≈ C·ρ^{2t}, ρ = max ρ(λ)
 * (Polyak 1964; Goh 2017). The loss chart draws (f₀ − f*)·ρ^{2t} beside the run.
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
        double mu = (bound.limit() - 2) / 2;
        double alpha = bound.gain() * o.lr();
        double worst = 0;
        for (double lambda : new double[] {mean - radius, mean + radius}) {
            worst = Math.max(worst, rootModulus(1 + mu - alpha * (lambda + bound.shift()), mu));
        }
        return Optional.of(worst);
    }

    /** The larger root modulus of z² − b·z + c (c ≥ 0). */
    static double rootModulus(double b, double c) {
        double disc = b * b - 4 * c;
        if (disc < 0) {
            return Math.sqrt(c); // complex pair: |z|² = c
        }
        double s = Math.sqrt(disc);
        return Math.max(Math.abs((b + s) / 2), Math.abs((b - s) / 2));
    }
}
