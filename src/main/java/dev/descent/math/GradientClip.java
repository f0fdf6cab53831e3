package dev.descent.math;

/**
 * Gradient clipping by norm, as {@code torch.nn.utils.clip_grad_norm_} does after the backward pass:
 * when ‖g‖ > c, g ← g·c/(‖g‖ + 1e-6). It keeps a cliff's exploding gradient from throwing a run away.
 */
public final class GradientClip {

    private GradientClip() {
    }

    /**
     * The objective with its gradient clipped to norm {@code maxNorm}; {@code f} itself when
     * {@code maxNorm} is 0 or infinite (no clipping).
     *
     * @throws IllegalArgumentException for a negative or NaN norm
     */
    public static Objective applyTo(Objective f, double maxNorm) {
        check(maxNorm);
        return maxNorm == 0 || Double.isInfinite(maxNorm) ? f : new Clipped(f, maxNorm);
    }

    public static void check(double maxNorm) {
        if (!(maxNorm >= 0)) {
            throw new IllegalArgumentException("Invalid gradient clipping norm: " + maxNorm + " (must be >= 0; 0 means no clipping)");
        }
    }

    private record Clipped(Objective f, double maxNorm) implements Objective {
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
            int n = f.dimension();
            double sq = 0;
            for (int i = 0; i < n; i++) {
                sq += grad[i] * grad[i];
            }
            double norm = Math.sqrt(sq);
            double coef = maxNorm / (norm + 1e-6);
            if (coef < 1) {
                for (int i = 0; i < n; i++) {
                    grad[i] *= coef;
                }
            }
            return v;
        }

        @Override
        public String toString() {
            return f + " with clipped gradients";
        }

        @Override
        public boolean hasHessian() {
            return f.hasHessian();
        }

        @Override
        public boolean isStochastic() {
            return f.isStochastic();
        }

        @Override
        public Sampling sampling() {
            return f.sampling();
        }

        @Override
        public void hessian(double[] x, double[] h) {
            f.hessian(x, h);
        }
    }
}
