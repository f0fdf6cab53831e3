package dev.descent.sim;

import dev.descent.math.ParamSpec;
import dev.descent.optim.OptimizerKind;
import java.util.Locale;

/**
 * One axis of a hyperparameter map: a real hyperparameter of the optimizer (or {@code beta1} /
 * {@code beta2}, the two halves of {@code betas}) swept from {@code lo} to {@code hi}, both ends
 * included, on a linear, logarithmic or near-one scale (evenly spaced in −log(1 − value), so
 * 0, 0.9, 0.99 are equally far apart).
 */
public record HyperAxis(String name, double lo, double hi, ParamSpec.Scale scale) {

    public HyperAxis {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a hyperparameter axis needs a name");
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException("Invalid range for " + name + ": " + lo + " to " + hi
                    + " (two finite numbers, the first smaller)");
        }
        if (scale == ParamSpec.Scale.LOG && !(lo > 0)) {
            throw new IllegalArgumentException("Invalid range for " + name + ": a log axis needs values above 0, got " + lo);
        }
        if (scale == ParamSpec.Scale.NEAR_ONE && !(hi < 1)) {
            throw new IllegalArgumentException("Invalid range for " + name + ": a near-one axis needs values below 1, got " + hi);
        }
    }

    /**
     * Parses {@code NAME:LO:HI[:SCALE]} (scale {@code lin}, {@code log} or {@code near1}); without a
     * scale the hyperparameter's own slider scale is used (log for lr and eps, near-one for betas and
     * momentum).
     */
    public static HyperAxis parse(String text, OptimizerKind kind) {
        String[] p = text.trim().split(":", -1);
        if (p.length < 3 || p.length > 4) {
            throw new IllegalArgumentException("Invalid hyperparameter axis '" + text
                    + "' (expected NAME:LO:HI or NAME:LO:HI:SCALE, e.g. lr:1e-4:1:log)");
        }
        String name = p[0].trim();
        ParamSpec spec = spec(kind, name);
        double lo = number(text, p[1]);
        double hi = number(text, p[2]);
        ParamSpec.Scale scale = p.length == 4 ? scale(text, p[3]) : spec.scale();
        return new HyperAxis(name, lo, hi, scale);
    }

    /** The spec of a sweepable hyperparameter, refusing names the optimizer does not have or cannot sweep. */
    public static ParamSpec spec(OptimizerKind kind, String name) {
        if (name.equals("beta1") || name.equals("beta2")) {
            ParamSpec betas = kind.params().stream().filter(s -> s.name().equals("betas")).findFirst().orElseThrow(() ->
                    new IllegalArgumentException(kind.title() + " has no betas, so no " + name));
            return betas;
        }
        ParamSpec s = kind.param(name);
        if (s.type() != ParamSpec.Type.REAL) {
            throw new IllegalArgumentException("Cannot sweep " + name + " of " + kind.title()
                    + ": only real-valued hyperparameters (and beta1, beta2) make a map axis");
        }
        return s;
    }

    /** Whether the name is a hyperparameter a map can sweep for this optimizer. */
    public static boolean sweepable(OptimizerKind kind, String name) {
        try {
            spec(kind, name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The axis for this hyperparameter over its slider range, on its slider scale. */
    public static HyperAxis overSliderRange(OptimizerKind kind, String name) {
        ParamSpec s = spec(kind, name);
        double lo = s.sliderMin();
        double hi = s.sliderMax();
        if (s.scale() == ParamSpec.Scale.NEAR_ONE) {
            hi = Math.min(hi, 0.999);
            lo = Math.max(0, Math.min(lo, hi / 2));
        }
        if (s.scale() == ParamSpec.Scale.LOG) {
            lo = Math.max(lo, hi * 1e-8);
        }
        return new HyperAxis(name, lo, hi, s.scale());
    }

    /** Value i of n, both ends included. */
    public double value(int i, int n) {
        if (n == 1) {
            return lo;
        }
        if (i == n - 1) {
            return hi;
        }
        return at((double) i / (n - 1));
    }

    /** Where a value falls on the axis as a fraction of its length (0 at lo, 1 at hi; outside for values beyond). */
    public double fraction(double v) {
        return switch (scale) {
            case LINEAR -> (v - lo) / (hi - lo);
            case LOG -> (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
            case NEAR_ONE -> (Math.log(1 - v) - Math.log(1 - lo)) / (Math.log(1 - hi) - Math.log(1 - lo));
        };
    }

    /** The value at a fraction of the axis (the inverse of {@link #fraction}). */
    public double at(double f) {
        return switch (scale) {
            case LINEAR -> lo + f * (hi - lo);
            case LOG -> Math.exp(Math.log(lo) + f * (Math.log(hi) - Math.log(lo)));
            case NEAR_ONE -> 1 - Math.exp(Math.log(1 - lo) + f * (Math.log(1 - hi) - Math.log(1 - lo)));
        };
    }

    private static double number(String text, String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid hyperparameter axis '" + text + "': '" + s.trim() + "' is not a number");
        }
    }

    private static ParamSpec.Scale scale(String text, String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "lin", "linear" -> ParamSpec.Scale.LINEAR;
            case "log" -> ParamSpec.Scale.LOG;
            case "near1", "near_one", "near-one" -> ParamSpec.Scale.NEAR_ONE;
            default -> throw new IllegalArgumentException("Invalid hyperparameter axis '" + text + "': scale '" + s.trim()
                    + "' is not lin, log or near1");
        };
    }
}
