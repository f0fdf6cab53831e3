package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;
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

    static final Hyper<Adagrad, Double> LR = Hyper.lr(1e-2, 1e-4, 10, "learning rate",
            Adagrad::lr);
    static final Hyper<Adagrad, Double> LR_DECAY = Hyper.real("lr_decay", "δ", 0, 0, 0.1, Scale.LINEAR,
            "learning-rate decay: step t uses η/(1 + (t−1)·δ)", Adagrad::lrDecay);
    static final Hyper<Adagrad, Double> WEIGHT_DECAY = Hyper.l2(Adagrad::weightDecay);
    static final Hyper<Adagrad, Double> INITIAL_ACCUMULATOR_VALUE = Hyper.real("initial_accumulator_value", "r₀", 0,
            0, 10, Scale.LINEAR, "starting value of the sum of squared gradients", Adagrad::initialAccumulatorValue);
    static final Hyper<Adagrad, Double> EPS = Hyper.eps(1e-10,
            "added to √r (outside the square root) to avoid division by zero", Adagrad::eps);
    static final Hyper<Adagrad, Boolean> MAXIMIZE = Hyper.maximize(Adagrad::maximize);
    static final Hyper<Adagrad, Boolean> ROOT = Hyper.bool("root", "root", true,
            "divide by √r (torch); off: by r itself, the diagonal quasi-Newton form without the root", Adagrad::root);

    public static final OptimizerKind KIND = OptimizerKind.of(Adagrad.class, "adagrad", "Adagrad", "Adagrad",
            "r ← r + g², θ ← θ − η_t·g/(√r + ε), η_t = η/(1 + (t−1)·δ) (root = false: g/(r + ε))",
            p -> new Adagrad(LR.of(p), LR_DECAY.of(p), WEIGHT_DECAY.of(p),
                    INITIAL_ACCUMULATOR_VALUE.of(p), EPS.of(p), MAXIMIZE.of(p), ROOT.of(p)),
            LR, LR_DECAY, WEIGHT_DECAY, INITIAL_ACCUMULATOR_VALUE, EPS, MAXIMIZE, ROOT);

    public Adagrad {
        Validate.learningRate(lr);
        Validate.nonNegative("lr_decay value", lrDecay);
        Validate.weightDecay(weightDecay);
        Validate.nonNegative("initial_accumulator_value value", initialAccumulatorValue);
        Validate.epsilon(eps);
    }

    /** torch's defaults with the given learning rate. */
    public Adagrad(double lr) {
        this(lr, LR_DECAY.def(), WEIGHT_DECAY.def(), INITIAL_ACCUMULATOR_VALUE.def(), EPS.def(), MAXIMIZE.def(),
                ROOT.def());
    }

    /** torch's form (with the root), as before the {@code root} option existed. */
    public Adagrad(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps,
                   boolean maximize) {
        this(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize, ROOT.def());
    }

    @Override
    public Stepper newStepper(int n) {
        return new PreconditionedStepper(n, maximize, weightDecay) {
            private final double[] sum = vector("sum", "r", "sum of squared gradients so far, r = r₀ + Σ g²");
            private double clr = Double.NaN;

            { // torch creates the accumulator in the constructor, filled with initial_accumulator_value
                java.util.Arrays.fill(sum, initialAccumulatorValue);
            }

            @Override
            void update(double[] theta, double lr) {
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
            List<WorkedLine> ruleLines() {
                String e = WorkedLine.constant(eps);
                return List.of(
                        new WorkedLine("η_t", "η/(1 + (t − 1)·δ)", "", "clr", "\\eta_t = \\eta/(1 + (t-1)\\,\\delta)"),
                        new WorkedLine("r", "r + g²", "{sum'} + {grad}²", "sum", "r \\leftarrow r + g^2"),
                        root ? new WorkedLine("Δθ", "−η_t·g/(√r + ε)", "−{clr}·{grad}/(√{sum} + " + e + ")", "step",
                                "\\Delta\\theta = -\\eta_t\\, g/(\\sqrt{r} + \\epsilon)")
                                : new WorkedLine("Δθ", "−η_t·g/(r + ε)", "−{clr}·{grad}/({sum} + " + e + ")", "step",
                                "\\Delta\\theta = -\\eta_t\\, g/(r + \\epsilon)"));
            }

            @Override
            List<Probe> ruleProbes() {
                return List.of(
                        probe(sum),
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
        };
    }
}
