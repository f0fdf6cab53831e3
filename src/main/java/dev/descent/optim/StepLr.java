package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.List;
import java.util.Map;

/**
 * Step decay, torch's {@code StepLR(step_size, gamma=0.1)}: the learning rate is multiplied by γ every
 * {@code step_size} steps.
 *
 * <p>torch 1.13.1 {@code StepLR.get_lr} is recursive (chainable): with e = {@code last_epoch} after the
 * increment, {@code lr ← lr·γ} if e &gt; 0 and e mod step_size = 0, otherwise lr is kept. Optimizer step t
 * therefore uses base·γ^⌊(t−1)/step_size⌋, computed as a running product rather than with {@code pow}
 * (the two may differ in the last bits).
 */
public record StepLr(int stepSize, double gamma) implements Schedule {

    public static final ScheduleKind KIND = new ScheduleKind("step", "StepLR", "Step decay",
            "η ← γ·η every step_size steps",
            List.of(
                    ParamSpec.integer("step_size", "s", 100, 1, 1000, "number of steps between two decays"),
                    ParamSpec.real("gamma", "γ", 0.1, 0.01, 1, Scale.LINEAR, "factor applied at each decay")),
            p -> new StepLr(p.integer("step_size"), p.real("gamma")));

    public StepLr {
        ScheduleChecks.positiveInt("step_size", stepSize);
        ScheduleChecks.positive("gamma", gamma);
    }

    @Override
    public ScheduleKind kind() {
        return KIND;
    }

    @Override
    public Params parameters() {
        return Params.resolve(KIND.title(), KIND.params(), Map.of("step_size", stepSize, "gamma", gamma));
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
        private long lastEpoch;

        /** torch's initial step: last_epoch 0, get_lr keeps the lr. */
        State(double baseLr) {
            lr = baseLr;
            lastEpoch = 0;
        }

        @Override
        public double lr() {
            return lr;
        }

        @Override
        public void step() {
            lastEpoch++;
            if (lastEpoch % stepSize == 0) {
                lr = lr * gamma;
            }
        }
    }
}
