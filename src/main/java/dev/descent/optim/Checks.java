package dev.descent.optim;

/** Hyperparameter checks of the second-order methods, in the style of {@link Validate}. */
final class Checks {

    private Checks() {
    }

    /**
     * The noise policy: a method that compares gradients at two points (a line search, a curvature
     * pair, a Newton step from the true Hessian) is refused noisy gradients, with the reason.
     *
     * @throws IllegalArgumentException "BFGS needs exact gradients: its line search compares … turn gradient noise off"
     */
    static void exactGradients(String method, String why, dev.descent.math.Objective f) {
        if (f.isStochastic() && f.sampling() != null) {
            throw new IllegalArgumentException(method + " needs exact gradients: " + why
                    + "; use the full batch (batch size = N = " + f.sampling().size()
                    + ") or choose a stochastic optimizer such as SGD or Adam");
        }
        if (f.isStochastic()) {
            throw new IllegalArgumentException(method + " needs exact gradients: " + why
                    + "; turn gradient noise off (noise = none) or choose a stochastic optimizer such as SGD or Adam");
        }
    }

    /** "Invalid damping: 0.0 (must be a finite number > 0)". */
    static void positive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid " + what + ": " + Validate.repr(value) + " (must be a finite number > 0)");
        }
    }

    /** "Invalid history_size: 0 (must be >= 1)". */
    static void atLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("Invalid " + what + ": " + value + " (must be >= " + min + ")");
        }
    }

    /** Wolfe constants: 0 &lt; c1 &lt; c2 &lt; 1 (Nocedal &amp; Wright, eq. 3.7). */
    static void wolfe(double c1, double c2) {
        if (!(c1 > 0 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("Invalid Wolfe constants: c1=" + Validate.repr(c1) + ", c2=" + Validate.repr(c2)
                    + " (must satisfy 0 < c1 < c2 < 1)");
        }
    }
}
