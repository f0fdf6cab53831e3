package dev.descent.optim;

/**
 * Inverse square-root decay, the Transformer-style "rsqrt" schedule (T5's {@code rsqrt_decay},
 * Raffel et al. 2020: 1/√max(k, warmup)) scaled so that it starts at the base lr (torch has no such class):
 * <pre>
 *   lr = base / √(max(k, warmup) / warmup)  =  base·√(warmup / max(k, warmup))
 * </pre>
 * where k is the number of optimizer steps already taken, so optimizer step t uses k = t − 1. The lr is
 * the base lr for steps 1 … warmup + 1 (a plateau, not a ramp; put a {@code warmup} schedule in front
 * for the ramp of Vaswani et al.'s schedule), then falls as 1/√k: base/2 at k = 4·warmup. Not recursive:
 * each value is computed from k, in the order written above.
 */
public record InverseSqrtDecay(int warmup) implements Schedule {

    static final Hyper<InverseSqrtDecay, Integer> WARMUP = Hyper.integer("warmup", "w", 100, 1, 1000,
            "steps at the base lr before the 1/√t decay", InverseSqrtDecay::warmup);

    public static final ScheduleKind KIND = ScheduleKind.of(InverseSqrtDecay.class, "inverse_sqrt", null,
            "Inverse square-root decay",
            "η = base·√(warmup / max(t, warmup)), t counting from 0", p -> new InverseSqrtDecay(WARMUP.of(p)), WARMUP);

    public InverseSqrtDecay {
        ScheduleChecks.positiveInt("warmup", warmup);
    }

    @Override
    public Schedule.State begin(double baseLr) {
        return new Chained(baseLr, (lr, k) -> baseLr / Math.sqrt((double) Math.max(k, warmup) / warmup));
    }

    @Override
    public String toString() {
        return label();
    }
}
