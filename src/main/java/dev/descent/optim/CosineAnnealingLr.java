package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;

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

    static final Hyper<CosineAnnealingLr, Integer> T_MAX = Hyper.integer("T_max", "T_max", 100, 1, 1000,
            "steps from the base lr down to eta_min", CosineAnnealingLr::tMax);
    static final Hyper<CosineAnnealingLr, Double> ETA_MIN = Hyper.real("eta_min", "η_min", 0, 0, 0.1, Scale.LINEAR,
            "minimum learning rate", CosineAnnealingLr::etaMin);

    public static final ScheduleKind KIND = ScheduleKind.of(CosineAnnealingLr.class, "cosine", "CosineAnnealingLR",
            "Cosine annealing",
            "η from base down to η_min along half a cosine over T_max steps, then back up",
            p -> new CosineAnnealingLr(T_MAX.of(p), ETA_MIN.of(p)), T_MAX, ETA_MIN);

    public CosineAnnealingLr {
        ScheduleChecks.positiveInt("T_max", tMax);
        ScheduleChecks.nonNegative("eta_min", etaMin);
    }

    /** torch's initial step (last_epoch 0) keeps the lr. */
    @Override
    public Schedule.State begin(double baseLr) {
        return new Chained(baseLr, (lr, e) -> Math.floorMod(e - 1 - tMax, 2L * tMax) == 0
                ? lr + (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2
                : (1 + Math.cos(Math.PI * e / tMax)) / (1 + Math.cos(Math.PI * (e - 1) / tMax)) * (lr - etaMin) + etaMin);
    }

    @Override
    public String toString() {
        return label();
    }
}
