package dev.descent.optim;

import java.util.List;

/**
 * Lion, "EvoLved Sign Momentum" (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms",
 * Algorithm 2): the sign of an interpolation between the momentum and the new gradient, with a
 * second, slower rate for the momentum itself.
 * <pre>
 *   g ← ∇f(θ)
 *   c = β₁·m + (1 − β₁)·g                (the update direction)
 *   θ ← θ·(1 − η·λ)                      (weight_decay λ, decoupled as in AdamW)
 *   θ ← θ − η·sign(c)
 *   m ← β₂·m + (1 − β₂)·g                (m₀ = 0)
 * </pre>
 * Defaults are the paper's: β = (0.9, 0.99), and a learning rate 3–10× smaller than AdamW's (1e-4).
 * Interpolations round as torch's {@code mul_(β).add_(g, alpha=1−β)}, fused multiply-adds.
 */
public record Lion(double lr, double beta1, double beta2, double weightDecay) implements Optimizer {

    static final Hyper<Lion, Double> LR = Hyper.lr(1e-4, 1, "learning rate: the length of every coordinate's step",
            Lion::lr);
    static final Hyper<Lion, double[]> BETAS = Hyper.betas(0.9, 0.99,
            "(β₁, β₂): β₁ mixes m and g for the step's sign, β₂ is the momentum's own decay", Lion::beta1,
            Lion::beta2);
    static final Hyper<Lion, Double> WEIGHT_DECAY = Hyper.weightDecay(0, "decoupled weight decay: θ ← θ(1 − ηλ)",
            Lion::weightDecay);

    public static final OptimizerKind KIND = OptimizerKind.ofPaper(Lion.class, "lion", "Chen et al. 2023", "Lion",
            "θ ← θ − η·sign(β₁m + (1−β₁)g), then m ← β₂m + (1−β₂)g",
            p -> new Lion(LR.of(p), BETAS.first(p), BETAS.second(p), WEIGHT_DECAY.of(p)),
            LR, BETAS, WEIGHT_DECAY);

    public Lion {
        Validate.learningRate(lr);
        Validate.betas(beta1, beta2);
        Validate.weightDecay(weightDecay);
    }

    @Override
    public Stepper newStepper(int n) {
        return new GradientStepper(n, false) { // the decay is decoupled: θ is scaled in update
            private final double[] c = vector("direction", "c", "update direction β₁m + (1−β₁)g; the step is −η·sign(c)");
            private final double[] m = vector("m", "m", "momentum after the last step, β₂m + (1−β₂)g");
            private final double[] move = vector("step", "Δθ",
                    "the sign part of the last step, −η·sign(c) (θ was also scaled by 1 − ηλ)");

            @Override
            void update(double[] theta, double lr) {
                Elementwise.decayWeights(theta, lr, weightDecay);
                double mix1 = 1 - beta1;
                double mix2 = 1 - beta2;
                for (int i = 0; i < theta.length; i++) {
                    double gi = g[i];
                    double ci = Math.fma(mix1, gi, m[i] * beta1);
                    c[i] = ci;
                    double d = -lr * Math.signum(ci);
                    move[i] = d;
                    theta[i] += d;
                    m[i] = Math.fma(mix2, gi, m[i] * beta2);
                }
            }

            @Override
            public List<RoleVector> vectors() {
                return RoleVector.momentumAndPreconditioned();
            }

            @Override
            List<WorkedLine> ruleLines() {
                return List.of(
                        new WorkedLine("c", "β₁·m + (1 − β₁)·g", WorkedLine.constant(beta1) + "·{m'} + " + WorkedLine.constant(1 - beta1) + "·{grad}",
                                "direction", "c = \\beta_1 m + (1-\\beta_1)\\,g"),
                        new WorkedLine("Δθ", "−η·sign(c)", "−{lr}·sign({direction})", "step", "\\Delta\\theta = -\\eta\\,\\mathrm{sign}(c)"));
            }

            @Override
            WorkedLine moveLine() {
                return WorkedLine.decayedMove(weightDecay);
            }

            /** Lion updates m after the move, with β₂. */
            @Override
            public List<WorkedLine> workedStep() {
                List<WorkedLine> lines = super.workedStep();
                lines.add(WorkedLine.average("m", "β₂", "\\beta_2", beta2, "m", "m", false));
                return lines;
            }
        };
    }
}
