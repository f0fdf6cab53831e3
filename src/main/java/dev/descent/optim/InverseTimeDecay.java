package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.List;
import java.util.Map;

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

    public static final ScheduleKind KIND = new ScheduleKind("inverse_time", null, "Inverse time decay",
            "η = base / (1 + decay_rate·t/decay_steps), t counting from 0",
            List.of(
                    ParamSpec.real("decay_rate", "r", 1.0, 0.01, 10, Scale.LOG, "how fast the lr falls"),
                    ParamSpec.integer("decay_steps", "s", 100, 1, 1000, "steps after which the denominator has grown by decay_rate"),
                    ParamSpec.bool("staircase", "staircase", false, "decay in discrete jumps every decay_steps steps")),
            p -> new InverseTimeDecay(p.real("decay_rate"), p.integer("decay_steps"), p.bool("staircase")));

    public InverseTimeDecay {
        ScheduleChecks.nonNegative("decay_rate", decayRate);
        ScheduleChecks.positiveInt("decay_steps", decaySteps);
    }

    @Override
    public ScheduleKind kind() {
        return KIND;
    }

    @Override
    public Params parameters() {
        return Params.resolve(KIND.title(), KIND.params(),
                Map.of("decay_rate", decayRate, "decay_steps", decaySteps, "staircase", staircase));
    }

    @Override
    public String label() {
        return ScheduleChecks.label("InverseTimeDecay", parameters());
    }

    @Override
    public Schedule.State start(double baseLr) {
        ScheduleChecks.baseLr(baseLr);
        return new State(baseLr);
    }

    @Override
    public String toString() {
        return label();
    }

    private final class State implements Schedule.State {
        private final double baseLr;
        private long k;
        private double lr;

        State(double baseLr) {
            this.baseLr = baseLr;
            k = 0;
            lr = compute();
        }

        private double compute() {
            double p = (double) k / decaySteps;
            if (staircase) {
                p = Math.floor(p);
            }
            return baseLr / (1 + decayRate * p);
        }

        @Override
        public double lr() {
            return lr;
        }

        @Override
        public void step() {
            k++;
            lr = compute();
        }
    }
}
