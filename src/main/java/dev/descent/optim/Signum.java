package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;
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

    static final Hyper<Signum, Double> LR = Hyper.lr(1e-2, 1, "learning rate: the length of every coordinate's step",
            Signum::lr);
    static final Hyper<Signum, Double> MOMENTUM = Hyper.momentum(0.9, "β", 0.999,
            "decay of the running average m of g (0: signSGD)", Signum::momentum);
    static final Hyper<Signum, Double> WEIGHT_DECAY = Hyper.l2(Signum::weightDecay);

    public static final OptimizerKind KIND = OptimizerKind.ofPaper(Signum.class, "signum", "Bernstein et al. 2018",
            "Signum",
            "m ← βm + (1−β)g, θ ← θ − η·sign(m)",
            p -> new Signum(LR.of(p), MOMENTUM.of(p), WEIGHT_DECAY.of(p)),
            LR, MOMENTUM, WEIGHT_DECAY);

    public Signum {
        Validate.learningRate(lr);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Invalid momentum value: " + Validate.repr(momentum) + " (must be in [0, 1))");
        }
        Validate.weightDecay(weightDecay);
    }

    @Override
    public Stepper newStepper(int n) {
        return new GradientStepper(n, false, weightDecay) {
            private final double[] m = vector("m", "m", "running average of g; the step is −η·sign(m)");
            private final double[] move = vector("step", "Δθ", "the last step, −η·sign(m)");

            @Override
            void update(double[] theta, double lr) {
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
            public List<RoleVector> vectors() {
                return RoleVector.gradientMomentumAndStep("m");
            }

            @Override
            List<WorkedLine> ruleLines() {
                return List.of(
                        WorkedLine.average("m", "β", "\\beta", momentum, "m", "m", false),
                        new WorkedLine("Δθ", "−η·sign(m)", "−{lr}·sign({m})", "step", "\\Delta\\theta = -\\eta\\,\\mathrm{sign}(m)"));
            }
        };
    }
}
