package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Quadratic;
import dev.descent.math.Viewport;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class LevelsTest {

    @Property(tries = 300)
    void linearLevelsAreStrictlyIncreasingInsideTheRange(@ForAll @DoubleRange(min = -1e6, max = 1e6) @Scale(12) double lo,
            @ForAll @DoubleRange(min = 1e-9, max = 1e6) @Scale(12) double span, @ForAll @IntRange(min = 1, max = 200) int n) {
        Levels l = Levels.linear(lo, lo + span, n);
        assertEquals(n, l.count());
        assertStrictlyIncreasing(l.values());
        assertTrue(l.value(0) >= l.lower() && l.value(n - 1) <= l.upper());
        if (span > 1e-6 * Math.abs(lo)) {
            assertTrue(l.value(0) >= lo && l.value(n - 1) <= lo + span);
        }
    }

    @Property(tries = 300)
    void logLevelsAreStrictlyIncreasingForAnyMinimum(@ForAll @DoubleRange(min = -1e4, max = 1e4) @Scale(12) double fmin,
            @ForAll @DoubleRange(min = 1e-6, max = 1e8) @Scale(12) double span, @ForAll @IntRange(min = 1, max = 200) int n) {
        Levels l = Levels.logFor(fmin, fmin + span, n);
        assertTrue(l.isLog());
        assertStrictlyIncreasing(l.values());
        assertTrue(l.value(0) > l.origin(), "levels lie above the origin");
        assertTrue(l.value(n - 1) <= fmin + span * (1 + 1e-12));
    }

    @Test
    void logLevelsOfAPositiveFieldArePowersWithAConstantRatio() {
        Levels l = Levels.log(1e-3, 1e3, 0, 29);
        assertEquals(0, l.origin());
        double ratio = l.value(1) / l.value(0);
        for (int k = 1; k < l.count(); k++) {
            assertEquals(ratio, l.value(k) / l.value(k - 1), 1e-9 * ratio);
        }
        // 6 decades split into 30 bands
        assertEquals(Math.pow(10, 6.0 / 30), ratio, 1e-9);
        assertEquals(1e-3 * ratio, l.value(0), 1e-12);
    }

    @Test
    void aMinimumAtOrBelowZeroIsOffset() {
        Levels l = Levels.logFor(-78.3, 250, 20);
        assertTrue(l.origin() < -78.3);
        assertTrue(l.value(0) > -78.3);
        double ratio = (l.value(1) - l.origin()) / (l.value(0) - l.origin());
        for (int k = 1; k < l.count(); k++) {
            assertEquals(ratio, (l.value(k) - l.origin()) / (l.value(k - 1) - l.origin()), 1e-9 * ratio);
        }
        Levels zero = Levels.logFor(0, 100, 10);
        assertTrue(zero.origin() < 0 && zero.value(0) > 0);
    }

    @Test
    void autoPicksLogForRosenbrockAndLinearForTheQuadratic() {
        var rosen = dev.descent.math.Surfaces.create("rosenbrock");
        ScalarField r = ScalarField.of(rosen, rosen.defaultViewport(), 300, 300);
        assertTrue(Levels.prefersLog(r));
        assertTrue(Levels.of(r, Levels.Mode.AUTO, 20).isLog());

        var quad = new Quadratic(1, 10, 0);
        ScalarField q = ScalarField.of(quad, quad.defaultViewport(), 300, 300);
        assertFalse(Levels.prefersLog(q));
        assertFalse(Levels.of(q, Levels.Mode.AUTO, 20).isLog());
        // forced modes are obeyed
        assertTrue(Levels.of(q, Levels.Mode.LOG, 20).isLog());
        assertFalse(Levels.of(r, Levels.Mode.LINEAR, 20).isLog());
    }

    @Test
    void zoomedRosenbrockViewsStayLog() {
        var rosen = dev.descent.math.Surfaces.create("rosenbrock");
        for (Viewport v : new Viewport[] {new Viewport(-1.5, 1.5, -0.5, 2), new Viewport(0, 2, 0, 2), new Viewport(-3, 3, -3, 6)}) {
            assertTrue(Levels.prefersLog(ScalarField.of(rosen, v, 200, 200)), v.toString());
        }
    }

    @Property(tries = 200)
    void bandCountsTheLevelsAtOrBelow(@ForAll @DoubleRange(min = -50, max = 50) @Scale(12) double fmin,
            @ForAll @DoubleRange(min = 1e-3, max = 1e5) @Scale(12) double span, @ForAll @IntRange(min = 1, max = 60) int n,
            @ForAll boolean log) {
        Levels l = log ? Levels.logFor(fmin, fmin + span, n) : Levels.linear(fmin, fmin + span, n);
        java.util.Random rnd = new java.util.Random(n * 31L + (long) (span * 1000));
        for (int i = 0; i < 200; i++) {
            double f = fmin - span * 0.1 + rnd.nextDouble() * span * 1.2;
            assertEquals(bruteBand(l, f), l.band(f), "f=" + f);
        }
        for (int k = 0; k < n; k++) {
            double v = l.value(k);
            for (double f : new double[] {v, Math.nextUp(v), Math.nextDown(v)}) {
                assertEquals(bruteBand(l, f), l.band(f), "at level " + k + ": f=" + f);
            }
        }
    }

    @Test
    void bandEdgeCases() {
        Levels l = Levels.linear(0, 10, 9);
        assertEquals(-1, l.band(Double.NaN));
        assertEquals(0, l.band(Double.NEGATIVE_INFINITY));
        assertEquals(9, l.band(Double.POSITIVE_INFINITY));
        assertEquals(10, l.bandCount());
        Levels g = Levels.log(1, 100, 0, 5);
        assertEquals(0, g.band(-5));
        assertEquals(5, g.band(Double.POSITIVE_INFINITY));
    }

    @Test
    void degenerateAndBadInput() {
        Levels flat = Levels.linear(5, 5, 4);
        assertStrictlyIncreasing(flat.values());
        assertThrows(IllegalArgumentException.class, () -> Levels.linear(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Levels.linear(Double.NaN, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Levels.log(0, 1, 0, 3));
        ScalarField nan = ScalarField.of(new Viewport(0, 1, 0, 1), 2, 2, new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        assertEquals(3, Levels.of(nan, Levels.Mode.AUTO, 3).count());
    }

    @Test
    void fastLnIsCloseToLn() {
        for (double g = 1e-300; g < 1e300; g *= 1.37) {
            assertEquals(Math.log(g), Levels.fastLn(g), Levels.FAST_LN_ERROR);
        }
    }

    private static int bruteBand(Levels l, double f) {
        int c = 0;
        for (int k = 0; k < l.count(); k++) {
            if (l.value(k) <= f) {
                c++;
            }
        }
        return c;
    }

    static void assertStrictlyIncreasing(double[] v) {
        for (int k = 1; k < v.length; k++) {
            assertTrue(v[k] > v[k - 1], "level " + k + " = " + v[k] + " is not above " + v[k - 1]);
        }
    }
}
