package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;
import java.util.List;

/**
 * QHM, quasi-hyperbolic momentum (Ma &amp; Yarats 2019, "Quasi-hyperbolic momentum and Adam for deep
 * learning"), as facebookresearch's {@code qhoptim.pyt.QHM} computes it:
 * <pre>
 *   g ← ∇f(θ) + λ·θ                                            (weight_decay λ)
 *   b ← β·b + (1 − β)·g                                        (momentum β, dampened; b₀ = 0)
 *   θ ← θ − η·[(1 − ν)·g + ν·b]                                (nu ν)
 * </pre>
 * ν interpolates between plain SGD (ν = 0) and momentum (ν = 1). Because the buffer is dampened by
 * (1 − β), QHM with ν = 1 and rate η equals torch's SGD with momentum β and rate η·(1 − β).
 * The paper recommends ν = 0.7, β = 0.999. As in qhoptim the step is applied in two parts,
 * θ ← θ − (η·ν)·b, then θ ← θ − (η·(1 − ν))·g, each a fused multiply-add. QHM is not in torch, so it
 * has no {@code maximize}; qhoptim's alternative {@code weight_decay_type="direct"} is left out.
 */
public record Qhm(double lr, double momentum, double nu, double weightDecay) implements Optimizer {

    static final Hyper<Qhm, Double> LR = Hyper.lr(0.01, 10, "learning rate (required in qhoptim; 0.01 here)",
            Qhm::lr);
    static final Hyper<Qhm, Double> MOMENTUM = Hyper.momentum(0.999, "β", 0.9999,
            "decay of the (dampened) momentum buffer", Qhm::momentum);
    static final Hyper<Qhm, Double> NU = Hyper.real("nu", "ν", 0.7, 0, 1, Scale.LINEAR,
            "immediate discount: weight of the buffer against the plain gradient (0: SGD, 1: momentum)", Qhm::nu);
    static final Hyper<Qhm, Double> WEIGHT_DECAY = Hyper.l2(Qhm::weightDecay);

    public static final OptimizerKind KIND = OptimizerKind.ofPaper(Qhm.class, "qhm", "Ma & Yarats 2019", "QHM",
            "b ← βb + (1−β)g, θ ← θ − η·[(1−ν)·g + ν·b]",
            p -> new Qhm(LR.of(p), MOMENTUM.of(p), NU.of(p), WEIGHT_DECAY.of(p)),
            LR, MOMENTUM, NU, WEIGHT_DECAY);

    public Qhm {
        Validate.learningRate(lr);
        Validate.unitInterval("momentum value", momentum);
        Validate.unitInterval("nu value", nu);
        Validate.weightDecay(weightDecay);
    }

    @Override
    public Stepper newStepper(int n) {
        return new GradientStepper(n, false, weightDecay) {
            private final double[] buf = vector("momentum_buffer", "b", "dampened momentum buffer: running average of g");

            @Override
            void update(double[] theta, double lr) {
                double keep = 1 - momentum;
                double bufRate = -lr * nu;
                double gradRate = -lr * (1 - nu);
                for (int i = 0; i < theta.length; i++) {
                    double gi = g[i];
                    double b = Math.fma(keep, gi, buf[i] * momentum);
                    buf[i] = b;
                    theta[i] = Math.fma(gradRate, gi, Math.fma(bufRate, b, theta[i]));
                }
            }

            @Override
            List<WorkedLine> ruleLines() {
                return List.of(
                        new WorkedLine("b", "β·b + (1 − β)·g",
                                WorkedLine.constant(momentum) + "·{momentum_buffer'} + " + WorkedLine.constant(1 - momentum) + "·{grad}",
                                "momentum_buffer", "b \\leftarrow \\beta b + (1-\\beta)\\, g"),
                        new WorkedLine("d", "(1 − ν)·g + ν·b",
                                WorkedLine.constant(1 - nu) + "·{grad} + " + WorkedLine.constant(nu) + "·{momentum_buffer}", "direction",
                                "d = (1-\\nu)\\, g + \\nu\\, b"),
                        new WorkedLine("Δθ", "−η·[(1 − ν)·g + ν·b]", "−{lr}·{direction}", "step",
                                "\\Delta\\theta = -\\eta\\,[(1-\\nu)\\, g + \\nu\\, b]"));
            }

            @Override
            public List<RoleVector> vectors() {
                return RoleVector.gradientMomentumAndStep("momentum_buffer");
            }

            @Override
            List<Probe> ruleProbes() {
                return List.of(
                        probe(buf),
                        new Probe("direction", "(1−ν)g+νb", "the quasi-hyperbolic mix the step follows", out -> {
                            for (int i = 0; i < g.length; i++) {
                                out[i] = (1 - nu) * g[i] + nu * buf[i];
                            }
                        }),
                        Elementwise.scalar("effective_lr", "η", "learning rate of the last step", () -> lastLr),
                        new Probe("step", "Δθ", "the last step, −η·[(1−ν)·g + ν·b]", out -> {
                            for (int i = 0; i < g.length; i++) {
                                out[i] = -lastLr * ((1 - nu) * g[i] + nu * buf[i]);
                            }
                        }));
            }
        };
    }
}
