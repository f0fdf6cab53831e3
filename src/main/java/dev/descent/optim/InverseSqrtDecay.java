package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import java.util.List;
import java.util.Map;

/**
 * Inverse square-root decay, the Transformer-style "rsqrt" schedule (T5's {@code rsqrt_decay},
 * Raffel et al. 2020: 1/√max(k, warmup)) scaled so that it starts at the base lr (torch has no such class):
 * <pre>
 *   lr = base / √(max(k, warmup) / warmup)  =  base·√(warmup / max(k, warmup))
 * </pre>
 * where k is the number of optimizer steps already taken, so optimizer step t uses k = t − 1. The lr is
 * the base lr for steps 1 … warmup + 1 (a plateau, not a ramp; put a {@code warmup} schedule in front
 * for the ramp of Vaswani et al.'s schedule), then falls as 1/√k: base/2 at k = 4·warmup. Not recursive:
 * each value is computed from k, in the order written above.
 */
public record InverseSqrtDecay(int warmup) implements Schedule {

    public static final ScheduleKind KIND = new ScheduleKind("inverse_sqrt", null, "Inverse square-root decay",
            "η = base·√(warmup / max(t, warmup)), t counting from 0",
            List.of(ParamSpec.integer("warmup", "w", 100, 1, 1000, "steps at the base lr before the 1/√t decay")),
            p -> new InverseSqrtDecay(p.integer("warmup")));

    public InverseSqrtDecay {
        ScheduleChecks.positiveInt("warmup", warmup);
    }

    @Override
    public ScheduleKind kind() {
        return KIND;
    }

    @Override
    public Params parameters() {
        return Params.resolve(KIND.title(), KIND.params(), Map.of("warmup", warmup));
    }

    @Override
    public String label() {
        return ScheduleChecks.label("InverseSqrtDecay", parameters());
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
            lr = baseLr;
        }

        @Override
        public double lr() {
            return lr;
        }

        @Override
        public void step() {
            k++;
            lr = baseLr / Math.sqrt((double) Math.max(k, warmup) / warmup);
        }
    }
}
