package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.List;
import java.util.Map;

/**
 * Exponential decay, torch's {@code ExponentialLR(gamma)}: the learning rate is multiplied by γ after
 * every step.
 *
 * <p>torch 1.13.1 {@code ExponentialLR.get_lr} is recursive: {@code lr ← lr·γ} for every
 * {@code last_epoch} &gt; 0 (none in the initial step). Optimizer step t therefore uses base·γ^(t−1),
 * computed as a running product, not with {@code pow}; the two differ in the last bits after a few steps.
 */
public record ExponentialLr(double gamma) implements Schedule {

    public static final ScheduleKind KIND = new ScheduleKind("exponential", "ExponentialLR", "Exponential decay",
            "η ← γ·η after every step",
            List.of(ParamSpec.real("gamma", "γ", 0.99, 0.9, 0.9999, Scale.NEAR_ONE, "factor applied after every step")),
            p -> new ExponentialLr(p.real("gamma")));

    public ExponentialLr {
        ScheduleChecks.positive("gamma", gamma);
    }

    @Override
    public ScheduleKind kind() {
        return KIND;
    }

    @Override
    public Params parameters() {
        return Params.resolve(KIND.title(), KIND.params(), Map.of("gamma", gamma));
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
        private double lr;

        /** torch's initial step: last_epoch 0 keeps the lr. */
        State(double baseLr) {
            lr = baseLr;
        }

        @Override
        public double lr() {
            return lr;
        }

        @Override
        public void step() {
            lr = lr * gamma;
        }
    }
}
