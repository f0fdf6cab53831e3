package dev.descent.optim;

import dev.descent.math.Objective;
import java.util.List;

/**
 * RAdam, rectified Adam (Liu et al. 2020, "On the Variance of the Adaptive Learning Rate and
 * Beyond"), exactly as {@code torch.optim.RAdam}:
 * <pre>
 *   t ← t + 1
 *   g ← ∇f(θ)   (−∇f(θ) when maximising),   g ← g + λ·θ      (weight_decay λ)
 *   m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²,   m̂ = m/(1 − β₁ᵗ)
 *   ρ_∞ = 2/(1 − β₂) − 1,    ρ_t = ρ_∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)
 *   if ρ_t > 5 (rectified):
 *     r_t = √[(ρ_t − 4)(ρ_t − 2)ρ_∞ / ((ρ_∞ − 4)(ρ_∞ − 2)ρ_t)]
 *     θ ← θ − η·m̂ · √(1 − β₂ᵗ)/(√v + ε) · r_t                (ε added to √v before the bias correction)
 *   else:
 *     θ ← θ − η·m̂                                             (SGD with bias-corrected momentum)
 * </pre>
 * While the variance of the adaptive rate is intractable (the first 5 steps with β₂ = 0.999, where
 * ρ_t ≤ 5) RAdam takes plain momentum steps; afterwards it is Adam scaled by the rectification r_t.
 * torch evaluates {@code √(1−β₂ᵗ) / (√v + ε)} as the reciprocal of the tensor times the number, and
 * the update left to right: ((m̂·η)·adaptive)·r_t. torch 1.13 has no {@code maximize} for RAdam;
 * later versions do, and so does Descent.
 */
public record RAdam(double lr, double beta1, double beta2, double eps, double weightDecay, boolean maximize)
        implements Optimizer {

    static final Hyper<RAdam, Double> LR = Hyper.lr(1e-3, RAdam::lr);
    static final Hyper<RAdam, double[]> BETAS = Hyper.betas(0.9, 0.999,
            "decay rates (β₁, β₂) of the running averages of g and g²", RAdam::beta1, RAdam::beta2);
    static final Hyper<RAdam, Double> EPS = Hyper.eps(1e-8, "added to √v before the bias correction", RAdam::eps);
    static final Hyper<RAdam, Double> WEIGHT_DECAY = Hyper.l2(RAdam::weightDecay);
    static final Hyper<RAdam, Boolean> MAXIMIZE = Hyper.maximize(RAdam::maximize);

    public static final OptimizerKind KIND = OptimizerKind.of(RAdam.class, "radam", "RAdam", "RAdam",
            "Adam rectified by r_t once ρ_t > 5; momentum SGD before that",
            p -> new RAdam(LR.of(p), BETAS.first(p), BETAS.second(p), EPS.of(p), WEIGHT_DECAY.of(p),
                    MAXIMIZE.of(p)),
            LR, BETAS, EPS, WEIGHT_DECAY, MAXIMIZE);

    public RAdam {
        Validate.adamFamily(lr, eps, beta1, beta2, weightDecay);
    }

    /** torch's defaults with the given learning rate. */
    public RAdam(double lr) {
        this(lr, BETAS.def()[0], BETAS.def()[1], EPS.def(), WEIGHT_DECAY.def(), MAXIMIZE.def());
    }

    @Override
    public Stepper newStepper(int n) {
        return new MomentStepper(n, maximize, weightDecay, beta1, beta2) {
            private double rhoT = Double.NaN;
            private double rect = Double.NaN;
            private boolean rectified;

            @Override
            void update(double[] theta, double lr) {
                double step = t;
                correct();
                double rhoInf = 2 / (1 - beta2) - 1;
                rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / bc2;
                rectified = rhoT > 5;
                updateMoments();
                rect = rectified ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
                        : Double.NaN;
                for (int i = 0; i < theta.length; i++) {
                    theta[i] += step(i, lr);
                }
            }

            /** Coordinate i's step at rate {@code lr}, rounded as torch: −((m̂·η)·√(1−β₂ᵗ)/(√v+ε))·r_t, or −m̂·η. */
            private double step(int i, double lr) {
                double mHatLr = m[i] / bc1 * lr;
                return rectified ? -(mHatLr * (1 / (Math.sqrt(v[i]) + eps) * sqrtBc2) * rect) : -mHatLr;
            }

            /** The factor the last step applied to m̂: η·√(1−β₂ᵗ)/(√v+ε)·r_t when rectified, else η. */
            private double effectiveLr(int i) {
                return rectified ? lastLr * (1 / (Math.sqrt(v[i]) + eps) * sqrtBc2) * rect : lastLr;
            }

            @Override
            List<WorkedLine> ruleLines() {
                String b1 = WorkedLine.constant(beta1);
                String b2 = WorkedLine.constant(beta2);
                return List.of(
                        firstMomentLine(),
                        secondMomentLine(),
                        new WorkedLine("m̂", "m/(1 − β₁ᵗ)", "{m}/(1 − " + b1 + "^{t})", "m_hat", "\\hat m = m/(1-\\beta_1^{\\,t})"),
                        new WorkedLine("ρ_t", "ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)", WorkedLine.constant(2 / (1 - beta2) - 1) + " − 2·{t}·" + b2 + "^{t}/{bias_correction2}",
                                "rho_t", "\\rho_t = \\rho_\\infty - 2t\\beta_2^{\\,t}/(1-\\beta_2^{\\,t})"),
                        new WorkedLine("η_eff", "η·r_t·√(1 − β₂ᵗ)/(√v + ε) when ρ_t > 5, else η (a momentum step)", "", "effective_lr",
                                "\\eta_{\\mathrm{eff}} = \\eta\\, r_t \\sqrt{1-\\beta_2^{\\,t}}/(\\sqrt{v}+\\epsilon)"),
                        new WorkedLine("Δθ", "−η_eff·m̂", "−{effective_lr}·{m_hat}", "step", "\\Delta\\theta = -\\eta_{\\mathrm{eff}}\\,\\hat m"));
            }

            @Override
            List<Probe> ruleProbes() {
                return List.of(
                        mProbe(),
                        secondProbe("v", "v", "second moment: running average of g²"),
                        mHatProbe(),
                        bc1Probe("divisor of m"),
                        bc2Probe("bias correction of v, applied as √(1−β₂ᵗ)"),
                        Elementwise.scalar("rho_t", "ρ_t",
                                "length of the approximated simple moving average; the step is rectified when ρ_t > 5", () -> rhoT),
                        Elementwise.scalar("rect", "r_t", "variance rectification term (NaN while unrectified)", () -> rect),
                        Elementwise.scalar("rectified", "rectified", "1 if the last step was an adaptive (rectified) step, 0 if a momentum step",
                                () -> rectified ? 1 : 0),
                        new Probe("effective_lr", "η·√(1−β₂ᵗ)/(√v+ε)·r_t",
                                "per-coordinate step size: the step is −effective_lr·m̂ (η while unrectified)", out -> {
                                    for (int i = 0; i < v.length; i++) {
                                        out[i] = effectiveLr(i);
                                    }
                                }),
                        new Probe("step", "Δθ", "the last step, −effective_lr·m̂", out -> {
                            for (int i = 0; i < v.length; i++) {
                                out[i] = step(i, lastLr);
                            }
                        }));
            }
        };
    }
}
