package dev.descent.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Nice tick positions (the 1-2-5 rule) and their labels. */
public final class Ticks {

    /** U+2212, the typographic minus sign. */
    public static final char MINUS = '\u2212';

    private static final String SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

    private Ticks() {
    }

    /**
     * The step of at most {@code maxTicks} ticks over [lo, hi]: 1, 2 or 5 times a power of ten.
     */
    public static double step(double lo, double hi, int maxTicks) {
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            return Double.NaN;
        }
        // at most floor(span / step) + 1 ticks fit, so the step must exceed span / maxTicks
        double raw = span / Math.max(1, maxTicks);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag > raw * (1 + 1e-9)) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    /** Multiples of {@link #step} inside [lo, hi] (within a tiny tolerance), increasing. */
    public static double[] nice(double lo, double hi, int maxTicks) {
        double step = step(lo, hi, maxTicks);
        if (!(step > 0)) {
            return Double.isFinite(lo) ? new double[] {lo} : new double[0];
        }
        double eps = step * 1e-9;
        long first = (long) Math.ceil((lo - eps) / step);
        long last = (long) Math.floor((hi + eps) / step);
        List<Double> out = new ArrayList<>();
        for (long k = first; k <= last && out.size() < 1000; k++) {
            double v = k * step;
            out.add(Math.abs(v) < eps ? 0.0 : v);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A tick label: as many decimals as the step needs; ×10ⁿ notation for very large or small
     * values; a real minus sign.
     */
    public static String format(double v, double step) {
        if (v == 0) {
            return "0";
        }
        double a = Math.max(Math.abs(v), Math.abs(step));
        if (a >= 1e6 || Math.abs(step) < 1e-4 && Math.abs(v) < 1e-3) {
            return scientific(v, step);
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(Math.abs(step)) - 1e-9));
        // a step like 0.25 needs two decimals
        BigDecimal s = new BigDecimal(Math.abs(step)).round(new java.math.MathContext(2));
        decimals = Math.max(decimals, Math.max(0, s.stripTrailingZeros().scale()));
        decimals = Math.min(decimals, 10);
        String text = new BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
        return text.replace('-', MINUS);
    }

    /** v with {@code sig} significant digits, plain or ×10ⁿ, real minus sign. */
    public static String significant(double v, int sig) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return v > 0 ? "∞" : v < 0 ? MINUS + "∞" : "NaN";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            int e = (int) Math.floor(Math.log10(a));
            double m = v / Math.pow(10, e);
            BigDecimal bd = new BigDecimal(m).round(new java.math.MathContext(sig)).stripTrailingZeros();
            if (bd.abs().compareTo(BigDecimal.TEN) >= 0) {
                bd = bd.movePointLeft(1);
                e++;
            }
            String mant = bd.toPlainString().replace('-', MINUS);
            return (mant.equals("1") ? "" : mant.equals(MINUS + "1") ? String.valueOf(MINUS) : mant + "×") + power10(e);
        }
        BigDecimal bd = new BigDecimal(v).round(new java.math.MathContext(sig)).stripTrailingZeros();
        if (bd.scale() < 0) {
            bd = bd.setScale(0);
        }
        return bd.toPlainString().replace('-', MINUS);
    }

    private static String scientific(double v, double step) {
        int e = (int) Math.floor(Math.log10(Math.max(Math.abs(v), 1e-300)));
        int es = (int) Math.floor(Math.log10(Math.abs(step)));
        int sig = Math.max(1, Math.min(6, e - es + 1));
        return significant(v, sig);
    }

    /** "10ⁿ" with a superscript exponent. */
    public static String power10(int e) {
        StringBuilder sb = new StringBuilder("10");
        String digits = Integer.toString(Math.abs(e));
        if (e < 0) {
            sb.append('\u207b');
        }
        for (char c : digits.toCharArray()) {
            sb.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return sb.toString();
    }
}
