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
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The settings of an optimizer that wraps another ({@link Lookahead}, {@link Sam}): its own settings,
 * an {@code inner} choice, and every setting of every inner kind passed through under its own name
 * (a name the wrapper itself uses gets the prefix {@code inner_}). A pass-through setting whose
 * default differs between the inner kinds has NaN as its default, meaning "the inner optimizer's own".
 */
final class WrapperSettings {

    private static final String PREFIX = "inner_";

    private final String title;
    private final BiFunction<String, List<String>, List<ParamSpec>> own;
    private final List<OptimizerKind> innerKinds;
    private final String defaultInner;
    private final Set<String> ownNames;

    /**
     * @param title        the wrapper's title, for messages
     * @param own          the wrapper's own settings given the inner default and choices, {@code inner} among them
     * @param innerKinds   the optimizers {@code inner} can name, in menu order
     * @param defaultInner the id of the default inner kind
     */
    WrapperSettings(String title, BiFunction<String, List<String>, List<ParamSpec>> own, List<OptimizerKind> innerKinds,
                    String defaultInner) {
        this.title = title;
        this.own = own;
        this.innerKinds = List.copyOf(innerKinds);
        this.defaultInner = defaultInner;
        this.ownNames = own.apply(defaultInner, List.of(defaultInner)).stream().map(ParamSpec::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    String outerName(String innerName) {
        return ownNames.contains(innerName) ? PREFIX + innerName : innerName;
    }

    String innerName(String outerName) {
        return outerName.startsWith(PREFIX) && ownNames.contains(outerName.substring(PREFIX.length()))
                ? outerName.substring(PREFIX.length()) : outerName;
    }

    boolean isOwn(String name) {
        return ownNames.contains(name);
    }

    /** The wrapper's own settings, then the union of the inner kinds' settings (the default inner's first). */
    List<ParamSpec> unionSpecs() {
        List<OptimizerKind> order = new ArrayList<>();
        innerKinds.stream().filter(kk -> kk.id().equals(defaultInner)).forEach(order::add);
        innerKinds.stream().filter(kk -> !kk.id().equals(defaultInner)).forEach(order::add);
        Map<String, List<ParamSpec>> byName = new LinkedHashMap<>();
        Map<String, List<String>> users = new LinkedHashMap<>();
        for (OptimizerKind kind : order) {
            for (ParamSpec s : kind.params()) {
                byName.computeIfAbsent(outerName(s.name()), n -> new ArrayList<>()).add(s);
                users.computeIfAbsent(outerName(s.name()), n -> new ArrayList<>()).add(kind.id());
            }
        }
        List<ParamSpec> specs = new ArrayList<>(own.apply(defaultInner,
                innerKinds.stream().map(OptimizerKind::id).toList()));
        byName.forEach((name, group) -> specs.add(merge(name, group, users.get(name))));
        return specs;
    }

    /**
     * One pass-through setting for a name several inner kinds share: their common default, or NaN when
     * they differ; the widest slider range; the help text most of them use, and who uses it.
     */
    private ParamSpec merge(String name, List<ParamSpec> group, List<String> users) {
        ParamSpec first = group.get(0);
        boolean agree = true;
        double lo = first.sliderMin();
        double hi = first.sliderMax();
        Map<String, Integer> helps = new LinkedHashMap<>();
        for (ParamSpec s : group) {
            if (s.type() != first.type() || !s.choices().equals(first.choices())) {
                throw new IllegalStateException(title + " cannot pass " + name + " through: its inner optimizers give it different types");
            }
            agree &= same(s.defaultValue(), first.defaultValue());
            lo = Math.min(lo, s.sliderMin());
            hi = Math.max(hi, s.sliderMax());
            helps.merge(s.help(), 1, Integer::sum);
        }
        String help = helps.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()
                + " (inner: " + (users.size() == innerKinds.size() ? "all" : String.join(", ", users));
        if (agree) {
            return new ParamSpec(name, first.symbol(), first.type(), first.defaultValue(), lo, hi, first.scale(),
                    first.choices(), help + ")");
        }
        Object unset = switch (first.type()) {
            case REAL -> Double.NaN;
            case PAIR -> new double[] {Double.NaN, Double.NaN};
            default -> throw new IllegalStateException(title + " cannot pass " + name
                    + " through: its inner optimizers give it different defaults");
        };
        return new ParamSpec(name, first.symbol(), first.type(), unset, lo, hi, first.scale(), first.choices(),
                help + "; NaN = the inner optimizer's default)");
    }

    static boolean same(Object a, Object b) {
        return a instanceof double[] da && b instanceof double[] db ? Arrays.equals(da, db) : Objects.equals(a, b);
    }

    private static boolean has(OptimizerKind kind, String name) {
        return kind.params().stream().anyMatch(s -> s.name().equals(name));
    }

    OptimizerKind innerKind(String id) {
        return innerKinds.stream().filter(kk -> kk.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(title + " cannot wrap '" + id + "'"));
    }

    /** Builds the inner optimizer from the union's values: every pass-through setting that is set goes to the chosen kind. */
    Optimizer innerFromUnion(Params p) {
        OptimizerKind kind = innerKind(p.choice("inner"));
        Map<String, Object> forward = new LinkedHashMap<>();
        for (ParamSpec s : p.specs()) {
            if (isOwn(s.name())) {
                continue;
            }
            Object value = p.get(s.name());
            if (same(value, s.defaultValue())) {
                continue;
            }
            String name = innerName(s.name());
            if (!has(kind, name)) {
                throw new IllegalArgumentException(title + "'s inner optimizer " + kind.title() + " has no hyperparameter "
                        + s.name() + "; it takes " + kind.params().stream().map(ParamSpec::name)
                        .map(this::outerName).collect(Collectors.joining(", ")));
            }
            forward.put(name, value);
        }
        return kind.create(forward);
    }

    /**
     * The wrapper around one given kind: its own settings (inner = that kind's id, the only choice), then
     * the kind's settings with their own defaults (renamed as in the union).
     */
    List<ParamSpec> specsFor(OptimizerKind inner) {
        List<ParamSpec> specs = new ArrayList<>(own.apply(inner.id(), List.of(inner.id())));
        for (ParamSpec s : inner.params()) {
            specs.add(new ParamSpec(outerName(s.name()), s.symbol(), s.type(), s.defaultValue(), s.sliderMin(),
                    s.sliderMax(), s.scale(), s.choices(), s.help()));
        }
        return specs;
    }

    /** The inner optimizer from the values of {@link #specsFor}. */
    Optimizer innerFor(OptimizerKind inner, Params p) {
        Map<String, Object> forward = new LinkedHashMap<>();
        for (ParamSpec s : p.specs()) {
            if (!isOwn(s.name())) {
                forward.put(innerName(s.name()), p.get(s.name()));
            }
        }
        return inner.create(forward);
    }

    /**
     * The wrapper's values followed by the inner optimizer's. Through the union kind, a value equal to the
     * inner kind's default is reported unset (its default there), so switching {@code inner} keeps what
     * was changed and lets the rest follow the new inner kind.
     */
    Params hyperparameters(Map<String, Object> ownValues, Optimizer inner, OptimizerKind kind) {
        OptimizerKind innerKind = inner.kind();
        boolean listed = innerKinds.contains(innerKind);
        Map<String, Object> values = new LinkedHashMap<>(ownValues);
        values.put("inner", innerKind.id());
        for (Map.Entry<String, Object> e : inner.hyperparameters().asMap().entrySet()) {
            if (listed && same(e.getValue(), innerKind.param(e.getKey()).defaultValue())) {
                continue;
            }
            values.put(outerName(e.getKey()), e.getValue());
        }
        return Params.resolve(kind.title(), kind.params(), values);
    }
}
