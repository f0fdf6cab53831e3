package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;

/**
 * Polynomial decay to zero, torch's {@code PolynomialLR(total_iters=5, power=1.0)}.
 *
 * <p>Mathematically, optimizer step t uses base·(1 − min(total_iters, t−1)/total_iters)^power, which
 * reaches 0 at step total_iters + 1 and stays there. torch 1.13.1's {@code get_lr} is recursive instead;
 * with e = {@code last_epoch} and N = total_iters:
 * <pre>
 *   e = 0 or e &gt; N:  lr is kept
 *   otherwise:       lr ← lr·((1 − e/N) / (1 − (e − 1)/N))^power
 * </pre>
 * The decay factor is the ratio of consecutive closed-form terms, so the running product equals the
 * closed form only up to rounding. This class evaluates torch's expressions in torch's order, with
 * {@link Math#pow} for Python's {@code **}, which matches the C library's {@code pow} on torch's own
 * values (ScheduleRealTorchTest) where {@code StrictMath.pow} was off by an ulp.
 */
public record PolynomialLr(int totalIters, double power) implements Schedule {

    static final Hyper<PolynomialLr, Integer> TOTAL_ITERS = Hyper.integer("total_iters", "N", 5, 1, 1000,
            "number of steps until the lr reaches 0", PolynomialLr::totalIters);
    static final Hyper<PolynomialLr, Double> POWER = Hyper.real("power", "p", 1.0, 0.1, 5, Scale.LINEAR,
            "power of the polynomial", PolynomialLr::power);

    public static final ScheduleKind KIND = ScheduleKind.of(PolynomialLr.class, "polynomial", "PolynomialLR",
            "Polynomial decay",
            "η = base·(1 − t/total_iters)^power, reaching 0 after total_iters steps",
            p -> new PolynomialLr(TOTAL_ITERS.of(p), POWER.of(p)), TOTAL_ITERS, POWER);

    public PolynomialLr {
        ScheduleChecks.positiveInt("total_iters", totalIters);
        ScheduleChecks.positive("power", power);
    }

    /** torch's initial step (last_epoch 0) keeps the lr; past total_iters it is kept too. */
    @Override
    public Schedule.State begin(double baseLr) {
        return new Chained(baseLr, (lr, e) -> e > totalIters ? lr
                : lr * Math.pow((1.0 - (double) e / totalIters) / (1.0 - (double) (e - 1) / totalIters), power));
    }

    @Override
    public String toString() {
        return label();
    }
}
