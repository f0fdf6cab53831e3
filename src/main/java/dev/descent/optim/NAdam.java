package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
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

    public static final OptimizerKind KIND = new OptimizerKind("nadam", "NAdam", "NAdam",
            "Adam with a Nesterov look-ahead: θ ← θ − η·[(1−μ_t)/(1−Π_t)·g + μ_{t+1}/(1−Π_{t+1})·m]/(√v̂ + ε)",
            List.of(
                    ParamSpec.real("lr", "η", 2e-3, 1e-5, 1, Scale.LOG, "learning rate"),
                    ParamSpec.pair("betas", "β", 0.9, 0.999, 0, 0.9999, Scale.NEAR_ONE,
                            "decay rates (β₁, β₂) of the running averages of g and g²"),
                    ParamSpec.real("eps", "ε", 1e-8, 1e-12, 1, Scale.LOG, "added to √v̂ (outside the square root)"),
                    ParamSpec.real("weight_decay", "λ", 0, 0, 1, Scale.LINEAR, "L2 penalty added to the gradient"),
                    ParamSpec.real("momentum_decay", "ψ", 4e-3, 0, 0.1, Scale.LINEAR,
                            "momentum schedule: μ_t = β₁·(1 − ½·0.96^(t·ψ))"),
                    ParamSpec.bool("maximize", "maximize", false, "maximise f instead of minimising it")),
            p -> new NAdam(p.real("lr"), p.pair("betas")[0], p.pair("betas")[1], p.real("eps"), p.real("weight_decay"),
                    p.real("momentum_decay"), p.bool("maximize")));

    public NAdam {
        Validate.learningRate(lr);
        Validate.nonNegative("epsilon value", eps);
        Validate.beta(0, beta1);
        Validate.beta(1, beta2);
        Validate.nonNegative("weight_decay value", weightDecay);
        Validate.nonNegative("momentum_decay value", momentumDecay);
    }

    /** torch's defaults with the given learning rate. */
    public NAdam(double lr) {
        this(lr, 0.9, 0.999, 1e-8, 0, 4e-3, false);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "betas", new double[] {beta1, beta2}, "eps", eps,
                "weight_decay", weightDecay, "momentum_decay", momentumDecay, "maximize", maximize);
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final double[] g;
        private final double[] m;
        private final double[] v;
        private long t;
        private double lastLr = Double.NaN;
        private double bc2 = Double.NaN;
        private double mu = Double.NaN;
        private double muNext = Double.NaN;
        private double muProduct = 1;
        private double gradCoef = Double.NaN;
        private double momentumCoef = Double.NaN;

        State(int n) {
            g = new double[n];
            m = new double[n];
            v = new double[n];
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            t++;
            lastLr = lr;
            double step = t;
            bc2 = 1 - Math.pow(beta2, step);
            f.gradient(theta, g);
            Elementwise.prepare(g, theta, maximize, weightDecay);
            mu = beta1 * (1 - 0.5 * Math.pow(0.96, step * momentumDecay));
            muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
            muProduct *= mu;
            double muProductNext = muProduct * muNext;
            gradCoef = -lr * (1 - mu) / (1 - muProduct);
            momentumCoef = -lr * muNext / (1 - muProductNext);
            double omb1 = 1 - beta1;
            double omb2 = 1 - beta2;
            for (int i = 0; i < theta.length; i++) {
                double gi = g[i];
                double mi = Math.fma(omb1, gi, m[i] * beta1);
                double vi = Math.fma(omb2 * gi, gi, v[i] * beta2);
                m[i] = mi;
                v[i] = vi;
                double denom = Math.sqrt(vi / bc2) + eps;
                double th = theta[i] + gradCoef * gi / denom;
                theta[i] = th + momentumCoef * mi / denom;
            }
        }

        private double denominator(int i) {
            return Math.sqrt(v[i] / bc2) + eps;
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
                    Elementwise.copy("v", "v", "second moment: running average of g²", v),
                    Elementwise.divided("v_hat", "v̂", "bias-corrected second moment v/(1 − β₂ᵗ)", v, () -> bc2),
                    Elementwise.scalar("bias_correction2", "1−β₂ᵗ", "divisor of v", () -> bc2),
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
    }
}
