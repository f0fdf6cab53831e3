package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.Arrays;
import java.util.List;

/**
 * Rprop, resilient backpropagation (Riedmiller &amp; Braun 1993, "A Direct Adaptive Method for Faster
 * Backpropagation Learning: The RPROP Algorithm"), exactly as {@code torch.optim.Rprop} (torch 1.13,
 * the variant without weight backtracking). Only the sign of the gradient is used; each coordinate
 * has its own step size Δ that grows while the sign stays and shrinks when it flips:
 * <pre>
 *   g ← ∇f(θ)   (−∇f(θ) when maximising)
 *   s = η⁺ if g·g_prev &gt; 0,  η⁻ if g·g_prev &lt; 0,  1 if g·g_prev = 0     (etas (η⁻, η⁺))
 *   Δ ← clamp(Δ·s, Δmin, Δmax)                                   (step_sizes (Δmin, Δmax); Δ₀ = η)
 *   g ← 0 where the sign flipped (s = η⁻): that coordinate rests one step
 *   θ ← θ − sign(g)·Δ
 *   g_prev ← g
 * </pre>
 * As in torch, the learning rate only sets the first Δ: a schedule changing lr later has no effect.
 */
public record Rprop(double lr, double etaMinus, double etaPlus, double stepSizeMin, double stepSizeMax,
                    boolean maximize) implements Optimizer {

    public static final OptimizerKind KIND = new OptimizerKind("rprop", "Rprop", "Rprop",
            "Δ ← Δ·η⁺ while sign(g) stays, Δ·η⁻ when it flips; θ ← θ − sign(g)·Δ",
            List.of(
                    ParamSpec.real("lr", "η", 1e-2, 1e-5, 1, Scale.LOG, "learning rate: the first step size Δ₀ of every coordinate"),
                    ParamSpec.pair("etas", "η∓", 0.5, 1.2, 0, 2, Scale.LINEAR,
                            "(η⁻, η⁺): Δ is multiplied by η⁻ when the gradient's sign flips and by η⁺ when it stays"),
                    ParamSpec.pair("step_sizes", "Δ", 1e-6, 50, 0, 100, Scale.LOG,
                            "(Δmin, Δmax): the smallest and largest step size"),
                    ParamSpec.bool("maximize", "maximize", false, "maximise f instead of minimising it")),
            p -> new Rprop(p.real("lr"), p.pair("etas")[0], p.pair("etas")[1], p.pair("step_sizes")[0],
                    p.pair("step_sizes")[1], p.bool("maximize")));

    public Rprop {
        Validate.learningRate(lr);
        if (!(0 < etaMinus && etaMinus < 1 && 1 < etaPlus) || Double.isInfinite(etaPlus)) {
            throw new IllegalArgumentException("Invalid eta values: " + Validate.repr(etaMinus) + ", " + Validate.repr(etaPlus)
                    + " (must satisfy 0 < η⁻ < 1 < η⁺)");
        }
        if (!(0 <= stepSizeMin && stepSizeMin <= stepSizeMax) || Double.isInfinite(stepSizeMax)) {
            throw new IllegalArgumentException("Invalid step_sizes: " + Validate.repr(stepSizeMin) + ", " + Validate.repr(stepSizeMax)
                    + " (must satisfy 0 <= Δmin <= Δmax, finite)");
        }
    }

    /** torch's defaults with the given learning rate. */
    public Rprop(double lr) {
        this(lr, 0.5, 1.2, 1e-6, 50, false);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "etas", new double[] {etaMinus, etaPlus},
                "step_sizes", new double[] {stepSizeMin, stepSizeMax}, "maximize", maximize);
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final double[] g;
        private final double[] prev;
        private final double[] stepSize;
        private final double[] factor;
        private final double[] move;
        private long t;

        State(int n) {
            g = new double[n];
            prev = new double[n];
            stepSize = new double[n];
            factor = new double[n];
            move = new double[n];
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            if (t == 0) {
                // torch fills the step sizes with the lr when it creates the state, and never reads lr again
                Arrays.fill(stepSize, lr);
            }
            t++;
            f.gradient(theta, g);
            Elementwise.prepare(g, theta, maximize, 0);
            for (int i = 0; i < theta.length; i++) {
                double gi = g[i];
                double product = gi * prev[i];
                // torch maps sign(g·g_prev) to η⁺, η⁻ or 1; a NaN product stays NaN
                double s = product > 0 ? etaPlus : product < 0 ? etaMinus : product == 0 ? 1 : product;
                factor[i] = s;
                stepSize[i] = Math.min(Math.max(stepSize[i] * s, stepSizeMin), stepSizeMax);
                if (s == etaMinus) {
                    gi = 0;
                }
                double d = -Math.signum(gi) * stepSize[i];
                move[i] = d;
                theta[i] += d;
                prev[i] = gi;
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
                    RoleVector.direction(RoleVector.Role.PRECONDITIONED, "step", 1),
                    RoleVector.move());
        }

        @Override
        public List<Probe> probes() {
            return List.of(
                    Elementwise.copy("grad", "∇f", "gradient at the last step", g),
                    Elementwise.copy("prev", "g_prev", "the gradient remembered for the next sign test (0 where the sign flipped)", prev),
                    Elementwise.copy("eta_factor", "η±", "what the last step multiplied Δ by: η⁺ (same sign), η⁻ (flip) or 1", factor),
                    Elementwise.copy("step_size", "Δ", "per-coordinate step size after the last update", stepSize),
                    Elementwise.copy("step", "Δθ", "the last step, −sign(g)·Δ (0 where the sign flipped)", move));
        }
    }
}
