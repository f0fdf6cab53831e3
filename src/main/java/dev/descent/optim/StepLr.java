package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;

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

    static final Hyper<StepLr, Integer> STEP_SIZE = Hyper.integer("step_size", "s", 100, 1, 1000,
            "number of steps between two decays", StepLr::stepSize);
    static final Hyper<StepLr, Double> GAMMA = Hyper.real("gamma", "γ", 0.1, 0.01, 1, Scale.LINEAR,
            "factor applied at each decay", StepLr::gamma);

    public static final ScheduleKind KIND = ScheduleKind.of(StepLr.class, "step", "StepLR", "Step decay",
            "η ← γ·η every step_size steps",
            p -> new StepLr(STEP_SIZE.of(p), GAMMA.of(p)), STEP_SIZE, GAMMA);

    public StepLr {
        ScheduleChecks.positiveInt("step_size", stepSize);
        ScheduleChecks.positive("gamma", gamma);
    }

    /** torch's initial step (last_epoch 0) keeps the lr. */
    @Override
    public Schedule.State begin(double baseLr) {
        return new Chained(baseLr, (lr, e) -> e % stepSize == 0 ? lr * gamma : lr);
    }

    @Override
    public String toString() {
        return label();
    }
}
