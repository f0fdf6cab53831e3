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

    /** Where each optimizer without a torch.optim class comes from: the paper (or textbook) it follows. */
    private static final Map<String, String> PAPERS = Map.ofEntries(
            Map.entry("signsgd", "Bernstein et al. 2018"),
            Map.entry("signum", "Bernstein et al. 2018"),
            Map.entry("lion", "Chen et al. 2023"),
            Map.entry("adabelief", "Zhuang et al. 2020"),
            Map.entry("yogi", "Zaheer et al. 2018"),
            Map.entry("schedule_free_adamw", "Defazio et al. 2024"),
            Map.entry("qhm", "Ma & Yarats 2019"),
            Map.entry("qhadam", "Ma & Yarats 2019"),
            Map.entry("lookahead", "Zhang et al. 2019"),
            Map.entry("sam", "Foret et al. 2021"),
            Map.entry("newton", "Nocedal & Wright 2006, ch. 3"),
            Map.entry("levenberg_marquardt", "Levenberg 1944, Marquardt 1963"),
            Map.entry("cg", "Fletcher & Reeves 1964, Polak & Ribière 1969"),
            Map.entry("bfgs", "Broyden, Fletcher, Goldfarb & Shanno 1970"));

    private Optimizers() {
    }

    /**
     * Where an optimizer comes from, for listings: {@code torch.optim.Adam} for torch's, else the paper,
     * e.g. {@code Chen et al. 2023}; empty for an optimizer this registry does not know.
     */
    public static String source(OptimizerKind kind) {
        // QHM and QHAdam carry a class-style name for look-ups, but torch.optim has no such class
        String paper = PAPERS.get(kind.id());
        if (paper != null) {
            return paper;
        }
        return kind.torchName() != null ? "torch.optim." + kind.torchName() : "";
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
