package dev.descent.optim;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Every optimizer Descent has, in menu order. */
public final class Optimizers {

    private static final List<OptimizerKind> ALL = List.of(
            Sgd.KIND,
            Adagrad.KIND, RmsProp.KIND, Adadelta.KIND, Adam.KIND, AdamW.KIND, Adamax.KIND, NAdam.KIND, RAdam.KIND,
            Rprop.KIND, Asgd.KIND, SignSgd.KIND, Signum.KIND, Lion.KIND, AdaBelief.KIND, Yogi.KIND,
            ScheduleFreeAdamW.KIND,
            Qhm.KIND, QhAdam.KIND, Lookahead.KIND, Sam.KIND,
            Newton.KIND, LevenbergMarquardt.KIND, ConjugateGradient.KIND, Bfgs.KIND, Lbfgs.KIND
    );

    private Optimizers() {
    }

    public static List<OptimizerKind> all() {
        return ALL;
    }

    /**
     * Finds an optimizer by its id or torch class name, ignoring case ("adam", "Adam", "lbfgs", "LBFGS").
     *
     * @throws IllegalArgumentException listing the known ids
     */
    public static OptimizerKind find(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (OptimizerKind k : ALL) {
            if (k.id().equals(key) || k.torchName() != null && k.torchName().toLowerCase(Locale.ROOT).equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown optimizer '" + name + "'; known: "
                + ALL.stream().map(OptimizerKind::id).collect(Collectors.joining(", ")));
    }
}
