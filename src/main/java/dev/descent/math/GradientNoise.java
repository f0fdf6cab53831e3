package dev.descent.math;

import java.util.SplittableRandom;

/**
 * Gaussian noise on the gradient, which is how "stochastic" gradient descent is shown on a fixed
 * surface. Additive: g̃ = g + σ·ξ. Multiplicative: g̃ = g·(1 + σ·ξ). ξ ~ N(0, 1) independently per
 * coordinate and per gradient evaluation, drawn from a generator seeded with {@code seed}: the same
 * seed gives the same trajectory.
 *
 * <p>{@code MINIBATCH} is the real thing on a surface made from data ({@link MinibatchSource}): each
 * gradient is the mean over the next {@code batchSize} points of a seeded shuffle, epoch after epoch
 * (docs/minibatch.md); {@code sigma} plays no part. A batch size equal to N is the full batch: the
 * surface itself, exact, and line-search and second-order methods accept it.
 */
public record GradientNoise(Kind kind, double sigma, long seed, int batchSize) {

    public static final GradientNoise NONE = new GradientNoise(Kind.NONE, 0, 0);

    public enum Kind { NONE, ADDITIVE, MULTIPLICATIVE, MINIBATCH }

    public GradientNoise {
        if (kind == null) {
            throw new IllegalArgumentException("noise kind is missing");
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Invalid noise sigma: " + sigma + " (must be a finite number >= 0)");
        }
        if (kind == Kind.MINIBATCH && batchSize < 1) {
            throw new IllegalArgumentException("Invalid batch size: " + batchSize + " (must be >= 1)");
        }
        if (kind != Kind.MINIBATCH) {
            batchSize = 0;
        }
    }

    /** Gaussian noise (or none): no batch size. */
    public GradientNoise(Kind kind, double sigma, long seed) {
        this(kind, sigma, seed, 0);
    }

    /** Minibatches of {@code batchSize} points, shuffled with {@code seed}. */
    public static GradientNoise minibatch(int batchSize, long seed) {
        return new GradientNoise(Kind.MINIBATCH, 0, seed, batchSize);
    }

    public boolean isNone() {
        return kind == Kind.NONE || kind != Kind.MINIBATCH && sigma == 0;
    }

    /**
     * The objective with this noise on its gradient (the objective itself when there is none, or when
     * the minibatch is the whole data set).
     *
     * @throws IllegalArgumentException for minibatches on a surface that is not made from data, or a
     *                                  batch size larger than the data set
     */
    public Objective applyTo(Objective f) {
        if (kind == Kind.MINIBATCH) {
            if (!(f instanceof MinibatchSource data)) {
                throw new IllegalArgumentException("Minibatches need a surface made from data (linear_regression, "
                        + "logistic_regression, tanh_net); " + f + " is a formula: use additive or multiplicative noise");
            }
            if (batchSize > data.size()) {
                throw new IllegalArgumentException("Invalid batch size: " + batchSize + " (the data set has " + data.size()
                        + " points; at most " + data.size() + ")");
            }
            return batchSize == data.size() ? f : data.minibatches(batchSize, seed);
        }
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
