package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
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

    public static final OptimizerKind KIND = new OptimizerKind("schedule_free_adamw", null, "Schedule-Free AdamW",
            "z ← z − η·g/(√v+ε), x ← (1−c)x + c·z, gradient at y = (1−β₁)z + β₁x",
            List.of(
                    ParamSpec.real("lr", "η", 0.0025, 1e-5, 1, Scale.LOG, "learning rate (no schedule needed)"),
                    ParamSpec.pair("betas", "β", 0.9, 0.999, 0, 0.9999, Scale.NEAR_ONE,
                            "β₁: where y lies between z and the average x; β₂: decay of the running average of g²"),
                    ParamSpec.real("eps", "ε", 1e-8, 1e-12, 1, Scale.LOG, "added to √v"),
                    ParamSpec.real("weight_decay", "λ", 0, 0, 1, Scale.LINEAR, "weight decay, applied at y"),
                    ParamSpec.integer("warmup_steps", "warm-up", 0, 0, 1000, "steps of linear learning-rate warm-up"),
                    ParamSpec.real("r", "r", 0, 0, 2, Scale.LINEAR, "the average weights step k by k^r"),
                    ParamSpec.real("weight_lr_power", "p", 2, 0, 4, Scale.LINEAR,
                            "the average weights step k by (largest η so far)^p")),
            p -> new ScheduleFreeAdamW(p.real("lr"), p.pair("betas")[0], p.pair("betas")[1], p.real("eps"),
                    p.real("weight_decay"), p.integer("warmup_steps"), p.real("r"), p.real("weight_lr_power")));

    public ScheduleFreeAdamW {
        Validate.learningRate(lr);
        Validate.nonNegative("epsilon value", eps);
        Validate.beta(0, beta1);
        Validate.beta(1, beta2);
        Validate.nonNegative("weight_decay value", weightDecay);
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("Invalid warmup_steps: " + warmupSteps + " (must be an integer >= 0)");
        }
        Validate.nonNegative("r value", r);
        Validate.nonNegative("weight_lr_power value", weightLrPower);
    }

    /** The reference's defaults with the given learning rate. */
    public ScheduleFreeAdamW(double lr) {
        this(lr, 0.9, 0.999, 1e-8, 0, 0, 0, 2);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "betas", new double[] {beta1, beta2}, "eps", eps, "weight_decay", weightDecay,
                "warmup_steps", warmupSteps, "r", r, "weight_lr_power", weightLrPower);
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final double[] g;
        private final double[] v;
        private final double[] z;
        private final double[] x;
        private final double[] move;
        private final BiasCorrection correction2 = new BiasCorrection(beta2);
        private long k;
        private double lrMax = -1;
        private double weightSum;
        private double lastLr = Double.NaN;
        private double lastC = Double.NaN;

        State(int n) {
            g = new double[n];
            v = new double[n];
            z = new double[n];
            x = new double[n];
            move = new double[n];
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            if (k == 0) {
                System.arraycopy(theta, 0, z, 0, z.length);
                System.arraycopy(theta, 0, x, 0, x.length);
            }
            double sched = k < warmupSteps ? (k + 1) / (double) warmupSteps : 1.0;
            k++;
            double stepLr = lr * sched * Math.sqrt(correction2.at(k));
            lrMax = Math.max(stepLr, lrMax);
            double weight = Math.pow(k, r) * Math.pow(lrMax, weightLrPower);
            weightSum += weight;
            double c = weightSum == 0 ? 0 : weight / weightSum;
            lastLr = stepLr;
            lastC = c;
            f.gradient(theta, g);
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
        public long steps() {
            return k;
        }

        @Override
        public List<RoleVector> vectors() {
            return List.of(
                    RoleVector.downhill("grad"),
                    RoleVector.move());
        }

        @Override
        public List<Probe> probes() {
            return List.of(
                    Elementwise.copy("grad", "∇f(y)", "gradient at y, the point the run shows", g),
                    Elementwise.copy("v", "v", "running average of g²", v),
                    Elementwise.copy("z", "z", "the base sequence: plain normalised gradient steps", z),
                    Elementwise.copy("x_avg", "x", "the averaged iterate, the one to use when training stops", x),
                    Elementwise.scalar("effective_lr", "η_k", "this step's rate: η · warm-up · √(1 − β₂ᵏ)", () -> lastLr),
                    Elementwise.scalar("average_weight", "c_k", "weight of the newest z in the average x", () -> lastC),
                    Elementwise.copy("step", "Δθ", "the last move of y", move));
        }
    }
}
