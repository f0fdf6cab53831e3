package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A schedule family: its id (e.g. {@code step}), torch class name (null if none), title, parameters, factory. */
public record ScheduleKind(String id, String torchName, String title, String description,
                           List<ParamSpec> params, Function<Params, Schedule> factory) {

    public ScheduleKind {
        params = List.copyOf(params);
    }

    /** @throws IllegalArgumentException naming an unknown parameter or an invalid value */
    public Schedule create(Map<String, ?> values) {
        return factory.apply(Params.resolve("schedule " + id, params, values));
    }
}
