package dev.descent.math;

import java.util.SplittableRandom;

/**
 * Gaussian noise on the gradient, which is how "stochastic" gradient descent is shown on a fixed
 * surface. Additive: g̃ = g + σ·ξ. Multiplicative: g̃ = g·(1 + σ·ξ). ξ ~ N(0, 1) independently per
 * coordinate and per gradient evaluation, drawn from a generator seeded with {@code seed}: the same
 * seed gives the same trajectory.
 */
public record GradientNoise(Kind kind, double sigma, long seed) {

    public static final GradientNoise NONE = new GradientNoise(Kind.NONE, 0, 0);

    public enum Kind { NONE, ADDITIVE, MULTIPLICATIVE }

    public GradientNoise {
        if (kind == null) {
            throw new IllegalArgumentException("noise kind is missing");
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Invalid noise sigma: " + sigma + " (must be a finite number >= 0)");
        }
    }

    public boolean isNone() {
        return kind == Kind.NONE || sigma == 0;
    }

    /** The objective with this noise on its gradient (the objective itself when there is none). */
    public Objective applyTo(Objective f) {
        return isNone() ? f : new Noisy(f, this);
    }

    /** The objective seen through noisy gradients. Values and Hessians are exact. */
    private static final class Noisy implements Objective {
        private final Objective f;
        private final GradientNoise noise;
        private final SplittableRandom random;

        Noisy(Objective f, GradientNoise noise) {
            this.f = f;
            this.noise = noise;
            this.random = new SplittableRandom(noise.seed);
        }

        @Override
        public int dimension() {
            return f.dimension();
        }

        @Override
        public double value(double[] x) {
            return f.value(x);
        }

        @Override
        public double gradient(double[] x, double[] grad) {
            double v = f.gradient(x, grad);
            for (int i = 0, n = f.dimension(); i < n; i++) {
                double xi = random.nextGaussian();
                grad[i] = noise.kind == Kind.ADDITIVE ? grad[i] + noise.sigma * xi : grad[i] * (1 + noise.sigma * xi);
            }
            return v;
        }

        @Override
        public boolean hasHessian() {
            return f.hasHessian();
        }

        @Override
        public boolean isStochastic() {
            return true;
        }

        @Override
        public String toString() {
            return f + " with " + noise.kind.name().toLowerCase(java.util.Locale.ROOT) + " gradient noise";
        }

        @Override
        public void hessian(double[] x, double[] h) {
            f.hessian(x, h);
        }
    }
}
