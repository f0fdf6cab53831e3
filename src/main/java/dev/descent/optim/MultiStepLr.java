package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.List;
import java.util.Map;

/**
 * Decay at milestones, torch's {@code MultiStepLR(milestones, gamma=0.1)}: the learning rate is
 * multiplied by γ once the step count reaches each milestone.
 *
 * <p>torch 1.13.1 {@code MultiStepLR.get_lr} is recursive: with e = {@code last_epoch} after the
 * increment, {@code lr ← lr·γ^count(e)} when e is a milestone ({@code milestones} is a {@code Counter}),
 * otherwise lr is kept. Optimizer step t therefore uses base·γ^(number of milestones ≤ t−1), as a running
 * product. A milestone 0 applies γ in torch's initial step already, so step 1 uses base·γ.
 *
 * <p>Descent requires strictly increasing milestones, so every count is 1 and γ^1 = γ exactly. torch
 * also accepts unsorted and repeated milestones (a repeated one applies γ^k at once); write those as
 * distinct milestones or a smaller γ.
 */
public record MultiStepLr(List<Integer> milestones, double gamma) implements Schedule {

    public static final ScheduleKind KIND = new ScheduleKind("multistep", "MultiStepLR", "Multi-step decay",
            "η ← γ·η at each milestone step",
            List.of(
                    ParamSpec.intList("milestones", "milestones", List.of(100, 200), 0, 1000,
                            "increasing step counts at which the lr is multiplied by γ, e.g. 30,80"),
                    ParamSpec.real("gamma", "γ", 0.1, 0.01, 1, Scale.LINEAR, "factor applied at each milestone")),
            p -> new MultiStepLr(p.intList("milestones"), p.real("gamma")));

    public MultiStepLr {
        if (milestones == null || milestones.isEmpty()) {
            throw new IllegalArgumentException("milestones must list at least one step, got " + milestones);
        }
        milestones = List.copyOf(milestones);
        int previous = -1;
        for (int m : milestones) {
            if (m < 0) {
                throw new IllegalArgumentException("milestones must not be negative, got " + milestones);
            }
            if (m <= previous) {
                throw new IllegalArgumentException("milestones must be increasing, got " + milestones);
            }
            previous = m;
        }
        ScheduleChecks.positive("gamma", gamma);
    }

    @Override
    public ScheduleKind kind() {
        return KIND;
    }

    @Override
    public Params parameters() {
        return Params.resolve(KIND.title(), KIND.params(), Map.of("milestones", milestones, "gamma", gamma));
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
        private final int[] at = milestones.stream().mapToInt(Integer::intValue).toArray();
        private double lr;
        private long lastEpoch;
        /** Index of the next milestone not yet reached. */
        private int next;

        /** torch's initial step: last_epoch 0, which is a milestone only if milestones starts with 0. */
        State(double baseLr) {
            lr = baseLr;
            lastEpoch = 0;
            advance();
        }

        private void advance() {
            if (next < at.length && at[next] == lastEpoch) {
                lr = lr * gamma;
                next++;
            }
        }

        @Override
        public double lr() {
            return lr;
        }

        @Override
        public void step() {
            lastEpoch++;
            advance();
        }
    }
}
