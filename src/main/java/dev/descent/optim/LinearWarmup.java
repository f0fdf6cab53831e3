package dev.descent.optim;

/**
 * Linear warm-up, as torch's {@code LambdaLR(lr_lambda=lambda epoch: min(1.0, (epoch + 1) / warmup))}
 * (the golden files' {@code "lambda": "linear_warmup"}): the lr climbs linearly from base/warmup to base
 * over the first {@code warmup} steps and then stays at base.
 *
 * <p>torch's {@code LambdaLR.get_lr} is not recursive: lr = base·lr_lambda(e) with e = {@code last_epoch},
 * so optimizer step t uses base·min(1, t/warmup); step 1 already uses base/warmup. The quotient
 * (e+1)/warmup is Python's true division of two integers, one correctly rounded division as here.
 */
public record LinearWarmup(int warmup) implements Schedule {

    /** torch's lambda, as written in the golden files' {@code lr_lambda_expr}. */
    public static final String LAMBDA_EXPR = "min(1.0, (epoch + 1) / warmup)";

    static final Hyper<LinearWarmup, Integer> WARMUP = Hyper.integer("warmup", "w", 20, 1, 1000,
            "number of steps to reach the base lr", LinearWarmup::warmup);

    public static final ScheduleKind KIND = ScheduleKind.of(LinearWarmup.class, "warmup", null, "Linear warm-up",
            "η = base·min(1, t/warmup) at step t: up from base/warmup to base, then constant",
            p -> new LinearWarmup(WARMUP.of(p)), WARMUP);

    public LinearWarmup {
        ScheduleChecks.positiveInt("warmup", warmup);
    }

    /** torch's LambdaLR: lr = base·λ(last_epoch), from last_epoch 0; λ is 1 from epoch warmup − 1 on. */
    @Override
    public Schedule.State begin(double baseLr) {
        return new Chained(baseLr * lambda(0), (lr, e) -> baseLr * lambda(e));
    }

    private double lambda(long epoch) {
        return Math.min(1.0, (double) (epoch + 1) / warmup);
    }

    @Override
    public String toString() {
        return label();
    }
}
