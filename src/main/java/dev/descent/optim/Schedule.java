package dev.descent.optim;

import dev.descent.math.Params;

/**
 * A learning-rate schedule, with torch's {@code lr_scheduler} semantics: the optimizer's step t
 * (1-based) uses {@link State#lr()}, and {@link State#step()} is called exactly once after every
 * optimizer step. Recursive (chainable) schedules multiply the running lr exactly as torch does, so
 * trajectories match to the last bits.
 */
public interface Schedule {

    ScheduleKind kind();

    Params parameters();

    /**
     * A short legend label in torch's constructor style, e.g. {@code StepLR(step_size=100, gamma=0.5)};
     * implementations return it from {@code toString()} too.
     */
    default String label() {
        return ScheduleChecks.label(kind().torchName() != null ? kind().torchName() : kind().title(), parameters());
    }

    /**
     * A fresh schedule state starting from {@code baseLr} (torch's constructor, including its initial step).
     *
     * @throws IllegalArgumentException if {@code baseLr} is not a finite number &gt; 0
     */
    State start(double baseLr);

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
}
