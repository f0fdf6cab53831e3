package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;
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

    static final Hyper<Rprop, Double> LR = Hyper.lr(1e-2, 1,
            "learning rate: the first step size Δ₀ of every coordinate", Rprop::lr);
    static final Hyper<Rprop, double[]> ETAS = Hyper.pair("etas", "η∓", 0.5, 1.2, 0, 2, Scale.LINEAR,
            "(η⁻, η⁺): Δ is multiplied by η⁻ when the gradient's sign flips and by η⁺ when it stays", Rprop::etaMinus,
            Rprop::etaPlus);
    static final Hyper<Rprop, double[]> STEP_SIZES = Hyper.pair("step_sizes", "Δ", 1e-6, 50, 0, 100, Scale.LOG,
            "(Δmin, Δmax): the smallest and largest step size", Rprop::stepSizeMin, Rprop::stepSizeMax);
    static final Hyper<Rprop, Boolean> MAXIMIZE = Hyper.maximize(Rprop::maximize);

    public static final OptimizerKind KIND = OptimizerKind.of(Rprop.class, "rprop", "Rprop", "Rprop",
            "Δ ← Δ·η⁺ while sign(g) stays, Δ·η⁻ when it flips; θ ← θ − sign(g)·Δ",
            p -> new Rprop(LR.of(p), ETAS.first(p), ETAS.second(p), STEP_SIZES.first(p),
                    STEP_SIZES.second(p), MAXIMIZE.of(p)),
            LR, ETAS, STEP_SIZES, MAXIMIZE);

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
        this(lr, ETAS.def()[0], ETAS.def()[1], STEP_SIZES.def()[0], STEP_SIZES.def()[1], MAXIMIZE.def());
    }

    @Override
    public Stepper newStepper(int n) {
        return new PreconditionedStepper(n, maximize) {
            private final double[] prev = vector("prev", "g_prev",
                    "the gradient remembered for the next sign test (0 where the sign flipped)");
            private final double[] factor = vector("eta_factor", "η±",
                    "what the last step multiplied Δ by: η⁺ (same sign), η⁻ (flip) or 1");
            private final double[] stepSize = vector("step_size", "Δ", "per-coordinate step size after the last update");
            private final double[] move = vector("step", "Δθ", "the last step, −sign(g)·Δ (0 where the sign flipped)");

            @Override
            void update(double[] theta, double lr) {
                if (t == 1) {
                    // torch fills the step sizes with the lr when it creates the state, and never reads lr again
                    Arrays.fill(stepSize, lr);
                }
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
            List<WorkedLine> ruleLines() {
                return List.of(
                        new WorkedLine("s", "η⁺ if g·g_prev > 0, η⁻ if g·g_prev < 0, 1 if 0",
                                "sign({grad}·{prev'}) picks η⁻ = " + WorkedLine.number(etaMinus) + ", 1 or η⁺ = " + WorkedLine.number(etaPlus) + "; s",
                                "eta_factor", "s = \\eta^{\\pm}\\ \\text{by}\\ \\operatorname{sign}(g\\, g_{\\text{prev}})"),
                        new WorkedLine("Δ", "clamp(Δ·s, Δmin, Δmax)",
                                "clamp({step_size'}·{eta_factor}, " + WorkedLine.constant(stepSizeMin) + ", " + WorkedLine.constant(stepSizeMax) + ")",
                                "step_size", "\\Delta \\leftarrow \\operatorname{clamp}(\\Delta s, \\Delta_{\\min}, \\Delta_{\\max})"),
                        new WorkedLine("g_prev", "g, with 0 where the sign flipped (s = η⁻)", "", "prev",
                                "g_{\\text{prev}} \\leftarrow g\\ (0 \\text{ where } s = \\eta^-)"),
                        new WorkedLine("Δθ", "−sign(g_prev)·Δ", "−sign({prev})·{step_size}", "step",
                                "\\Delta\\theta = -\\operatorname{sign}(g_{\\text{prev}})\\,\\Delta"));
            }
        };
    }
}
