package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;

/**
 * Linear ramp of the lr factor, torch's {@code LinearLR(start_factor=1/3, end_factor=1.0, total_iters=5)}:
 * the factor moves linearly from start_factor to end_factor over total_iters steps and then stays.
 *
 * <p>Mathematically, optimizer step t uses base·(s + (e_f − s)·min(total_iters, t−1)/total_iters)
 * (s = start_factor, e_f = end_factor). torch 1.13.1's {@code get_lr} is recursive instead; with
 * e = {@code last_epoch} and N = total_iters:
 * <pre>
 *   e = 0:      lr ← lr·s                                   (initial step)
 *   e &gt; N:      lr is kept
 *   otherwise:  lr ← lr·(1 + (e_f − s) / (N·s + (e − 1)·(e_f − s)))
 * </pre>
 * The factor is the ratio of two consecutive closed-form factors, so the running product equals the
 * closed form only up to rounding. This class evaluates torch's expressions in torch's order.
 *
 * <p>Note: for a decreasing ramp the last factor cancels (N·s + (N−1)(e_f − s) is e_f computed the long
 * way), so the final lr is base·e_f only to within rounding of N·s·ε relative to base. With end_factor 0
 * it is not exactly 0 and may be a tiny negative number: LinearLR(1/3, 0, 5) from lr 1 ends at
 * −1.48e−17, in torch as here.
 */
public record LinearLr(double startFactor, double endFactor, int totalIters) implements Schedule {

    static final Hyper<LinearLr, Double> START_FACTOR = Hyper.real("start_factor", "s", 1.0 / 3, 0.01, 1, Scale.LINEAR,
            "factor of the first step, in (0, 1]", LinearLr::startFactor);
    static final Hyper<LinearLr, Double> END_FACTOR = Hyper.real("end_factor", "e", 1.0, 0, 1, Scale.LINEAR,
            "factor after total_iters steps, in [0, 1]", LinearLr::endFactor);
    static final Hyper<LinearLr, Integer> TOTAL_ITERS = Hyper.integer("total_iters", "N", 5, 1, 1000,
            "number of steps over which the factor moves", LinearLr::totalIters);

    public static final ScheduleKind KIND = ScheduleKind.of(LinearLr.class, "linear", "LinearLR", "Linear ramp",
            "η = base·factor, the factor moving linearly from start_factor to end_factor over total_iters steps",
            p -> new LinearLr(START_FACTOR.of(p), END_FACTOR.of(p), TOTAL_ITERS.of(p)), START_FACTOR, END_FACTOR,
            TOTAL_ITERS);

    public LinearLr {
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("Invalid start_factor: " + Validate.repr(startFactor) + " (must be in (0, 1])");
        }
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new IllegalArgumentException("Invalid end_factor: " + Validate.repr(endFactor) + " (must be in [0, 1])");
        }
        ScheduleChecks.positiveInt("total_iters", totalIters);
    }

    /** torch's initial step (last_epoch 0): lr ← lr·start_factor; past total_iters the lr is kept. */
    @Override
    public Schedule.State begin(double baseLr) {
        return new Chained(baseLr * startFactor, (lr, e) -> e > totalIters ? lr
                : lr * (1. + (endFactor - startFactor) / (totalIters * startFactor + (e - 1) * (endFactor - startFactor))));
    }

    @Override
    public String toString() {
        return label();
    }
}
