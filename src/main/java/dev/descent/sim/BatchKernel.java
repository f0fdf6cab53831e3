package dev.descent.sim;

import dev.descent.math.BatchedSurface;
import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedule;
import dev.descent.optim.Schedules;
import dev.descent.optim.Stepper;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The batched inner loop of a basin map, callable with JDK types only, so that {@link IsolatedKernel}
 * can run it from a private copy of the optimizer classes. Why: HotSpot compiles an optimizer's
 * coordinate loop from the profile of its first heavy use; after the window has stepped 2-coordinate
 * runs for a while, the same loop runs long batches about three times slower. A second copy of
 * the classes has its own profile, shaped by batches alone.
 */
public final class BatchKernel {

    private BatchKernel() {
    }

    /**
     * Steps {@code n} runs from cell {@code from} as one batch, recording endings as
     * {@link BasinMap#compute} does (ends: point coordinates, tolerance², centre, far-away²).
     *
     * @return false when cancelled
     */
    public static boolean run(String surfaceId, Map<String, Object> surfaceParams, String optimizerId,
                              Map<String, Object> optimizerParams, String scheduleId, Map<String, Object> scheduleParams,
                              double[] px, double[] py, double t2, double cx, double cy, double far2,
                              double[] xs, double[] ys, int[] end, int[] since, int from, int n, int steps, int every,
                              BooleanSupplier stop) {
        Surface surface = Surfaces.create(surfaceId, surfaceParams);
        Optimizer optimizer = Optimizers.find(optimizerId).create(optimizerParams);
        Schedule schedule = Schedules.find(scheduleId).create(scheduleParams);
        return run(surface, optimizer, schedule, px, py, t2, cx, cy, far2, xs, ys, end, since, from, n, steps, every, stop);
    }

    static boolean run(Surface surface, Optimizer optimizer, Schedule schedule, double[] px, double[] py, double t2,
                       double cx, double cy, double far2, double[] xs, double[] ys, int[] end, int[] since, int from, int n,
                       int steps, int every, BooleanSupplier stop) {
        BatchedSurface batch = new BatchedSurface(surface, n);
        double[] theta = new double[2 * n];
        System.arraycopy(xs, from, theta, 0, n);
        System.arraycopy(ys, from, theta, n, n);
        for (int k = 0; k < n; k++) {
            end[from + k] = -1;
            since[from + k] = 0;
        }
        classify(theta, n, from, 0, px, py, t2, cx, cy, far2, end, since);
        Stepper stepper = optimizer.newStepper(2 * n);
        Schedule.State lr = schedule.start(optimizer.lr());
        for (int t = 1; t <= steps; t++) {
            stepper.step(batch, theta, lr.lr());
            lr.step();
            if (t % every == 0 || t == steps) {
                classify(theta, n, from, t, px, py, t2, cx, cy, far2, end, since);
            }
            if ((t & 31) == 0 && stop.getAsBoolean()) {
                return false;
            }
        }
        System.arraycopy(theta, 0, xs, from, n);
        System.arraycopy(theta, n, ys, from, n);
        return true;
    }

    /**
     * {@link MapEnds#classify} for a block, written out for speed: most runs are still at the point
     * they were at, which one distance confirms.
     */
    static void classify(double[] theta, int n, int from, int t, double[] px, double[] py, double t2,
                         double cx, double cy, double far2, int[] end, int[] since) {
        int points = px.length;
        for (int k = 0; k < n; k++) {
            double x = theta[k];
            double y = theta[n + k];
            int was = end[from + k];
            if (was >= 0) {
                double dx = x - px[was];
                double dy = y - py[was];
                if (dx * dx + dy * dy <= t2) {
                    continue;
                }
            }
            int e;
            double fx = x - cx;
            double fy = y - cy;
            if (!(fx * fx + fy * fy <= far2)) {
                e = MapEnds.DIVERGED;
            } else {
                e = MapEnds.NOT_CONVERGED;
                for (int p = 0; p < points; p++) {
                    double dx = x - px[p];
                    double dy = y - py[p];
                    if (dx * dx + dy * dy <= t2) {
                        e = p;
                        break;
                    }
                }
            }
            if (e != was) {
                end[from + k] = e;
                since[from + k] = t;
            }
        }
    }
}
