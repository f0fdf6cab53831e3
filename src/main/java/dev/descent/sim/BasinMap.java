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
import java.util.concurrent.atomic.AtomicInteger;

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


    /**
     * What a basin map shows: a run's surface, optimizer, schedule, noise and clipping, started from
     * every cell of a {@code cols × rows} grid spanning {@code view} (both ends included).
     *
     * @param checkEvery how often (in steps) each run's ending is checked; 1 gives exact step counts,
     *                   more is cheaper and rounds the counts up to a multiple of it
     */
    public record Request(RunSpec spec, Viewport view, int cols, int rows, int steps, double tolerance, int checkEvery) {

        public Request {
            java.util.Objects.requireNonNull(spec, "spec");
            java.util.Objects.requireNonNull(view, "view");
            if (cols < 1 || rows < 1 || (long) cols * rows > 16_777_216L) {
                throw new IllegalArgumentException("Invalid map size: " + cols + " × " + rows + " (each side at least 1, at most 4096² cells in all)");
            }
            if (steps < 0 || steps > 1_000_000) {
                throw new IllegalArgumentException("Invalid step count for a map: " + steps + " (0 … 1000000)");
            }
            if (checkEvery < 1) {
                throw new IllegalArgumentException("Invalid check interval: " + checkEvery + " (at least 1)");
            }
        }

        public Request(RunSpec spec, Viewport view, int grid, int steps) {
            this(spec, view, grid, grid, steps, MapEnds.DEFAULT_TOLERANCE, 1);
        }

        public Request withSize(int c, int r) {
            return new Request(spec, view, c, r, steps, tolerance, checkEvery);
        }

        /**
         * The window's request: endings checked about 60 times a run, which shades the settling steps
         * finely enough to see and costs a fraction of checking every step.
         */
        public static Request live(RunSpec spec, Viewport view, int cols, int rows, int steps) {
            return new Request(spec, view, cols, rows, steps, MapEnds.DEFAULT_TOLERANCE, Math.max(1, steps / 60));
        }

        /** The start of cell (i, j). */
        public double startX(int i) {
            return gridCoordinate(view.xMin(), view.xMax(), i, cols);
        }

        public double startY(int j) {
            return gridCoordinate(view.yMin(), view.yMax(), j, rows);
        }

        /** Whether runs can be stepped as one flat array: an elementwise optimizer on the bare surface. */
        boolean batchable() {
            return spec.optimizer().isElementwise() && spec.noise().kind() == dev.descent.math.GradientNoise.Kind.NONE
                    && spec.clipNorm() == 0;
        }
    }

    /** Thrown out of {@link #compute} when the caller's cancel flag turned true. */
    public static final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("map cancelled", null, false, false);
        }
    }

    /**
     * Computes a basin map on {@code threads} threads: elementwise optimizers in batches, the others
     * run by run. {@code cancelled} is polled often; once it answers true the computation stops and
     * throws {@link Cancelled}.
     */
    public static MapResult compute(Request req, int threads, java.util.function.BooleanSupplier cancelled) {
        if (threads < 1) {
            throw new IllegalArgumentException("a map needs at least one thread, got " + threads);
        }
        java.util.function.BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        int total = req.cols() * req.rows();
        double[] xs = new double[total];
        double[] ys = new double[total];
        double[] startX = new double[req.cols()];
        for (int i = 0; i < req.cols(); i++) {
            startX[i] = req.startX(i);
        }
        for (int j = 0; j < req.rows(); j++) {
            System.arraycopy(startX, 0, xs, j * req.cols(), req.cols());
            java.util.Arrays.fill(ys, j * req.cols(), (j + 1) * req.cols(), req.startY(j));
        }
        MapEnds ends = MapEnds.of(req.spec().surface().criticalPoints(), req.view(), req.tolerance());
        int[] end = new int[total];
        int[] since = new int[total];
        double[] loss = new double[total];
        Surface surface = req.spec().surface();
        List<Runnable> jobs = new ArrayList<>();
        if (req.batchable()) {
            // one kernel call a thread, each taking blocks until none are left: a call a block made the
            // kernel's entry hot enough for the JIT to compile it again with every loop inlined (half a
            // second of a core, early in a slider drag)
            List<int[]> blocks = blocks(total, BLOCK, threads);
            int[] from = new int[blocks.size()];
            int[] count = new int[blocks.size()];
            for (int b = 0; b < blocks.size(); b++) {
                from[b] = blocks.get(b)[0];
                count[b] = blocks.get(b)[1];
            }
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < Math.min(threads, blocks.size()); t++) {
                jobs.add(() -> trackBlocks(req, ends, xs, ys, end, since, loss, from, count, next, stop));
            }
        } else {
            for (int[] range : blocks(total, 64, threads)) {
                int start = range[0];
                int n = range[1];
                jobs.add(() -> {
                    trackOneByOne(req, ends, xs, ys, end, since, start, n, stop);
                    for (int k = start; k < start + n; k++) {
                        loss[k] = surface.value(xs[k], ys[k]);
                    }
                });
            }
        }
        runAll(jobs, threads, stop);
        return new MapResult(req.cols(), req.rows(), req.steps(), ends, xs, ys, end, since, loss);
    }

    /**
     * The cells cut into jobs of {@code block} (from, count), the last few smaller so that the threads
     * finish together: the cells of the last 2·threads blocks go in quarter blocks.
     */
    static List<int[]> blocks(int total, int block, int threads) {
        List<int[]> out = new ArrayList<>();
        int tail = Math.min(total, 2 * threads * block);
        int from = 0;
        for (; from < total - tail; from += block) {
            out.add(new int[] {from, block});
        }
        int small = Math.max(1, block / 4);
        for (; from < total; from += small) {
            out.add(new int[] {from, Math.min(small, total - from)});
        }
        return out;
    }

    /** Runs the jobs on a pool of daemon threads; rethrows a job's failure or {@link Cancelled}. */
    static void runAll(List<Runnable> jobs, int threads, java.util.function.BooleanSupplier stop) {
        int t = Math.max(1, Math.min(threads, jobs.size()));
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "map");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable job : jobs) {
                futures.add(pool.submit(job));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Cancelled c) {
                throw c;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("map failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (stop.getAsBoolean()) {
            throw new Cancelled();
        }
    }

    /** Steps blocks taken from {@code next} until none are left, in the map kernel's private copy when possible. */
    private static void trackBlocks(Request req, MapEnds ends, double[] xs, double[] ys, int[] end, int[] since,
                                    double[] loss, int[] from, int[] count, AtomicInteger next,
                                    java.util.function.BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            throw new Cancelled();
        }
        int points = ends.points().size();
        double[] px = new double[points];
        double[] py = new double[points];
        for (int p = 0; p < points; p++) {
            px[p] = ends.points().get(p).x();
            py[p] = ends.points().get(p).y();
        }
        RunSpec spec = req.spec();
        boolean done = IsolatedKernel.run(spec.surface(), spec.optimizer(), spec.schedule(), px, py,
                ends.tolerance() * ends.tolerance(), ends.cx(), ends.cy(), ends.farAway() * ends.farAway(), xs, ys, end,
                since, loss, from, count, next, req.steps(), req.checkEvery(), stop);
        if (!done) {
            throw new Cancelled();
        }
    }

    private static void trackOneByOne(Request req, MapEnds ends, double[] xs, double[] ys, int[] end, int[] since,
                                      int from, int n, java.util.function.BooleanSupplier stop) {
        for (int k = from; k < from + n; k++) {
            if (stop.getAsBoolean()) {
                throw new Cancelled();
            }
            track(req.spec().withStart(xs[k], ys[k]), ends, req.steps(), req.checkEvery(), xs, ys, end, since, k);
        }
    }

    /** Steps one run and writes its end point, ending and settling step into cell k. */
    static void track(RunSpec spec, MapEnds ends, int steps, int every, double[] xs, double[] ys, int[] end, int[] since,
                      int k) {
        Run run = new Run(spec);
        int e0 = ends.classify(run.x(), run.y());
        int s0 = 0;
        for (int t = 1; t <= steps; t++) {
            if (!run.step()) {
                break; // non-finite: it stays where it is, diverged
            }
            if (t % every == 0 || t == steps) {
                int e = ends.classify(run.x(), run.y());
                if (e != e0) {
                    e0 = e;
                    s0 = t;
                }
            }
        }
        int e = ends.classify(run.x(), run.y());
        if (e != e0) {
            e0 = e;
            s0 = (int) run.steps();
        }
        end[k] = e0;
        since[k] = s0;
        xs[k] = run.x();
        ys[k] = run.y();
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
