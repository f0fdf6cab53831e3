package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Objective;
import dev.descent.math.Surfaces;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class StrongWolfeTest {

    /**
     * Along d = −∇f from random points of Rosenbrock's plane and random first trials: the search
     * returns a point no higher than the start (the low end of its bracket never rises), with f and ∇f
     * equal to a fresh evaluation at x + t·d, and, when it ended in fewer than 25 trials at t &gt; 0,
     * satisfying both strong-Wolfe conditions.
     */
    @Property(tries = 300)
    void returnsALowerPointSatisfyingTheStrongWolfeConditions(
            @ForAll @DoubleRange(min = -2, max = 2) double x,
            @ForAll @DoubleRange(min = -1, max = 3) double y,
            @ForAll @DoubleRange(min = -4, max = 1) double log10T0,
            @ForAll boolean lbfgsConstants) {
        double t0 = Math.pow(10, log10T0);
        Objective f = Surfaces.create("rosenbrock");
        double[] theta = {x, y};
        double[] g = new double[2];
        double f0 = f.gradient(theta, g);
        if (Vectors.maxAbs(g) < 1e-6) {
            return;
        }
        double[] d = {-g[0], -g[1]};
        double gtd = Vectors.dot(g, d);
        double c1 = 1e-4;
        double c2 = lbfgsConstants ? 0.9 : 0.1;
        StrongWolfe search = new StrongWolfe(2);
        double fNew = search.search(f, theta, t0, false, d, f0, g, gtd, c1, c2, 1e-9, StrongWolfe.MAX_LS);
        double t = search.t();
        assertTrue(fNew <= f0, "f rose from " + f0 + " to " + fNew);
        double[] p = {Math.fma(t, d[0], x), Math.fma(t, d[1], y)};
        double[] gp = new double[2];
        assertEquals(f.gradient(p, gp), fNew, 0.0);
        assertEquals(gp[0], g[0], 0.0);
        assertEquals(gp[1], g[1], 0.0);
        assertEquals(x, theta[0], 0.0, "the start must not be modified");
        if (search.evaluations() < StrongWolfe.MAX_LS && t > 0) {
            assertTrue(fNew <= f0 + c1 * t * gtd, "Armijo fails at t = " + t);
            assertTrue(Math.abs(Vectors.dot(g, d)) <= -c2 * gtd, "curvature fails at t = " + t);
        }
    }
}
