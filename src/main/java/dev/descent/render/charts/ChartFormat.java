package dev.descent.render.charts;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Short numbers for axis ticks and read-outs: four significant digits, scientific notation below
 * 10⁻³ and from 10⁵ ("1.5e-07"), no trailing zeros.
 */
public final class ChartFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    private final int digits;

    public ChartFormat(int digits) {
        this.digits = Math.max(1, digits);
    }

    /** {@code v} in at most {@code digits} significant digits. */
    public static String number(double v, int digits) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a < 1e-3 || a >= 1e5) {
            String s = String.format(Locale.ROOT, "%." + Math.max(0, digits - 1) + "e", v);
            int e = s.indexOf('e');
            String mant = trim(s.substring(0, e));
            int exp = Integer.parseInt(s.substring(e + 1));
            return mant + "e" + (exp < 0 ? "-" : "") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
        }
        if (a >= Math.pow(10, digits)) {
            return Long.toString(Math.round(v));
        }
        String s = String.format(Locale.ROOT, "%." + digits + "g", v);
        if (s.contains("e")) {
            return s;
        }
        return trim(s);
    }

    /** An integer step count with thin grouping: 12 345. */
    public static String step(double step) {
        return String.format(Locale.ROOT, "%,d", (long) step).replace(',', ' ');
    }

    private static String trim(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(number(number, digits));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(number((double) number, digits));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        try {
            double v = Double.parseDouble(source.substring(parsePosition.getIndex()).trim());
            parsePosition.setIndex(source.length());
            return v;
        } catch (NumberFormatException e) {
            parsePosition.setErrorIndex(parsePosition.getIndex());
            return null;
        }
    }
}
