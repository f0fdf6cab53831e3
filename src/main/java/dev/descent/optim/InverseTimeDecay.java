package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;

/**
 * Inverse time decay, with the semantics of Keras's
 * {@code tf.keras.optimizers.schedules.InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate, staircase)}
 * (torch has no such class):
 * <pre>
 *   p  = k / decay_steps            (⌊k / decay_steps⌋ with staircase)
 *   lr = base / (1 + decay_rate·p)
 * </pre>
 * where k is the number of optimizer steps already taken (Keras's {@code optimizer.iterations}, 0 for the
 * first step), so optimizer step t uses k = t − 1. Evaluated in double precision, in Keras's order,
 * not recursively. Keras computes in the dtype of its learning rate, usually float32.
 */
public record InverseTimeDecay(double decayRate, int decaySteps, boolean staircase) implements Schedule {

    static final Hyper<InverseTimeDecay, Double> DECAY_RATE = Hyper.real("decay_rate", "r", 1.0, 0.01, 10, Scale.LOG,
            "how fast the lr falls", InverseTimeDecay::decayRate);
    static final Hyper<InverseTimeDecay, Integer> DECAY_STEPS = Hyper.integer("decay_steps", "s", 100, 1, 1000,
            "steps after which the denominator has grown by decay_rate", InverseTimeDecay::decaySteps);
    static final Hyper<InverseTimeDecay, Boolean> STAIRCASE = Hyper.bool("staircase", "staircase", false,
            "decay in discrete jumps every decay_steps steps", InverseTimeDecay::staircase);

    public static final ScheduleKind KIND = ScheduleKind.of(InverseTimeDecay.class, "inverse_time", null,
            "Inverse time decay",
            "η = base / (1 + decay_rate·t/decay_steps), t counting from 0",
            p -> new InverseTimeDecay(DECAY_RATE.of(p), DECAY_STEPS.of(p), STAIRCASE.of(p)), DECAY_RATE, DECAY_STEPS,
            STAIRCASE);

    public InverseTimeDecay {
        ScheduleChecks.nonNegative("decay_rate", decayRate);
        ScheduleChecks.positiveInt("decay_steps", decaySteps);
    }

    @Override
    public Schedule.State begin(double baseLr) {
        return new Chained(at(baseLr, 0), (lr, k) -> at(baseLr, k));
    }

    private double at(double baseLr, long k) {
        double p = (double) k / decaySteps;
        if (staircase) {
            p = Math.floor(p);
        }
        return baseLr / (1 + decayRate * p);
    }

    @Override
    public String toString() {
        return label();
    }
}
