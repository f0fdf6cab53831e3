package dev.descent.optim;

import dev.descent.math.Objective;
import java.util.List;

/**
 * Adamax (Kingma &amp; Ba 2015, section 7.1: Adam with the infinity norm), exactly as
 * {@code torch.optim.Adamax}:
 * <pre>
 *   t ← t + 1
 *   g ← ∇f(θ)   (−∇f(θ) when maximising),   g ← g + λ·θ      (weight_decay λ)
 *   m ← β₁·m + (1 − β₁)·g                                     (m₀ = u₀ = 0)
 *   u ← max(β₂·u, |g| + ε)                                    (ε inside the max; NaN propagates)
 *   θ ← θ − η/(1 − β₁ᵗ) · m/u                                 (u is not bias-corrected)
 * </pre>
 */
public record Adamax(double lr, double beta1, double beta2, double eps, double weightDecay, boolean maximize)
        implements Optimizer {

    static final Hyper<Adamax, Double> LR = Hyper.lr(2e-3, Adamax::lr);
    static final Hyper<Adamax, double[]> BETAS = Hyper.betas(0.9, 0.999,
            "decay rates (β₁, β₂) of the running average of g and of the infinity norm", Adamax::beta1,
            Adamax::beta2);
    static final Hyper<Adamax, Double> EPS = Hyper.eps(1e-8, "added to |g| inside the max", Adamax::eps);
    static final Hyper<Adamax, Double> WEIGHT_DECAY = Hyper.l2(Adamax::weightDecay);
    static final Hyper<Adamax, Boolean> MAXIMIZE = Hyper.maximize(Adamax::maximize);

    public static final OptimizerKind KIND = OptimizerKind.of("adamax", "Adamax", "Adamax",
            "u ← max(β₂u, |g| + ε), θ ← θ − η/(1−β₁ᵗ)·m/u",
            p -> new Adamax(LR.of(p), BETAS.first(p), BETAS.second(p), EPS.of(p), WEIGHT_DECAY.of(p),
                    MAXIMIZE.of(p)),
            LR, BETAS, EPS, WEIGHT_DECAY, MAXIMIZE);

    public Adamax {
        Validate.adamFamily(lr, eps, beta1, beta2, weightDecay);
    }

    /** torch's defaults with the given learning rate. */
    public Adamax(double lr) {
        this(lr, 0.9, 0.999, 1e-8, 0, false);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final double[] g;
        private final double[] m;
        private final double[] u;
        private long t;
        private double bc1 = Double.NaN;
        private double clr = Double.NaN;
        private double lastLr = Double.NaN;

        State(int n) {
            g = new double[n];
            m = new double[n];
            u = new double[n];
        }

        private final BiasCorrection correction1 = new BiasCorrection(beta1);

        @Override
        public void step(Objective f, double[] theta, double lr) {
            t++;
            lastLr = lr;
            f.gradient(theta, g);
            Elementwise.prepare(g, theta, maximize, weightDecay);
            double oneMinusBeta1 = 1 - beta1;
            bc1 = correction1.at(t);
            clr = lr / bc1;
            double negClr = -clr;
            for (int i = 0; i < theta.length; i++) {
                double gi = g[i];
                double mi = Math.fma(oneMinusBeta1, gi, m[i] * beta1);
                double ui = Math.max(u[i] * beta2, Math.abs(gi) + eps);
                m[i] = mi;
                u[i] = ui;
                theta[i] += negClr * mi / ui;
            }
        }

        @Override
        public long steps() {
            return t;
        }

        @Override
        public List<Probe> probes() {
            return List.of(
                    Elementwise.copy("grad", "∇f", "gradient used by the last step (with weight decay)", g),
                    Elementwise.copy("m", "m", "first moment: running average of g", m),
                    Elementwise.copy("u", "u", "exp_inf: decaying maximum of |g| + ε", u),
                    Elementwise.divided("m_hat", "m̂", "bias-corrected first moment m/(1 − β₁ᵗ)", m, () -> bc1),
                    Elementwise.scalar("bias_correction1", "1−β₁ᵗ", "divisor of m", () -> bc1),
                    new Probe("effective_lr", "η/u", "per-coordinate step size: the step is −effective_lr·m̂", out -> {
                        for (int i = 0; i < u.length; i++) {
                            out[i] = lastLr / u[i];
                        }
                    }),
                    new Probe("step", "Δθ", "the last step, −η/(1−β₁ᵗ)·m/u", out -> {
                        for (int i = 0; i < u.length; i++) {
                            out[i] = -clr * m[i] / u[i];
                        }
                    }));
        }
    }
}
