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
import java.util.concurrent.atomic.AtomicInteger;
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
     * Steps blocks of runs, block b being {@code count[b]} runs from cell {@code from[b]}, taking the
     * next block from {@code next} until none are left (the threads of a map share it); records
     * endings as {@link BasinMap#compute} does (ends: point coordinates, tolerance², centre,
     * far-away²) and each end point's loss.
     *
     * @return false when cancelled
     */
    public static boolean run(String surfaceId, Map<String, Object> surfaceParams, String optimizerId,
                              Map<String, Object> optimizerParams, String scheduleId, Map<String, Object> scheduleParams,
                              double[] px, double[] py, double t2, double cx, double cy, double far2,
                              double[] xs, double[] ys, int[] end, int[] since, double[] loss, int[] from, int[] count,
                              AtomicInteger next, int steps, int every, BooleanSupplier stop) {
        Built b = built;
        if (b == null || !b.same(surfaceId, surfaceParams, optimizerId, optimizerParams, scheduleId, scheduleParams)) {
            b = new Built(surfaceId, surfaceParams, optimizerId, optimizerParams, scheduleId, scheduleParams,
                    Surfaces.create(surfaceId, surfaceParams), Optimizers.find(optimizerId).create(optimizerParams),
                    Schedules.find(scheduleId).create(scheduleParams));
            built = b;
        }
        return run(b.surface, b.optimizer, b.schedule, px, py, t2, cx, cy, far2, xs, ys, end, since, loss, from, count,
                next, steps, every, stop);
    }

    static boolean run(Surface surface, Optimizer optimizer, Schedule schedule, double[] px, double[] py, double t2,
                       double cx, double cy, double far2, double[] xs, double[] ys, int[] end, int[] since, double[] loss,
                       int[] from, int[] count, AtomicInteger next, int steps, int every, BooleanSupplier stop) {
        for (int b = next.getAndIncrement(); b < from.length; b = next.getAndIncrement()) {
            if (!run(surface, optimizer, schedule, px, py, t2, cx, cy, far2, xs, ys, end, since, from[b], count[b], steps,
                    every, stop)) {
                return false;
            }
            for (int k = from[b]; k < from[b] + count[b]; k++) {
                loss[k] = surface.value(xs[k], ys[k]);
            }
        }
        return true;
    }

    /** The last map's surface, optimizer and schedule, rebuilt only when their ids or parameters change. */
    private record Built(String surfaceId, Map<String, Object> surfaceParams, String optimizerId,
                         Map<String, Object> optimizerParams, String scheduleId, Map<String, Object> scheduleParams,
                         Surface surface, Optimizer optimizer, Schedule schedule) {

        boolean same(String sid, Map<String, Object> sp, String oid, Map<String, Object> op, String kid,
                     Map<String, Object> kp) {
            // parameters holding arrays compare by identity, so such maps are rebuilt: slower, never wrong
            return surfaceId.equals(sid) && surfaceParams.equals(sp) && optimizerId.equals(oid)
                    && optimizerParams.equals(op) && scheduleId.equals(kid) && scheduleParams.equals(kp);
        }
    }

    private static volatile Built built;

    /** A block's arrays, kept for the next block of the same size on the same surface (a map has dozens). */
    private static final class Workspace {
        final BatchedSurface batch;
        final double[] theta;
        final double[] atX;
        final double[] atY;

        Workspace(Surface surface, int n) {
            batch = new BatchedSurface(surface, n);
            theta = new double[2 * n];
            atX = new double[n];
            atY = new double[n];
        }
    }

    private static final java.util.concurrent.ConcurrentLinkedQueue<Workspace> SPARE =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private static Workspace workspace(Surface surface, int n) {
        for (Workspace w : SPARE) {
            if (w.batch.surface() == surface && w.batch.runs() == n && SPARE.remove(w)) {
                return w;
            }
        }
        if (SPARE.size() > 8) {
            SPARE.clear(); // another surface's or size's: let them go
        }
        return new Workspace(surface, n);
    }

    static boolean run(Surface surface, Optimizer optimizer, Schedule schedule, double[] px, double[] py, double t2,
                       double cx, double cy, double far2, double[] xs, double[] ys, int[] end, int[] since, int from, int n,
                       int steps, int every, BooleanSupplier stop) {
        Workspace ws = workspace(surface, n);
        BatchedSurface batch = ws.batch;
        double[] theta = ws.theta;
        // the optimizer's batch stepper when it has one (Adam: without the divider), checked below
        Stepper fast = optimizer.newBatchStepper(2 * n);
        Stepper first = fast != null ? fast : optimizer.newStepper(2 * n);
        if (!run(batch, first, schedule, optimizer.lr(), theta, ws, px, py, t2, cx, cy, far2, xs, ys, end, since, from, n,
                steps, every, stop)) {
            return false;
        }
        if (fast != null && anyNaN(theta)) {
            // a run turned NaN, maybe where the plain stepper keeps it finite: the block again, plainly
            if (!run(batch, optimizer.newStepper(2 * n), schedule, optimizer.lr(), theta, ws, px, py, t2, cx, cy, far2, xs,
                    ys, end, since, from, n, steps, every, stop)) {
                return false;
            }
        }
        System.arraycopy(theta, 0, xs, from, n);
        System.arraycopy(theta, n, ys, from, n);
        SPARE.offer(ws);
        return true;
    }

    private static boolean anyNaN(double[] a) {
        for (double d : a) {
            if (d != d) {
                return true;
            }
        }
        return false;
    }

    /** Steps the block from its starts (xs, ys, which it leaves alone) with {@code stepper}; theta ends at the end points. */
    private static boolean run(BatchedSurface batch, Stepper stepper, Schedule schedule, double lr0, double[] theta,
                               Workspace ws, double[] px, double[] py, double t2, double cx, double cy, double far2, double[] xs,
                               double[] ys, int[] end, int[] since, int from, int n, int steps, int every,
                               BooleanSupplier stop) {
        Near near = new Near(Grid.of(px, py, Math.sqrt(t2)), ws.atX, ws.atY);
        System.arraycopy(xs, from, theta, 0, n);
        System.arraycopy(ys, from, theta, n, n);
        for (int k = 0; k < n; k++) {
            end[from + k] = -1;
            since[from + k] = 0;
        }
        classify(theta, n, from, 0, px, py, t2, cx, cy, far2, end, since, near);
        Schedule.State lr = schedule.start(lr0);
        for (int t = 1; t <= steps; t++) {
            stepper.step(batch, theta, lr.lr());
            lr.step();
            if (t % every == 0 || t == steps) {
                classify(theta, n, from, t, px, py, t2, cx, cy, far2, end, since, near);
            }
            if ((t & 31) == 0 && stop.getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link MapEnds#classify} for a block, written out for speed: most runs are still at the point
     * they were at, which one distance confirms; a run at no point asks {@code near} which point it
     * could be at (one distance, rather than one per point).
     */
    static void classify(double[] theta, int n, int from, int t, double[] px, double[] py, double t2,
                         double cx, double cy, double far2, int[] end, int[] since, Near near) {
        int points = px.length;
        double[] atX = near.atX;
        double[] atY = near.atY;
        for (int k = 0; k < n; k++) {
            double x = theta[k];
            double y = theta[n + k];
            // the point the run was at (NaN when at none: the test fails)
            double sx = x - atX[k];
            double sy = y - atY[k];
            if (sx * sx + sy * sy <= t2) {
                continue;
            }
            int was = end[from + k];
            int e;
            double fx = x - cx;
            double fy = y - cy;
            if (!(fx * fx + fy * fy <= far2)) {
                e = MapEnds.DIVERGED;
            } else {
                e = MapEnds.NOT_CONVERGED;
                int c = near.candidate(x, y);
                if (c >= 0) {
                    double dx = x - px[c];
                    double dy = y - py[c];
                    if (dx * dx + dy * dy <= t2) {
                        e = c;
                    }
                } else if (c == Near.MANY) {
                    for (int p = 0; p < points; p++) {
                        double dx = x - px[p];
                        double dy = y - py[p];
                        if (dx * dx + dy * dy <= t2) {
                            e = p;
                            break;
                        }
                    }
                }
            }
            atX[k] = e >= 0 ? px[e] : Double.NaN;
            atY[k] = e >= 0 ? py[e] : Double.NaN;
            if (e != was) {
                end[from + k] = e;
                since[from + k] = t;
            }
        }
    }

    /**
     * Where the runs of a block are, and a coarse grid over the points: for each cell, the one point whose tolerance disc may reach
     * into it, {@link #NONE} or {@link #MANY} (then every point is tried, first match wins, as in
     * {@link MapEnds#classify}). Discs are marked a cell wider on every side than they are, so
     * rounding in the cell lookup never hides a point: the answer is the loop's, bit for bit.
     */
    static final class Near {
        static final int NONE = -1;
        static final int MANY = -2;
        private final Grid grid;
        /** Each run's point (its coordinates), NaN while it is at none. */
        final double[] atX;
        final double[] atY;

        Near(double[] px, double[] py, double tol, int runs) {
            this(Grid.of(px, py, tol), new double[runs], new double[runs]);
        }

        private Near(Grid grid, double[] atX, double[] atY) {
            this.grid = grid;
            this.atX = atX;
            this.atY = atY;
            java.util.Arrays.fill(atX, Double.NaN);
            java.util.Arrays.fill(atY, Double.NaN);
        }

        /** The one point that may be within the tolerance of (x, y), {@link #NONE} or {@link #MANY}. */
        int candidate(double x, double y) {
            Grid g = grid;
            if (g.inv == 0) {
                return g.cell[0];
            }
            double fx = (x - g.x0) * g.inv;
            double fy = (y - g.y0) * g.inv;
            if (!(fx >= 0 && fx < g.nx && fy >= 0 && fy < g.ny)) {
                return NONE;
            }
            return g.cell[(int) fy * g.nx + (int) fx];
        }
    }

    /** The grid of {@link Near}, which depends only on the points and the tolerance: made once a map, not once a block. */
    private static final class Grid {
        private static final int SIDE = 64;
        private static volatile Grid last;
        private final double[] px;
        private final double[] py;
        private final double tol;
        private final double x0;
        private final double y0;
        private final double inv;
        private final int nx;
        private final int ny;
        private final int[] cell;

        static Grid of(double[] px, double[] py, double tol) {
            Grid g = last;
            if (g != null && java.util.Arrays.equals(g.px, px) && java.util.Arrays.equals(g.py, py)
                    && Double.compare(g.tol, tol) == 0) {
                return g;
            }
            g = new Grid(px.clone(), py.clone(), tol);
            last = g;
            return g;
        }

        private Grid(double[] px, double[] py, double tol) {
            this.px = px;
            this.py = py;
            this.tol = tol;
            double xmin = Double.POSITIVE_INFINITY;
            double xmax = Double.NEGATIVE_INFINITY;
            double ymin = Double.POSITIVE_INFINITY;
            double ymax = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < px.length; p++) {
                xmin = Math.min(xmin, px[p] - tol);
                xmax = Math.max(xmax, px[p] + tol);
                ymin = Math.min(ymin, py[p] - tol);
                ymax = Math.max(ymax, py[p] + tol);
            }
            double w = Math.max(xmax - xmin, ymax - ymin);
            if (px.length == 0 || !(w > 0) || !Double.isFinite(w)) {
                // no points (or none that a grid can hold): every lookup tries them all
                x0 = y0 = 0;
                inv = 0;
                nx = ny = 1;
                cell = new int[] {px.length == 0 ? Near.NONE : Near.MANY};
                return;
            }
            double h = w / SIDE;
            x0 = xmin - 2 * h;
            y0 = ymin - 2 * h;
            inv = 1 / h;
            nx = (int) Math.ceil((xmax - x0) * inv) + 3;
            ny = (int) Math.ceil((ymax - y0) * inv) + 3;
            cell = new int[nx * ny];
            java.util.Arrays.fill(cell, Near.NONE);
            for (int p = 0; p < px.length; p++) {
                int i0 = Math.max(0, (int) Math.floor((px[p] - tol - x0) * inv) - 1);
                int i1 = Math.min(nx - 1, (int) Math.floor((px[p] + tol - x0) * inv) + 1);
                int j0 = Math.max(0, (int) Math.floor((py[p] - tol - y0) * inv) - 1);
                int j1 = Math.min(ny - 1, (int) Math.floor((py[p] + tol - y0) * inv) + 1);
                for (int j = j0; j <= j1; j++) {
                    for (int i = i0; i <= i1; i++) {
                        int c = cell[j * nx + i];
                        cell[j * nx + i] = c == Near.NONE ? p : Near.MANY;
                    }
                }
            }
        }
    }
}
