package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
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

    public static final OptimizerKind KIND = new OptimizerKind("adabelief", null, "AdaBelief",
            "s ← β₂s + (1−β₂)(g − m)² + ε, θ ← θ − η·m̂/(√ŝ + ε)",
            List.of(
                    ParamSpec.real("lr", "η", 1e-3, 1e-5, 1, Scale.LOG, "learning rate"),
                    ParamSpec.pair("betas", "β", 0.9, 0.999, 0, 0.9999, Scale.NEAR_ONE,
                            "decay rates (β₁, β₂) of the running averages of g and (g − m)²"),
                    ParamSpec.real("eps", "ε", 1e-16, 1e-18, 1, Scale.LOG, "added to s on every step and to √ŝ"),
                    ParamSpec.real("weight_decay", "λ", 0, 0, 1, Scale.LINEAR, "L2 penalty added to the gradient")),
            p -> new AdaBelief(p.real("lr"), p.pair("betas")[0], p.pair("betas")[1], p.real("eps"), p.real("weight_decay")));

    public AdaBelief {
        Validate.learningRate(lr);
        Validate.nonNegative("epsilon value", eps);
        Validate.beta(0, beta1);
        Validate.beta(1, beta2);
        Validate.nonNegative("weight_decay value", weightDecay);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "betas", new double[] {beta1, beta2}, "eps", eps, "weight_decay", weightDecay);
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final double[] g;
        private final double[] m;
        private final double[] s;
        private final double[] residual;
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
            s = new double[n];
            residual = new double[n];
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
            double mix2 = 1 - beta2;
            for (int i = 0; i < theta.length; i++) {
                double gi = g[i];
                double mi = Math.fma(mix1, gi, m[i] * beta1);
                double r = gi - mi;
                double si = Math.fma(mix2 * r, r, s[i] * beta2) + eps;
                m[i] = mi;
                s[i] = si;
                residual[i] = r;
                double d = negStep * mi / (Math.sqrt(si) / sqrtBc2 + eps);
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
                    Elementwise.copy("m", "m", "first moment: running average of g, the prediction of the next gradient", m),
                    Elementwise.copy("residual", "g − m", "how far the gradient is from its prediction (the \"belief\")", residual),
                    Elementwise.copy("s", "s", "running average of (g − m)² (+ε): Adam's v with g replaced by g − m", s),
                    Elementwise.divided("m_hat", "m̂", "bias-corrected first moment m/(1 − β₁ᵗ)", m, () -> bc1),
                    Elementwise.divided("s_hat", "ŝ", "bias-corrected belief s/(1 − β₂ᵗ)", s, () -> bc2),
                    Elementwise.scalar("bias_correction1", "1−β₁ᵗ", "divisor of m", () -> bc1),
                    Elementwise.scalar("bias_correction2", "1−β₂ᵗ", "divisor of s", () -> bc2),
                    new Probe("effective_lr", "η/(√ŝ+ε)", "per-coordinate step size: the step is −effective_lr·m̂", out -> {
                        for (int i = 0; i < s.length; i++) {
                            out[i] = lastLr / (Math.sqrt(s[i]) / Math.sqrt(bc2) + eps);
                        }
                    }),
                    Elementwise.copy("step", "Δθ", "the last step, −η·m̂/(√ŝ + ε)", move));
        }
    }
}
