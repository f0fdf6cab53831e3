package dev.descent.optim;

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

    static final Hyper<SignSgd, Double> LR = Hyper.lr(1e-2, 1, "learning rate: the length of every coordinate's step",
            SignSgd::lr);
    static final Hyper<SignSgd, Double> WEIGHT_DECAY = Hyper.l2(SignSgd::weightDecay);

    public static final OptimizerKind KIND = OptimizerKind.ofPaper(SignSgd.class, "signsgd", "Bernstein et al. 2018",
            "signSGD",
            "θ ← θ − η·sign(g): every coordinate moves by exactly η",
            p -> new SignSgd(LR.of(p), WEIGHT_DECAY.of(p)),
            LR, WEIGHT_DECAY);

    public SignSgd {
        Validate.learningRate(lr);
        Validate.weightDecay(weightDecay);
    }

    @Override
    public Stepper newStepper(int n) {
        return new GradientStepper(n, false, weightDecay) {
            private final double[] move = vector("step", "Δθ", "the last step, −η·sign(g)");

            @Override
            void update(double[] theta, double lr) {
                for (int i = 0; i < theta.length; i++) {
                    double d = -lr * Math.signum(g[i]);
                    move[i] = d;
                    theta[i] += d;
                }
            }

            @Override
            List<WorkedLine> ruleLines() {
                return List.of(
                        new WorkedLine("Δθ", "−η·sign(g)", "−{lr}·sign({grad})", "step", "\\Delta\\theta = -\\eta\\,\\mathrm{sign}(g)"));
            }
        };
    }
}
