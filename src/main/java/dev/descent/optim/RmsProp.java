package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;
import java.util.ArrayList;
import java.util.List;

/**
 * RMSprop (Hinton, Srivastava &amp; Swersky 2012, Coursera lecture 6e; centred form from Graves 2013,
 * "Generating Sequences With Recurrent Neural Networks"), exactly as {@code torch.optim.RMSprop}:
 * <pre>
 *   g ← ∇f(θ)   (−∇f(θ) when maximising),   g ← g + λ·θ      (weight_decay λ)
 *   v ← α·v + (1 − α)·g²                                      (square_avg, v₀ = 0)
 *   centred:  ḡ ← α·ḡ + (1 − α)·g,   a ← √(v − ḡ²) + ε
 *   else:     a ← √v + ε                                       (ε outside the square root)
 *   momentum μ > 0:  b ← μ·b + g/a,  θ ← θ − η·b              (b₀ = 0)
 *   else:            θ ← θ − η·g/a
 * </pre>
 * There is no bias correction: v starts at 0, so the first steps are large (about η/√(1 − α)·sign g).
 */
public record RmsProp(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered,
                      boolean maximize) implements Optimizer {

    static final Hyper<RmsProp, Double> LR = Hyper.lr(1e-2, RmsProp::lr);
    static final Hyper<RmsProp, Double> MOMENTUM = Hyper.momentum(0, "μ", 0.999,
            "momentum factor", RmsProp::momentum);
    static final Hyper<RmsProp, Double> ALPHA = Hyper.real("alpha", "α", 0.99, 0, 0.9999, Scale.NEAR_ONE,
            "smoothing constant of the running average of g²", RmsProp::alpha);
    static final Hyper<RmsProp, Double> EPS = Hyper.eps(1e-8,
            "added to √v (outside the square root) to avoid division by zero", RmsProp::eps);
    static final Hyper<RmsProp, Boolean> CENTERED = Hyper.bool("centered", "centred", false,
            "divide by the estimated standard deviation √(v − ḡ²) instead of √v", RmsProp::centered);
    static final Hyper<RmsProp, Double> WEIGHT_DECAY = Hyper.l2(RmsProp::weightDecay);
    static final Hyper<RmsProp, Boolean> MAXIMIZE = Hyper.maximize(RmsProp::maximize);

    public static final OptimizerKind KIND = OptimizerKind.of(RmsProp.class, "rmsprop", "RMSprop", "RMSprop",
            "v ← αv + (1−α)g², θ ← θ − η·g/(√v + ε)",
            p -> new RmsProp(LR.of(p), ALPHA.of(p), EPS.of(p), WEIGHT_DECAY.of(p),
                    MOMENTUM.of(p), CENTERED.of(p), MAXIMIZE.of(p)),
            LR, MOMENTUM, ALPHA, EPS, CENTERED, WEIGHT_DECAY, MAXIMIZE);

    public RmsProp {
        Validate.learningRate(lr);
        Validate.epsilon(eps);
        Validate.nonNegative("momentum value", momentum);
        Validate.weightDecay(weightDecay);
        Validate.unitInterval("alpha value", alpha);
    }

    /** torch's defaults with the given learning rate. */
    public RmsProp(double lr) {
        this(lr, ALPHA.def(), EPS.def(), WEIGHT_DECAY.def(), MOMENTUM.def(), CENTERED.def(), MAXIMIZE.def());
    }

    @Override
    public Stepper newStepper(int n) {
        return new GradientStepper(n, maximize, weightDecay) {
            private final double[] v = vector("v", "v", "square_avg: running average of g²");
            private final double[] gavg = centered ? vector("grad_avg", "ḡ", "running average of g (centred RMSprop)") : null;
            private final double[] buf = momentum > 0 ? vector("momentum_buffer", "b", "momentum buffer b (the step is η·b)") : null;

            @Override
            void update(double[] theta, double lr) {
                double oneMinusAlpha = 1 - alpha;
                double negLr = -lr;
                int n = theta.length;
                for (int i = 0; i < n; i++) {
                    double gi = g[i];
                    double vi = Math.fma(oneMinusAlpha * gi, gi, v[i] * alpha);
                    v[i] = vi;
                    double avg;
                    if (gavg != null) {
                        double ga = Math.fma(oneMinusAlpha, gi, gavg[i] * alpha);
                        gavg[i] = ga;
                        avg = Math.sqrt(Math.fma(-ga, ga, vi)) + eps;
                    } else {
                        avg = Math.sqrt(vi) + eps;
                    }
                    if (buf != null) {
                        double b = buf[i] * momentum + gi / avg;
                        buf[i] = b;
                        theta[i] = Math.fma(negLr, b, theta[i]);
                    } else {
                        theta[i] += negLr * gi / avg;
                    }
                }
            }

            /** The denominator a = √v + ε or √(v − ḡ²) + ε of the last step, from the state. */
            private double denominator(int i) {
                return gavg != null ? Math.sqrt(Math.fma(-gavg[i], gavg[i], v[i])) + eps : Math.sqrt(v[i]) + eps;
            }

            @Override
            public List<RoleVector> vectors() {
                List<RoleVector> vectors = new ArrayList<>();
                vectors.add(RoleVector.downhill("grad"));
                if (buf != null) {
                    vectors.add(RoleVector.velocity("momentum_buffer"));
                }
                vectors.add(RoleVector.direction(RoleVector.Role.PRECONDITIONED, "step", 1));
                vectors.add(RoleVector.move());
                vectors.add(RoleVector.rateBox());
                return vectors;
            }

            @Override
            List<WorkedLine> ruleLines() {
                String a = WorkedLine.constant(alpha);
                String oma = WorkedLine.constant(1 - alpha);
                String e = WorkedLine.constant(eps);
                List<WorkedLine> lines = new ArrayList<>();
                lines.add(new WorkedLine("v", "α·v + (1 − α)·g²", a + "·{v'} + " + oma + "·{grad}²", "v", "v \\leftarrow \\alpha v + (1-\\alpha)\\,g^2"));
                if (gavg != null) {
                    lines.add(new WorkedLine("ḡ", "α·ḡ + (1 − α)·g", a + "·{grad_avg'} + " + oma + "·{grad}", "grad_avg",
                            "\\bar g \\leftarrow \\alpha \\bar g + (1-\\alpha)\\,g"));
                }
                String denominator = gavg != null ? "√(v − ḡ²) + ε" : "√v + ε";
                String texDen = gavg != null ? "\\sqrt{v - \\bar g^2} + \\epsilon" : "\\sqrt{v} + \\epsilon";
                if (buf != null) {
                    lines.add(new WorkedLine("b", "μ·b + g/(" + denominator + ")", "", "momentum_buffer",
                            "b \\leftarrow \\mu b + g/(" + texDen + ")"));
                    lines.add(new WorkedLine("Δθ", "−η·b", "−{lr}·{momentum_buffer}", "step", "\\Delta\\theta = -\\eta\\, b"));
                } else {
                    lines.add(new WorkedLine("η/a", "η/(" + denominator + ")", "", "effective_lr", "\\eta/(" + texDen + ")"));
                    lines.add(new WorkedLine("Δθ", "−η·g/(" + denominator + ")",
                            gavg != null ? "−{effective_lr}·{grad}" : "−{lr}·{grad}/(√{v} + " + e + ")", "step",
                            "\\Delta\\theta = -\\eta\\, g/(" + texDen + ")"));
                }
                return lines;
            }

            @Override
            List<Probe> ruleProbes() {
                List<Probe> probes = new ArrayList<>(super.ruleProbes()); // v, and ḡ and b where this variant has them
                probes.add(new Probe("effective_lr", centered ? "η/(√(v−ḡ²)+ε)" : "η/(√v+ε)",
                        "per-coordinate step size applied to g (to the buffer's input with momentum)", out -> {
                            for (int i = 0; i < v.length; i++) {
                                out[i] = lastLr / denominator(i);
                            }
                        }));
                probes.add(new Probe("step", "Δθ", "the last step, −η·g/a (or −η·b with momentum)", out -> {
                    for (int i = 0; i < v.length; i++) {
                        out[i] = buf != null ? -lastLr * buf[i] : -lastLr * g[i] / denominator(i);
                    }
                }));
                return probes;
            }
        };
    }
}
