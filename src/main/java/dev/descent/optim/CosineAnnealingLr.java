package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.List;
import java.util.Map;

/**
 * Cosine annealing (Loshchilov &amp; Hutter 2017, without restarts), torch's
 * {@code CosineAnnealingLR(T_max, eta_min=0)}.
 *
 * <p>Mathematically, optimizer step t uses η_min + (base − η_min)·(1 + cos(π·(t−1)/T_max))/2: the lr
 * falls from base to η_min at step T_max + 1 and, past it, climbs back up with period 2·T_max.
 *
 * <p>torch 1.13.1 does not evaluate that closed form. Its {@code get_lr} is recursive; with
 * e = {@code last_epoch} after the increment and lr the current lr:
 * <pre>
 *   e = 0:                               lr is kept (initial step)
 *   (e − 1 − T_max) mod 2·T_max = 0:     lr ← lr + (base − η_min)·(1 − cos(π/T_max))/2
 *   otherwise:                           lr ← (1 + cos(π·e/T_max)) / (1 + cos(π·(e−1)/T_max))·(lr − η_min) + η_min
 * </pre>
 * The first rule is the step away from the minimum, where the ratio would be 0/0. This class evaluates
 * exactly those expressions in torch's order, so it agrees with torch bit for bit (cosines through {@link Math#cos}, which
 * matches the C library's {@code cos} that Python calls on every value tested against real torch 1.13.1 in
 * {@code ScheduleRealTorchTest}, where fdlibm's {@code StrictMath.cos} was off by an ulp) and with
 * the closed form only to rounding. Step T_max + 1 uses exactly η_min, since 1 + cos(π) = 0.
 */
public record CosineAnnealingLr(int tMax, double etaMin) implements Schedule {

    public static final ScheduleKind KIND = new ScheduleKind("cosine", "CosineAnnealingLR", "Cosine annealing",
            "η from base down to η_min along half a cosine over T_max steps, then back up",
            List.of(
                    ParamSpec.integer("T_max", "T_max", 100, 1, 1000, "steps from the base lr down to eta_min"),
                    ParamSpec.real("eta_min", "η_min", 0, 0, 0.1, Scale.LINEAR, "minimum learning rate")),
            p -> new CosineAnnealingLr(p.integer("T_max"), p.real("eta_min")));

    public CosineAnnealingLr {
        ScheduleChecks.positiveInt("T_max", tMax);
        ScheduleChecks.nonNegative("eta_min", etaMin);
    }

    @Override
    public ScheduleKind kind() {
        return KIND;
    }

    @Override
    public Params parameters() {
        return Params.resolve(KIND.title(), KIND.params(), Map.of("T_max", tMax, "eta_min", etaMin));
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

        /** torch's initial step: last_epoch 0 keeps the lr. */
        State(double baseLr) {
            this.baseLr = baseLr;
            lr = baseLr;
            lastEpoch = 0;
        }

        @Override
        public double lr() {
            return lr;
        }

        @Override
        public void step() {
            long e = ++lastEpoch;
            if (Math.floorMod(e - 1 - tMax, 2L * tMax) == 0) {
                lr = lr + (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            } else {
                lr = (1 + Math.cos(Math.PI * e / tMax)) / (1 + Math.cos(Math.PI * (e - 1) / tMax))
                        * (lr - etaMin) + etaMin;
            }
        }
    }
}
