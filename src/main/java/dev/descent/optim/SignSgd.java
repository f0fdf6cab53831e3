package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.List;

/**
 * signSGD (Bernstein, Wang, Azizzadenesheli &amp; Anandkumar 2018, "signSGD: Compressed Optimisation for
 * Non-Convex Problems"): every coordinate moves by exactly η, in the direction opposite its gradient.
 * <pre>
 *   g ← ∇f(θ) + λ·θ                      (weight_decay λ, coupled L2)
 *   θ ← θ − η·sign(g)                    (sign(0) = 0)
 * </pre>
 * Adam on a steady gradient behaves like this (Balles &amp; Hennig 2018, "Dissecting Adam: The Sign,
 * Magnitude and Variance of Stochastic Gradients"): m̂/√v̂ → sign(g) when the gradient's relative
 * variance is small. Signum with β = 0 is signSGD.
 */
public record SignSgd(double lr, double weightDecay) implements Optimizer {

    public static final OptimizerKind KIND = new OptimizerKind("signsgd", null, "signSGD",
            "θ ← θ − η·sign(g): every coordinate moves by exactly η",
            List.of(
                    ParamSpec.real("lr", "η", 1e-2, 1e-5, 1, Scale.LOG, "learning rate: the length of every coordinate's step"),
                    ParamSpec.real("weight_decay", "λ", 0, 0, 1, Scale.LINEAR, "L2 penalty added to the gradient")),
            p -> new SignSgd(p.real("lr"), p.real("weight_decay")));

    public SignSgd {
        Validate.learningRate(lr);
        Validate.nonNegative("weight_decay value", weightDecay);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "weight_decay", weightDecay);
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final double[] g;
        private final double[] move;
        private long t;

        State(int n) {
            g = new double[n];
            move = new double[n];
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            t++;
            f.gradient(theta, g);
            Elementwise.prepare(g, theta, false, weightDecay);
            for (int i = 0; i < theta.length; i++) {
                double d = -lr * Math.signum(g[i]);
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
                    RoleVector.move());
        }

        @Override
        public List<WorkedLine> workedStep() {
            return List.of(
                    new WorkedLine("g", weightDecay != 0 ? "∇f(θ) + λ·θ" : "∇f(θ)", "", "grad", "g = \\nabla f(\\theta)"),
                    new WorkedLine("Δθ", "−η·sign(g)", "−{lr}·sign({grad})", "step", "\\Delta\\theta = -\\eta\\,\\mathrm{sign}(g)"),
                    new WorkedLine("θ", "θ + Δθ", "{theta'} + {step}", "theta", "\\theta \\leftarrow \\theta + \\Delta\\theta"));
        }

        @Override
        public List<Probe> probes() {
            return List.of(
                    Elementwise.copy("grad", "∇f", "gradient used by the last step (with weight decay)", g),
                    Elementwise.copy("step", "Δθ", "the last step, −η·sign(g)", move));
        }
    }
}
