package dev.descent.optim;

/**
 * The bias correction 1 − βᵗ exactly as torch computes it, {@code 1 - beta ** step} with a C
 * {@code pow}, but without calling pow once βᵗ ≤ 2⁻⁵⁴: from then on 1 − βᵗ rounds to 1.0 for every
 * later step (βᵗ only shrinks, and pow is semi-monotonic), so long runs skip the most expensive
 * operation of a step without changing a bit. Owned by one stepper.
 */
final class BiasCorrection {

    private static final double NEGLIGIBLE = 0x1p-54;

    private final double beta;
    private boolean saturated;

    BiasCorrection(double beta) {
        this.beta = beta;
    }

    /** 1 − β^step for the step count {@code step} (≥ 1, non-decreasing from call to call). */
    double at(double step) {
        if (saturated) {
            return 1;
        }
        double power = Math.pow(beta, step);
        if (power <= NEGLIGIBLE) {
            saturated = true;
        }
        return 1 - power;
    }
}
