package dev.descent.optim;

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
                    boolean maximize, boolean biasCorrection, String epsMode) implements AdamSettings {

    static final Hyper<AdamSettings, Double> WEIGHT_DECAY = Hyper.weightDecay(1e-2,
            "decoupled weight decay: θ ← θ·(1 − η·λ) before each step", AdamSettings::weightDecay);

    public static final OptimizerKind KIND = OptimizerKind.of(AdamW.class, "adamw", "AdamW", "AdamW",
            "θ ← θ·(1 − ηλ), then Adam: θ ← θ − η·m̂/(√v̂ + ε)",
            p -> new AdamW(Adam.LR.of(p), Adam.BETAS.first(p), Adam.BETAS.second(p), Adam.EPS.of(p),
                    WEIGHT_DECAY.of(p), Adam.AMSGRAD.of(p), Adam.MAXIMIZE.of(p), Adam.BIAS_CORRECTION.of(p),
                    Adam.EPS_MODE.of(p)),
            Adam.LR, Adam.BETAS, Adam.EPS, WEIGHT_DECAY, Adam.AMSGRAD, Adam.MAXIMIZE, Adam.BIAS_CORRECTION, Adam.EPS_MODE);

    public AdamW {
        Adam.validate(lr, beta1, beta2, eps, weightDecay, epsMode);
    }

    /** torch's defaults (weight_decay 0.01) with the given learning rate. */
    public AdamW(double lr) {
        this(lr, Adam.BETAS.def()[0], Adam.BETAS.def()[1], Adam.EPS.def(), WEIGHT_DECAY.def(), Adam.AMSGRAD.def(),
                Adam.MAXIMIZE.def(), Adam.BIAS_CORRECTION.def(), Adam.EPS_MODE.def());
    }

    /** The weight decay scales θ before each step. */
    @Override
    public boolean decoupledDecay() {
        return true;
    }
}
