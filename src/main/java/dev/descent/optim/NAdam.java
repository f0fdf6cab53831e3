package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec.Scale;
import java.util.List;

/**
 * NAdam, Adam with Nesterov momentum (Dozat 2016, "Incorporating Nesterov Momentum into Adam"), with
 * the momentum schedule of {@code torch.optim.NAdam} in its <b>corrected</b> form (torch ≥ 2.0):
 * <pre>
 *   t ← t + 1
 *   g ← ∇f(θ)   (−∇f(θ) when maximising),   g ← g + λ·θ      (weight_decay λ)
 *   μ_t     = β₁·(1 − ½·0.96^(t·ψ))                           (momentum_decay ψ)
 *   μ_{t+1} = β₁·(1 − ½·0.96^((t+1)·ψ))
 *   Π_t = Π_{t−1}·μ_t                                          (Π₀ = 1: the product μ₁·…·μ_t)
 *   m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²           (m₀ = v₀ = 0)
 *   d = √(v/(1 − β₂ᵗ)) + ε
 *   θ ← θ − η·(1 − μ_t)/(1 − Π_t) · g/d
 *   θ ← θ − η·μ_{t+1}/(1 − Π_t·μ_{t+1}) · m/d
 * </pre>
 * The second line uses the next step's momentum: that is the Nesterov look-ahead.
 *
 * <p><b>Note.</b> torch 1.13's single-tensor NAdam multiplies μ_t into the product twice
 * (it uses Π_t·μ_t·μ_{t+1} in the last line); PyTorch 2.0 fixed that, and Descent implements the
 * fixed rule, so its trajectories differ from torch 1.13's. Rounding follows torch's CPU kernels
 * as for {@link Adam}: fused multiply-adds for the moments, θ + (c·g)/d for each addcdiv.
 * torch ≥ 2.1 also has {@code maximize}, as here.
 */
public record NAdam(double lr, double beta1, double beta2, double eps, double weightDecay, double momentumDecay,
                    boolean maximize) implements Optimizer {

    static final Hyper<NAdam, Double> LR = Hyper.lr(2e-3, NAdam::lr);
    static final Hyper<NAdam, double[]> BETAS = Hyper.betas(0.9, 0.999,
            "decay rates (β₁, β₂) of the running averages of g and g²", NAdam::beta1, NAdam::beta2);
    static final Hyper<NAdam, Double> EPS = Hyper.eps(1e-8, "added to √v̂ (outside the square root)", NAdam::eps);
    static final Hyper<NAdam, Double> WEIGHT_DECAY = Hyper.l2(NAdam::weightDecay);
    static final Hyper<NAdam, Double> MOMENTUM_DECAY = Hyper.real("momentum_decay", "ψ", 4e-3, 0, 0.1, Scale.LINEAR,
            "momentum schedule: μ_t = β₁·(1 − ½·0.96^(t·ψ))", NAdam::momentumDecay);
    static final Hyper<NAdam, Boolean> MAXIMIZE = Hyper.maximize(NAdam::maximize);

    public static final OptimizerKind KIND = OptimizerKind.of(NAdam.class, "nadam", "NAdam", "NAdam",
            "Adam with a Nesterov look-ahead: θ ← θ − η·[(1−μ_t)/(1−Π_t)·g + μ_{t+1}/(1−Π_{t+1})·m]/(√v̂ + ε)",
            p -> new NAdam(LR.of(p), BETAS.first(p), BETAS.second(p), EPS.of(p), WEIGHT_DECAY.of(p),
                    MOMENTUM_DECAY.of(p), MAXIMIZE.of(p)),
            LR, BETAS, EPS, WEIGHT_DECAY, MOMENTUM_DECAY, MAXIMIZE);

    public NAdam {
        Validate.adamFamily(lr, eps, beta1, beta2, weightDecay);
        Validate.nonNegative("momentum_decay value", momentumDecay);
    }

    /** torch's defaults with the given learning rate. */
    public NAdam(double lr) {
        this(lr, BETAS.def()[0], BETAS.def()[1], EPS.def(), WEIGHT_DECAY.def(), MOMENTUM_DECAY.def(), MAXIMIZE.def());
    }

    @Override
    public Stepper newStepper(int n) {
        return new MomentStepper(n, maximize, weightDecay, beta1, beta2) {
            private double mu = Double.NaN;
            private double muNext = Double.NaN;
            private double muProduct = 1;
            private double gradCoef = Double.NaN;
            private double momentumCoef = Double.NaN;

            @Override
            void update(double[] theta, double lr) {
                double step = t;
                correct(); // NAdam uses only bc2: m enters through the μ products instead
                mu = beta1 * (1 - 0.5 * Math.pow(0.96, step * momentumDecay));
                muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
                muProduct *= mu;
                double muProductNext = muProduct * muNext;
                gradCoef = -lr * (1 - mu) / (1 - muProduct);
                momentumCoef = -lr * muNext / (1 - muProductNext);
                updateMoments();
                for (int i = 0; i < theta.length; i++) {
                    double denom = denominator(i);
                    double th = theta[i] + gradCoef * g[i] / denom;
                    theta[i] = th + momentumCoef * m[i] / denom;
                }
            }

            private double denominator(int i) {
                return Math.sqrt(v[i] / bc2) + eps;
            }

            @Override
            List<WorkedLine> ruleLines() {
                String b1 = WorkedLine.constant(beta1);
                String psi = WorkedLine.constant(momentumDecay);
                return List.of(
                        new WorkedLine("μ_t", "β₁·(1 − ½·0.96^(t·ψ))", b1 + "·(1 − 0.5·0.96^({t}·" + psi + "))", "mu_t",
                                "\\mu_t = \\beta_1\\,(1 - \\tfrac12\\, 0.96^{t\\psi})"),
                        new WorkedLine("μ_{t+1}", "β₁·(1 − ½·0.96^((t+1)·ψ))", b1 + "·(1 − 0.5·0.96^(({t} + 1)·" + psi + "))", "mu_next",
                                "\\mu_{t+1} = \\beta_1\\,(1 - \\tfrac12\\, 0.96^{(t+1)\\psi})"),
                        new WorkedLine("Π_t", "Π_{t−1}·μ_t", "{mu_product'}·{mu_t}", "mu_product", "\\Pi_t = \\Pi_{t-1}\\,\\mu_t"),
                        firstMomentLine(),
                        secondMomentLine(),
                        bc2Line(),
                        vHatLine(),
                        new WorkedLine("Δθ", "−η·[(1 − μ_t)/(1 − Π_t)·g + μ_{t+1}/(1 − Π_t·μ_{t+1})·m]/(√v̂ + ε)",
                                "−{lr}·[(1 − {mu_t})/(1 − {mu_product})·{grad} + {mu_next}/(1 − {mu_product}·{mu_next})·{m}]/(√{v_hat} + "
                                        + WorkedLine.constant(eps) + ")", "step",
                                "\\Delta\\theta = -\\eta\\,\\Big[\\frac{1-\\mu_t}{1-\\Pi_t}\\, g + \\frac{\\mu_{t+1}}{1-\\Pi_t\\mu_{t+1}}\\, m\\Big]"
                                        + "/(\\sqrt{\\hat v}+\\epsilon)"));
            }

            @Override
            List<Probe> ruleProbes() {
                return List.of(
                        mProbe(),
                        secondProbe("v", "v", "second moment: running average of g²"),
                        secondHatProbe("v_hat", "v̂", "bias-corrected second moment v/(1 − β₂ᵗ)"),
                        bc2Probe("divisor of v"),
                        Elementwise.scalar("mu_t", "μ_t", "momentum coefficient of this step, β₁·(1 − ½·0.96^(tψ))", () -> mu),
                        Elementwise.scalar("mu_next", "μ_{t+1}", "next step's momentum coefficient (the look-ahead)", () -> muNext),
                        Elementwise.scalar("mu_product", "Π_t", "product μ₁·…·μ_t", () -> muProduct),
                        new Probe("effective_lr", "η/(√v̂+ε)", "per-coordinate step size before the momentum weights", out -> {
                            for (int i = 0; i < v.length; i++) {
                                out[i] = lastLr / denominator(i);
                            }
                        }),
                        new Probe("step", "Δθ", "the last step, −η·[(1−μ_t)/(1−Π_t)·g + μ_{t+1}/(1−Π_{t+1})·m]/(√v̂+ε)", out -> {
                            for (int i = 0; i < v.length; i++) {
                                double d = denominator(i);
                                out[i] = gradCoef * g[i] / d + momentumCoef * m[i] / d;
                            }
                        }));
            }
        };
    }
}
