package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec.Scale;
import java.util.List;

/**
 * AdaBelief (Zhuang et al. 2020, "AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed
 * Gradients", Algorithm 2): Adam with one change, the second moment tracks how far the gradient is
 * from its prediction m instead of the gradient itself.
 * <pre>
 *   t ← t + 1
 *   g ← ∇f(θ) + λ·θ                                  (weight_decay λ, coupled L2)
 *   m ← β₁·m + (1 − β₁)·g
 *   s ← β₂·s + (1 − β₂)·(g − m)² + ε                  (Adam: v ← β₂·v + (1 − β₂)·g²)
 *   m̂ = m/(1 − β₁ᵗ),   ŝ = s/(1 − β₂ᵗ)
 *   θ ← θ − η·m̂/(√ŝ + ε)
 * </pre>
 * When the gradient is as predicted (a steady slope) s stays small and the step is large; where it
 * keeps changing (a curved valley wall) s is large and the step small. Defaults and rounding follow
 * the authors' {@code adabelief-pytorch} (ε = 1e-16, added inside s on every step and again outside
 * the root); the options there for rectification and decoupled decay are not included.
 */
public record AdaBelief(double lr, double beta1, double beta2, double eps, double weightDecay) implements Optimizer {

    static final Hyper<AdaBelief, Double> LR = Hyper.lr(1e-3, AdaBelief::lr);
    static final Hyper<AdaBelief, double[]> BETAS = Hyper.betas(0.9, 0.999,
            "decay rates (β₁, β₂) of the running averages of g and (g − m)²", AdaBelief::beta1, AdaBelief::beta2);
    static final Hyper<AdaBelief, Double> EPS = Hyper.real("eps", "ε", 1e-16, 1e-18, 1, Scale.LOG,
            "added to s on every step and to √ŝ", AdaBelief::eps);
    static final Hyper<AdaBelief, Double> WEIGHT_DECAY = Hyper.l2(AdaBelief::weightDecay);

    public static final OptimizerKind KIND = OptimizerKind.ofPaper(AdaBelief.class, "adabelief", "Zhuang et al. 2020",
            "AdaBelief",
            "s ← β₂s + (1−β₂)(g − m)² + ε, θ ← θ − η·m̂/(√ŝ + ε)",
            p -> new AdaBelief(LR.of(p), BETAS.first(p), BETAS.second(p), EPS.of(p), WEIGHT_DECAY.of(p)),
            LR, BETAS, EPS, WEIGHT_DECAY);

    public AdaBelief {
        Validate.adamFamily(lr, eps, beta1, beta2, weightDecay);
    }

    @Override
    public Stepper newStepper(int n) {
        return new MomentStepper(n, false, weightDecay, beta1, beta2) {
            private final double[] residual = vector("residual", "g − m",
                    "how far the gradient is from its prediction (the \"belief\")");
            private final double[] move = vector("step", "Δθ", "the last step, −η·m̂/(√ŝ + ε)");

            @Override
            void update(double[] theta, double lr) {
                correct();
                double negStep = -(lr / bc1);
                double[] s = v;
                for (int i = 0; i < theta.length; i++) {
                    double gi = g[i];
                    double mi = first(m[i], gi, beta1, mix1);
                    double r = gi - mi;
                    double si = second(s[i], r, beta2, mix2) + eps;
                    m[i] = mi;
                    s[i] = si;
                    residual[i] = r;
                    double d = negStep * mi / (Math.sqrt(si) / sqrtBc2 + eps);
                    move[i] = d;
                    theta[i] += d;
                }
            }

            @Override
            List<WorkedLine> ruleLines() {
                String e = WorkedLine.constant(eps);
                return List.of(
                        firstMomentLine(),
                        new WorkedLine("g − m", "g − m", "{grad} − {m}", "residual", "g - m"),
                        new WorkedLine("s", "β₂·s + (1 − β₂)·(g − m)² + ε",
                                WorkedLine.constant(beta2) + "·{s'} + " + WorkedLine.constant(1 - beta2) + "·{residual}² + " + e, "s",
                                "s \\leftarrow \\beta_2 s + (1-\\beta_2)(g-m)^2 + \\epsilon"),
                        mHatLine(),
                        new WorkedLine("ŝ", "s/(1 − β₂ᵗ)", "{s}/{bias_correction2}", "s_hat", "\\hat s = s/(1-\\beta_2^{\\,t})"),
                        new WorkedLine("Δθ", "−η·m̂/(√ŝ + ε)", "−{lr}·{m_hat}/(√{s_hat} + " + e + ")", "step",
                                "\\Delta\\theta = -\\eta\\,\\hat m/(\\sqrt{\\hat s} + \\epsilon)"));
            }

            @Override
            List<Probe> ruleProbes() {
                return List.of(
                        mProbe("first moment: running average of g, the prediction of the next gradient"),
                        probe(residual),
                        secondProbe("s", "s", "running average of (g − m)² (+ε): Adam's v with g replaced by g − m"),
                        mHatProbe(),
                        secondHatProbe("s_hat", "ŝ", "bias-corrected belief s/(1 − β₂ᵗ)"),
                        bc1Probe("divisor of m"),
                        bc2Probe("divisor of s"),
                        effectiveLrProbe("η/(√ŝ+ε)", eps),
                        probe(move));
            }
        };
    }
}
