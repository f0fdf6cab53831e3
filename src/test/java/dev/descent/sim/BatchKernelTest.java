package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The block classifier's shortcuts (the point a run was at, the grid of points) decide as the plain loop. */
class BatchKernelTest {

    /**
     * The rule written plainly (as the kernel had it before its shortcuts): a run still within its
     * point's tolerance stays there; else diverged beyond far, else the first point within the
     * tolerance, else not converged.
     */
    private static int plain(int was, double x, double y, double[] px, double[] py, double t2, double cx, double cy, double far2) {
        if (was >= 0) {
            double dx = x - px[was];
            double dy = y - py[was];
            if (dx * dx + dy * dy <= t2) {
                return was;
            }
        }
        double fx = x - cx;
        double fy = y - cy;
        if (!(fx * fx + fy * fy <= far2)) {
            return MapEnds.DIVERGED;
        }
        for (int p = 0; p < px.length; p++) {
            double dx = x - px[p];
            double dy = y - py[p];
            if (dx * dx + dy * dy <= t2) {
                return p;
            }
        }
        return MapEnds.NOT_CONVERGED;
    }

    @Test
    void positionsOnTheEdgeOfATolerance() {
        SplittableRandom rnd = new SplittableRandom(16);
        // points 0 and 1 closer than a tolerance (both may match: the first wins), 2 far off, 3 alone
        double[] px = {0.5, 0.5 + 0.013, -3, 2.25};
        double[] py = {0.5, 0.5, 4, -1.75};
        double tol = 0.01;
        double t2 = tol * tol;
        int n = 20_000;
        double[] theta = new double[2 * n];
        int[] end = new int[n];
        int[] since = new int[n];
        java.util.Arrays.fill(end, -1);
        BatchKernel.Near near = new BatchKernel.Near(px, py, tol, n);
        for (int t = 0; t < 40; t++) {
            for (int k = 0; k < n; k++) {
                int p = rnd.nextInt(px.length + 1);
                if (p == px.length) {
                    theta[k] = rnd.nextDouble(-60, 60);
                    theta[n + k] = rnd.nextDouble(-60, 60);
                } else {
                    // on the disc's edge give or take a little, in any direction
                    double r = tol * (1 + (rnd.nextDouble() - 0.5) * (rnd.nextBoolean() ? 1e-12 : 0.2));
                    double a = rnd.nextDouble(2 * Math.PI);
                    theta[k] = px[p] + r * Math.cos(a);
                    theta[n + k] = py[p] + r * Math.sin(a);
                }
            }
            int[] was = end.clone();
            BatchKernel.classify(theta, n, 0, t, px, py, t2, 0, 0, 50 * 50, end, since, near);
            for (int k = 0; k < n; k++) {
                assertEquals(plain(was[k], theta[k], theta[n + k], px, py, t2, 0, 0, 50 * 50), end[k], "step " + t + ", run " + k);
                if (end[k] != was[k]) {
                    assertEquals(t, since[k], "a new ending is dated");
                }
            }
        }
    }

    @Test
    void noPointsAtAll() {
        double[] none = {};
        BatchKernel.Near near = new BatchKernel.Near(none, none, 0.01, 2);
        double[] theta = {0, 1e9, 0, 0};
        int[] end = {-1, -1};
        BatchKernel.classify(theta, 2, 0, 1, none, none, 1e-4, 0, 0, 100, end, new int[2], near);
        assertEquals(MapEnds.NOT_CONVERGED, end[0]);
        assertEquals(MapEnds.DIVERGED, end[1]);
    }

    /**
     * Adam with a learning rate so large that v overflows: its batch stepper turns those runs NaN,
     * so the kernel steps the block again with the plain stepper, whose end points it reports.
     */
    @Test
    void blocksWhereTheBatchStepperTurnsNaNAreSteppedAgainPlainly() {
        dev.descent.math.Surface himmelblau = dev.descent.math.Surfaces.create("himmelblau");
        dev.descent.optim.Optimizer adam = dev.descent.optim.Optimizers.find("adam").create(java.util.Map.of("lr", 1e60));
        int n = 50;
        int steps = 40;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] plain = new double[2 * n];
        double[] fast = new double[2 * n];
        for (int k = 0; k < n; k++) {
            xs[k] = plain[k] = fast[k] = -4 + 0.16 * k;
            ys[k] = plain[n + k] = fast[n + k] = 3 - 0.1 * k;
        }
        dev.descent.math.BatchedSurface batch = new dev.descent.math.BatchedSurface(himmelblau, n);
        dev.descent.optim.Stepper p = adam.newStepper(2 * n);
        dev.descent.optim.Stepper f = adam.newBatchStepper(2 * n);
        for (int t = 0; t < steps; t++) {
            p.step(batch, plain, 1e60);
            f.step(batch, fast, 1e60);
        }
        boolean nan = false;
        for (double d : fast) {
            nan |= Double.isNaN(d);
        }
        assertTrue(nan, "the batch stepper alone turns some run NaN here");
        double[] px = {3};
        double[] py = {2};
        int[] end = new int[n];
        int[] since = new int[n];
        assertTrue(BatchKernel.run(himmelblau, adam, dev.descent.optim.Schedules.find("constant").create(java.util.Map.of()),
                px, py, 1e-4, 0, 0, 1e6, xs, ys, end, since, 0, n, steps, 1, () -> false));
        for (int k = 0; k < n; k++) {
            assertEquals(plain[k], xs[k], "x of run " + k);
            assertEquals(plain[n + k], ys[k], "y of run " + k);
            assertTrue(Double.isFinite(xs[k]), "the plain stepper keeps run " + k + " finite (it stops moving)");
        }
    }
}
