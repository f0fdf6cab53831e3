package dev.descent.math;

import java.util.List;
import java.util.Objects;

/**
 * Describes one named setting (a hyperparameter, a surface parameter, a schedule parameter): its
 * name as used on the command line and in files (torch's name where torch has one), the lecture
 * symbol for labels, its type and default, a slider range for the UI, and a help text.
 *
 * <p>The slider range is a hint, not validation: the owner of the setting validates in its
 * constructor and says exactly what is wrong.
 */
public record ParamSpec(String name, String symbol, Type type, Object defaultValue,
                        double sliderMin, double sliderMax, Scale scale, List<String> choices, String help) {

    /**
     * The value types. {@code INT_LIST} is a list of whole numbers such as MultiStepLR's
     * {@code milestones}, held as an unmodifiable {@code List<Integer>} and written {@code 30,80}.
     * {@code TEXT} is free text such as a custom surface's formula, held as a String; its owner
     * validates it.
     */
    public enum Type { REAL, INTEGER, BOOLEAN, PAIR, CHOICE, INT_LIST, TEXT }

    /** How a slider for the value should move. */
    public enum Scale {
        LINEAR,
        /** logarithmic: learning rates, epsilons */
        LOG,
        /** fine resolution near 1: betas, momentum, decay rates (slider on -log10(1 - value)) */
        NEAR_ONE
    }

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        symbol = symbol == null ? name : symbol;
        choices = choices == null ? List.of() : List.copyOf(choices);
        help = help == null ? "" : help;
        scale = scale == null ? Scale.LINEAR : scale;
    }

    public static ParamSpec real(String name, String symbol, double def, double lo, double hi, Scale scale, String help) {
        return new ParamSpec(name, symbol, Type.REAL, def, lo, hi, scale, null, help);
    }

    public static ParamSpec integer(String name, String symbol, int def, int lo, int hi, String help) {
        return new ParamSpec(name, symbol, Type.INTEGER, def, lo, hi, Scale.LINEAR, null, help);
    }

    public static ParamSpec bool(String name, String symbol, boolean def, String help) {
        return new ParamSpec(name, symbol, Type.BOOLEAN, def, 0, 1, Scale.LINEAR, null, help);
    }

    /** A pair of reals such as torch's {@code betas}. */
    public static ParamSpec pair(String name, String symbol, double first, double second, double lo, double hi,
                                 Scale scale, String help) {
        return new ParamSpec(name, symbol, Type.PAIR, new double[] {first, second}, lo, hi, scale, null, help);
    }

    /** One of a fixed set of words; the first choice is the default unless {@code def} says otherwise. */
    public static ParamSpec choice(String name, String symbol, String def, List<String> choices, String help) {
        return new ParamSpec(name, symbol, Type.CHOICE, def, 0, 0, Scale.LINEAR, choices, help);
    }

    /**
     * A list of whole numbers such as MultiStepLR's {@code milestones}; the slider range bounds each element.
     */
    public static ParamSpec intList(String name, String symbol, List<Integer> def, int lo, int hi, String help) {
        return new ParamSpec(name, symbol, Type.INT_LIST, List.copyOf(def), lo, hi, Scale.LINEAR, null, help);
    }

    /** Free text such as a formula; the owner of the setting checks it when it builds. */
    public static ParamSpec text(String name, String symbol, String def, String help) {
        return new ParamSpec(name, symbol, Type.TEXT, Objects.requireNonNull(def, "def"), 0, 0, Scale.LINEAR, null, help);
    }

    /**
     * Converts a value given as text, a number, a boolean or a list (from the command line or JSON)
     * to this setting's type. A null (JSON {@code null}, Python's {@code None}) means "not given": a
     * whole number or a text takes its default (which may stand for a derived value, as L-BFGS's
     * max_eval does) and a choice becomes {@code "none"}.
     *
     * @throws IllegalArgumentException naming this setting and the value when it cannot be converted
     */
    public Object convert(Object raw) {
        try {
            return switch (type) {
                case REAL -> toDouble(raw);
                case INTEGER -> raw == null ? defaultValue : toInt(raw);
                case BOOLEAN -> toBoolean(raw);
                case PAIR -> toPair(raw);
                case CHOICE -> toChoice(raw);
                case INT_LIST -> toIntList(raw);
                case TEXT -> toText(raw);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value for " + name + ": '" + raw + "' is not a number");
        }
    }

    private double toDouble(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            return parseDouble(s.trim());
        }
        throw wrongType(raw, "a number");
    }

    private static double parseDouble(String s) {
        String t = s.toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> {
                if (t.isEmpty() || t.endsWith("d") || t.endsWith("f")) {
                    throw new NumberFormatException(s);
                }
                yield Double.parseDouble(t);
            }
        };
    }

    private int toInt(Object raw) {
        if (raw instanceof Integer i) {
            return i;
        }
        if (raw instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            if (n.doubleValue() >= Integer.MIN_VALUE && n.doubleValue() <= Integer.MAX_VALUE) {
                return (int) n.doubleValue();
            }
            throw outOfIntRange(raw, n.doubleValue() > 0);
        }
        if (raw instanceof String s) {
            String t = s.trim();
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                if (t.matches("[+-]?[0-9]+")) { // a whole number, just too long for an int
                    throw outOfIntRange(s, !t.startsWith("-"));
                }
                throw new IllegalArgumentException("Invalid value for " + name + ": '" + s + "' is not a whole number");
            }
        }
        throw wrongType(raw, "a whole number");
    }

    /** A whole number past what an int holds: name the bound it crossed rather than call it "not whole". */
    private IllegalArgumentException outOfIntRange(Object raw, boolean tooLarge) {
        return new IllegalArgumentException("Invalid value for " + name + ": '" + raw + "' is out of range ("
                + (tooLarge ? "at most " + Integer.MAX_VALUE : "at least " + Integer.MIN_VALUE) + ")");
    }

    private boolean toBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on", "1":
                    return true;
                case "false", "no", "off", "0":
                    return false;
                default:
                    throw new IllegalArgumentException("Invalid value for " + name + ": '" + s + "' is not true or false");
            }
        }
        throw wrongType(raw, "true or false");
    }

    private double[] toPair(Object raw) {
        if (raw instanceof double[] d && d.length == 2) {
            return d.clone();
        }
        if (raw instanceof List<?> l && l.size() == 2) {
            return new double[] {toDouble(l.get(0)), toDouble(l.get(1))};
        }
        if (raw instanceof String s) {
            String t = s.trim();
            if (t.startsWith("(") && t.endsWith(")") || t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1);
            }
            String[] parts = t.split(",", -1);
            if (parts.length == 2) {
                return new double[] {parseDouble(parts[0].trim()), parseDouble(parts[1].trim())};
            }
            throw new IllegalArgumentException("Invalid value for " + name + ": '" + s + "' is not a pair such as 0.9,0.999");
        }
        throw wrongType(raw, "a pair of numbers");
    }

    /**
     * A list of whole numbers from a JSON/Java list, an {@code int[]}, a single number, or text such as
     * {@code 30,80}, {@code [30, 80]} or {@code (30, 80)}; empty text is the empty list.
     */
    private List<Integer> toIntList(Object raw) {
        if (raw instanceof int[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        }
        if (raw instanceof List<?> l) {
            java.util.ArrayList<Integer> out = new java.util.ArrayList<>(l.size());
            for (Object o : l) {
                out.add(listElement(raw, o));
            }
            return List.copyOf(out);
        }
        if (raw instanceof Number) {
            return List.of(listElement(raw, raw));
        }
        if (raw instanceof String s) {
            String t = s.trim();
            if (t.startsWith("(") && t.endsWith(")") || t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1).trim();
            }
            if (t.isEmpty()) {
                return List.of();
            }
            java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
            for (String part : t.split(",", -1)) {
                out.add(listElement(raw, part.trim()));
            }
            return List.copyOf(out);
        }
        throw wrongType(raw, "a list of whole numbers such as 30,80");
    }

    private int listElement(Object whole, Object element) {
        if (element instanceof Integer i) {
            return i;
        }
        if (element instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        if (element instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return (int) n.doubleValue();
        }
        if (element instanceof String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("Invalid value for " + name + ": '" + whole
                + "' is not a list of whole numbers such as 30,80");
    }

    /** Text as given; a number or boolean becomes its usual text, null the default. */
    private String toText(Object raw) {
        if (raw == null) {
            return (String) defaultValue;
        }
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw instanceof Double d ? Params.format(d.doubleValue()) : String.valueOf(raw);
        }
        throw wrongType(raw, "text");
    }

    private String toChoice(Object raw) {
        String s = raw == null ? "none" : String.valueOf(raw).trim();
        for (String c : choices) {
            if (c.equalsIgnoreCase(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Invalid value for " + name + ": '" + s + "'; choose one of " + String.join(", ", choices));
    }

    private IllegalArgumentException wrongType(Object raw, String expected) {
        return new IllegalArgumentException("Invalid value for " + name + ": '" + raw + "' is not " + expected);
    }
}
