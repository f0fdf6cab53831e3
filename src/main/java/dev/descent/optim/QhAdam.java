package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec.Scale;
import java.util.List;

/**
 * QHAdam, quasi-hyperbolic Adam (Ma &amp; Yarats 2019, "Quasi-hyperbolic momentum and Adam for deep
 * learning"), as facebookresearch's {@code qhoptim.pyt.QHAdam} computes it:
 * <pre>
 *   g ← ∇f(θ) + λ·θ                                            (weight_decay λ)
 *   m̂ ← bias-corrected running average of g  (β₁),  v̂ ← of g²  (β₂)
 *   θ ← θ − η · [(1 − ν₁)·g + ν₁·m̂] / (√[(1 − ν₂)·g² + ν₂·v̂] + ε)
 * </pre>
 * qhoptim keeps the averages bias-corrected as it goes: with w_t = 1 + β·w_{t−1} (w₀ = 0, so
 * w_t = (1 − βᵗ)/(1 − β)) and β_t' = 1 − 1/w_t, it updates m̂ ← β₁'·m̂ + (1 − β₁')·g, which equals
 * m/(1 − β₁ᵗ) of Adam's m; likewise v̂ with β₂. ν = (1, 1) gives Adam (ε outside the root), and the
 * paper recommends ν = (0.7, 1.0) with β = (0.995, 0.999), the defaults here. Rounding as qhoptim's
 * tensor ops: {@code add_(s, x)} is a fused multiply-add, the mix terms are only added when ν ≠ 1,
 * ε only when ε ≠ 0. QHAdam is not in torch, so it has no {@code maximize}; qhoptim's
 * {@code decouple_weight_decay} is left out.
 */
public record QhAdam(double lr, double beta1, double beta2, double nu1, double nu2, double eps, double weightDecay)
        implements Optimizer {

    static final Hyper<QhAdam, Double> LR = Hyper.lr(1e-3, QhAdam::lr);
    static final Hyper<QhAdam, double[]> BETAS = Hyper.betas(0.995, 0.999,
            "decay rates (β₁, β₂) of the running averages of g and g²", QhAdam::beta1, QhAdam::beta2);
    static final Hyper<QhAdam, double[]> NUS = Hyper.pair("nus", "ν", 0.7, 1.0, 0, 1, Scale.LINEAR,
            "immediate discounts (ν₁, ν₂): weight of the averages against the current g and g²", QhAdam::nu1,
            QhAdam::nu2);
    static final Hyper<QhAdam, Double> EPS = Hyper.eps(1e-8, "added to the root (outside it)", QhAdam::eps);
    static final Hyper<QhAdam, Double> WEIGHT_DECAY = Hyper.l2(QhAdam::weightDecay);

    public static final OptimizerKind KIND = OptimizerKind.ofPaper(QhAdam.class, "qhadam", "Ma & Yarats 2019", "QHAdam",
            "θ ← θ − η·[(1−ν₁)g + ν₁m̂]/(√[(1−ν₂)g² + ν₂v̂] + ε)",
            p -> new QhAdam(LR.of(p), BETAS.first(p), BETAS.second(p), NUS.first(p), NUS.second(p),
                    EPS.of(p), WEIGHT_DECAY.of(p)),
            LR, BETAS, NUS, EPS, WEIGHT_DECAY);

    public QhAdam {
        Validate.adamFamily(lr, eps, beta1, beta2, weightDecay);
        nu(0, nu1);
        nu(1, nu2);
    }

    private static void nu(int index, double nu) {
        if (!(nu >= 0 && nu <= 1)) {
            throw new IllegalArgumentException("Invalid nu parameter at index " + index + ": " + Validate.repr(nu)
                    + " (must be in [0, 1])");
        }
    }

    @Override
    public Stepper newStepper(int n) {
        return new PreconditionedStepper(n, false, weightDecay) {
            private final double[] mHat = vector("m_hat", "m̂", "bias-corrected running average of g");
            private final double[] vHat = vector("v_hat", "v̂", "bias-corrected running average of g²");
            private double w1;
            private double w2;

            @Override
            void update(double[] theta, double lr) {
                w1 = 1 + beta1 * w1;
                w2 = 1 + beta2 * w2;
                double adj1 = 1 - 1 / w1;
                double adj2 = 1 - 1 / w2;
                double in1 = 1 - adj1;
                double in2 = 1 - adj2;
                double negLr = -lr;
                for (int i = 0; i < theta.length; i++) {
                    double gi = g[i];
                    double gSq = gi * gi;
                    double mi = Math.fma(in1, gi, mHat[i] * adj1);
                    double vi = Math.fma(in2, gSq, vHat[i] * adj2);
                    mHat[i] = mi;
                    vHat[i] = vi;
                    theta[i] += negLr * mix(mi, gi) / rms(vi, gSq);
                }
            }

            /** (1 − ν₁)·g + ν₁·m̂, as qhoptim rounds it. */
            private double mix(double mi, double gi) {
                double a = mi * nu1;
                return nu1 != 1 ? Math.fma(1 - nu1, gi, a) : a;
            }

            /** √[(1 − ν₂)·g² + ν₂·v̂] + ε, as qhoptim rounds it. */
            private double rms(double vi, double gSq) {
                double r = vi * nu2;
                if (nu2 != 1) {
                    r = Math.fma(1 - nu2, gSq, r);
                }
                r = Math.sqrt(r);
                return eps != 0 ? r + eps : r;
            }

            @Override
            List<WorkedLine> ruleLines() {
                return List.of(
                        new WorkedLine("w₁", "1 + β₁·w₁", "1 + " + WorkedLine.constant(beta1) + "·{bias_weight1'}", "bias_weight1",
                                "w_1 \\leftarrow 1 + \\beta_1 w_1"),
                        new WorkedLine("w₂", "1 + β₂·w₂", "1 + " + WorkedLine.constant(beta2) + "·{bias_weight2'}", "bias_weight2",
                                "w_2 \\leftarrow 1 + \\beta_2 w_2"),
                        new WorkedLine("m̂", "(1 − 1/w₁)·m̂ + g/w₁", "(1 − 1/{bias_weight1})·{m_hat'} + {grad}/{bias_weight1}", "m_hat",
                                "\\hat m \\leftarrow (1 - 1/w_1)\\,\\hat m + g/w_1"),
                        new WorkedLine("v̂", "(1 − 1/w₂)·v̂ + g²/w₂", "(1 − 1/{bias_weight2})·{v_hat'} + {grad}²/{bias_weight2}", "v_hat",
                                "\\hat v \\leftarrow (1 - 1/w_2)\\,\\hat v + g^2/w_2"),
                        new WorkedLine("d", "(1 − ν₁)·g + ν₁·m̂",
                                WorkedLine.constant(1 - nu1) + "·{grad} + " + WorkedLine.constant(nu1) + "·{m_hat}", "direction",
                                "d = (1-\\nu_1)\\, g + \\nu_1 \\hat m"),
                        new WorkedLine("η/a", "η/(√[(1 − ν₂)·g² + ν₂·v̂] + ε)",
                                "{lr}/(√[" + WorkedLine.constant(1 - nu2) + "·{grad}² + " + WorkedLine.constant(nu2) + "·{v_hat}] + "
                                        + WorkedLine.constant(eps) + ")", "effective_lr",
                                "\\eta/(\\sqrt{(1-\\nu_2)\\, g^2 + \\nu_2 \\hat v} + \\epsilon)"),
                        new WorkedLine("Δθ", "−η·[(1 − ν₁)·g + ν₁·m̂]/(√[(1 − ν₂)·g² + ν₂·v̂] + ε)", "−{effective_lr}·{direction}", "step",
                                "\\Delta\\theta = -\\eta\\,\\frac{(1-\\nu_1)\\, g + \\nu_1 \\hat m}{\\sqrt{(1-\\nu_2)\\, g^2 + \\nu_2 \\hat v} + \\epsilon}"));
            }

            @Override
            List<Probe> ruleProbes() {
                return List.of(
                        probe(mHat),
                        probe(vHat),
                        Elementwise.scalar("bias_weight1", "w₁", "1 + β₁ + … + β₁ᵗ⁻¹: m̂ takes 1/w₁ of the new g", () -> w1),
                        Elementwise.scalar("bias_weight2", "w₂", "1 + β₂ + … + β₂ᵗ⁻¹: v̂ takes 1/w₂ of the new g²", () -> w2),
                        new Probe("direction", "(1−ν₁)g+ν₁m̂", "numerator: the quasi-hyperbolic mix of g and m̂", out -> {
                            for (int i = 0; i < g.length; i++) {
                                out[i] = mix(mHat[i], g[i]);
                            }
                        }),
                        new Probe("effective_lr", "η/(√[(1−ν₂)g²+ν₂v̂]+ε)", "per-coordinate step size applied to the mix", out -> {
                            for (int i = 0; i < g.length; i++) {
                                out[i] = lastLr / rms(vHat[i], g[i] * g[i]);
                            }
                        }),
                        new Probe("step", "Δθ", "the last step", out -> {
                            for (int i = 0; i < g.length; i++) {
                                out[i] = -lastLr * mix(mHat[i], g[i]) / rms(vHat[i], g[i] * g[i]);
                            }
                        }));
            }
        };
    }
}
