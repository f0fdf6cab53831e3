package dev.descent.session;

import java.util.List;

/** Setting values in their JSON-friendly form (pairs as two-element lists). */
public final class Values {

    private Values() {
    }

    public static Object toJson(Object v) {
        if (v instanceof double[] d) {
            return List.of(d[0], d[1]);
        }
        return v;
    }
}
