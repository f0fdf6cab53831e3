package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Ravine, plateau and cliff exist to show one phenomenon each, from their suggested start with
 * their default settings. These runs use plain textbook updates (torch.optim's SGD, heavy-ball
 * momentum, Adam, and gradient-norm clipping), written out here so that the surfaces are checked
 * without the optimizer package.
 */
class DesignedSurfacesTest {

    /** One update rule: moves p given the gradient g at step t (1-based). */
    private interface Rule {
        void step(double[] p, double[] g, int t);
    }

    private static Rule gd(double lr) {
        return (p, g, t) -> {
            p[0] -= lr * g[0];
            p[1] -= lr * g[1];
        };
    }

    private static Rule momentum(double lr, double mu) {
        double[] buf = new double[2];
        return (p, g, t) -> {
            for (int i = 0; i < 2; i++) {
                buf[i] = t == 1 ? g[i] : mu * buf[i] + g[i];
                p[i] -= lr * buf[i];
            }
        };
    }

    private static Rule adam(double lr) {
        double[] m = new double[2];
        double[] v = new double[2];
        return (p, g, t) -> {
            for (int i = 0; i < 2; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double vHat = v[i] / (1 - Math.pow(0.999, t));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        };
    }

    private static Rule clipped(double lr, double maxNorm) {
        return (p, g, t) -> {
            double norm = Math.hypot(g[0], g[1]);
            double scale = norm > maxNorm ? maxNorm / norm : 1;
            p[0] -= lr * scale * g[0];
            p[1] -= lr * scale * g[1];
        };
    }

    /** The trajectory, row t = point after t steps; row 0 is the suggested start. */
    private static double[][] run(Surface s, Rule rule, int steps) {
        double[][] path = new double[steps + 1][];
        double[] p = s.suggestedStart();
        double[] g = new double[2];
        path[0] = p.clone();
        for (int t = 1; t <= steps; t++) {
            s.gradient(p[0], p[1], g, 0);
            rule.step(p, g, t);
            path[t] = p.clone();
        }
        return path;
    }

    private static double last(Surface s, double[][] path) {
        double[] p = path[path.length - 1];
        return s.value(p[0], p[1]);
    }

    private static double longestStep(double[][] path) {
        double longest = 0;
        for (int t = 1; t < path.length; t++) {
            longest = Math.max(longest, Math.hypot(path[t][0] - path[t - 1][0], path[t][1] - path[t - 1][1]));
        }
        return longest;
    }

    @Test
    void ravineMakesGradientDescentZigZagWhileMomentumGlides() {
        Surface s = Surfaces.create("ravine");
        double angle = Math.toRadians(10);
        double[][] gd = run(s, gd(0.019), 100);
        int crossings = 0;
        for (int t = 1; t <= 50; t++) {
            double wBefore = -Math.sin(angle) * gd[t - 1][0] + Math.cos(angle) * gd[t - 1][1];
            double wAfter = -Math.sin(angle) * gd[t][0] + Math.cos(angle) * gd[t][1];
            if (wBefore * wAfter < 0) {
                crossings++;
            }
        }
        assertTrue(crossings >= 45, "gradient descent should cross the floor on almost every step, crossed " + crossings + " of 50");
        assertTrue(last(s, gd) > 1, "gradient descent should still be far up the ravine after 100 steps: f = " + last(s, gd));
        double[][] heavy = run(s, momentum(0.01, 0.9), 100);
        assertTrue(last(s, heavy) < 1e-3, "momentum should reach the minimum in 100 steps: f = " + last(s, heavy));
    }

    @Test
    void plateauLeavesGradientDescentCrawlingWhileAdamAndMomentumCross() {
        Surface s = Surfaces.create("plateau");
        double[][] gd = run(s, gd(0.1), 1000);
        double[] end = gd[1000];
        // from 5 out it covers less than a fifth of the way in 1000 steps
        assertTrue(Math.hypot(end[0], end[1]) > 4, "gradient descent should crawl: after 1000 steps it is at " + end[0] + ", " + end[1]);
        double[][] adam = run(s, adam(0.05), 300);
        assertTrue(last(s, adam) < 1e-6, "Adam should cross and settle within 300 steps: f = " + last(s, adam));
        double[][] heavy = run(s, momentum(0.1, 0.9), 1000);
        assertTrue(last(s, heavy) < 1e-2, "momentum should reach the basin within 1000 steps: f = " + last(s, heavy));
    }

    @Test
    void cliffThrowsGradientDescentFarAwayWhileClippingAndAdamWalkDown() {
        Surface s = Surfaces.create("cliff");
        double[][] gd = run(s, gd(0.1), 150);
        double furthest = 0;
        for (double[] p : gd) {
            furthest = Math.max(furthest, p[0]);
        }
        assertTrue(longestStep(gd) > 5, "one step on the face should be huge: " + longestStep(gd));
        assertTrue(furthest > 5, "gradient descent should be thrown far past the minimum: x reached " + furthest);

        double[][] clip = run(s, clipped(0.1, 1), 150);
        assertTrue(longestStep(clip) <= 0.1 + 1e-12, "clipped steps are at most lr: " + longestStep(clip));
        assertTrue(last(s, clip) < 1e-3, "clipped descent should end in the minimum: f = " + last(s, clip));

        double[][] adam = run(s, adam(0.1), 300);
        assertTrue(longestStep(adam) < 0.5, "Adam's steps stay near lr: " + longestStep(adam));
        assertTrue(last(s, adam) < 1e-2, "Adam should end in the minimum: f = " + last(s, adam));
    }
}
