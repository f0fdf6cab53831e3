package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A schedule family: its id (e.g. {@code step}), torch class name (null if none), title, parameters,
 * factory. Built by {@link #of} from declared {@link Hyper}s, which also give {@link #valuesOf} and
 * the schedule's {@link Schedule#kind()}.
 *
 * @param hypers the declared parameters, in {@code params} order (empty for a kind built from specs)
 */
public record ScheduleKind(String id, String torchName, String title, String description,
                           List<ParamSpec> params, Function<Params, Schedule> factory, List<Hyper<?, ?>> hypers)
        implements Registered {

    private static final Declared<ScheduleKind> DECLARED = new Declared<>("ScheduleKind.of");

    public ScheduleKind {
        params = List.copyOf(params);
        hypers = List.copyOf(hypers);
    }

    /** A kind from a spec list and a factory. */
    public ScheduleKind(String id, String torchName, String title, String description, List<ParamSpec> params,
                        Function<Params, Schedule> factory) {
        this(id, torchName, title, description, params, factory, List.of());
    }

    /** A kind from its declared parameters, in the order given. */
    public static ScheduleKind of(Class<? extends Schedule> type, String id, String torchName, String title,
                                  String description, Function<Params, Schedule> factory, Hyper<?, ?>... hypers) {
        return DECLARED.register(type, new ScheduleKind(id, torchName, title, description,
                Arrays.stream(hypers).map(Hyper::spec).toList(), factory, List.of(hypers)));
    }

    /** The kind declared by {@link #of} for a schedule class ({@link Schedule#kind()}'s default). */
    static ScheduleKind ofType(Class<?> type) {
        return DECLARED.of(type);
    }

    /** @throws IllegalArgumentException naming an unknown parameter or an invalid value */
    public Schedule create(Map<String, ?> values) {
        return factory.apply(Params.resolve("schedule " + id, params, values));
    }

    /** The values of a schedule of this kind, read through the declared parameters. */
    public Params valuesOf(Schedule s) {
        return Declared.values(title, params, hypers, s);
    }
}
