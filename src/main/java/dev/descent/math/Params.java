package dev.descent.math;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An immutable, ordered set of named setting values, typed by their {@link ParamSpec}s: Double,
 * Integer, Boolean, double[2] (pairs), String (choices and texts) or an unmodifiable List&lt;Integer&gt;
 * (int lists).
 */
public final class Params {

    public static final Params EMPTY = new Params(List.of(), Map.of());

    private final List<ParamSpec> specs;
    private final Map<String, Object> values;

    private Params(List<ParamSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = values;
    }

    /**
     * Fills in defaults and converts every given value to its spec's type.
     *
     * @param owner what the settings belong to, for messages ("Adam", "surface quadratic")
     * @throws IllegalArgumentException for an unknown name or an unconvertible value
     */
    public static Params resolve(String owner, List<ParamSpec> specs, Map<String, ?> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            Object def = s.defaultValue();
            out.put(s.name(), def instanceof double[] d ? d.clone() : def);
        }
        for (Map.Entry<String, ?> e : given.entrySet()) {
            ParamSpec spec = specs.stream().filter(s -> s.name().equals(e.getKey())).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("Unknown parameter '" + e.getKey() + "' for " + owner
                            + (specs.isEmpty() ? " (it takes none)" : "; known: " + names(specs))));
            out.put(spec.name(), spec.convert(e.getValue()));
        }
        return new Params(List.copyOf(specs), Collections.unmodifiableMap(out));
    }

    private static String names(List<ParamSpec> specs) {
        StringJoiner j = new StringJoiner(", ");
        specs.forEach(s -> j.add(s.name()));
        return j.toString();
    }

    public List<ParamSpec> specs() {
        return specs;
    }

    /** The values by name, in spec order. Pairs are returned as copies on {@link #pair}. */
    public Map<String, Object> asMap() {
        return values;
    }

    public Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return values.get(name);
    }

    public double real(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    public double[] pair(String name) {
        return ((double[]) get(name)).clone();
    }

    public String choice(String name) {
        return (String) get(name);
    }

    /** A text (e.g. a custom surface's formula). */
    public String text(String name) {
        return (String) get(name);
    }

    /** An int list (e.g. MultiStepLR's milestones), unmodifiable. */
    public List<Integer> intList(String name) {
        return ((List<?>) get(name)).stream().map(o -> (Integer) o).toList();
    }

    /** A copy with one value replaced (converted through its spec). */
    public Params with(String owner, String name, Object value) {
        Map<String, Object> given = new LinkedHashMap<>(values);
        given.put(name, value);
        return resolve(owner, specs, given);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Params p) || !p.values.keySet().equals(values.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object a = e.getValue();
            Object b = p.values.get(e.getKey());
            if (a instanceof double[] da && b instanceof double[] db ? !Arrays.equals(da, db) : !java.util.Objects.equals(a, b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            h += e.getKey().hashCode() ^ (v instanceof double[] d ? Arrays.hashCode(d) : java.util.Objects.hashCode(v));
        }
        return h;
    }

    /** name=value pairs, pairs written as 0.9,0.999 and int lists as 30,80 (both read back by {@link ParamSpec#convert}). */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(" ");
        values.forEach((k, v) -> j.add(k + "=" + format(v)));
        return j.toString();
    }

    public static String format(Object v) {
        if (v instanceof double[] d) {
            return format(d[0]) + "," + format(d[1]);
        }
        if (v instanceof Double d) {
            return format(d.doubleValue());
        }
        if (v instanceof List<?> l) {
            StringJoiner j = new StringJoiner(",");
            l.forEach(e -> j.add(String.valueOf(e)));
            return j.toString();
        }
        return String.valueOf(v);
    }

    /** Shortest text that reads back as the same double: 0.05 rather than 0.05000000000000000277. */
    public static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        // 2.0E-4 reads badly in a legend: write 2e-4 (which parses back to the same double)
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }
}
