package dev.descent.optim;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /**
     * For a session reader: whether a stored setting of a wrapper run (Lookahead, SAM) is a leftover of
     * the form written when a wrapper listed every inner optimizer's settings: NaN for "the inner
     * optimizer's default", or a setting the chosen inner optimizer does not take, at its common default.
     * Dropping it changes nothing the run did. False for any other optimizer.
     *
     * @param values the run's stored hyperparameters (its {@code inner} among them). Not modified.
     */
    public static boolean isUnionLeftover(String optimizer, Map<String, ?> values, String name) {
        String id = optimizer.trim().toLowerCase(Locale.ROOT);
        WrapperSettings w = id.equals(Lookahead.KIND.id()) ? Lookahead.SETTINGS
                : id.equals(Sam.KIND.id()) ? Sam.SETTINGS : null;
        return w != null && w.isUnionLeftover(values, name);
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
        return Registered.find(ALL, "optimizer", name);
    }
}
