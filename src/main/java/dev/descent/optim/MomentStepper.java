package dev.descent.optim;

import java.util.List;

/**
 * The Adam family's shared state, written once: the first moment m (a running average of g) and a
 * second-moment array (v, or AdaBelief's s), their bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ, torch's
 * rounding of the moment updates, and the probes of all of them. Each optimizer keeps its own loop
 * (so the JIT vectorises it and the rounding stays torch's) and calls {@link #first} and
 * {@link #second} in it.
 */
abstract class MomentStepper extends GradientStepper {

    final double beta1;
    final double beta2;
    /** 1 − β₁ and 1 − β₂, as the moment updates take them. */
    final double mix1;
    final double mix2;
    /** First moment m. */
    final double[] m;
    /** Second moment v (or the optimizer's own second statistic). */
    final double[] v;
    private final BiasCorrection correction1;
    private final BiasCorrection correction2;
    /** 1 − β₁ᵗ and 1 − β₂ᵗ of the last step (1 when the optimizer does not correct). */
    double bc1 = Double.NaN;
    double bc2 = Double.NaN;
    /** √(1 − β₂ᵗ) of the last step. */
    double sqrtBc2 = Double.NaN;

    MomentStepper(int n, boolean maximize, double weightDecay, double beta1, double beta2) {
        super(n, maximize, weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        mix1 = 1 - beta1;
        mix2 = 1 - beta2;
        m = new double[n];
        v = new double[n];
        correction1 = new BiasCorrection(beta1);
        correction2 = new BiasCorrection(beta2);
    }

    /** Sets {@link #bc1}, {@link #bc2} and {@link #sqrtBc2} for step {@link #t}: 1 − βᵗ with {@code Math.pow}, as torch. */
    void correct() {
        double step = t;
        bc1 = correction1.at(step);
        bc2 = correction2.at(step);
        sqrtBc2 = Math.sqrt(bc2);
    }

    /**
     * The Adam moment update, written once: m ← β₁·m + (1 − β₁)·g and v ← β₂·v + (1 − β₂)·g², as
     * {@link #first} and {@link #second} round them. The step's own loop reads the new m and v.
     */
    final void updateMoments() {
        double[] g = this.g;
        for (int i = 0; i < g.length; i++) {
            double gi = g[i];
            m[i] = first(m[i], gi, beta1, mix1);
            v[i] = second(v[i], gi, beta2, mix2);
        }
    }

    /** m·β₁ + (1 − β₁)·g as torch's kernel rounds it (one fused multiply-add); {@code omb1} = 1 − β₁. */
    static double first(double m, double g, double beta1, double omb1) {
        return Math.fma(omb1, g, m * beta1);
    }

    /** v·β₂ + ((1 − β₂)·g)·g as torch's kernel rounds it; {@code omb2} = 1 − β₂. */
    static double second(double v, double g, double beta2, double omb2) {
        return Math.fma(omb2 * g, g, v * beta2);
    }

    /** m, v and the preconditioned step: the arrows of the Adam family. */
    @Override
    public List<RoleVector> vectors() {
        return RoleVector.momentumAndPreconditioned();
    }

    /** The worked step's line m ← β₁·m + (1 − β₁)·g. */
    WorkedLine firstMomentLine() {
        return WorkedLine.average("m", "β₁", "\\beta_1", beta1, "m", "m", false);
    }

    /** The worked step's line v ← β₂·v + (1 − β₂)·g². */
    WorkedLine secondMomentLine() {
        return WorkedLine.average("v", "β₂", "\\beta_2", beta2, "v", "v", true);
    }

    /** The worked step's lines 1 − β₁ᵗ and 1 − β₂ᵗ, read from probes {@code bias_correction1} and {@code bias_correction2}. */
    List<WorkedLine> biasCorrectionLines() {
        return List.of(
                new WorkedLine("1 − β₁ᵗ", "1 − β₁ᵗ", "1 − " + WorkedLine.constant(beta1) + "^{t}", "bias_correction1", "1-\\beta_1^{\\,t}"),
                bc2Line());
    }

    /** The worked step's line 1 − β₂ᵗ alone (for an optimizer that corrects only v). */
    WorkedLine bc2Line() {
        return new WorkedLine("1 − β₂ᵗ", "1 − β₂ᵗ", "1 − " + WorkedLine.constant(beta2) + "^{t}", "bias_correction2", "1-\\beta_2^{\\,t}");
    }

    /** The worked step's line v̂ = v/(1 − β₂ᵗ), read from probe {@code v_hat}. */
    WorkedLine vHatLine() {
        return new WorkedLine("v̂", "v/(1 − β₂ᵗ)", "{v}/{bias_correction2}", "v_hat", "\\hat v = v/(1-\\beta_2^{\\,t})");
    }

    /** The worked step's line Δθ = −η·m̂/(√v̂ + ε), read from probe {@code step}. */
    WorkedLine adamStepLine(double eps) {
        return new WorkedLine("Δθ", "−η·m̂/(√v̂ + ε)", "−{lr}·{m_hat}/(√{v_hat} + " + WorkedLine.constant(eps) + ")", "step",
                "\\Delta\\theta = -\\eta\\,\\hat m/(\\sqrt{\\hat v} + \\epsilon)");
    }

    /** The worked step's line m̂ = m/(1 − β₁ᵗ), read from probe {@code m_hat}. */
    WorkedLine mHatLine() {
        return new WorkedLine("m̂", "m/(1 − β₁ᵗ)", "{m}/{bias_correction1}", "m_hat", "\\hat m = m/(1-\\beta_1^{\\,t})");
    }

    /** {@code m}: "first moment: running average of g" (or the given description). */
    Probe mProbe(String description) {
        return Elementwise.copy("m", "m", description, m);
    }

    Probe mProbe() {
        return mProbe("first moment: running average of g");
    }

    /** {@code m_hat} = m/(1 − β₁ᵗ). */
    Probe mHatProbe(String description) {
        return Elementwise.divided("m_hat", "m̂", description, m, () -> bc1);
    }

    Probe mHatProbe() {
        return mHatProbe("bias-corrected first moment m/(1 − β₁ᵗ)");
    }

    /** The second moment under its own name and symbol, and its bias-corrected form {@code <name>_hat}. */
    Probe secondProbe(String name, String symbol, String description) {
        return Elementwise.copy(name, symbol, description, v);
    }

    Probe secondHatProbe(String name, String symbol, String description) {
        return Elementwise.divided(name, symbol, description, v, () -> bc2);
    }

    /**
     * {@code effective_lr} = η/(√(v/(1 − β₂ᵗ)) + ε), the per-coordinate step size of an Adam-like step
     * −effective_lr·m̂ with ε outside the root; {@code symbol} names v as the optimizer does.
     */
    Probe effectiveLrProbe(String symbol, double eps) {
        return new Probe("effective_lr", symbol, "per-coordinate step size: the step is −effective_lr·m̂", out -> {
            for (int i = 0; i < v.length; i++) {
                out[i] = lastLr / (Math.sqrt(v[i]) / sqrtBc2 + eps);
            }
        });
    }

    Probe bc1Probe(String description) {
        return Elementwise.scalar("bias_correction1", "1−β₁ᵗ", description, () -> bc1);
    }

    Probe bc2Probe(String description) {
        return Elementwise.scalar("bias_correction2", "1−β₂ᵗ", description, () -> bc2);
    }
}
