package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec.Scale;
import java.util.ArrayList;
import java.util.List;

/**
 * Stochastic gradient descent with momentum, in torch's form and in two lecture forms.
 *
 * <p><b>torch</b> (default, {@code torch.optim.SGD}; Sutskever et al. 2013 as torch writes it):
 * <pre>
 *   g ← ∇f(θ) + λθ                          (weight_decay λ)
 *   b ← g                   on the first step
 *   b ← μ·b + (1 − τ)·g     afterwards        (momentum μ, dampening τ)
 *   d ← g + μ·b  if nesterov, else b          (d = g when μ = 0)
 *   θ ← θ − η·d
 * </pre>
 * <b>classic</b> (the lecture form): v ← μ·v − η·g, θ ← θ + v, with v₀ = 0.
 * <b>classic_nesterov</b> (Nesterov 1983 as in the lectures; named apart from the Lookahead optimizer): the gradient is taken at the look-ahead
 * point θ + μ·v: v ← μ·v − η·∇f(θ + μ·v), θ ← θ + v.
 * In torch's form η multiplies the whole velocity; in the lecture forms it is folded into v, so a
 * learning-rate change mid-run acts differently.
 */
public record Sgd(double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
                  boolean maximize, String variant) implements Optimizer {

    public static final String TORCH = "torch";
    public static final String CLASSIC = "classic";
    public static final String CLASSIC_NESTEROV = "classic_nesterov";

    static final Hyper<Sgd, Double> LR = Hyper.lr(0.01, 10, "learning rate (required in torch; 0.01 here)", Sgd::lr);
    static final Hyper<Sgd, Double> MOMENTUM = Hyper.momentum(0, "μ", 0.999,
            "momentum factor", Sgd::momentum);
    static final Hyper<Sgd, Double> DAMPENING = Hyper.real("dampening", "τ", 0, 0, 1, Scale.LINEAR,
            "dampening of the gradient added to the momentum buffer", Sgd::dampening);
    static final Hyper<Sgd, Double> WEIGHT_DECAY = Hyper.l2(Sgd::weightDecay);
    static final Hyper<Sgd, Boolean> NESTEROV = Hyper.bool("nesterov", "Nesterov", false,
            "use Nesterov momentum (torch's form: d = g + μ·b)", Sgd::nesterov);
    static final Hyper<Sgd, Boolean> MAXIMIZE = Hyper.maximize(Sgd::maximize);
    static final Hyper<Sgd, String> VARIANT = Hyper.choice("variant", "form", TORCH,
            List.of(TORCH, CLASSIC, CLASSIC_NESTEROV),
            "torch: θ ← θ − η·b; classic: v ← μv − ηg, θ ← θ + v; classic_nesterov: v ← μv − η∇f(θ + μv), θ ← θ + v",
            Sgd::variant);

    public static final OptimizerKind KIND = OptimizerKind.of(Sgd.class, "sgd", "SGD", "SGD",
            "θ ← θ − η·d, d = momentum buffer μ·b + (1−τ)·g (or g + μ·b with Nesterov)",
            p -> new Sgd(LR.of(p), MOMENTUM.of(p), DAMPENING.of(p), WEIGHT_DECAY.of(p),
                    NESTEROV.of(p), MAXIMIZE.of(p), VARIANT.of(p)),
            LR, MOMENTUM, DAMPENING, WEIGHT_DECAY, NESTEROV, MAXIMIZE, VARIANT);

    public Sgd {
        Validate.learningRate(lr);
        Validate.nonNegative("momentum value", momentum);
        Validate.weightDecay(weightDecay);
        if (!(dampening >= 0 && dampening <= 1)) {
            throw new IllegalArgumentException("Invalid dampening value: " + Validate.repr(dampening) + " (must be in [0, 1])");
        }
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
        if (!List.of(TORCH, CLASSIC, CLASSIC_NESTEROV).contains(variant)) {
            throw new IllegalArgumentException("Invalid SGD variant: " + variant + " (torch, classic or classic_nesterov)");
        }
        if (!variant.equals(TORCH) && (nesterov || dampening != 0)) {
            throw new IllegalArgumentException("nesterov and dampening belong to the torch form; the " + variant
                    + " form takes only lr, momentum and weight_decay");
        }
    }

    @Override
    public boolean isElementwise() {
        return !variant.equals(CLASSIC_NESTEROV) || momentum == 0;
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final double[] g;
        private final double[] buf;
        private final double[] ahead;
        private long t;
        private double lastLr;

        State(int n) {
            g = new double[n];
            buf = new double[n];
            ahead = variant.equals(CLASSIC_NESTEROV) ? new double[n] : null;
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            int n = theta.length;
            t++;
            lastLr = lr;
            if (ahead != null) {
                for (int i = 0; i < n; i++) {
                    ahead[i] = theta[i] + momentum * buf[i];
                }
                f.gradient(ahead, g);
            } else {
                f.gradient(theta, g);
            }
            for (int i = 0; i < n; i++) {
                double gi = maximize ? -g[i] : g[i];
                if (weightDecay != 0) {
                    gi = Math.fma(weightDecay, theta[i], gi);
                }
                g[i] = gi;
            }
            if (variant.equals(TORCH)) {
                torchUpdate(theta, lr, n);
            } else {
                for (int i = 0; i < n; i++) {
                    buf[i] = momentum * buf[i] - lr * g[i];
                    theta[i] += buf[i];
                }
            }
        }

        private void torchUpdate(double[] theta, double lr, int n) {
            if (momentum == 0) {
                for (int i = 0; i < n; i++) {
                    theta[i] = Math.fma(-lr, g[i], theta[i]);
                }
                return;
            }
            double keep = 1 - dampening;
            for (int i = 0; i < n; i++) {
                double b = t == 1 ? g[i] : Math.fma(keep, g[i], buf[i] * momentum);
                buf[i] = b;
                double d = nesterov ? Math.fma(momentum, b, g[i]) : b;
                theta[i] = Math.fma(-lr, d, theta[i]);
            }
        }

        @Override
        public long steps() {
            return t;
        }

        @Override
        public List<RoleVector> vectors() {
            List<RoleVector> vectors = new ArrayList<>();
            vectors.add(RoleVector.downhill("grad"));
            if (momentum != 0) {
                // torch's buffer b pushes along −b; the lecture velocity v is the step itself
                vectors.add(variant.equals(TORCH)
                        ? RoleVector.velocity("momentum_buffer")
                        : new RoleVector(RoleVector.Role.VELOCITY, "velocity", 1, RoleVector.Kind.DISPLACEMENT, RoleVector.Anchor.START));
            }
            if (ahead != null) {
                vectors.add(new RoleVector(RoleVector.Role.LOOKAHEAD, "lookahead", 1, RoleVector.Kind.POINT, RoleVector.Anchor.START));
            }
            vectors.add(RoleVector.move());
            return vectors;
        }

        @Override
        public List<WorkedLine> workedStep() {
            String mu = WorkedLine.constant(momentum);
            String decay = weightDecay != 0 ? " + λ·θ" : "";
            String sign = maximize ? "−" : "";
            List<WorkedLine> lines = new ArrayList<>();
            if (ahead != null) {
                lines.add(new WorkedLine("θ̃", "θ + μ·v", "{theta'} + " + mu + "·{velocity'}", "lookahead",
                        "\\tilde\\theta = \\theta + \\mu v"));
                lines.add(new WorkedLine("g", sign + "∇f(θ̃)" + decay, "", "grad", "g = \\nabla f(\\tilde\\theta)"));
            } else {
                lines.add(new WorkedLine("g", sign + "∇f(θ)" + decay, "", "grad", "g = \\nabla f(\\theta)"));
            }
            if (momentum == 0) {
                lines.add(new WorkedLine("Δθ", "−η·g", "−{lr}·{grad}", "delta", "\\Delta\\theta = -\\eta\\, g"));
            } else if (variant.equals(TORCH)) {
                lines.add(new WorkedLine("b", "μ·b + (1 − τ)·g   (b = g on the first step)",
                        mu + "·{momentum_buffer'} + " + WorkedLine.constant(1 - dampening) + "·{grad}", "momentum_buffer",
                        "b \\leftarrow \\mu b + (1-\\tau)\\,g"));
                lines.add(nesterov
                        ? new WorkedLine("Δθ", "−η·(g + μ·b)", "−{lr}·({grad} + " + mu + "·{momentum_buffer})", "delta",
                                "\\Delta\\theta = -\\eta\\,(g + \\mu b)")
                        : new WorkedLine("Δθ", "−η·b", "−{lr}·{momentum_buffer}", "delta", "\\Delta\\theta = -\\eta\\, b"));
            } else {
                lines.add(new WorkedLine("v", "μ·v − η·g", mu + "·{velocity'} − {lr}·{grad}", "velocity", "v \\leftarrow \\mu v - \\eta\\, g"));
                lines.add(new WorkedLine("Δθ", "v", "{velocity}", "delta", "\\Delta\\theta = v"));
            }
            lines.add(WorkedLine.move("delta"));
            return lines;
        }

        @Override
        public StabilityBound stabilityBound() {
            if (maximize) {
                return null; // no bound for ascent
            }
            if (momentum == 0) {
                return StabilityBound.gradientDescent(weightDecay);
            }
            if (nesterov || ahead != null) {
                return StabilityBound.nesterov(weightDecay, momentum);
            }
            return StabilityBound.heavyBall(variant.equals(TORCH) ? 1 - dampening : 1, weightDecay, momentum);
        }

        @Override
        public List<Probe> probes() {
            List<Probe> probes = new ArrayList<>();
            probes.add(new Probe("grad", "∇f", "gradient used by the last step (with weight decay)",
                    out -> System.arraycopy(g, 0, out, 0, g.length)));
            if (momentum != 0) {
                probes.add(new Probe(variant.equals(TORCH) ? "momentum_buffer" : "velocity",
                        variant.equals(TORCH) ? "b" : "v",
                        variant.equals(TORCH)
                                ? (nesterov ? "momentum buffer b (the step is η·(g + μ·b))" : "momentum buffer b (the step is η·b)")
                                : "velocity v (the step itself)",
                        out -> System.arraycopy(buf, 0, out, 0, buf.length)));
            }
            if (ahead != null) {
                probes.add(Elementwise.copy("lookahead", "θ+μv", "the look-ahead point θ + μ·v where the last gradient was taken", ahead));
            }
            probes.add(new Probe("effective_lr", "η", "learning rate of the last step",
                    out -> java.util.Arrays.fill(out, lastLr)));
            return probes;
        }
    }
}
