package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GradientNoiseTest {

    private static final double[] P = {-1.2, 1};

    private static double[] draws(GradientNoise noise, int count) {
        Objective f = noise.applyTo(Surfaces.create("rosenbrock"));
        double[] out = new double[2 * count];
        double[] g = new double[2];
        for (int i = 0; i < count; i++) {
            f.gradient(P, g);
            out[2 * i] = g[0];
            out[2 * i + 1] = g[1];
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameGradients() {
        GradientNoise noise = new GradientNoise(GradientNoise.Kind.ADDITIVE, 0.5, 42);
        assertArrayEquals(draws(noise, 100), draws(noise, 100), 0.0);
    }

    @Test
    void differentSeedsGiveDifferentGradients() {
        double[] a = draws(new GradientNoise(GradientNoise.Kind.ADDITIVE, 0.5, 1), 10);
        double[] b = draws(new GradientNoise(GradientNoise.Kind.ADDITIVE, 0.5, 2), 10);
        for (int i = 0; i < a.length; i++) {
            assertFalse(a[i] == b[i], "draw " + i + " is the same under both seeds");
        }
    }

    @Test
    void additiveNoiseHasMeanZeroAndTheRequestedSpread() {
        double sigma = 3;
        int n = 40_000;
        double[] d = draws(new GradientNoise(GradientNoise.Kind.ADDITIVE, sigma, 7), n);
        double[] exact = new double[2];
        Surfaces.create("rosenbrock").gradient(P, exact);
        for (int c = 0; c < 2; c++) {
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double e = d[2 * i + c] - exact[c];
                sum += e;
                sq += e * e;
            }
            double mean = sum / n;
            double sd = Math.sqrt(sq / n - mean * mean);
            // 5 standard errors: σ/√n for the mean, about σ/√(2n) for the spread
            assertEquals(0, mean, 5 * sigma / Math.sqrt(n), "mean of coordinate " + c);
            assertEquals(sigma, sd, 5 * sigma / Math.sqrt(2.0 * n), "spread of coordinate " + c);
        }
    }

    @Test
    void multiplicativeNoiseScalesWithTheGradient() {
        double sigma = 0.2;
        int n = 40_000;
        double[] d = draws(new GradientNoise(GradientNoise.Kind.MULTIPLICATIVE, sigma, 7), n);
        double[] exact = new double[2];
        Surfaces.create("rosenbrock").gradient(P, exact);
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double rel = d[2 * i] / exact[0] - 1;
            sq += rel * rel;
        }
        assertEquals(sigma, Math.sqrt(sq / n), 5 * sigma / Math.sqrt(2.0 * n));
    }

    @Test
    void valuesAndHessiansStayExact() {
        Surface s = Surfaces.create("himmelblau");
        Objective noisy = new GradientNoise(GradientNoise.Kind.ADDITIVE, 1, 3).applyTo(s);
        double[] g = new double[2];
        assertEquals(s.value(P), noisy.gradient(P, g), 0.0);
        assertEquals(s.value(P), noisy.value(P), 0.0);
        double[] h = new double[4];
        double[] hn = new double[4];
        s.hessian(P, h);
        noisy.hessian(P, hn);
        assertArrayEquals(h, hn, 0.0);
    }

    @Test
    void noNoiseLeavesTheObjectiveAlone() {
        Surface s = Surfaces.create("beale");
        assertSame(s, GradientNoise.NONE.applyTo(s));
        assertSame(s, new GradientNoise(GradientNoise.Kind.ADDITIVE, 0, 5).applyTo(s));
    }

    @Test
    void negativeOrNonFiniteSigmaIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GradientNoise(GradientNoise.Kind.ADDITIVE, -0.1, 0));
        assertEquals("Invalid noise sigma: -0.1 (must be a finite number >= 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GradientNoise(GradientNoise.Kind.ADDITIVE, Double.NaN, 0));
        assertEquals("Invalid noise sigma: NaN (must be a finite number >= 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GradientNoise(null, 1, 0));
        assertEquals("noise kind is missing", e.getMessage());
    }
}
