package dev.descent.sim;

import dev.descent.math.BatchedSurface;
import dev.descent.math.CriticalPoint;
import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Schedule;
import dev.descent.optim.Stepper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Where an optimizer ends from every point of a grid: the engine of basin-of-attraction maps.
 *
 * <p>An elementwise optimizer steps blocks of {@value #BLOCK} runs as one flat array over a
 * {@link BatchedSurface} (steps outer, runs inner, each block small enough for the cache), which is
 * bit-identical to running each start alone. Other optimizers step run by run.
 */
public final class BasinMap {

    static final int BLOCK = 1024;

    private BasinMap() {
    }

    /**
     * Final positions of {@code grid × grid} runs whose starts span the viewport with both ends
     * included; run k = j·grid + i starts at (x_i, y_j).
     */
    public record Result(int grid, double[] x, double[] y) {

        /** How many runs ended within {@code radius} of each point, in order. */
        public int[] countNear(List<double[]> points, double radius) {
            int[] counts = new int[points.size()];
            for (int k = 0; k < x.length; k++) {
                for (int m = 0; m < points.size(); m++) {
                    double dx = x[k] - points.get(m)[0];
                    double dy = y[k] - points.get(m)[1];
                    if (Math.sqrt(dx * dx + dy * dy) <= radius) {
                        counts[m]++;
                        break;
                    }
                }
            }
            return counts;
        }
    }

    /** The grid coordinate i of n, with both ends of [lo, hi] included (as numpy.linspace). */
    public static double gridCoordinate(double lo, double hi, int i, int n) {
        if (n == 1) {
            return lo;
        }
        double step = (hi - lo) / (n - 1);
        return i == n - 1 ? hi : lo + i * step;
    }

    public static Result run(Surface surface, Optimizer optimizer, Schedule schedule, Viewport view, int grid, int steps,
                             int threads) {
        if (grid < 1 || steps < 0 || threads < 1) {
            throw new IllegalArgumentException("basin map needs grid >= 1, steps >= 0 and threads >= 1");
        }
        int total = grid * grid;
        double[] xs = new double[total];
        double[] ys = new double[total];
        for (int j = 0; j < grid; j++) {
            for (int i = 0; i < grid; i++) {
                xs[j * grid + i] = gridCoordinate(view.xMin(), view.xMax(), i, grid);
                ys[j * grid + i] = gridCoordinate(view.yMin(), view.yMax(), j, grid);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "basin-map");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int from = 0; from < total; from += BLOCK) {
                int start = from;
                int n = Math.min(BLOCK, total - from);
                jobs.add(pool.submit(() -> {
                    if (optimizer.isElementwise()) {
                        runBlock(surface, optimizer, schedule, xs, ys, start, n, steps);
                    } else {
                        runOneByOne(surface, optimizer, schedule, xs, ys, start, n, steps);
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("basin map interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("basin map failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(grid, xs, ys);
    }

    private static void runBlock(Surface surface, Optimizer optimizer, Schedule schedule, double[] xs, double[] ys,
                                 int from, int n, int steps) {
        BatchedSurface batch = new BatchedSurface(surface, n);
        double[] theta = new double[2 * n];
        System.arraycopy(xs, from, theta, 0, n);
        System.arraycopy(ys, from, theta, n, n);
        Stepper stepper = optimizer.newStepper(2 * n);
        Schedule.State lr = schedule.start(optimizer.lr());
        for (int t = 0; t < steps; t++) {
            stepper.step(batch, theta, lr.lr());
            lr.step();
        }
        System.arraycopy(theta, 0, xs, from, n);
        System.arraycopy(theta, n, ys, from, n);
    }

    private static void runOneByOne(Surface surface, Optimizer optimizer, Schedule schedule, double[] xs, double[] ys,
                                    int from, int n, int steps) {
        for (int k = from; k < from + n; k++) {
            Run run = new Run(new RunSpec(surface, null, optimizer, schedule, xs[k], ys[k]));
            for (int t = 0; t < steps && run.step(); t++) {
                // a run that became non-finite stops where it is
            }
            xs[k] = run.x();
            ys[k] = run.y();
        }
    }

    /** The surface's minima as points. */
    public static List<double[]> minima(Surface surface) {
        List<double[]> out = new ArrayList<>();
        for (CriticalPoint p : surface.criticalPoints()) {
            if (p.isMinimum()) {
                out.add(new double[] {p.x(), p.y()});
            }
        }
        return out;
    }
}
