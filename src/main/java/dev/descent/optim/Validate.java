package dev.descent.optim;

/**
 * Hyperparameter checks with torch's messages, shared by the optimizers. Values are written as
 * Python writes them ({@link #repr}), so a message reads like torch's: "Invalid epsilon value: -1e-08".
 */
public final class Validate {

    private Validate() {
    }

    /** lr must be a finite number > 0 (torch allows 0; a zero rate shows nothing, so Descent refuses it). */
    public static void learningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("Invalid learning rate: " + repr(lr) + " (must be a finite number > 0)");
        }
    }

    /**
     * The Adam family's checks in torch's order (Adam, NAdam, RAdam, Adamax, ...): lr, eps, each beta,
     * weight_decay; the first wrong value is named.
     */
    public static void adamFamily(double lr, double eps, double beta1, double beta2, double weightDecay) {
        learningRate(lr);
        epsilon(eps);
        betas(beta1, beta2);
        weightDecay(weightDecay);
    }

    /** torch's {@code eps}: "Invalid epsilon value: -1e-08 (must be a finite number >= 0)". */
    public static void epsilon(double eps) {
        nonNegative("epsilon value", eps);
    }

    /** torch's {@code betas}, each in [0, 1), the first checked first. */
    public static void betas(double beta1, double beta2) {
        beta(0, beta1);
        beta(1, beta2);
    }

    /** torch's {@code weight_decay}: "Invalid weight_decay value: -0.1 (must be a finite number >= 0)". */
    public static void weightDecay(double weightDecay) {
        nonNegative("weight_decay value", weightDecay);
    }

    /** "Invalid epsilon value: -1.0" for {@code what} = "epsilon value". */
    public static void nonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid " + what + ": " + repr(value) + " (must be a finite number >= 0)");
        }
    }

    /** torch: "Invalid beta parameter at index 0: 1.0"; betas must lie in [0, 1). */
    public static void beta(int index, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("Invalid beta parameter at index " + index + ": " + repr(beta) + " (must be in [0, 1))");
        }
    }

    /** A decay rate such as RMSprop's alpha or Adadelta's rho, which torch checks in [0, 1]. */
    public static void unitInterval(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("Invalid " + what + ": " + repr(value) + " (must be in [0, 1])");
        }
    }

    /**
     * A double as Python's {@code repr} writes it, which is how torch's messages show values:
     * {@code 1.0}, {@code 0.001}, {@code -1e-08}, {@code 1e+16}, {@code inf}, {@code nan}.
     * Plain notation for decimal exponents -4 to 15, scientific with a two-digit exponent otherwise.
     */
    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        String sign = v < 0 ? "-" : "";
        // the fewest significant digits that read back as the same double (Java 17's toString may give more)
        double a = Math.abs(v);
        java.math.BigDecimal exact = new java.math.BigDecimal(a);
        java.math.BigDecimal d = exact;
        for (int precision = 1; precision <= 17; precision++) {
            java.math.BigDecimal r = exact.round(new java.math.MathContext(precision, java.math.RoundingMode.HALF_EVEN));
            if (r.doubleValue() == a) {
                d = r;
                break;
            }
        }
        d = d.stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - 1 - d.scale();
        if (exp < -4 || exp >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int e = Math.abs(exp);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
        }
        String plain = d.toPlainString();
        return sign + (plain.indexOf('.') >= 0 ? plain : plain + ".0");
    }
}
