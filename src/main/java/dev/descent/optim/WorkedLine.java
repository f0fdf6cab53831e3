package dev.descent.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an optimizer's worked step: a lecture symbol, its formula, and the same formula with
 * the numbers to plug in, e.g. for Adam
 * <pre>
 *   symbol  "m"
 *   formula "β₁·m + (1 − β₁)·g"
 *   numbers "0.9·{m'} + 0.1·{grad}"         result "m"
 *   tex     "m \leftarrow \beta_1 m + (1-\beta_1) g"
 * </pre>
 * In {@code numbers}, {@code {name}} is the value of probe {@code name} after the step,
 * {@code {name'}} its value after the step before, and {@code {lr}}, {@code {t}}, {@code {theta}},
 * {@code {theta'}} are this step's learning rate, its number, and θ after and before it. Hyperparameters
 * are written into {@code numbers} as plain numbers when the line is declared. {@code result}, when not
 * null, is the probe (or {@code theta}) whose value follows "=".
 *
 * @param symbol  the quantity the line defines ("m̂", "Δθ", "θ")
 * @param formula its rule in lecture notation (Unicode)
 * @param numbers the rule with placeholders for the numbers
 * @param result  the probe holding the line's value, {@code theta}, or null
 * @param tex     the line in LaTeX (symbol and rule) for typesetting
 */
public record WorkedLine(String symbol, String formula, String numbers, String result, String tex) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_0-9]+)('?)}");

    public WorkedLine {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(numbers, "numbers");
        tex = tex == null ? "" : tex;
    }

    /** The names this line reads, in order of appearance, each once ("m'" for a previous value). */
    public List<String> reads() {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(numbers);
        while (m.find()) {
            String n = m.group(1) + m.group(2);
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        if (result != null && !names.contains(result)) {
            names.add(result);
        }
        return names;
    }

    /** Values for the placeholders: each name gives one value per coordinate, or null when unknown. */
    @FunctionalInterface
    public interface Values {
        double[] get(String name, boolean previous);
    }

    /**
     * The numbers line with every placeholder filled, followed by "= result" when the line has one:
     * "0.9·(−1.21, 0.4) + 0.1·(−3.40, 2) = (−1.43, 0.56)". Unknown values print as "?".
     */
    public String fill(Values values) {
        if (numbers.isBlank()) {
            return result == null ? "" : format(values.get(result, false), false);
        }
        Matcher m = PLACEHOLDER.matcher(numbers);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            double[] v = values.get(m.group(1), !m.group(2).isEmpty());
            m.appendReplacement(sb, Matcher.quoteReplacement(format(v, true)));
        }
        m.appendTail(sb);
        if (result != null) {
            sb.append(" = ").append(format(values.get(result, false), false));
        }
        return sb.toString();
    }

    /**
     * A value as the worked step prints it: 4 significant digits, one number when every coordinate
     * agrees (a per-step scalar), else "(x, y)"; a negative number inside a formula gets brackets.
     */
    public static String format(double[] v, boolean inFormula) {
        if (v == null || v.length == 0) {
            return "?";
        }
        boolean same = true;
        for (double d : v) {
            same &= Double.compare(d, v[0]) == 0;
        }
        if (same) {
            String s = number(v[0]);
            return inFormula && v[0] < 0 ? "(" + s + ")" : s;
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(number(v[i]));
        }
        return sb.append(')').toString();
    }

    /** 4 significant digits, a real minus sign, no trailing zeros; "NaN", "∞". */
    public static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "∞" : "−∞";
        }
        if (d == 0) {
            return "0";
        }
        String s;
        double a = Math.abs(d);
        if (a >= 1e-4 && a < 1e6) {
            s = new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        } else {
            s = String.format(java.util.Locale.ROOT, "%.3e", d).replaceAll("\\.?0+e", "e").replaceAll("e\\+?(-?)0*(\\d)", "e$1$2");
        }
        return s.replace('-', '−');
    }

    /** A number written into a numbers template when the line is declared (hyperparameters). */
    public static String constant(double d) {
        String s = number(d);
        return d < 0 ? "(" + s + ")" : s;
    }

    /**
     * The gradient line every first-order optimizer opens with: g = ∇f(θ), −∇f(θ) when maximising,
     * plus λ·θ under coupled weight decay; its value is probe {@code grad}.
     */
    static WorkedLine gradient(boolean maximize, boolean decayed) {
        return new WorkedLine("g", (maximize ? "−∇f(θ)" : "∇f(θ)") + (decayed ? " + λ·θ" : ""), "", "grad",
                "g = " + (maximize ? "-" : "") + "\\nabla f(\\theta)" + (decayed ? " + \\lambda\\theta" : ""));
    }

    /** The closing line θ ← θ + Δθ, Δθ read from probe {@code delta} ("step" or "delta"). */
    static WorkedLine move(String delta) {
        return new WorkedLine("θ", "θ + Δθ", "{theta'} + {" + delta + "}", "theta", "\\theta \\leftarrow \\theta + \\Delta\\theta");
    }

    /** The closing line with decoupled weight decay λ: θ ← θ·(1 − η·λ) + Δθ, Δθ read from probe {@code step}. */
    static WorkedLine decayedMove(double weightDecay) {
        return new WorkedLine("θ", "θ·(1 − η·λ) + Δθ", "{theta'}·(1 − {lr}·" + constant(weightDecay) + ") + {step}", "theta",
                "\\theta \\leftarrow \\theta\\,(1-\\eta\\lambda) + \\Delta\\theta");
    }

    /**
     * A running average {@code symbol} ← β·{@code previous} + (1 − β)·g, with β written as a number;
     * {@code betaSymbol} is β's lecture symbol ("β₁"), {@code texBeta} its LaTeX ("\\beta_1").
     */
    static WorkedLine average(String symbol, String betaSymbol, String texBeta, double beta, String previous, String result,
                              boolean squared) {
        String g = squared ? "g²" : "g";
        return new WorkedLine(symbol, betaSymbol + "·" + previous + " + (1 − " + betaSymbol + ")·" + g,
                constant(beta) + "·{" + previous + "'} + " + constant(1 - beta) + "·{grad}" + (squared ? "²" : ""), result,
                symbol + " \\leftarrow " + texBeta + " " + previous + " + (1-" + texBeta + ")\\," + (squared ? "g^2" : "g"));
    }
}
