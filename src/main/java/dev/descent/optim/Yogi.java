package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec.Scale;
import java.util.Arrays;
import java.util.List;

/**
 * Yogi (Zaheer, Reddi, Sachan, Kale &amp; Kumar 2018, "Adaptive Methods for Nonconvex Optimization",
 * Algorithm 2): Adam with one change, the second moment moves towards g² by a fixed fraction of g²
 * instead of a fraction of the gap, so it can neither collapse nor explode in a few steps.
 * <pre>
 *   t ← t + 1
 *   g ← ∇f(θ) + λ·θ                                  (weight_decay λ, coupled L2)
 *   m ← β₁·m + (1 − β₁)·g                             (m₀ = 0)
 *   v ← v − (1 − β₂)·sign(v − g²)·g²                  (v₀ = initial_accumulator_value;
 *                                                      Adam: v ← v − (1 − β₂)·(v − g²))
 *   m̂ = m/(1 − β₁ᵗ),   v̂ = v/(1 − β₂ᵗ)
 *   θ ← θ − η·m̂/(√v̂ + ε)
 * </pre>
 * On a steady gradient Adam's v climbs to g² as (1 − β₂ᵗ)·g², Yogi's only linearly, v₀ + t(1 − β₂)·g².
 * Defaults are the paper's (η = 0.01, ε = 1e-3, v₀ = 1e-6); the bias correction is Adam's, as in
 * Optax and torch-optimizer. Rounding follows torch-optimizer's
 * {@code v.addcmul_(sign(v − g²), g², value=−(1−β₂))}, a fused multiply-add.
 */
public record Yogi(double lr, double beta1, double beta2, double eps, double initialAccumulatorValue,
                   double weightDecay) implements Optimizer {

    static final Hyper<Yogi, Double> LR = Hyper.lr(1e-2, Yogi::lr);
    static final Hyper<Yogi, double[]> BETAS = Hyper.betas(0.9, 0.999,
            "decay rates (β₁, β₂) of m and of v's moves towards g²", Yogi::beta1, Yogi::beta2);
    static final Hyper<Yogi, Double> EPS = Hyper.eps(1e-3, "added to √v̂", Yogi::eps);
    static final Hyper<Yogi, Double> INITIAL_ACCUMULATOR_VALUE = Hyper.real("initial_accumulator_value", "v₀", 1e-6,
            0, 1, Scale.LINEAR, "starting value of the second moment v", Yogi::initialAccumulatorValue);
    static final Hyper<Yogi, Double> WEIGHT_DECAY = Hyper.l2(Yogi::weightDecay);

    public static final OptimizerKind KIND = OptimizerKind.ofPaper(Yogi.class, "yogi", "Zaheer et al. 2018", "Yogi",
            "v ← v − (1−β₂)·sign(v − g²)·g², θ ← θ − η·m̂/(√v̂ + ε)",
            p -> new Yogi(LR.of(p), BETAS.first(p), BETAS.second(p), EPS.of(p),
                    INITIAL_ACCUMULATOR_VALUE.of(p), WEIGHT_DECAY.of(p)),
            LR, BETAS, EPS, INITIAL_ACCUMULATOR_VALUE, WEIGHT_DECAY);

    public Yogi {
        Validate.learningRate(lr);
        Validate.epsilon(eps);
        Validate.betas(beta1, beta2);
        Validate.nonNegative("initial_accumulator_value value", initialAccumulatorValue);
        Validate.weightDecay(weightDecay);
    }

    @Override
    public Stepper newStepper(int n) {
        return new MomentStepper(n, false, weightDecay, beta1, beta2) {
            private final double[] direction = vector("v_direction", "−sign(v − g²)",
                    "+1 where v grew towards g² in the last step, −1 where it shrank");
            private final double[] move = vector("step", "Δθ", "the last step, −η·m̂/(√v̂ + ε)");

            {
                Arrays.fill(v, initialAccumulatorValue);
            }

            @Override
            void update(double[] theta, double lr) {
                correct();
                double negStep = -(lr / bc1);
                double negMix2 = -mix2;
                for (int i = 0; i < theta.length; i++) {
                    double gi = g[i];
                    double mi = first(m[i], gi, beta1, mix1);
                    double g2 = gi * gi;
                    double sign = Math.signum(v[i] - g2);
                    double vi = Math.fma(negMix2 * sign, g2, v[i]);
                    m[i] = mi;
                    v[i] = vi;
                    direction[i] = -sign;
                    double d = negStep * mi / (Math.sqrt(vi) / sqrtBc2 + eps);
                    move[i] = d;
                    theta[i] += d;
                }
            }

            @Override
            List<WorkedLine> ruleLines() {
                return List.of(
                        firstMomentLine(),
                        new WorkedLine("s", "−sign(v − g²)", "−sign({v'} − {grad}²)", "v_direction",
                                "s = -\\operatorname{sign}(v - g^2)"),
                        new WorkedLine("v", "v + (1 − β₂)·s·g²",
                                "{v'} + " + WorkedLine.constant(1 - beta2) + "·{v_direction}·{grad}²", "v",
                                "v \\leftarrow v + (1-\\beta_2)\\, s\\, g^2"),
                        mHatLine(),
                        vHatLine(),
                        adamStepLine(eps));
            }

            @Override
            List<Probe> ruleProbes() {
                return List.of(
                        mProbe(),
                        secondProbe("v", "v", "second moment, moved by ±(1 − β₂)·g² each step"),
                        probe(direction),
                        mHatProbe(),
                        secondHatProbe("v_hat", "v̂", "bias-corrected second moment v/(1 − β₂ᵗ)"),
                        bc1Probe("divisor of m"),
                        bc2Probe("divisor of v"),
                        effectiveLrProbe("η/(√v̂+ε)", eps),
                        probe(move));
            }
        };
    }
}
