package dev.descent.optim;

/**
 * The few vector operations the line-search and second-order methods share, rounded as torch 1.13's
 * CPU kernels round them on 2-element float64 tensors (golden README, section 5).
 */
final class Vectors {

    private Vectors() {
    }

    /**
     * x·y as the netlib reference BLAS {@code ddot} computes it: a running sum from 0, left to right,
     * each product rounded before it is added (x₀y₀ + x₁y₁ for n = 2). Not modified: x, y.
     */
    static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /** max|xᵢ|, NaN if any entry is NaN (torch's {@code abs().max()}). Not modified: x. */
    static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Σ|xᵢ|, left to right. Not modified: x. */
    static double sumAbs(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s;
    }

    /** out ← x + t·d, each coordinate as one fused multiply-add (torch's {@code add_(d, alpha=t)}). */
    static void axpy(double t, double[] d, double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.fma(t, d[i], x[i]);
        }
    }
}
