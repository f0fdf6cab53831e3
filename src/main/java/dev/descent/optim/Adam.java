package dev.descent.optim;

import java.util.List;

/**
 * Adam (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic Optimization"; AMSGrad from Reddi, Kale
 * &amp; Kumar 2018, "On the Convergence of Adam and Beyond"). With the defaults it is exactly
 * {@code torch.optim.Adam}:
 * <pre>
 *   t ← t + 1
 *   g ← ∇f(θ)   (−∇f(θ) when maximising),   g ← g + λ·θ      (weight_decay λ, coupled L2)
 *   m ← β₁·m + (1 − β₁)·g                                     (m₀ = v₀ = 0)
 *   v ← β₂·v + (1 − β₂)·g²
 *   amsgrad:  v_max ← max(v_max, v), and v_max replaces v below
 *   m̂ = m/(1 − β₁ᵗ),   v̂ = v/(1 − β₂ᵗ)
 *   θ ← θ − η·m̂/(√v̂ + ε)                                      (eps_mode = outside, torch)
 * </pre>
 * Descent's named variants (the default reproduces torch; nothing changes silently):
 * <ul>
 *   <li>{@code eps_mode = inside} (the form in many lecture notes): θ ← θ − η·m̂/√(v̂ + ε).</li>
 *   <li>{@code eps_mode = keras} (Keras/TensorFlow's ε̂, the paper's "more efficient" ordering, ε added
 *       before the bias correction): θ ← θ − η·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m/(√v + ε̂).</li>
 *   <li>{@code bias_correction = false}: m̂ = m and v̂ = v (the first step is then about (1 − β₁)/√(1 − β₂)·η ≈ 3.16·η with the defaults, larger than the corrected step η, not smaller).</li>
 * </ul>
 * As in torch, AMSGrad takes the maximum over the raw v and divides it by the current step's
 * 1 − β₂ᵗ (torch's docstring says max over v̂, which is not what its code does).
 *
 * <p>Rounding follows torch's CPU kernels: {@code m·β₁ + (1−β₁)·g} and {@code v·β₂ + ((1−β₂)·g)·g}
 * are fused multiply-adds, the update is θ + (−η/(1−β₁ᵗ)·m)/(√v/√(1−β₂ᵗ) + ε).
 */
public record Adam(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                   boolean maximize, boolean biasCorrection, String epsMode) implements AdamSettings {

    /** ε added to √v̂, after the bias correction: torch's form and the default. */
    public static final String OUTSIDE = "outside";
    /** ε added to v̂ inside the square root. */
    public static final String INSIDE = "inside";
    /** Keras's ε̂: added to √v before the bias correction, which is folded into the step size. */
    public static final String KERAS = "keras";
    static final List<String> EPS_MODES = List.of(OUTSIDE, INSIDE, KERAS);

    static final Hyper<AdamSettings, Double> LR = Hyper.lr(1e-3, AdamSettings::lr);
    static final Hyper<AdamSettings, double[]> BETAS = Hyper.betas(0.9, 0.999,
            "decay rates (β₁, β₂) of the running averages of g and g²", AdamSettings::beta1, AdamSettings::beta2);
    static final Hyper<AdamSettings, Double> EPS = Hyper.eps(1e-8, "added to the denominator (see eps_mode)",
            AdamSettings::eps);
    static final Hyper<AdamSettings, Double> WEIGHT_DECAY = Hyper.weightDecay(0,
            "L2 penalty added to the gradient (coupled; see AdamW for decoupled)", AdamSettings::weightDecay);
    static final Hyper<AdamSettings, Boolean> AMSGRAD = Hyper.bool("amsgrad", "AMSGrad", false,
            "divide by the largest v seen so far (Reddi et al. 2018)", AdamSettings::amsgrad);
    static final Hyper<AdamSettings, Boolean> MAXIMIZE = Hyper.maximize(AdamSettings::maximize);
    static final Hyper<AdamSettings, Boolean> BIAS_CORRECTION = Hyper.bool("bias_correction", "bias correction", true,
            "divide m by 1 − β₁ᵗ and v by 1 − β₂ᵗ (off: use the raw averages)", AdamSettings::biasCorrection);
    static final Hyper<AdamSettings, String> EPS_MODE = Hyper.choice("eps_mode", "ε placement", OUTSIDE, EPS_MODES,
            "outside: √v̂ + ε (torch); inside: √(v̂ + ε) (lecture notes); keras: ε added to √v before bias correction",
            AdamSettings::epsMode);

    public static final OptimizerKind KIND = OptimizerKind.of(Adam.class, "adam", "Adam", "Adam",
            "m, v running averages of g and g², θ ← θ − η·m̂/(√v̂ + ε)",
            p -> new Adam(LR.of(p), BETAS.first(p), BETAS.second(p), EPS.of(p), WEIGHT_DECAY.of(p), AMSGRAD.of(p),
                    MAXIMIZE.of(p), BIAS_CORRECTION.of(p), EPS_MODE.of(p)),
            LR, BETAS, EPS, WEIGHT_DECAY, AMSGRAD, MAXIMIZE, BIAS_CORRECTION, EPS_MODE);

    public Adam {
        validate(lr, beta1, beta2, eps, weightDecay, epsMode);
    }

    /** torch's defaults with the given learning rate. */
    public Adam(double lr) {
        this(lr, BETAS.def()[0], BETAS.def()[1], EPS.def(), WEIGHT_DECAY.def(), AMSGRAD.def(), MAXIMIZE.def(),
                BIAS_CORRECTION.def(), EPS_MODE.def());
    }

    /** torch's checks, in torch's order, then the Descent option. */
    static void validate(double lr, double beta1, double beta2, double eps, double weightDecay, String epsMode) {
        Validate.adamFamily(lr, eps, beta1, beta2, weightDecay);
        EPS_MODE.requireChoice(epsMode);
    }

    /** The weight decay enters the gradient (coupled L2). */
    @Override
    public boolean decoupledDecay() {
        return false;
    }
}
