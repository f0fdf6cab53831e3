package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;

/**
 * Cosine annealing with warm restarts (SGDR, Loshchilov &amp; Hutter 2017), torch's
 * {@code CosineAnnealingWarmRestarts(T_0, T_mult=1, eta_min=0)}.
 *
 * <p>torch 1.13.1 keeps two counters: T_cur, the steps since the last restart, and T_i, the length of
 * the current cycle. Its initial step sets T_cur = 0, T_i = T_0; each later {@code step()} does
 * <pre>
 *   T_cur ← T_cur + 1;  if T_cur ≥ T_i: T_cur ← T_cur − T_i, T_i ← T_i·T_mult
 * </pre>
 * and every lr, the initial one included, is the closed form of the current cycle:
 * <pre>
 *   lr = η_min + (base − η_min)·(1 + cos(π·T_cur/T_i))/2
 * </pre>
 * This is not recursive. One consequence: step 1 uses η_min + (base − η_min), which can differ from
 * base in the last bit when η_min ≠ 0, exactly as in torch. Cosines use {@link Math#cos}, which matches the C library's on torch's own values (ScheduleRealTorchTest).
 */
public record CosineWarmRestarts(int t0, int tMult, double etaMin) implements Schedule {

    static final Hyper<CosineWarmRestarts, Integer> T_0 = Hyper.integer("T_0", "T_0", 100, 1, 1000,
            "length of the first cycle in steps", CosineWarmRestarts::t0);
    static final Hyper<CosineWarmRestarts, Integer> T_MULT = Hyper.integer("T_mult", "T_mult", 1, 1, 4,
            "factor by which each cycle is longer than the last", CosineWarmRestarts::tMult);
    static final Hyper<CosineWarmRestarts, Double> ETA_MIN = Hyper.real("eta_min", "η_min", 0, 0, 0.1, Scale.LINEAR,
            "minimum learning rate", CosineWarmRestarts::etaMin);

    public static final ScheduleKind KIND = ScheduleKind.of(CosineWarmRestarts.class, "cosine_restarts",
            "CosineAnnealingWarmRestarts",
            "Cosine with warm restarts", "cosine from base to η_min over T_i steps, then restart at base with T_i ← T_mult·T_i",
            p -> new CosineWarmRestarts(T_0.of(p), T_MULT.of(p), ETA_MIN.of(p)), T_0, T_MULT, ETA_MIN);

    public CosineWarmRestarts {
        ScheduleChecks.positiveInt("T_0", t0);
        ScheduleChecks.positiveInt("T_mult", tMult);
        ScheduleChecks.nonNegative("eta_min", etaMin);
    }

    @Override
    public Schedule.State begin(double baseLr) {
        return new State(baseLr);
    }

    @Override
    public String toString() {
        return label();
    }

    /** The position T_cur in the current cycle of length T_i, which a chained rule cannot carry. */
    private final class State implements Schedule.State {
        private final double baseLr;
        private long tCur;
        private long tI;
        private double lr;

        /** torch's initial step: epoch 0 &lt; T_0, so T_i = T_0 and T_cur = 0. */
        State(double baseLr) {
            this.baseLr = baseLr;
            tI = t0;
            lr = etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
        }

        @Override
        public double lr() {
            return lr;
        }

        @Override
        public void step() {
            tCur = tCur + 1;
            if (tCur >= tI) {
                tCur = tCur - tI;
                tI = tI * tMult;
            }
            lr = etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
        }
    }
}
