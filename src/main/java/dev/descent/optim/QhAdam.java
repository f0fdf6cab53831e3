package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.List;

/**
 * QHAdam, quasi-hyperbolic Adam (Ma &amp; Yarats 2019, "Quasi-hyperbolic momentum and Adam for deep
 * learning"), as facebookresearch's {@code qhoptim.pyt.QHAdam} computes it:
 * <pre>
 *   g ← ∇f(θ) + λ·θ                                            (weight_decay λ)
 *   m̂ ← bias-corrected running average of g  (β₁),  v̂ ← of g²  (β₂)
 *   θ ← θ − η · [(1 − ν₁)·g + ν₁·m̂] / (√[(1 − ν₂)·g² + ν₂·v̂] + ε)
 * </pre>
 * qhoptim keeps the averages bias-corrected as it goes: with w_t = 1 + β·w_{t−1} (w₀ = 0, so
 * w_t = (1 − βᵗ)/(1 − β)) and β_t' = 1 − 1/w_t, it updates m̂ ← β₁'·m̂ + (1 − β₁')·g, which equals
 * m/(1 − β₁ᵗ) of Adam's m; likewise v̂ with β₂. ν = (1, 1) gives Adam (ε outside the root), and the
 * paper recommends ν = (0.7, 1.0) with β = (0.995, 0.999), the defaults here. Rounding as qhoptim's
 * tensor ops: {@code add_(s, x)} is a fused multiply-add, the mix terms are only added when ν ≠ 1,
 * ε only when ε ≠ 0. QHAdam is not in torch, so it has no {@code maximize}; qhoptim's
 * {@code decouple_weight_decay} is left out.
 */
public record QhAdam(double lr, double beta1, double beta2, double nu1, double nu2, double eps, double weightDecay)
        implements Optimizer {

    public static final OptimizerKind KIND = new OptimizerKind("qhadam", "QHAdam", "QHAdam",
            "θ ← θ − η·[(1−ν₁)g + ν₁m̂]/(√[(1−ν₂)g² + ν₂v̂] + ε)",
            List.of(
                    ParamSpec.real("lr", "η", 1e-3, 1e-5, 1, Scale.LOG, "learning rate"),
                    ParamSpec.pair("betas", "β", 0.995, 0.999, 0, 0.9999, Scale.NEAR_ONE,
                            "decay rates (β₁, β₂) of the running averages of g and g²"),
                    ParamSpec.pair("nus", "ν", 0.7, 1.0, 0, 1, Scale.LINEAR,
                            "immediate discounts (ν₁, ν₂): weight of the averages against the current g and g²"),
                    ParamSpec.real("eps", "ε", 1e-8, 1e-12, 1, Scale.LOG, "added to the root (outside it)"),
                    ParamSpec.real("weight_decay", "λ", 0, 0, 1, Scale.LINEAR, "L2 penalty added to the gradient")),
            p -> new QhAdam(p.real("lr"), p.pair("betas")[0], p.pair("betas")[1], p.pair("nus")[0], p.pair("nus")[1],
                    p.real("eps"), p.real("weight_decay")));

    public QhAdam {
        Validate.learningRate(lr);
        Validate.nonNegative("epsilon value", eps);
        Validate.beta(0, beta1);
        Validate.beta(1, beta2);
        Validate.nonNegative("weight_decay value", weightDecay);
        nu(0, nu1);
        nu(1, nu2);
    }

    private static void nu(int index, double nu) {
        if (!(nu >= 0 && nu <= 1)) {
            throw new IllegalArgumentException("Invalid nu parameter at index " + index + ": " + Validate.repr(nu)
                    + " (must be in [0, 1])");
        }
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "betas", new double[] {beta1, beta2}, "nus", new double[] {nu1, nu2},
                "eps", eps, "weight_decay", weightDecay);
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final double[] g;
        private final double[] mHat;
        private final double[] vHat;
        private long t;
        private double lastLr = Double.NaN;
        private double w1;
        private double w2;

        State(int n) {
            g = new double[n];
            mHat = new double[n];
            vHat = new double[n];
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            t++;
            lastLr = lr;
            f.gradient(theta, g);
            Elementwise.prepare(g, theta, false, weightDecay);
            w1 = 1 + beta1 * w1;
            w2 = 1 + beta2 * w2;
            double adj1 = 1 - 1 / w1;
            double adj2 = 1 - 1 / w2;
            double in1 = 1 - adj1;
            double in2 = 1 - adj2;
            double negLr = -lr;
            for (int i = 0; i < theta.length; i++) {
                double gi = g[i];
                double gSq = gi * gi;
                double mi = Math.fma(in1, gi, mHat[i] * adj1);
                double vi = Math.fma(in2, gSq, vHat[i] * adj2);
                mHat[i] = mi;
                vHat[i] = vi;
                theta[i] += negLr * mix(mi, gi) / rms(vi, gSq);
            }
        }

        /** (1 − ν₁)·g + ν₁·m̂, as qhoptim rounds it. */
        private double mix(double mi, double gi) {
            double a = mi * nu1;
            return nu1 != 1 ? Math.fma(1 - nu1, gi, a) : a;
        }

        /** √[(1 − ν₂)·g² + ν₂·v̂] + ε, as qhoptim rounds it. */
        private double rms(double vi, double gSq) {
            double r = vi * nu2;
            if (nu2 != 1) {
                r = Math.fma(1 - nu2, gSq, r);
            }
            r = Math.sqrt(r);
            return eps != 0 ? r + eps : r;
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
                    Elementwise.copy("grad", "∇f", "gradient used by the last step (with weight decay)", g),
                    Elementwise.copy("m_hat", "m̂", "bias-corrected running average of g", mHat),
                    Elementwise.copy("v_hat", "v̂", "bias-corrected running average of g²", vHat),
                    new Probe("direction", "(1−ν₁)g+ν₁m̂", "numerator: the quasi-hyperbolic mix of g and m̂", out -> {
                        for (int i = 0; i < g.length; i++) {
                            out[i] = mix(mHat[i], g[i]);
                        }
                    }),
                    new Probe("effective_lr", "η/(√[(1−ν₂)g²+ν₂v̂]+ε)", "per-coordinate step size applied to the mix", out -> {
                        for (int i = 0; i < g.length; i++) {
                            out[i] = lastLr / rms(vHat[i], g[i] * g[i]);
                        }
                    }),
                    new Probe("step", "Δθ", "the last step", out -> {
                        for (int i = 0; i < g.length; i++) {
                            out[i] = -lastLr * mix(mHat[i], g[i]) / rms(vHat[i], g[i] * g[i]);
                        }
                    }));
        }
    }
}
