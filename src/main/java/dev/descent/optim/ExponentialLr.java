package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;

/**
 * Exponential decay, torch's {@code ExponentialLR(gamma)}: the learning rate is multiplied by γ after
 * every step.
 *
 * <p>torch 1.13.1 {@code ExponentialLR.get_lr} is recursive: {@code lr ← lr·γ} for every
 * {@code last_epoch} &gt; 0 (none in the initial step). Optimizer step t therefore uses base·γ^(t−1),
 * computed as a running product, not with {@code pow}; the two differ in the last bits after a few steps.
 */
public record ExponentialLr(double gamma) implements Schedule {

    static final Hyper<ExponentialLr, Double> GAMMA = Hyper.real("gamma", "γ", 0.99, 0.9, 0.9999, Scale.NEAR_ONE,
            "factor applied after every step", ExponentialLr::gamma);

    public static final ScheduleKind KIND = ScheduleKind.of(ExponentialLr.class, "exponential", "ExponentialLR",
            "Exponential decay",
            "η ← γ·η after every step", p -> new ExponentialLr(GAMMA.of(p)), GAMMA);

    public ExponentialLr {
        ScheduleChecks.positive("gamma", gamma);
    }

    /** torch's initial step (last_epoch 0) keeps the lr. */
    @Override
    public Schedule.State begin(double baseLr) {
        return new Chained(baseLr, (lr, e) -> lr * gamma);
    }

    @Override
    public String toString() {
        return label();
    }
}
