package dev.descent.optim;

import dev.descent.math.Params;

/**
 * A learning-rate schedule, with torch's {@code lr_scheduler} semantics: the optimizer's step t
 * (1-based) uses {@link State#lr()}, and {@link State#step()} is called exactly once after every
 * optimizer step. Recursive (chainable) schedules multiply the running lr exactly as torch does, so
 * trajectories match to the last bits.
 */
public interface Schedule {

    /** The schedule's family: by default the kind its class declared with {@link ScheduleKind#of}. */
    default ScheduleKind kind() {
        return ScheduleKind.ofType(getClass());
    }

    /** The parameter values, read through the kind's declared parameters. */
    default Params parameters() {
        return kind().valuesOf(this);
    }

    /**
     * A short legend label in torch's constructor style, e.g. {@code StepLR(step_size=100, gamma=0.5)}:
     * torch's class name, or for a schedule torch does not have, this class's own name
     * ({@code LinearWarmup(warmup=20)}); implementations return it from {@code toString()} too.
     */
    default String label() {
        return ScheduleChecks.label(kind().torchName() != null ? kind().torchName() : getClass().getSimpleName(), parameters());
    }

    /**
     * A fresh schedule state starting from {@code baseLr} (torch's constructor, including its initial step).
     *
     * @throws IllegalArgumentException if {@code baseLr} is not a finite number &gt; 0
     */
    default State start(double baseLr) {
        ScheduleChecks.baseLr(baseLr);
        return begin(baseLr);
    }

    /** The state after torch's constructor, from a base learning rate already checked. */
    State begin(double baseLr);

    /**
     * The running schedule of one run. Mutable, owned by the simulation thread; {@link #step()} does
     * not allocate.
     */
    interface State {
        /** The learning rate for the next optimizer step. */
        double lr();

        /** Called once after every optimizer step. */
        void step();
    }

    /** How a chained schedule moves: the next lr from the current one and the new {@code last_epoch}. */
    @FunctionalInterface
    interface Rule {
        double next(double lr, long epoch);
    }

    /**
     * torch's state of most schedules, written once: the lr of the next step and {@code last_epoch}; each
     * step increments the epoch and applies the rule. A closed-form schedule's rule ignores the lr.
     * Allocation-free.
     */
    final class Chained implements State {
        private final Rule rule;
        private double lr;
        private long epoch;

        /** @param first the lr after torch's initial step (epoch 0) */
        public Chained(double first, Rule rule) {
            this.lr = first;
            this.rule = rule;
        }

        @Override
        public double lr() {
            return lr;
        }

        @Override
        public void step() {
            lr = rule.next(lr, ++epoch);
        }
    }
}
