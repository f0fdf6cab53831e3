package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;
import java.util.List;

/**
 * Schedule-Free AdamW (Defazio, Yang, Mehta, Mishchenko, Khaled &amp; Cutkosky 2024, "The Road Less
 * Scheduled"), as the authors' {@code AdamWScheduleFree} (facebookresearch/schedule_free). Three
 * sequences: z takes plain normalised gradient steps, x is a weighted running average of z (the
 * iterate to use), and the gradient is taken at y, an interpolation of the two; no learning-rate
 * schedule is needed because the averaging does its work.
 * <pre>
 *   k ← k + 1
 *   η_k = η · min(1, k/warmup_steps) · √(1 − β₂ᵏ)
 *   w_k = k^r · (max_{i≤k} η_i)^weight_lr_power,   c_k = w_k / Σ_{i≤k} w_i
 *   g ← ∇f(y),   v ← β₂·v + (1 − β₂)·g²
 *   ĝ = g/(√v + ε) + λ·y                                   (weight_decay λ, at y)
 *   z ← z − η_k·ĝ                                          (z₀ = y₀)
 *   x ← (1 − c_k)·x + c_k·z                                (x₀ = y₀: the averaged iterate)
 *   y = (1 − β₁)·z + β₁·x                                  (θ, where the next gradient is taken)
 * </pre>
 * The trajectory is y, as the parameters are in the reference's training mode; x is the probe
 * {@code x_avg} (the reference's evaluation mode), and z the probe {@code z}. The reference updates y
 * in place, y ← y + c_k·(z − y) + η_k·(β₁(1 − c_k) − 1)·ĝ, which is the same y; so is this.
 */
public record ScheduleFreeAdamW(double lr, double beta1, double beta2, double eps, double weightDecay,
                                int warmupSteps, double r, double weightLrPower) implements Optimizer {

    static final Hyper<ScheduleFreeAdamW, Double> LR = Hyper.lr(0.0025, 1, "learning rate (no schedule needed)",
            ScheduleFreeAdamW::lr);
    static final Hyper<ScheduleFreeAdamW, double[]> BETAS = Hyper.betas(0.9, 0.999,
            "β₁: where y lies between z and the average x; β₂: decay of the running average of g²",
            ScheduleFreeAdamW::beta1, ScheduleFreeAdamW::beta2);
    static final Hyper<ScheduleFreeAdamW, Double> EPS = Hyper.eps(1e-8, "added to √v", ScheduleFreeAdamW::eps);
    static final Hyper<ScheduleFreeAdamW, Double> WEIGHT_DECAY = Hyper.weightDecay(0, "weight decay, applied at y",
            ScheduleFreeAdamW::weightDecay);
    static final Hyper<ScheduleFreeAdamW, Integer> WARMUP_STEPS = Hyper.integer("warmup_steps", "warm-up", 0, 0, 1000,
            "steps of linear learning-rate warm-up", ScheduleFreeAdamW::warmupSteps);
    static final Hyper<ScheduleFreeAdamW, Double> R = Hyper.real("r", "r", 0, 0, 2, Scale.LINEAR,
            "the average weights step k by k^r", ScheduleFreeAdamW::r);
    static final Hyper<ScheduleFreeAdamW, Double> WEIGHT_LR_POWER = Hyper.real("weight_lr_power", "p", 2, 0, 4,
            Scale.LINEAR, "the average weights step k by (largest η so far)^p", ScheduleFreeAdamW::weightLrPower);

    public static final OptimizerKind KIND = OptimizerKind.ofPaper(ScheduleFreeAdamW.class, "schedule_free_adamw",
            "Defazio et al. 2024", "Schedule-Free AdamW",
            "z ← z − η·g/(√v+ε), x ← (1−c)x + c·z, gradient at y = (1−β₁)z + β₁x",
            p -> new ScheduleFreeAdamW(LR.of(p), BETAS.first(p), BETAS.second(p), EPS.of(p),
                    WEIGHT_DECAY.of(p), WARMUP_STEPS.of(p), R.of(p), WEIGHT_LR_POWER.of(p)),
            LR, BETAS, EPS, WEIGHT_DECAY, WARMUP_STEPS, R, WEIGHT_LR_POWER);

    public ScheduleFreeAdamW {
        Validate.adamFamily(lr, eps, beta1, beta2, weightDecay);
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("Invalid warmup_steps: " + warmupSteps + " (must be an integer >= 0)");
        }
        Validate.nonNegative("r value", r);
        Validate.nonNegative("weight_lr_power value", weightLrPower);
    }

    /** The reference's defaults with the given learning rate. */
    public ScheduleFreeAdamW(double lr) {
        this(lr, BETAS.def()[0], BETAS.def()[1], EPS.def(), WEIGHT_DECAY.def(), WARMUP_STEPS.def(), R.def(),
                WEIGHT_LR_POWER.def());
    }

    @Override
    public Stepper newStepper(int n) {
        return new GradientStepper(n, false) { // the decay acts on the normalised step at y, below
            private final double[] v = vector("v", "v", "running average of g²");
            private final double[] z = vector("z", "z", "the base sequence: plain normalised gradient steps");
            private final double[] x = vector("x_avg", "x", "the averaged iterate, the one to use when training stops");
            private final double[] move = vector("step", "Δθ", "the last move of y");
            private final BiasCorrection correction2 = new BiasCorrection(beta2);
            private double lrMax = -1;
            private double weightSum;
            private double lastC = Double.NaN;

            @Override
            void update(double[] theta, double lr) {
                long k = t; // this step's number; the reference's k before its increment is t − 1
                if (k == 1) {
                    System.arraycopy(theta, 0, z, 0, z.length);
                    System.arraycopy(theta, 0, x, 0, x.length);
                }
                double sched = k - 1 < warmupSteps ? k / (double) warmupSteps : 1.0;
                double stepLr = lr * sched * Math.sqrt(correction2.at(k));
                lrMax = Math.max(stepLr, lrMax);
                double weight = Math.pow(k, r) * Math.pow(lrMax, weightLrPower);
                weightSum += weight;
                double c = weightSum == 0 ? 0 : weight / weightSum;
                lastLr = stepLr;
                lastC = c;
                double mix2 = 1 - beta2;
                for (int i = 0; i < theta.length; i++) {
                    double gi = g[i];
                    double vi = Math.fma(mix2 * gi, gi, v[i] * beta2);
                    v[i] = vi;
                    double normalized = gi / (Math.sqrt(vi) + eps);
                    if (weightDecay != 0) {
                        normalized = Math.fma(weightDecay, theta[i], normalized);
                    }
                    double zi = Math.fma(-stepLr, normalized, z[i]);
                    z[i] = zi;
                    double xi = Math.fma(c, zi - x[i], x[i]);
                    x[i] = xi;
                    double before = theta[i];
                    double yi = Math.fma(beta1, xi - zi, zi);
                    theta[i] = yi;
                    move[i] = yi - before;
                }
            }

            @Override
            public List<RoleVector> vectors() {
                return List.of(
                        RoleVector.downhill("grad"),
                        RoleVector.move(),
                        RoleVector.point(RoleVector.Role.AVERAGED, "x_avg")); // drawn from the raw iterate y to x
            }

            @Override
            List<WorkedLine> ruleLines() {
                String decay = weightDecay != 0 ? " + " + WorkedLine.constant(weightDecay) + "·{theta'}" : "";
                return List.of(
                        new WorkedLine("η_k", "η·min(1, k/warmup_steps)·√(1 − β₂ᵏ)",
                                "{lr}·" + (warmupSteps > 0 ? "min(1, {t}/" + warmupSteps + ")·" : "") + "√(1 − " + WorkedLine.constant(beta2) + "^{t})",
                                "effective_lr",
                                "\\eta_k = \\eta\\,\\min(1, k/k_{\\text{warmup}})\\,\\sqrt{1-\\beta_2^{\\,k}}"),
                        WorkedLine.average("v", "β₂", "\\beta_2", beta2, "v", "v", true),
                        new WorkedLine("z", "z − η_k·(g/(√v + ε)" + (weightDecay != 0 ? " + λ·y" : "") + ")",
                                "{z'} − {effective_lr}·({grad}/(√{v} + " + WorkedLine.constant(eps) + ")" + decay + ")", "z",
                                "z \\leftarrow z - \\eta_k\\,\\big(g/(\\sqrt{v}+\\epsilon)" + (weightDecay != 0 ? " + \\lambda y" : "") + "\\big)"),
                        new WorkedLine("c_k", "w_k/Σ w_i,  w_k = k^r·(max η_i)^p", "", "average_weight",
                                "c_k = w_k/\\textstyle\\sum_{i\\le k} w_i"),
                        new WorkedLine("x", "x + c_k·(z − x)", "{x_avg'} + {average_weight}·({z} − {x_avg'})", "x_avg",
                                "x \\leftarrow x + c_k\\,(z - x)"));
            }

            /** g is taken at y, the point the run shows. */
            @Override
            WorkedLine gradLine() {
                return new WorkedLine("g", "∇f(y)", "", "grad", "g = \\nabla f(y)");
            }

            /** Not an additive step on y: y is rebuilt from z and x. */
            @Override
            WorkedLine moveLine() {
                return new WorkedLine("θ", "y = (1 − β₁)·z + β₁·x", WorkedLine.constant(1 - beta1) + "·{z} + " + WorkedLine.constant(beta1) + "·{x_avg}",
                        "theta", "\\theta = y = (1-\\beta_1)\\, z + \\beta_1 x");
            }

            @Override
            Probe gradProbe() {
                return Elementwise.copy("grad", "∇f(y)", "gradient at y, the point the run shows", g);
            }

            @Override
            List<Probe> ruleProbes() {
                return List.of(probe(v), probe(z), probe(x),
                        Elementwise.scalar("effective_lr", "η_k", "this step's rate: η · warm-up · √(1 − β₂ᵏ)", () -> lastLr),
                        Elementwise.scalar("average_weight", "c_k", "weight of the newest z in the average x", () -> lastC),
                        probe(move));
            }
        };
    }
}
