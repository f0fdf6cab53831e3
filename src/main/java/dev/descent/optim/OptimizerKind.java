package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An optimizer family: its command-line id, its torch class name (null when torch has none) or the
 * paper it follows, a display title, a short summary of its update rule for tooltips, its
 * hyperparameters, and a factory.
 *
 * <p>Most kinds are built by {@link #of} from their declared {@link Hyper}s, which also give
 * {@link #valuesOf} (an optimizer's {@link Optimizer#hyperparameters()}). A wrapper such as Lookahead
 * has {@code variants}: its settings depend on the inner optimizer the values choose, so each choice
 * has a kind of its own (the wrapper's settings, then that inner optimizer's) and {@link #params()} is
 * the default choice's.
 *
 * @param paper    where a rule torch does not have comes from ("Chen et al. 2023"); null for torch's
 * @param hypers   the declared hyperparameters, in {@code params} order (empty for a kind built from specs)
 * @param variants for a wrapper, the kind that governs given values (by their {@code inner}); else null
 */
public record OptimizerKind(String id, String torchName, String paper, String title, String rule,
                            List<ParamSpec> params, Function<Params, Optimizer> factory,
                            List<Hyper<?, ?>> hypers, Function<Map<String, ?>, OptimizerKind> variants)
        implements Registered {

    private static final Declared<OptimizerKind> DECLARED = new Declared<>("OptimizerKind.of");

    public OptimizerKind {
        params = List.copyOf(params);
        hypers = List.copyOf(hypers);
    }

    /**
     * A kind from its declared hyperparameters: the spec list is theirs, in the order given, and
     * {@link #valuesOf} reads them back from an optimizer; instances of {@code type} report it as their
     * {@link Optimizer#kind()}.
     */
    public static OptimizerKind of(Class<? extends Optimizer> type, String id, String torchName, String title,
                                   String rule, Function<Params, Optimizer> factory, Hyper<?, ?>... hypers) {
        return declare(type, id, torchName, null, title, rule, factory, hypers);
    }

    /** {@link #of} for a rule torch does not have, which follows {@code paper} ("Chen et al. 2023"). */
    public static OptimizerKind ofPaper(Class<? extends Optimizer> type, String id, String paper, String title,
                                        String rule, Function<Params, Optimizer> factory, Hyper<?, ?>... hypers) {
        return declare(type, id, null, paper, title, rule, factory, hypers);
    }

    private static OptimizerKind declare(Class<? extends Optimizer> type, String id, String torchName, String paper,
                                         String title, String rule, Function<Params, Optimizer> factory,
                                         Hyper<?, ?>... hypers) {
        List<ParamSpec> specs = java.util.Arrays.stream(hypers).map(Hyper::spec).toList();
        return DECLARED.register(type, new OptimizerKind(id, torchName, paper, title, rule, specs, factory,
                List.of(hypers), null));
    }

    /** The kind declared by {@link #of} for an optimizer class ({@link Optimizer#kind()}'s default). */
    static OptimizerKind ofType(Class<?> type) {
        return DECLARED.of(type);
    }

    /**
     * A wrapper kind: {@code variants} gives the kind for the values' inner choice (given no values, the
     * default choice's), whose specs and factory apply.
     */
    static OptimizerKind wrapper(String id, String paper, String title, String rule,
                                 Function<Map<String, ?>, OptimizerKind> variants) {
        OptimizerKind byDefault = variants.apply(Map.of());
        return new OptimizerKind(id, null, paper, title, rule, byDefault.params(),
                p -> variants.apply(p.asMap()).factory().apply(p), List.of(), variants);
    }

    /**
     * The kind whose settings the given values are for: this one, or for a wrapper the variant around
     * the inner optimizer they choose (so its settings, with their real defaults, are the ones to show).
     *
     * @throws IllegalArgumentException when a wrapper's {@code inner} names an optimizer it cannot wrap
     */
    public OptimizerKind forValues(Map<String, ?> values) {
        return variants == null ? this : variants.apply(values);
    }

    /**
     * The given values without those the governing kind ({@link #forValues}) does not take: after a
     * wrapper's {@code inner} changes, the settings only the previous inner optimizer had. Order kept.
     */
    public Map<String, Object> retain(Map<String, ?> values) {
        java.util.Set<String> takes = new java.util.HashSet<>();
        forValues(values).params().forEach(s -> takes.add(s.name()));
        Map<String, Object> kept = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (takes.contains(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /**
     * Builds the optimizer with the given hyperparameter values; missing ones take torch's defaults.
     *
     * @throws IllegalArgumentException naming an unknown hyperparameter or an invalid value
     */
    public Optimizer create(Map<String, ?> values) {
        OptimizerKind k = forValues(values);
        return k.factory.apply(Params.resolve(title, k.params, values));
    }

    /** The values of an optimizer of this kind, read through the declared hyperparameters. */
    public Params valuesOf(Optimizer o) {
        if (hypers.isEmpty()) {
            throw new IllegalStateException(title + " declares no hyperparameters; its optimizer must report them itself");
        }
        return Declared.values(title, params, hypers, o);
    }

    /**
     * Where the rule comes from, for listings: {@code torch.optim.Adam} for torch's, else the paper
     * ({@code Chen et al. 2023}); empty for a kind that names neither.
     */
    public String source() {
        return paper != null ? paper : torchName != null ? "torch.optim." + torchName : "";
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
