package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GradientClipTest {

    @Test
    void aLargeGradientIsScaledDownToTheNormKeepingItsDirection() {
        Surface bowl = new Quadratic(1, 10, 0);
        Objective clipped = GradientClip.applyTo(bowl, 1.0);
        double[] g = new double[2];
        clipped.gradient(new double[] {3, 4}, g); // raw gradient (3, 40), norm ≈ 40.11
        double norm = Math.hypot(g[0], g[1]);
        assertTrue(norm <= 1.0 && norm > 0.999_999, "norm " + norm);
        assertEquals(3.0 / 40.0, g[0] / g[1], 1e-15, "same direction");
    }

    @Test
    void aSmallGradientIsLeftAlone() {
        Objective clipped = GradientClip.applyTo(new Quadratic(1, 10, 0), 5.0);
        double[] g = new double[2];
        clipped.gradient(new double[] {0.1, 0.2}, g);
        assertEquals(0.1, g[0]);
        assertEquals(2.0, g[1]);
    }

    @Test
    void zeroMeansNoClippingAndNegativeIsRefused() {
        Surface bowl = new Quadratic(1, 10, 0);
        assertSame(bowl, GradientClip.applyTo(bowl, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientClip.applyTo(bowl, -1));
        assertEquals("Invalid gradient clipping norm: -1.0 (must be >= 0; 0 means no clipping)", e.getMessage());
    }
}
