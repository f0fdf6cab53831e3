package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kinds declared from {@link Hyper}s ({@link OptimizerKind#of}, {@link ScheduleKind#of}), by the
 * class whose instances they describe, and the values an instance reports through them.
 *
 * @param <K> the kind type
 */
final class Declared<K> {

    private final String what;
    private final Map<Class<?>, K> byType = new ConcurrentHashMap<>();

    /** @param what the kind's factory for the message, e.g. "OptimizerKind.of" */
    Declared(String what) {
        this.what = what;
    }

    K register(Class<?> type, K kind) {
        byType.put(type, kind);
        return kind;
    }

    /** The kind declared for {@code type}, which its instances' {@code kind()} returns by default. */
    K of(Class<?> type) {
        K kind = byType.get(type);
        if (kind == null) {
            throw new IllegalStateException(type.getSimpleName() + " declares no kind with " + what + "; override kind()");
        }
        return kind;
    }

    /** The values {@code instance} holds, read through the declarations, resolved against the specs. */
    static Params values(String title, List<ParamSpec> specs, List<Hyper<?, ?>> hypers, Object instance) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Hyper<?, ?> h : hypers) {
            values.put(h.name(), h.valueIn(instance));
        }
        return Params.resolve(title, specs, values);
    }
}
