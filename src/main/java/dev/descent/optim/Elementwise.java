package dev.descent.optim;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * Small pieces shared by the elementwise optimizers: torch's gradient preparation (maximize, coupled
 * L2 weight decay), decoupled weight decay, and probe factories.
 */
final class Elementwise {

    private Elementwise() {
    }

    /**
     * torch's first lines of every update: {@code g ← −g} when maximising, then coupled L2 weight decay
     * {@code g ← g + λ·θ}, which torch writes {@code grad.add(param, alpha=λ)} and rounds as fma(λ, θ, g).
     * Does nothing (and costs one branch) in the common case.
     *
     * @param g     the gradient. Modified.
     * @param theta the parameters. Not modified.
     */
    static void prepare(double[] g, double[] theta, boolean maximize, double weightDecay) {
        int n = g.length;
        if (maximize) {
            for (int i = 0; i < n; i++) {
                g[i] = -g[i];
            }
        }
        if (weightDecay != 0) {
            for (int i = 0; i < n; i++) {
                g[i] = Math.fma(weightDecay, theta[i], g[i]);
            }
        }
    }

    /**
     * Decoupled weight decay (Loshchilov &amp; Hutter 2019), torch's {@code param.mul_(1 - lr*weight_decay)}:
     * θ ← θ·(1 − η·λ), with this step's (scheduled) η.
     *
     * @param theta Modified.
     */
    static void decayWeights(double[] theta, double lr, double weightDecay) {
        if (weightDecay == 0) {
            return;
        }
        double keep = 1 - lr * weightDecay;
        for (int i = 0; i < theta.length; i++) {
            theta[i] *= keep;
        }
    }

    /** A probe that copies a state array. */
    static Probe copy(String name, String symbol, String description, double[] source) {
        return new Probe(name, symbol, description, out -> System.arraycopy(source, 0, out, 0, source.length));
    }

    /** A probe of a state array divided by a per-step scalar (a bias-corrected moment such as m̂ = m/(1 − β₁ᵗ)). */
    static Probe divided(String name, String symbol, String description, double[] source, DoubleSupplier divisor) {
        return new Probe(name, symbol, description, out -> {
            double d = divisor.getAsDouble();
            for (int i = 0; i < source.length; i++) {
                out[i] = source[i] / d;
            }
        });
    }

    /** A probe whose value is the same in every coordinate (a per-step scalar such as 1 − β₁ᵗ). */
    static Probe scalar(String name, String symbol, String description, DoubleSupplier value) {
        return new Probe(name, symbol, description, out -> Arrays.fill(out, value.getAsDouble()));
    }

}
