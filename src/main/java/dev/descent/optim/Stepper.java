package dev.descent.optim;

import dev.descent.math.Objective;
import java.util.List;

/**
 * The mutable state of one optimizer on one run (or one batch of runs), owned by the simulation
 * thread. Stepping does not allocate.
 */
public interface Stepper {

    /**
     * Takes one optimizer step: evaluates f's gradient (and, as the method needs, its value,
     * Hessian or line-search points) and moves {@code theta} in place.
     *
     * @param f     the objective. Not modified.
     * @param theta the parameters. Modified.
     * @param lr    this step's learning rate (the base lr, or what the schedule says now)
     */
    void step(Objective f, double[] theta, double lr);

    /**
     * The step length the last step actually used: the scheduled lr for most optimizers, the line
     * search's t for line-search methods (whose lr is only the first trial).
     *
     * @param lr the lr the last step was given
     */
    default double stepLength(double lr) {
        return lr;
    }

    /** Number of steps taken so far. */
    long steps();

    /**
     * The quantities this optimizer exposes after each step, per coordinate (e.g. grad, m, v, m_hat,
     * v_hat, effective_lr). The list is fixed for the stepper's life; reading a probe computes its
     * current values.
     */
    List<Probe> probes();

    /**
     * The vectors worth drawing as arrows after each step, with their roles, read from
     * {@link #probes()} (or from the move itself). Fixed for the stepper's life. None by default.
     */
    default List<RoleVector> vectors() {
        return List.of();
    }

    /**
     * The update rule as a short list of lines in lecture notation, with placeholders for the numbers
     * (see {@link WorkedLine}); the worked-step panel and {@code explain} fill them. Fixed for the
     * stepper's life. By default one line per probe, which every optimizer improves on by stating its rule.
     */
    default List<WorkedLine> workedStep() {
        List<WorkedLine> lines = new java.util.ArrayList<>();
        for (Probe p : probes()) {
            lines.add(new WorkedLine(p.symbol(), p.description(), "", p.name(), ""));
        }
        lines.add(WorkedLine.move("delta"));
        return lines;
    }

    /**
     * The classical stability bound of this method on a quadratic bowl, when it has one (gradient
     * descent, heavy-ball momentum); null otherwise. The curvature overlay draws it as a gauge.
     */
    default StabilityBound stabilityBound() {
        return null;
    }
}
