package dev.descent.optim;

import dev.descent.math.Params;
import java.util.StringJoiner;

/** Validation and labels shared by the learning-rate schedules. */
final class ScheduleChecks {

    private ScheduleChecks() {
    }

    /** "Invalid T_max: 0 (must be an integer >= 1)". */
    static void positiveInt(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be an integer >= 1)");
        }
    }

    /** "Invalid gamma: -0.5 (must be > 0)"; infinite or NaN values are refused too. */
    static void positive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be > 0)");
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be finite)");
        }
    }

    /** "Invalid eta_min: -1.0 (must be a finite number >= 0)". */
    static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be a finite number >= 0)");
        }
    }

    /** The base learning rate a schedule starts from: the optimizer's lr, a finite number > 0. */
    static void baseLr(double baseLr) {
        Validate.learningRate(baseLr);
    }

    /**
     * A legend label in torch's constructor style: {@code StepLR(step_size=100, gamma=0.5)},
     * {@code MultiStepLR(milestones=[30, 80], gamma=0.1)}; just the name when there are no parameters.
     */
    static String label(String name, Params p) {
        if (p.asMap().isEmpty()) {
            return name;
        }
        StringJoiner j = new StringJoiner(", ", name + "(", ")");
        p.asMap().forEach((k, v) -> j.add(k + "=" + (v instanceof java.util.List<?> l ? l.toString() : Params.format(v))));
        return j.toString();
    }
}
