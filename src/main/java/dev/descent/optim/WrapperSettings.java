package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The settings of an optimizer that wraps another ({@link Lookahead}, {@link Sam}): its own declared
 * settings, an {@code inner} choice, and the chosen inner optimizer's settings under their own names
 * with their own defaults (a name the wrapper itself uses gets the prefix {@code inner_}: RMSprop's
 * {@code alpha} under Lookahead is {@code inner_alpha}).
 *
 * <p>Each inner choice has its own {@link OptimizerKind} (a <i>variant</i>): the wrapper's settings,
 * then exactly that inner optimizer's. The registry's kind is the default choice's, and building from
 * values picks the variant their {@code inner} names, so a panel shows only what applies, with real
 * defaults, and a setting the chosen inner optimizer does not have is refused by name.
 */
final class WrapperSettings {

    private static final Declared<WrapperSettings> DECLARED = new Declared<>("new WrapperSettings");
    private static final String PREFIX = "inner_";
    private static final String INNER = "inner";

    private final String id;
    private final String paper;
    private final String title;
    private final String rule;
    private final List<Hyper<?, ?>> own;
    private final String innerHelp;
    private final List<OptimizerKind> innerKinds;
    private final String defaultInner;
    private final BiFunction<Optimizer, Params, Optimizer> build;
    private final Set<String> ownNames;
    private final Map<OptimizerKind, OptimizerKind> variants = new ConcurrentHashMap<>();

    /**
     * @param type         the wrapper class, whose instances' {@link Wrapper#settings()} these are
     * @param paper        where the wrapper's rule comes from ({@link OptimizerKind#paper()})
     * @param own          the wrapper's own settings, in panel order ({@code inner} follows them)
     * @param innerHelp    the help of the {@code inner} choice
     * @param innerKinds   the optimizers {@code inner} can name, in menu order
     * @param defaultInner the id of the default inner kind
     * @param build        the wrapper from its inner optimizer and the resolved values
     */
    WrapperSettings(Class<? extends Wrapper> type, String id, String paper, String title, String rule,
                    List<Hyper<?, ?>> own,
                    String innerHelp, List<OptimizerKind> innerKinds, String defaultInner,
                    BiFunction<Optimizer, Params, Optimizer> build) {
        this.id = id;
        this.paper = paper;
        this.title = title;
        this.rule = rule;
        this.own = List.copyOf(own);
        this.innerHelp = innerHelp;
        this.innerKinds = List.copyOf(innerKinds);
        this.defaultInner = defaultInner;
        this.build = build;
        this.ownNames = Stream.concat(own.stream().map(Hyper::name), Stream.of(INNER))
                .collect(Collectors.toUnmodifiableSet());
        DECLARED.register(type, this);
    }

    /** The settings {@code type} declared ({@link Wrapper#settings()}'s default). */
    static WrapperSettings of(Class<?> type) {
        return DECLARED.of(type);
    }

    /**
     * A wrapper's legend label: its title, each own setting that is not at its default as symbol=value,
     * then the inner optimizer's label ("Lookahead k=10 α=0.8 · Adam lr=0.001", "SAM ρ=0.1 · SGD lr=0.01").
     */
    String label(Optimizer wrapper, Optimizer inner) {
        StringBuilder sb = new StringBuilder(title);
        for (Hyper<?, ?> h : own) {
            Object value = h.valueIn(wrapper);
            if (!value.equals(h.def())) {
                sb.append(' ').append(h.spec().symbol()).append('=').append(Params.format(value));
            }
        }
        return sb.append(" · ").append(inner.label()).toString();
    }

    /** The registry's kind: the default inner choice's settings; values that choose another inner get its variant. */
    OptimizerKind kind() {
        return OptimizerKind.wrapper(id, paper, title, rule, this::select);
    }

    String outerName(String innerName) {
        return ownNames.contains(innerName) ? PREFIX + innerName : innerName;
    }

    private String innerName(String outerName) {
        return outerName.startsWith(PREFIX) && ownNames.contains(outerName.substring(PREFIX.length()))
                ? outerName.substring(PREFIX.length()) : outerName;
    }

    private ParamSpec innerSpec(String def, List<String> choices) {
        return ParamSpec.choice(INNER, INNER, def, choices, innerHelp);
    }

    /** The variant for the values' {@code inner} (the default one when they name none). */
    private OptimizerKind select(Map<String, ?> values) {
        return select(values, defaultInner);
    }

    private OptimizerKind select(Map<String, ?> values, String otherwise) {
        Object raw = values.get(INNER);
        if (raw == null) {
            return variant(innerKind(otherwise));
        }
        List<String> ids = innerKinds.stream().map(OptimizerKind::id).toList();
        String chosen = (String) innerSpec(otherwise, ids).convert(raw);
        return variant(innerKind(chosen));
    }

    private OptimizerKind innerKind(String innerId) {
        return innerKinds.stream().filter(kk -> kk.id().equals(innerId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(title + " cannot wrap '" + innerId + "'"));
    }

    /**
     * The wrapper around one inner kind: its own settings, {@code inner}, then the inner kind's settings with
     * their own defaults. {@code inner}'s default is that kind; around a listed kind it offers every listed
     * kind (values naming another get that one's variant), around any other (a second-order method, a
     * test's) only that one.
     */
    OptimizerKind variant(OptimizerKind inner) {
        return variants.computeIfAbsent(inner, this::newVariant);
    }

    private OptimizerKind newVariant(OptimizerKind inner) {
        boolean listed = innerKinds.contains(inner);
        List<ParamSpec> specs = new ArrayList<>();
        own.forEach(h -> specs.add(h.spec()));
        specs.add(innerSpec(inner.id(), listed ? innerKinds.stream().map(OptimizerKind::id).toList() : List.of(inner.id())));
        for (ParamSpec s : inner.params()) {
            specs.add(new ParamSpec(outerName(s.name()), s.symbol(), s.type(), s.defaultValue(), s.sliderMin(),
                    s.sliderMax(), s.scale(), s.choices(), s.help()));
        }
        return new OptimizerKind(id, null, paper, title, rule, specs, p -> build.apply(innerFrom(inner, p), p), List.of(),
                listed ? values -> select(values, inner.id()) : null);
    }

    /** The inner optimizer from a variant's values. */
    private Optimizer innerFrom(OptimizerKind inner, Params p) {
        Map<String, Object> forward = new LinkedHashMap<>();
        for (ParamSpec s : p.specs()) {
            if (!ownNames.contains(s.name())) {
                forward.put(innerName(s.name()), p.get(s.name()));
            }
        }
        return inner.create(forward);
    }

    /** The wrapper's values (read through its declared settings), {@code inner}, then the inner optimizer's. */
    Params hyperparameters(Optimizer wrapper, Optimizer inner) {
        OptimizerKind kind = variant(inner.kind());
        Map<String, Object> values = new LinkedHashMap<>();
        own.forEach(h -> values.put(h.name(), h.valueIn(wrapper)));
        values.put(INNER, inner.kind().id());
        inner.hyperparameters().asMap().forEach((name, value) -> values.put(outerName(name), value));
        return Params.resolve(title, kind.params(), values);
    }

    /**
     * Whether a stored setting is a leftover of the form sessions were written in when a wrapper listed
     * every inner optimizer's settings at once: NaN (which meant "the inner optimizer's default"), or a
     * setting the chosen inner optimizer does not take, at the default every listed optimizer having it
     * shares. Such a value changed nothing then; the reader drops it now.
     *
     * @param values the stored values; {@code inner} among them chooses the inner optimizer
     */
    boolean isUnionLeftover(Map<String, ?> values, String name) {
        Object value = values.get(name);
        if (value == null || isNan(value)) {
            return true;
        }
        if (ownNames.contains(name)) {
            return false;
        }
        OptimizerKind chosen;
        try {
            chosen = select(values);
        } catch (IllegalArgumentException e) {
            return false; // the reader reports the bad inner choice itself
        }
        if (chosen.params().stream().anyMatch(s -> s.name().equals(name))) {
            return false;
        }
        String innerName = innerName(name);
        List<ParamSpec> having = innerKinds.stream().flatMap(k -> k.params().stream())
                .filter(s -> s.name().equals(innerName)).toList();
        if (having.isEmpty()) {
            return false; // a typo: let the reader name it
        }
        for (ParamSpec s : having) {
            Object converted;
            try {
                converted = s.convert(value);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (!same(converted, s.defaultValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNan(Object value) {
        if (value instanceof Number n) {
            return Double.isNaN(n.doubleValue());
        }
        if (value instanceof String s) {
            return s.trim().equalsIgnoreCase("nan");
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty() && l.stream().allMatch(WrapperSettings::isNan);
        }
        if (value instanceof double[] d) {
            return Arrays.stream(d).allMatch(Double::isNaN);
        }
        return false;
    }

    private static boolean same(Object a, Object b) {
        return a instanceof double[] da && b instanceof double[] db ? Arrays.equals(da, db) : Objects.equals(a, b);
    }
}
