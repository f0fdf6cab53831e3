package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
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

    public static final OptimizerKind KIND = new OptimizerKind("yogi", null, "Yogi",
            "v ← v − (1−β₂)·sign(v − g²)·g², θ ← θ − η·m̂/(√v̂ + ε)",
            List.of(
                    ParamSpec.real("lr", "η", 1e-2, 1e-5, 1, Scale.LOG, "learning rate"),
                    ParamSpec.pair("betas", "β", 0.9, 0.999, 0, 0.9999, Scale.NEAR_ONE,
                            "decay rates (β₁, β₂) of m and of v's moves towards g²"),
                    ParamSpec.real("eps", "ε", 1e-3, 1e-12, 1, Scale.LOG, "added to √v̂"),
                    ParamSpec.real("initial_accumulator_value", "v₀", 1e-6, 0, 1, Scale.LINEAR,
                            "starting value of the second moment v"),
                    ParamSpec.real("weight_decay", "λ", 0, 0, 1, Scale.LINEAR, "L2 penalty added to the gradient")),
            p -> new Yogi(p.real("lr"), p.pair("betas")[0], p.pair("betas")[1], p.real("eps"),
                    p.real("initial_accumulator_value"), p.real("weight_decay")));

    public Yogi {
        Validate.learningRate(lr);
        Validate.nonNegative("epsilon value", eps);
        Validate.beta(0, beta1);
        Validate.beta(1, beta2);
        Validate.nonNegative("initial_accumulator_value value", initialAccumulatorValue);
        Validate.nonNegative("weight_decay value", weightDecay);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "betas", new double[] {beta1, beta2}, "eps", eps,
                "initial_accumulator_value", initialAccumulatorValue, "weight_decay", weightDecay);
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final double[] g;
        private final double[] m;
        private final double[] v;
        private final double[] direction;
        private final double[] move;
        private final BiasCorrection correction1 = new BiasCorrection(beta1);
        private final BiasCorrection correction2 = new BiasCorrection(beta2);
        private long t;
        private double lastLr = Double.NaN;
        private double bc1 = Double.NaN;
        private double bc2 = Double.NaN;

        State(int n) {
            g = new double[n];
            m = new double[n];
            v = new double[n];
            Arrays.fill(v, initialAccumulatorValue);
            direction = new double[n];
            move = new double[n];
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            t++;
            lastLr = lr;
            f.gradient(theta, g);
            Elementwise.prepare(g, theta, false, weightDecay);
            double step = t;
            bc1 = correction1.at(step);
            bc2 = correction2.at(step);
            double negStep = -(lr / bc1);
            double sqrtBc2 = Math.sqrt(bc2);
            double mix1 = 1 - beta1;
            double negMix2 = -(1 - beta2);
            for (int i = 0; i < theta.length; i++) {
                double gi = g[i];
                double mi = Math.fma(mix1, gi, m[i] * beta1);
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
        public long steps() {
            return t;
        }

        @Override
        public List<RoleVector> vectors() {
            return List.of(
                    RoleVector.downhill("grad"),
                    RoleVector.direction(RoleVector.Role.VELOCITY, "m", -1),
                    RoleVector.direction(RoleVector.Role.PRECONDITIONED, "step", 1),
                    RoleVector.move());
        }

        @Override
        public List<Probe> probes() {
            return List.of(
                    Elementwise.copy("grad", "∇f", "gradient used by the last step (with weight decay)", g),
                    Elementwise.copy("m", "m", "first moment: running average of g", m),
                    Elementwise.copy("v", "v", "second moment, moved by ±(1 − β₂)·g² each step", v),
                    Elementwise.copy("v_direction", "−sign(v − g²)", "+1 where v grew towards g² in the last step, −1 where it shrank", direction),
                    Elementwise.divided("m_hat", "m̂", "bias-corrected first moment m/(1 − β₁ᵗ)", m, () -> bc1),
                    Elementwise.divided("v_hat", "v̂", "bias-corrected second moment v/(1 − β₂ᵗ)", v, () -> bc2),
                    Elementwise.scalar("bias_correction1", "1−β₁ᵗ", "divisor of m", () -> bc1),
                    Elementwise.scalar("bias_correction2", "1−β₂ᵗ", "divisor of v", () -> bc2),
                    new Probe("effective_lr", "η/(√v̂+ε)", "per-coordinate step size: the step is −effective_lr·m̂", out -> {
                        for (int i = 0; i < v.length; i++) {
                            out[i] = lastLr / (Math.sqrt(v[i]) / Math.sqrt(bc2) + eps);
                        }
                    }),
                    Elementwise.copy("step", "Δθ", "the last step, −η·m̂/(√v̂ + ε)", move));
        }
    }
}
