package dev.descent.math;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The built-in surfaces, in menu order. */
public final class Surfaces {

    private static final List<SurfaceKind> ALL = List.of(
            Quadratic.KIND,
            Rosenbrock.KIND,
            Beale.KIND,
            Himmelblau.KIND,
            Booth.KIND,
            Saddle.KIND,
            MonkeySaddle.KIND,
            Rastrigin.KIND,
            Ackley.KIND,
            SixHumpCamel.KIND,
            GoldsteinPrice.KIND,
            Ravine.KIND,
            Plateau.KIND,
            Cliff.KIND,
            SharpFlat.KIND,
            dev.descent.math.DataSurface.LINEAR_KIND,
            dev.descent.math.DataSurface.LOGISTIC_KIND,
            dev.descent.math.DataSurface.TANH_KIND,
            ExpressionSurface.KIND
    );

    private Surfaces() {
    }

    public static List<SurfaceKind> all() {
        return ALL;
    }

    /** @throws IllegalArgumentException listing the known ids */
    public static SurfaceKind find(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return ALL.stream().filter(k -> k.id().equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Unknown surface '" + id + "'; known: "
                        + ALL.stream().map(SurfaceKind::id).collect(Collectors.joining(", "))));
    }

    public static Surface create(String id, Map<String, ?> params) {
        return find(id).create(params);
    }

    public static Surface create(String id) {
        return find(id).create();
    }
}
