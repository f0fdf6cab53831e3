package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
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

    public static final OptimizerKind KIND = new OptimizerKind("adamax", "Adamax", "Adamax",
            "u ← max(β₂u, |g| + ε), θ ← θ − η/(1−β₁ᵗ)·m/u",
            List.of(
                    ParamSpec.real("lr", "η", 2e-3, 1e-5, 1, Scale.LOG, "learning rate"),
                    ParamSpec.pair("betas", "β", 0.9, 0.999, 0, 0.9999, Scale.NEAR_ONE,
                            "decay rates (β₁, β₂) of the running average of g and of the infinity norm"),
                    ParamSpec.real("eps", "ε", 1e-8, 1e-12, 1, Scale.LOG, "added to |g| inside the max"),
                    ParamSpec.real("weight_decay", "λ", 0, 0, 1, Scale.LINEAR, "L2 penalty added to the gradient"),
                    ParamSpec.bool("maximize", "maximize", false, "maximise f instead of minimising it")),
            p -> new Adamax(p.real("lr"), p.pair("betas")[0], p.pair("betas")[1], p.real("eps"), p.real("weight_decay"),
                    p.bool("maximize")));

    public Adamax {
        Validate.learningRate(lr);
        Validate.nonNegative("epsilon value", eps);
        Validate.beta(0, beta1);
        Validate.beta(1, beta2);
        Validate.nonNegative("weight_decay value", weightDecay);
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
    public Params hyperparameters() {
        return KIND.values("lr", lr, "betas", new double[] {beta1, beta2}, "eps", eps,
                "weight_decay", weightDecay, "maximize", maximize);
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
        public List<RoleVector> vectors() {
            return List.of(
                    RoleVector.downhill("grad"),
                    RoleVector.direction(RoleVector.Role.VELOCITY, "m", -1),
                    RoleVector.direction(RoleVector.Role.PRECONDITIONED, "step", 1),
                    RoleVector.move());
        }

        @Override
        public List<WorkedLine> workedStep() {
            return List.of(
                    new WorkedLine("g", (maximize ? "−∇f(θ)" : "∇f(θ)") + (weightDecay != 0 ? " + λ·θ" : ""), "", "grad", "g = \\\\nabla f(\\\\theta)"),
                    new WorkedLine("m", "β₁·m + (1 − β₁)·g", WorkedLine.constant(beta1) + "·{m'} + " + WorkedLine.constant(1 - beta1) + "·{grad}",
                            "m", "m \\\\leftarrow \\\\beta_1 m + (1-\\\\beta_1)\\\\,g"),
                    new WorkedLine("u", "max(β₂·u, |g| + ε)", "max(" + WorkedLine.constant(beta2) + "·{u'}, |{grad}| + " + WorkedLine.constant(eps) + ")",
                            "u", "u \\\\leftarrow \\\\max(\\\\beta_2 u, |g| + \\\\epsilon)"),
                    new WorkedLine("Δθ", "−η/(1 − β₁ᵗ)·m/u", "−{lr}/{bias_correction1}·{m}/{u}", "step",
                            "\\\\Delta\\\\theta = -\\\\frac{\\\\eta}{1-\\\\beta_1^{\\\\,t}}\\\\,\\\\frac{m}{u}"),
                    new WorkedLine("θ", "θ + Δθ", "{theta'} + {step}", "theta", "\\theta \\leftarrow \\theta + \\Delta\\theta"));
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
