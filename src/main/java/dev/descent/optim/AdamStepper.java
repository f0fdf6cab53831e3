package dev.descent.optim;

import dev.descent.math.Objective;
import java.util.ArrayList;
import java.util.List;

/**
 * The state and update shared by {@link Adam} and {@link AdamW}: the two differ only in where the
 * weight decay goes (into g, or straight onto θ before the moments). See {@link Adam} for the rule.
 *
 * <p>The per-step scalars (bias corrections, step size) are computed once per step; each combination
 * of eps_mode and amsgrad has its own plain loop over the coordinates, without branches, so that the
 * JIT can vectorise it.
 */
final class AdamStepper extends MomentStepper {

    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private final boolean biasCorrection;
    private final String epsMode;
    private final double[] vmax;
    /** √v/√(1 − β₂ᵗ) by {@link #quotient} rather than the divider (batches only, see {@link Optimizer#newBatchStepper}). */
    private final boolean fastQuotient;

    // the last step's scalars, for the probes
    private double stepSize = Double.NaN;
    private double scale = Double.NaN;

    AdamStepper(int n, double beta1, double beta2, double eps, double weightDecay, boolean decoupled, boolean amsgrad,
                boolean maximize, boolean biasCorrection, String epsMode) {
        this(n, beta1, beta2, eps, weightDecay, decoupled, amsgrad, maximize, biasCorrection, epsMode, false);
    }

    AdamStepper(int n, double beta1, double beta2, double eps, double weightDecay, boolean decoupled, boolean amsgrad,
                boolean maximize, boolean biasCorrection, String epsMode, boolean fastQuotient) {
        super(n, maximize, decoupled ? 0 : weightDecay, beta1, beta2);
        this.fastQuotient = fastQuotient;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.biasCorrection = biasCorrection;
        this.epsMode = epsMode;
        vmax = amsgrad ? new double[n] : null;
    }

    @Override
    void update(double[] theta, double lr) {
        if (decoupled) {
            Elementwise.decayWeights(theta, lr, weightDecay);
        }
        // torch's β^step is C pow(double, double); Math.pow is as close, and unlike JDK 17's StrictMath.pow
        // it does not allocate
        if (biasCorrection) {
            correct();
        } else {
            bc1 = 1;
            bc2 = 1;
            sqrtBc2 = 1;
        }
        switch (epsMode) {
            case Adam.INSIDE -> {
                // θ ← θ − (η/bc1)·m / √(v/bc2 + ε)
                stepSize = lr / bc1;
                scale = bc2;
                if (vmax == null) {
                    insideLoop(theta, -stepSize, scale);
                } else {
                    insideAmsgradLoop(theta, -stepSize, scale);
                }
            }
            case Adam.KERAS -> {
                // θ ← θ − (η·√bc2/bc1)·m / (√v + ε̂): the outside loop with √bc2 moved into the step size
                stepSize = lr * sqrtBc2 / bc1;
                scale = 1;
                outside(theta);
            }
            default -> {
                // torch: θ ← θ − (η/bc1)·m / (√v/√bc2 + ε)
                stepSize = lr / bc1;
                scale = sqrtBc2;
                outside(theta);
            }
        }
    }

    private void outside(double[] theta) {
        if (vmax == null && fastQuotient) {
            outsideFmaLoop(theta, -stepSize, scale);
        } else if (vmax == null) {
            outsideLoop(theta, -stepSize, scale);
        } else {
            outsideAmsgradLoop(theta, -stepSize, scale);
        }
    }

    private void outsideLoop(double[] theta, double negStep, double sqrtBc2) {
        updateMoments();
        for (int i = 0; i < theta.length; i++) {
            theta[i] += negStep * m[i] / (Math.sqrt(v[i]) / sqrtBc2 + eps);
        }
    }

    /**
     * {@link #outsideLoop} with √v/√bc2 computed without the divider (the loop is bound by it: two
     * divisions and a square root per coordinate). The divisor √bc2 is the same for every
     * coordinate, so its reciprocal y = 1/√bc2 is divided once per step and each quotient is
     * {@link #quotient}: the same bits as the division for every finite √v. For √v = +∞ (v
     * overflowed) it gives NaN where the division gives +∞, so θ turns NaN where it would have stayed
     * put; the batch's caller checks for that and steps again with the divider.
     */
    private void outsideFmaLoop(double[] theta, double negStep, double sqrtBc2) {
        // the moments updated in this loop, not by updateMoments: one pass is 12 % faster on the basin map
        double y = 1 / sqrtBc2;
        double nb = -sqrtBc2;
        double[] g = this.g;
        for (int i = 0; i < theta.length; i++) {
            double gi = g[i];
            double mi = first(m[i], gi, beta1, mix1);
            double vi = second(v[i], gi, beta2, mix2);
            m[i] = mi;
            v[i] = vi;
            theta[i] += negStep * mi / (quotient(Math.sqrt(vi), nb, y) + eps);
        }
    }

    /**
     * a/b rounded to nearest, for a = √v ≥ 0 finite and 0 < b ≤ 1, from y = 1/b (rounded to nearest)
     * with a multiplication and four FMAs instead of a division. q₀ = a·y is within 1.5 ulp of a/b;
     * one correction q₁ = q₀ + (a − b·q₀)·y makes it faithful (within one ulp); then the remainder
     * a − b·q₁ is exact and q₁ + (a − b·q₁)·y rounds to a/b itself (Markstein's theorem: IBM J. Res.
     * Dev. 34(1), 1990; Muller et al., Handbook of Floating-Point Arithmetic, on division with an FMA). No step
     * underflows: a nonzero √v is at least 2⁻⁵³⁷, so the remainders (about 2⁻⁵³·a) stay normal.
     * a = +∞ gives NaN (∞ − ∞); a NaN gives NaN.
     *
     * @param nb −b
     */
    static double quotient(double a, double nb, double y) {
        double q = a * y;
        q = Math.fma(Math.fma(nb, q, a), y, q);
        return Math.fma(Math.fma(nb, q, a), y, q);
    }

    private void outsideAmsgradLoop(double[] theta, double negStep, double sqrtBc2) {
        updateMoments();
        for (int i = 0; i < theta.length; i++) {
            double vm = Math.max(vmax[i], v[i]);
            vmax[i] = vm;
            theta[i] += negStep * m[i] / (Math.sqrt(vm) / sqrtBc2 + eps);
        }
    }

    private void insideLoop(double[] theta, double negStep, double bc2) {
        updateMoments();
        for (int i = 0; i < theta.length; i++) {
            theta[i] += negStep * m[i] / Math.sqrt(v[i] / bc2 + eps);
        }
    }

    private void insideAmsgradLoop(double[] theta, double negStep, double bc2) {
        updateMoments();
        for (int i = 0; i < theta.length; i++) {
            double vm = Math.max(vmax[i], v[i]);
            vmax[i] = vm;
            theta[i] += negStep * m[i] / Math.sqrt(vm / bc2 + eps);
        }
    }

    /** The second moment the denominator used: v, or v_max with AMSGrad. */
    private double[] second() {
        return vmax != null ? vmax : v;
    }

    /** The last step's denominator in coordinate i, as the loops computed it. */
    private double denominator(double[] s, int i) {
        return epsMode.equals(Adam.INSIDE) ? Math.sqrt(s[i] / scale + eps) : Math.sqrt(s[i]) / scale + eps;
    }

    @Override
    List<WorkedLine> ruleLines() {
        String e = WorkedLine.constant(eps);
        List<WorkedLine> lines = new ArrayList<>();
        lines.add(firstMomentLine());
        lines.add(secondMomentLine());
        String second = "v";
        if (vmax != null) {
            lines.add(new WorkedLine("v_max", "max(v_max, v)", "max({v_max'}, {v})", "v_max",
                    "v_{\\max} \\leftarrow \\max(v_{\\max}, v)"));
            second = "v_max";
        }
        if (biasCorrection) {
            lines.addAll(biasCorrectionLines());
        }
        if (!epsMode.equals(Adam.KERAS)) {
            lines.add(mHatLine());
            lines.add(new WorkedLine("v̂", second + "/(1 − β₂ᵗ)", "{" + second + "}/{bias_correction2}", "v_hat",
                    "\\hat v = " + (vmax != null ? "v_{\\max}" : "v") + "/(1-\\beta_2^{\\,t})"));
        }
        switch (epsMode) {
            case Adam.INSIDE -> lines.add(new WorkedLine("Δθ", "−η·m̂/√(v̂ + ε)", "−{lr}·{m_hat}/√({v_hat} + " + e + ")", "step",
                    "\\Delta\\theta = -\\eta\\,\\hat m/\\sqrt{\\hat v + \\epsilon}"));
            case Adam.KERAS -> lines.add(new WorkedLine("Δθ", "−η·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m/(√" + second + " + ε̂)",
                    "−{lr}·√{bias_correction2}/{bias_correction1}·{m}/(√{" + second + "} + " + e + ")", "step",
                    "\\Delta\\theta = -\\eta\\,\\frac{\\sqrt{1-\\beta_2^{\\,t}}}{1-\\beta_1^{\\,t}}\\,\\frac{m}{\\sqrt{v}+\\hat\\epsilon}"));
            default -> lines.add(adamStepLine(eps));
        }
        return lines;
    }

    @Override
    WorkedLine moveLine() {
        return decoupled && weightDecay != 0 ? WorkedLine.decayedMove(weightDecay) : WorkedLine.move("step");
    }

    @Override
    Probe gradProbe() {
        return Elementwise.copy("grad", "∇f", decoupled
                ? "gradient used by the last step (weight decay acts on θ directly)"
                : "gradient used by the last step (with weight decay)", g);
    }

    @Override
    List<Probe> ruleProbes() {
        List<Probe> probes = new ArrayList<>();
        probes.add(mProbe());
        probes.add(secondProbe("v", "v", "second moment: running average of g²"));
        if (vmax != null) {
            probes.add(Elementwise.copy("v_max", "v_max", "AMSGrad: the largest v so far (used instead of v)", vmax));
        }
        probes.add(mHatProbe(biasCorrection ? "bias-corrected first moment m/(1 − β₁ᵗ)"
                : "first moment (bias correction off: m̂ = m)"));
        probes.add(Elementwise.divided("v_hat", "v̂", (biasCorrection ? "bias-corrected second moment " : "second moment ")
                + (vmax != null ? "v_max" : "v") + (biasCorrection ? "/(1 − β₂ᵗ)" : " (bias correction off)"), second(), () -> bc2));
        probes.add(bc1Probe("divisor of m (1 when bias correction is off)"));
        probes.add(bc2Probe("divisor of v (1 when bias correction is off)"));
        String symbol = switch (epsMode) {
            case Adam.INSIDE -> "η/√(v̂+ε)";
            case Adam.KERAS -> "η·√(1−β₂ᵗ)/(√v+ε̂)";
            default -> "η/(√v̂+ε)";
        };
        probes.add(new Probe("effective_lr", symbol, "per-coordinate step size: the step is −effective_lr·m̂", out -> {
            double[] s = second();
            double numerator = epsMode.equals(Adam.KERAS) ? lastLr * sqrtBc2 : lastLr;
            for (int i = 0; i < s.length; i++) {
                out[i] = numerator / denominator(s, i);
            }
        }));
        probes.add(new Probe("step", "Δθ", decoupled
                ? "the adaptive part of the last step (θ was also scaled by 1 − η·λ)"
                : "the last step, −effective_lr·m̂", out -> {
                    double[] s = second();
                    for (int i = 0; i < s.length; i++) {
                        out[i] = -stepSize * m[i] / denominator(s, i);
                    }
                }));
        return probes;
    }
}
