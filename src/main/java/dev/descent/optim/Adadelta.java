package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;
import java.util.List;

/**
 * Adadelta (Zeiler 2012, "ADADELTA: An Adaptive Learning Rate Method"), exactly as
 * {@code torch.optim.Adadelta}:
 * <pre>
 *   g ← ∇f(θ)   (−∇f(θ) when maximising),   g ← g + λ·θ      (weight_decay λ)
 *   v ← ρ·v + (1 − ρ)·g²                                      (square_avg, v₀ = 0)
 *   Δ ← √(u + ε) / √(v + ε) · g                               (the old u; ε inside both roots)
 *   u ← ρ·u + (1 − ρ)·Δ²                                      (acc_delta, u₀ = 0)
 *   θ ← θ − η·Δ
 * </pre>
 * The ratio √(u + ε)/√(v + ε) gives the step the units of θ; the paper has no η (η = 1, torch's
 * default), torch only scales the applied step with it, not the accumulated Δ².
 */
public record Adadelta(double lr, double rho, double eps, double weightDecay, boolean maximize) implements Optimizer {

    static final Hyper<Adadelta, Double> LR = Hyper.lr(1.0, 1e-3, 100,
            "scales the applied step (the paper has none: 1)", Adadelta::lr);
    static final Hyper<Adadelta, Double> RHO = Hyper.real("rho", "ρ", 0.9, 0, 0.9999, Scale.NEAR_ONE,
            "decay of the running averages of g² and Δ²", Adadelta::rho);
    static final Hyper<Adadelta, Double> EPS = Hyper.eps(1e-6,
            "added inside both square roots; also sets the size of the first steps", Adadelta::eps);
    static final Hyper<Adadelta, Double> WEIGHT_DECAY = Hyper.l2(Adadelta::weightDecay);
    static final Hyper<Adadelta, Boolean> MAXIMIZE = Hyper.maximize(Adadelta::maximize);

    public static final OptimizerKind KIND = OptimizerKind.of(Adadelta.class, "adadelta", "Adadelta", "Adadelta",
            "Δ = √(u+ε)/√(v+ε)·g, θ ← θ − η·Δ, u and v running averages of Δ² and g²",
            p -> new Adadelta(LR.of(p), RHO.of(p), EPS.of(p), WEIGHT_DECAY.of(p), MAXIMIZE.of(p)),
            LR, RHO, EPS, WEIGHT_DECAY, MAXIMIZE);

    public Adadelta {
        Validate.learningRate(lr);
        Validate.unitInterval("rho value", rho);
        Validate.epsilon(eps);
        Validate.weightDecay(weightDecay);
    }

    /** torch's defaults with the given learning rate. */
    public Adadelta(double lr) {
        this(lr, RHO.def(), EPS.def(), WEIGHT_DECAY.def(), MAXIMIZE.def());
    }

    @Override
    public Stepper newStepper(int n) {
        return new PreconditionedStepper(n, maximize, weightDecay) {
            private final double[] v = vector("v", "v", "square_avg: running average of g²");
            private final double[] u = vector("u", "u", "acc_delta: running average of Δ²");
            /** √(u + ε)/√(v + ε) of the last step (u before its update). */
            private final double[] ratio = vector("rms_ratio", "√(u+ε)/√(v+ε)",
                    "RMS[Δ]/RMS[g] of the last step: Adadelta's own step size");

            @Override
            void update(double[] theta, double lr) {
                double oneMinusRho = 1 - rho;
                double negLr = -lr;
                for (int i = 0; i < theta.length; i++) {
                    double gi = g[i];
                    double vi = Math.fma(oneMinusRho * gi, gi, v[i] * rho);
                    v[i] = vi;
                    double r = Math.sqrt(u[i] + eps) / Math.sqrt(vi + eps);
                    ratio[i] = r;
                    double delta = r * gi;
                    u[i] = Math.fma(oneMinusRho * delta, delta, u[i] * rho);
                    theta[i] = Math.fma(negLr, delta, theta[i]);
                }
            }

            @Override
            List<WorkedLine> ruleLines() {
                String e = WorkedLine.constant(eps);
                String r = WorkedLine.constant(rho);
                String omr = WorkedLine.constant(1 - rho);
                return List.of(
                        WorkedLine.average("v", "ρ", "\\rho", rho, "v", "v", true),
                        new WorkedLine("r", "√(u + ε)/√(v + ε)", "√({u'} + " + e + ")/√({v} + " + e + ")", "rms_ratio",
                                "r = \\sqrt{u+\\epsilon}/\\sqrt{v+\\epsilon}"),
                        new WorkedLine("Δ", "r·g", "{rms_ratio}·{grad}", "delta_x",
                                "\\Delta = r\\, g"),
                        new WorkedLine("u", "ρ·u + (1 − ρ)·Δ²", r + "·{u'} + " + omr + "·{delta_x}²", "u",
                                "u \\leftarrow \\rho u + (1-\\rho)\\,\\Delta^2"),
                        new WorkedLine("Δθ", "−η·Δ", "−{lr}·{delta_x}", "step", "\\Delta\\theta = -\\eta\\,\\Delta"));
            }

            @Override
            List<Probe> ruleProbes() {
                return List.of(
                        probe(v),
                        probe(u),
                        probe(ratio),
                        new Probe("delta_x", "Δ", "the last update before the learning rate, √(u+ε)/√(v+ε)·g (u before its update)", out -> {
                            for (int i = 0; i < ratio.length; i++) {
                                out[i] = ratio[i] * g[i];
                            }
                        }),
                        new Probe("effective_lr", "η·√(u+ε)/√(v+ε)", "per-coordinate step size applied to g", out -> {
                            for (int i = 0; i < ratio.length; i++) {
                                out[i] = lastLr * ratio[i];
                            }
                        }),
                        new Probe("step", "Δθ", "the last step, −η·Δ", out -> {
                            for (int i = 0; i < ratio.length; i++) {
                                out[i] = -lastLr * (ratio[i] * g[i]);
                            }
                        }));
            }
        };
    }
}
