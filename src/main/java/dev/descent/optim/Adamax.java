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

    public static final OptimizerKind KIND = OptimizerKind.of(Adamax.class, "adamax", "Adamax", "Adamax",
            "u ← max(β₂u, |g| + ε), θ ← θ − η/(1−β₁ᵗ)·m/u",
            p -> new Adamax(LR.of(p), BETAS.first(p), BETAS.second(p), EPS.of(p), WEIGHT_DECAY.of(p),
                    MAXIMIZE.of(p)),
            LR, BETAS, EPS, WEIGHT_DECAY, MAXIMIZE);

    public Adamax {
        Validate.adamFamily(lr, eps, beta1, beta2, weightDecay);
    }

    /** torch's defaults with the given learning rate. */
    public Adamax(double lr) {
        this(lr, BETAS.def()[0], BETAS.def()[1], EPS.def(), WEIGHT_DECAY.def(), MAXIMIZE.def());
    }

    @Override
    public Stepper newStepper(int n) {
        return new MomentStepper(n, maximize, weightDecay, beta1, beta2) {
            private double clr = Double.NaN;

            @Override
            void update(double[] theta, double lr) {
                correct();
                clr = lr / bc1;
                double negClr = -clr;
                double[] u = v;
                for (int i = 0; i < theta.length; i++) {
                    double gi = g[i];
                    double mi = first(m[i], gi, beta1, mix1);
                    double ui = Math.max(u[i] * beta2, Math.abs(gi) + eps);
                    m[i] = mi;
                    u[i] = ui;
                    theta[i] += negClr * mi / ui;
                }
            }

            @Override
            List<WorkedLine> ruleLines() {
                return List.of(
                        firstMomentLine(),
                        new WorkedLine("u", "max(β₂·u, |g| + ε)", "max(" + WorkedLine.constant(beta2) + "·{u'}, |{grad}| + " + WorkedLine.constant(eps) + ")",
                                "u", "u \\leftarrow \\max(\\beta_2 u, |g| + \\epsilon)"),
                        new WorkedLine("Δθ", "−η/(1 − β₁ᵗ)·m/u", "−{lr}/{bias_correction1}·{m}/{u}", "step",
                                "\\Delta\\theta = -\\frac{\\eta}{1-\\beta_1^{\\,t}}\\,\\frac{m}{u}"));
            }

            @Override
            List<Probe> ruleProbes() {
                return List.of(
                        mProbe(),
                        secondProbe("u", "u", "exp_inf: decaying maximum of |g| + ε"),
                        mHatProbe(),
                        bc1Probe("divisor of m"),
                        new Probe("effective_lr", "η/u", "per-coordinate step size: the step is −effective_lr·m̂", out -> {
                            for (int i = 0; i < v.length; i++) {
                                out[i] = lastLr / v[i];
                            }
                        }),
                        new Probe("step", "Δθ", "the last step, −η/(1−β₁ᵗ)·m/u", out -> {
                            for (int i = 0; i < v.length; i++) {
                                out[i] = -clr * m[i] / v[i];
                            }
                        }));
            }
        };
    }
}
