package dev.descent.optim;

import dev.descent.math.Params;

/**
 * AdamW (Loshchilov &amp; Hutter 2019, "Decoupled Weight Decay Regularization"), exactly as
 * {@code torch.optim.AdamW}: Adam whose weight decay acts on θ directly instead of entering the
 * gradient, so it is not rescaled by the adaptive denominator.
 * <pre>
 *   t ← t + 1
 *   g ← ∇f(θ)   (−∇f(θ) when maximising; g is not modified by the decay)
 *   θ ← θ·(1 − η·λ)                                           (weight_decay λ, this step's η)
 *   m, v, m̂, v̂ (and v_max) as in Adam
 *   θ ← θ − η·m̂/(√v̂ + ε)
 * </pre>
 * The decay is not scaled by the bias corrections. Descent's {@code eps_mode} and
 * {@code bias_correction} options act as in {@link Adam}.
 */
public record AdamW(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                    boolean maximize, boolean biasCorrection, String epsMode) implements Optimizer {

    public static final OptimizerKind KIND = new OptimizerKind("adamw", "AdamW", "AdamW",
            "θ ← θ·(1 − ηλ), then Adam: θ ← θ − η·m̂/(√v̂ + ε)",
            Adam.specs(1e-2, "decoupled weight decay: θ ← θ·(1 − η·λ) before each step"),
            p -> new AdamW(p.real("lr"), p.pair("betas")[0], p.pair("betas")[1], p.real("eps"), p.real("weight_decay"),
                    p.bool("amsgrad"), p.bool("maximize"), p.bool("bias_correction"), p.choice("eps_mode")));

    public AdamW {
        Adam.validate(lr, beta1, beta2, eps, weightDecay, epsMode);
    }

    /** torch's defaults (weight_decay 0.01) with the given learning rate. */
    public AdamW(double lr) {
        this(lr, 0.9, 0.999, 1e-8, 1e-2, false, false, true, Adam.OUTSIDE);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "betas", new double[] {beta1, beta2}, "eps", eps,
                "weight_decay", weightDecay, "amsgrad", amsgrad, "maximize", maximize,
                "bias_correction", biasCorrection, "eps_mode", epsMode);
    }

    @Override
    public Stepper newStepper(int n) {
        return new AdamStepper(n, beta1, beta2, eps, weightDecay, true, amsgrad, maximize, biasCorrection, epsMode);
    }
}
