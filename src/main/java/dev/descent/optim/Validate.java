package dev.descent.optim;

/** Hyperparameter checks with torch's messages, shared by the optimizers. */
public final class Validate {

    private Validate() {
    }

    /** lr must be a finite number > 0 (torch allows 0; a zero rate shows nothing, so Descent refuses it). */
    public static void learningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("Invalid learning rate: " + lr + " (must be a finite number > 0)");
        }
    }

    /** "Invalid epsilon value: -1.0" for {@code what} = "epsilon value". */
    public static void nonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid " + what + ": " + value + " (must be a finite number >= 0)");
        }
    }

    /** torch: "Invalid beta parameter at index 0: 1.0"; betas must lie in [0, 1). */
    public static void beta(int index, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("Invalid beta parameter at index " + index + ": " + beta + " (must be in [0, 1))");
        }
    }

    /** A decay rate such as RMSprop's alpha or Adadelta's rho, which torch checks in [0, 1]. */
    public static void unitInterval(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("Invalid " + what + ": " + value + " (must be in [0, 1])");
        }
    }
}
