package dev.descent.sim;

import dev.descent.math.GradientClip;
import dev.descent.math.GradientNoise;
import dev.descent.math.Objective;
import dev.descent.math.Surface;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Schedule;
import dev.descent.optim.Schedules;
import java.util.Objects;

/**
 * Everything that determines a trajectory: the surface, the gradient noise (with its seed), the
 * optimizer, the learning-rate schedule, the start and gradient clipping ({@code clipNorm} 0 = none).
 * Two equal specs give the same numbers.
 */
public record RunSpec(Surface surface, GradientNoise noise, Optimizer optimizer, Schedule schedule, double x0, double y0,
                      double clipNorm) {

    public RunSpec {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(optimizer, "optimizer");
        noise = noise == null ? GradientNoise.NONE : noise;
        schedule = schedule == null ? Schedules.constant() : schedule;
        if (!Double.isFinite(x0) || !Double.isFinite(y0)) {
            throw new IllegalArgumentException("Invalid start: (" + x0 + ", " + y0 + ") (must be two finite numbers)");
        }
        GradientClip.check(clipNorm);
        optimizer.checkObjective(GradientClip.applyTo(noise.applyTo(surface), clipNorm));
    }

    public RunSpec(Surface surface, GradientNoise noise, Optimizer optimizer, Schedule schedule, double x0, double y0) {
        this(surface, noise, optimizer, schedule, x0, y0, 0);
    }

    public RunSpec(Surface surface, Optimizer optimizer, double x0, double y0) {
        this(surface, GradientNoise.NONE, optimizer, null, x0, y0);
    }

    /**
     * The objective the optimizer sees: the surface through the noise, then clipping. A fresh one per
     * run (the noise has state).
     */
    public Objective objective() {
        return GradientClip.applyTo(noise.applyTo(surface), clipNorm);
    }

    public RunSpec withStart(double x, double y) {
        return new RunSpec(surface, noise, optimizer, schedule, x, y, clipNorm);
    }

    public RunSpec withOptimizer(Optimizer o) {
        return new RunSpec(surface, noise, o, schedule, x0, y0, clipNorm);
    }

    public RunSpec withSchedule(Schedule s) {
        return new RunSpec(surface, noise, optimizer, s, x0, y0, clipNorm);
    }

    public RunSpec withSurface(Surface s) {
        return new RunSpec(s, noise, optimizer, schedule, x0, y0, clipNorm);
    }

    public RunSpec withClipNorm(double c) {
        return new RunSpec(surface, noise, optimizer, schedule, x0, y0, c);
    }

    public RunSpec withNoise(GradientNoise n) {
        return new RunSpec(surface, n, optimizer, schedule, x0, y0, clipNorm);
    }
}
