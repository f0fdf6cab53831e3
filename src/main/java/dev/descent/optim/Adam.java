package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
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
                   boolean maximize, boolean biasCorrection, String epsMode) implements Optimizer {

    /** ε added to √v̂, after the bias correction: torch's form and the default. */
    public static final String OUTSIDE = "outside";
    /** ε added to v̂ inside the square root. */
    public static final String INSIDE = "inside";
    /** Keras's ε̂: added to √v before the bias correction, which is folded into the step size. */
    public static final String KERAS = "keras";
    static final List<String> EPS_MODES = List.of(OUTSIDE, INSIDE, KERAS);

    public static final OptimizerKind KIND = new OptimizerKind("adam", "Adam", "Adam",
            "m, v running averages of g and g², θ ← θ − η·m̂/(√v̂ + ε)",
            specs(0, "L2 penalty added to the gradient (coupled; see AdamW for decoupled)"),
            p -> new Adam(p.real("lr"), p.pair("betas")[0], p.pair("betas")[1], p.real("eps"), p.real("weight_decay"),
                    p.bool("amsgrad"), p.bool("maximize"), p.bool("bias_correction"), p.choice("eps_mode")));

    /** Adam's and AdamW's hyperparameters, in torch's order, then Descent's two options. */
    static List<ParamSpec> specs(double weightDecay, String weightDecayHelp) {
        return List.of(
                ParamSpec.real("lr", "η", 1e-3, 1e-5, 1, Scale.LOG, "learning rate"),
                ParamSpec.pair("betas", "β", 0.9, 0.999, 0, 0.9999, Scale.NEAR_ONE,
                        "decay rates (β₁, β₂) of the running averages of g and g²"),
                ParamSpec.real("eps", "ε", 1e-8, 1e-12, 1, Scale.LOG, "added to the denominator (see eps_mode)"),
                ParamSpec.real("weight_decay", "λ", weightDecay, 0, 1, Scale.LINEAR, weightDecayHelp),
                ParamSpec.bool("amsgrad", "AMSGrad", false, "divide by the largest v seen so far (Reddi et al. 2018)"),
                ParamSpec.bool("maximize", "maximize", false, "maximise f instead of minimising it"),
                ParamSpec.bool("bias_correction", "bias correction", true,
                        "divide m by 1 − β₁ᵗ and v by 1 − β₂ᵗ (off: use the raw averages)"),
                ParamSpec.choice("eps_mode", "ε placement", OUTSIDE, EPS_MODES,
                        "outside: √v̂ + ε (torch); inside: √(v̂ + ε) (lecture notes); keras: ε added to √v before bias correction"));
    }

    public Adam {
        validate(lr, beta1, beta2, eps, weightDecay, epsMode);
    }

    /** torch's defaults with the given learning rate. */
    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8, 0, false, false, true, OUTSIDE);
    }

    /** torch's checks, in torch's order, then the Descent option. */
    static void validate(double lr, double beta1, double beta2, double eps, double weightDecay, String epsMode) {
        Validate.learningRate(lr);
        Validate.nonNegative("epsilon value", eps);
        Validate.beta(0, beta1);
        Validate.beta(1, beta2);
        Validate.nonNegative("weight_decay value", weightDecay);
        if (!EPS_MODES.contains(epsMode)) {
            throw new IllegalArgumentException("Invalid eps_mode: " + epsMode + " (outside, inside or keras)");
        }
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
        return new AdamStepper(n, beta1, beta2, eps, weightDecay, false, amsgrad, maximize, biasCorrection, epsMode);
    }
}
