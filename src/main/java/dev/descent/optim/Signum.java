package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.List;

/**
 * Signum, signSGD with momentum (Bernstein, Wang, Azizzadenesheli &amp; Anandkumar 2018, "signSGD:
 * Compressed Optimisation for Non-Convex Problems", Algorithm 3): the step is the sign of a running
 * average of the gradient.
 * <pre>
 *   g ← ∇f(θ) + λ·θ                      (weight_decay λ, coupled L2)
 *   m ← β·m + (1 − β)·g                  (momentum β, m₀ = 0)
 *   θ ← θ − η·sign(m)
 * </pre>
 * With β = 0 it is exactly {@link SignSgd}. The average is rounded as torch's
 * {@code m.mul_(β).add_(g, alpha=1−β)}, a fused multiply-add.
 */
public record Signum(double lr, double momentum, double weightDecay) implements Optimizer {

    public static final OptimizerKind KIND = new OptimizerKind("signum", null, "Signum",
            "m ← βm + (1−β)g, θ ← θ − η·sign(m)",
            List.of(
                    ParamSpec.real("lr", "η", 1e-2, 1e-5, 1, Scale.LOG, "learning rate: the length of every coordinate's step"),
                    ParamSpec.real("momentum", "β", 0.9, 0, 0.999, Scale.NEAR_ONE,
                            "decay of the running average m of g (0: signSGD)"),
                    ParamSpec.real("weight_decay", "λ", 0, 0, 1, Scale.LINEAR, "L2 penalty added to the gradient")),
            p -> new Signum(p.real("lr"), p.real("momentum"), p.real("weight_decay")));

    public Signum {
        Validate.learningRate(lr);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Invalid momentum value: " + Validate.repr(momentum) + " (must be in [0, 1))");
        }
        Validate.nonNegative("weight_decay value", weightDecay);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "momentum", momentum, "weight_decay", weightDecay);
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final double[] g;
        private final double[] m;
        private final double[] move;
        private long t;

        State(int n) {
            g = new double[n];
            m = new double[n];
            move = new double[n];
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            t++;
            f.gradient(theta, g);
            Elementwise.prepare(g, theta, false, weightDecay);
            double keep = 1 - momentum;
            for (int i = 0; i < theta.length; i++) {
                double mi = Math.fma(keep, g[i], m[i] * momentum);
                m[i] = mi;
                double d = -lr * Math.signum(mi);
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
                    RoleVector.move());
        }

        @Override
        public List<WorkedLine> workedStep() {
            return List.of(
                    new WorkedLine("g", weightDecay != 0 ? "∇f(θ) + λ·θ" : "∇f(θ)", "", "grad", "g = \\nabla f(\\theta)"),
                    new WorkedLine("m", "β·m + (1 − β)·g", WorkedLine.constant(momentum) + "·{m'} + " + WorkedLine.constant(1 - momentum) + "·{grad}",
                            "m", "m \\leftarrow \\beta m + (1-\\beta)\\,g"),
                    new WorkedLine("Δθ", "−η·sign(m)", "−{lr}·sign({m})", "step", "\\Delta\\theta = -\\eta\\,\\mathrm{sign}(m)"),
                    new WorkedLine("θ", "θ + Δθ", "{theta'} + {step}", "theta", "\\theta \\leftarrow \\theta + \\Delta\\theta"));
        }

        @Override
        public List<Probe> probes() {
            return List.of(
                    Elementwise.copy("grad", "∇f", "gradient used by the last step (with weight decay)", g),
                    Elementwise.copy("m", "m", "running average of g; the step is −η·sign(m)", m),
                    Elementwise.copy("step", "Δθ", "the last step, −η·sign(m)", move));
        }
    }
}
