package dev.descent.math;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A built-in surface family: its id, its parameters and how to build one. */
public record SurfaceKind(String id, String title, List<ParamSpec> params, Function<Params, Surface> factory) {

    public SurfaceKind {
        params = List.copyOf(params);
    }

    /**
     * Builds the surface with the given parameter values (missing ones take their defaults).
     *
     * @throws IllegalArgumentException naming an unknown or invalid parameter
     */
    public Surface create(Map<String, ?> values) {
        return factory.apply(Params.resolve("surface " + id, params, values));
    }

    public Surface create() {
        return create(Map.of());
    }
}
