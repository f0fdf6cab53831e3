package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An optimizer family: its command-line id, its torch class name (null when torch has none), a
 * display title, a short summary of its update rule for tooltips, its hyperparameters, and a factory.
 */
public record OptimizerKind(String id, String torchName, String title, String rule,
                            List<ParamSpec> params, Function<Params, Optimizer> factory) {

    public OptimizerKind {
        params = List.copyOf(params);
    }

    /**
     * Builds the optimizer with the given hyperparameter values; missing ones take torch's defaults.
     *
     * @throws IllegalArgumentException naming an unknown hyperparameter or an invalid value
     */
    public Optimizer create(Map<String, ?> values) {
        return factory.apply(Params.resolve(title, params, values));
    }

    /**
     * Where the update rule can be looked up: "torch.optim.Adam", or "qhoptim.pyt.QHM" for the
     * quasi-hyperbolic methods, which torch does not have (Ma &amp; Yarats 2019, facebookresearch's
     * qhoptim); null when it has no library class.
     */
    public String origin() {
        if (torchName == null) {
            return null;
        }
        return id.equals("qhm") || id.equals("qhadam") ? "qhoptim.pyt." + torchName : "torch.optim." + torchName;
    }

    public Optimizer create() {
        return create(Map.of());
    }

    /**
     * This kind's hyperparameters with the given values, given as name, value, name, value, ...
     * (how an optimizer reports its settings).
     */
    public Params values(Object... namesAndValues) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Params.resolve(title, params, values);
    }

    public ParamSpec param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(title + " has no hyperparameter " + name));
    }
}
