package dev.descent.sim;

import dev.descent.optim.Schedule;
import dev.descent.optim.Stepper;

/**
 * One live run: the spec's optimizer stepping from its start. Mutable, owned by one thread.
 *
 * <p>A step is torch's protocol: the optimizer step with the schedule's current lr, then the
 * schedule's step, then the loss at the new point.
 */
public final class Run {

    private final RunSpec spec;
    private final CountingObjective objective;
    private final Stepper stepper;
    private final Schedule.State schedule;
    private final double[] theta;
    private long step;
    private double loss;
    private double lastLr;
    private double stepLength;

    public Run(RunSpec spec) {
        this(spec, 0);
    }

    /** A run whose step count starts at {@code stepOffset} (a run that goes on with new settings). */
    public Run(RunSpec spec, long stepOffset) {
        this.step = stepOffset;
        this.spec = spec;
        this.objective = CountingObjective.of(spec.objective());
        this.stepper = spec.optimizer().newStepper(2);
        this.schedule = spec.schedule().start(spec.optimizer().lr());
        this.theta = new double[] {spec.x0(), spec.y0()};
        this.loss = spec.surface().value(spec.x0(), spec.y0());
        this.lastLr = Double.NaN;
        this.stepLength = Double.NaN;
    }

    public RunSpec spec() {
        return spec;
    }

    /** Takes one step; returns false (and does nothing) once the run has become non-finite. */
    public boolean step() {
        if (!isFinite()) {
            return false;
        }
        lastLr = schedule.lr();
        stepper.step(objective, theta, lastLr);
        stepLength = stepper.stepLength(lastLr);
        schedule.step();
        step++;
        loss = spec.surface().value(theta[0], theta[1]);
        return true;
    }

    public long steps() {
        return step;
    }

    public double x() {
        return theta[0];
    }

    public double y() {
        return theta[1];
    }

    public double loss() {
        return loss;
    }

    /** The learning rate the last step used (NaN before the first step). */
    public double lastLr() {
        return lastLr;
    }

    /** The step length the last step actually used (the line search's t for line-search methods; NaN before the first step). */
    public double stepLength() {
        return stepLength;
    }

    /** f evaluations the optimizer asked for so far (a gradient call evaluates f too). */
    public long functionEvaluations() {
        return objective.functionEvaluations;
    }

    /** Gradient evaluations the optimizer asked for so far. */
    public long gradientEvaluations() {
        return objective.gradientEvaluations;
    }

    /** Whether position and loss are all finite numbers: a run that is not has diverged. */
    public boolean isFinite() {
        return Double.isFinite(theta[0]) && Double.isFinite(theta[1]) && Double.isFinite(loss);
    }

    public Stepper stepper() {
        return stepper;
    }

    /** The minibatch the last gradient came from, on a surface made from data with minibatches; otherwise null. */
    public dev.descent.math.Sampling sampling() {
        return objective.sampling();
    }
}
