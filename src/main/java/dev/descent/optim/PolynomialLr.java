package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.List;
import java.util.Map;

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

    public static final ScheduleKind KIND = new ScheduleKind("polynomial", "PolynomialLR", "Polynomial decay",
            "η = base·(1 − t/total_iters)^power, reaching 0 after total_iters steps",
            List.of(
                    ParamSpec.integer("total_iters", "N", 5, 1, 1000, "number of steps until the lr reaches 0"),
                    ParamSpec.real("power", "p", 1.0, 0.1, 5, Scale.LINEAR, "power of the polynomial")),
            p -> new PolynomialLr(p.integer("total_iters"), p.real("power")));

    public PolynomialLr {
        ScheduleChecks.positiveInt("total_iters", totalIters);
        ScheduleChecks.positive("power", power);
    }

    @Override
    public ScheduleKind kind() {
        return KIND;
    }

    @Override
    public Params parameters() {
        return Params.resolve(KIND.title(), KIND.params(), Map.of("total_iters", totalIters, "power", power));
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

        /** torch's initial step: last_epoch 0 keeps the lr. */
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
            if (lastEpoch > totalIters) {
                return; // lr is kept from here on
            }
            long e = ++lastEpoch;
            if (e > totalIters) {
                return;
            }
            double decayFactor = Math.pow((1.0 - (double) e / totalIters) / (1.0 - (double) (e - 1) / totalIters),
                    power);
            lr = lr * decayFactor;
        }
    }
}
