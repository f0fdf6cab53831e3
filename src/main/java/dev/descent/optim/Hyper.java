package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One hyperparameter of optimizers (or schedules) of type {@code O}, declared once: its {@link ParamSpec} (name as
 * torch spells it, lecture symbol, type, default, slider bounds, help) and how to read its value
 * back from an optimizer. An optimizer declares its hyperparameters as constants and builds its
 * {@link OptimizerKind} from them ({@link OptimizerKind#of}); the spec list ({@code list}, the side
 * panel), the factory ({@code LR.of(p)}) and {@link Optimizer#hyperparameters()} all come from
 * those constants, so a name is typed once and a misspelt constant does not compile.
 *
 * <p>The common ones ({@link #lr}, {@link #betas}, {@link #eps}, {@link #weightDecay},
 * {@link #maximize}) carry torch's names, symbols and slider ranges; only their defaults and help
 * differ between optimizers.
 *
 * @param <O> the optimizer the value is read from
 * @param <T> the value's type: Double, Integer, Boolean, double[] (pairs), String (choices)
 */
public final class Hyper<O, T> {

    private final ParamSpec spec;
    private final Function<O, T> read;

    private Hyper(ParamSpec spec, Function<O, T> read) {
        this.spec = spec;
        this.read = read;
    }

    public ParamSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** The default, typed (a copy for a pair). */
    @SuppressWarnings("unchecked")
    public T def() {
        return (T) (spec.defaultValue() instanceof double[] d ? d.clone() : spec.defaultValue());
    }

    /** This hyperparameter's value among resolved values (a copy for a pair). */
    @SuppressWarnings("unchecked")
    public T of(Params p) {
        Object v = p.get(spec.name());
        return (T) (v instanceof double[] d ? d.clone() : v);
    }

    /**
     * Refuses a value outside a choice's declared choices: "Invalid damping: identity (marquardt or levenberg)".
     *
     * @throws IllegalArgumentException for a value not among the choices
     */
    public void requireChoice(Object value) {
        List<String> choices = spec.choices();
        if (!choices.contains(value)) {
            int last = choices.size() - 1;
            String listed = String.join(", ", choices.subList(0, last)) + " or " + choices.get(last);
            throw new IllegalArgumentException("Invalid " + name() + ": " + value + " (" + listed + ")");
        }
    }

    /** A pair's first element ({@code β₁} of {@code betas}). */
    public double first(Params p) {
        return p.pair(spec.name())[0];
    }

    /** A pair's second element. */
    public double second(Params p) {
        return p.pair(spec.name())[1];
    }

    /** The value an optimizer (or schedule) of this kind holds. */
    @SuppressWarnings("unchecked")
    Object valueIn(Object o) {
        return read.apply((O) o);
    }

    public static <O> Hyper<O, Double> real(String name, String symbol, double def, double lo, double hi, Scale scale,
                                            String help, Function<O, Double> read) {
        return new Hyper<>(ParamSpec.real(name, symbol, def, lo, hi, scale, help), read);
    }

    public static <O> Hyper<O, Integer> integer(String name, String symbol, int def, int lo, int hi, String help,
                                                Function<O, Integer> read) {
        return new Hyper<>(ParamSpec.integer(name, symbol, def, lo, hi, help), read);
    }

    public static <O> Hyper<O, Boolean> bool(String name, String symbol, boolean def, String help,
                                             Function<O, Boolean> read) {
        return new Hyper<>(ParamSpec.bool(name, symbol, def, help), read);
    }

    public static <O> Hyper<O, String> choice(String name, String symbol, String def, List<String> choices, String help,
                                              Function<O, String> read) {
        return new Hyper<>(ParamSpec.choice(name, symbol, def, choices, help), read);
    }

    /** A list of whole numbers such as MultiStepLR's {@code milestones}. */
    public static <O> Hyper<O, List<Integer>> intList(String name, String symbol, List<Integer> def, int lo, int hi,
                                                      String help, Function<O, List<Integer>> read) {
        return new Hyper<>(ParamSpec.intList(name, symbol, def, lo, hi, help), read);
    }

    /** A pair such as torch's {@code betas}, held by the optimizer as two numbers. */
    public static <O> Hyper<O, double[]> pair(String name, String symbol, double first, double second, double lo,
                                              double hi, Scale scale, String help, ToDoubleFunction<O> readFirst,
                                              ToDoubleFunction<O> readSecond) {
        return new Hyper<>(ParamSpec.pair(name, symbol, first, second, lo, hi, scale, help),
                o -> new double[] {readFirst.applyAsDouble(o), readSecond.applyAsDouble(o)});
    }

    /** {@code lr} (η), on a log slider from {@code lo} to {@code hi}. */
    public static <O> Hyper<O, Double> lr(double def, double lo, double hi, String help, Function<O, Double> read) {
        return real("lr", "η", def, lo, hi, Scale.LOG, help, read);
    }

    /** {@code lr} (η), on a log slider from 1e-5 to {@code hi}. */
    public static <O> Hyper<O, Double> lr(double def, double hi, String help, Function<O, Double> read) {
        return lr(def, 1e-5, hi, help, read);
    }

    /** {@code lr} (η) with the help "learning rate", on a log slider from 1e-5 to 1. */
    public static <O> Hyper<O, Double> lr(double def, Function<O, Double> read) {
        return lr(def, 1, "learning rate", read);
    }

    /** {@code betas} (β₁, β₂), on a slider fine near 1. */
    public static <O> Hyper<O, double[]> betas(double beta1, double beta2, String help, ToDoubleFunction<O> readFirst,
                                               ToDoubleFunction<O> readSecond) {
        return pair("betas", "β", beta1, beta2, 0, 0.9999, Scale.NEAR_ONE, help, readFirst, readSecond);
    }

    /** {@code eps} (ε), on a log slider from 1e-12 to 1. */
    public static <O> Hyper<O, Double> eps(double def, String help, Function<O, Double> read) {
        return real("eps", "ε", def, 1e-12, 1, Scale.LOG, help, read);
    }

    /** {@code momentum}, on a slider fine near 1, from 0 to {@code hi}. */
    public static <O> Hyper<O, Double> momentum(double def, String symbol, double hi, String help,
                                                Function<O, Double> read) {
        return real("momentum", symbol, def, 0, hi, Scale.NEAR_ONE, help, read);
    }

    /** {@code weight_decay} (λ), from 0 to 1. */
    public static <O> Hyper<O, Double> weightDecay(double def, String help, Function<O, Double> read) {
        return weightDecay(def, "λ", help, read);
    }

    private static <O> Hyper<O, Double> weightDecay(double def, String symbol, String help, Function<O, Double> read) {
        return real("weight_decay", symbol, def, 0, 1, Scale.LINEAR, help, read);
    }

    /** {@code weight_decay} = 0, coupled: "L2 penalty added to the gradient". */
    public static <O> Hyper<O, Double> l2(Function<O, Double> read) {
        return l2("λ", read);
    }

    /** {@link #l2} under another symbol, where λ already names a setting of the optimizer (ASGD's lambd). */
    public static <O> Hyper<O, Double> l2(String symbol, Function<O, Double> read) {
        return weightDecay(0, symbol, "L2 penalty added to the gradient", read);
    }

    /** {@code maximize}, off. */
    public static <O> Hyper<O, Boolean> maximize(Function<O, Boolean> read) {
        return bool("maximize", "maximize", false, "maximise f instead of minimising it", read);
    }
}
