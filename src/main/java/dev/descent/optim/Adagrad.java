package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.List;

/**
 * Adagrad (Duchi, Hazan &amp; Singer 2011, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization"), exactly as {@code torch.optim.Adagrad}:
 * <pre>
 *   t ← t + 1
 *   g ← ∇f(θ)   (−∇f(θ) when maximising),   g ← g + λ·θ      (weight_decay λ)
 *   η_t ← η / (1 + (t − 1)·δ)                                 (lr_decay δ: step 1 uses η itself)
 *   r ← r + g²                                                (r₀ = initial_accumulator_value)
 *   θ ← θ − η_t · g / (√r + ε)                                (ε outside the square root)
 * </pre>
 * Every coordinate's rate η_t/(√r + ε) only shrinks: Adagrad takes big steps where gradients have
 * been small and slows down for good where they have been large.
 *
 * <p>{@code root = false} is the named variant without the square root, θ ← θ − η_t·g/(r + ε): the
 * diagonal quasi-Newton reading of AdaGrad, where r stands in for the curvature, asks "do we really
 * need the root?" Without it a steady gradient g gives steps η_t/(t·g), shrinking like 1/t instead of
 * 1/√t, and larger gradients take smaller steps.
 */
public record Adagrad(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps,
                      boolean maximize, boolean root) implements Optimizer {

    public static final OptimizerKind KIND = new OptimizerKind("adagrad", "Adagrad", "Adagrad",
            "r ← r + g², θ ← θ − η_t·g/(√r + ε), η_t = η/(1 + (t−1)·δ) (root = false: g/(r + ε))",
            List.of(
                    ParamSpec.real("lr", "η", 1e-2, 1e-4, 10, Scale.LOG, "learning rate"),
                    ParamSpec.real("lr_decay", "δ", 0, 0, 0.1, Scale.LINEAR,
                            "learning-rate decay: step t uses η/(1 + (t−1)·δ)"),
                    ParamSpec.real("weight_decay", "λ", 0, 0, 1, Scale.LINEAR, "L2 penalty added to the gradient"),
                    ParamSpec.real("initial_accumulator_value", "r₀", 0, 0, 10, Scale.LINEAR,
                            "starting value of the sum of squared gradients"),
                    ParamSpec.real("eps", "ε", 1e-10, 1e-12, 1, Scale.LOG,
                            "added to √r (outside the square root) to avoid division by zero"),
                    ParamSpec.bool("maximize", "maximize", false, "maximise f instead of minimising it"),
                    ParamSpec.bool("root", "root", true,
                            "divide by √r (torch); off: by r itself, the diagonal quasi-Newton form without the root")),
            p -> new Adagrad(p.real("lr"), p.real("lr_decay"), p.real("weight_decay"),
                    p.real("initial_accumulator_value"), p.real("eps"), p.bool("maximize"), p.bool("root")));

    public Adagrad {
        Validate.learningRate(lr);
        Validate.nonNegative("lr_decay value", lrDecay);
        Validate.nonNegative("weight_decay value", weightDecay);
        Validate.nonNegative("initial_accumulator_value value", initialAccumulatorValue);
        Validate.nonNegative("epsilon value", eps);
    }

    /** torch's defaults with the given learning rate. */
    public Adagrad(double lr) {
        this(lr, 0, 0, 0, 1e-10, false, true);
    }

    /** torch's form (with the root), as before the {@code root} option existed. */
    public Adagrad(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps,
                   boolean maximize) {
        this(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize, true);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "lr_decay", lrDecay, "weight_decay", weightDecay,
                "initial_accumulator_value", initialAccumulatorValue, "eps", eps, "maximize", maximize, "root", root);
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final double[] g;
        private final double[] sum;
        private long t;
        private double clr = Double.NaN;

        State(int n) {
            g = new double[n];
            sum = new double[n];
            // torch creates the accumulator in the constructor, filled with initial_accumulator_value
            java.util.Arrays.fill(sum, initialAccumulatorValue);
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            t++;
            f.gradient(theta, g);
            Elementwise.prepare(g, theta, maximize, weightDecay);
            double step = t;
            double c = lr / (1 + (step - 1) * lrDecay);
            clr = c;
            double negClr = -c;
            for (int i = 0; i < theta.length; i++) {
                double gi = g[i];
                double s = Math.fma(gi, gi, sum[i]);
                sum[i] = s;
                theta[i] += negClr * gi / (root ? Math.sqrt(s) + eps : s + eps);
            }
        }

        /** The denominator of coordinate i: √r + ε, or r + ε without the root. */
        private double denominator(int i) {
            return root ? Math.sqrt(sum[i]) + eps : sum[i] + eps;
        }

        @Override
        public long steps() {
            return t;
        }

        @Override
        public List<RoleVector> vectors() {
            return List.of(
                    RoleVector.downhill("grad"),
                    RoleVector.direction(RoleVector.Role.PRECONDITIONED, "step", 1),
                    RoleVector.move());
        }

        @Override
        public List<WorkedLine> workedStep() {
            String e = WorkedLine.constant(eps);
            return List.of(
                    new WorkedLine("g", (maximize ? "−∇f(θ)" : "∇f(θ)") + (weightDecay != 0 ? " + λ·θ" : ""), "", "grad",
                            "g = \\nabla f(\\theta)"),
                    new WorkedLine("η_t", "η/(1 + (t − 1)·δ)", "", "clr", "\\eta_t = \\eta/(1 + (t-1)\\,\\delta)"),
                    new WorkedLine("r", "r + g²", "{sum'} + {grad}²", "sum", "r \\leftarrow r + g^2"),
                    root ? new WorkedLine("Δθ", "−η_t·g/(√r + ε)", "−{clr}·{grad}/(√{sum} + " + e + ")", "step",
                            "\\Delta\\theta = -\\eta_t\\, g/(\\sqrt{r} + \\epsilon)")
                            : new WorkedLine("Δθ", "−η_t·g/(r + ε)", "−{clr}·{grad}/({sum} + " + e + ")", "step",
                            "\\Delta\\theta = -\\eta_t\\, g/(r + \\epsilon)"),
                    new WorkedLine("θ", "θ + Δθ", "{theta'} + {step}", "theta", "\\theta \\leftarrow \\theta + \\Delta\\theta"));
        }

        @Override
        public List<Probe> probes() {
            return List.of(
                    Elementwise.copy("grad", "∇f", "gradient used by the last step (with weight decay)", g),
                    Elementwise.copy("sum", "r", "sum of squared gradients so far, r = r₀ + Σ g²", sum),
                    Elementwise.scalar("clr", "η_t", "decayed learning rate η/(1 + (t−1)·δ) of the last step", () -> clr),
                    new Probe("effective_lr", root ? "η_t/(√r+ε)" : "η_t/(r+ε)", "per-coordinate step size of the last step", out -> {
                        for (int i = 0; i < sum.length; i++) {
                            out[i] = clr / denominator(i);
                        }
                    }),
                    new Probe("step", "Δθ", root ? "the last step, −η_t·g/(√r + ε)" : "the last step, −η_t·g/(r + ε)", out -> {
                        for (int i = 0; i < sum.length; i++) {
                            out[i] = -clr * g[i] / denominator(i);
                        }
                    }));
        }
    }
}
