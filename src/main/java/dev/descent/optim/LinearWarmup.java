package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import java.util.List;
import java.util.Map;

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

    public static final ScheduleKind KIND = new ScheduleKind("warmup", null, "Linear warm-up",
            "η = base·min(1, t/warmup) at step t: up from base/warmup to base, then constant",
            List.of(ParamSpec.integer("warmup", "w", 20, 1, 1000, "number of steps to reach the base lr")),
            p -> new LinearWarmup(p.integer("warmup")));

    public LinearWarmup {
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
        return ScheduleChecks.label("LinearWarmup", parameters());
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
        private double lr;
        private long lastEpoch;

        /** torch's initial step: last_epoch 0. */
        State(double baseLr) {
            this.baseLr = baseLr;
            lastEpoch = 0;
            lr = baseLr * lambda(0);
        }

        private double lambda(long epoch) {
            return Math.min(1.0, (double) (epoch + 1) / warmup);
        }

        @Override
        public double lr() {
            return lr;
        }

        @Override
        public void step() {
            if (lastEpoch >= warmup) {
                return; // the factor is 1 from here on: lr stays base
            }
            lastEpoch++;
            lr = baseLr * lambda(lastEpoch);
        }
    }
}
