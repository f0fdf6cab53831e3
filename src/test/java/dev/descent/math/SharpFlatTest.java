package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** sharp_flat: two bowls whose centres are its minima, with the curvatures and depths its settings say. */
class SharpFlatTest {

    @Test
    void minimaHaveTheBowlsCurvaturesAndDepths() {
        Surface s = Surfaces.create("sharp_flat");
        double[] h = new double[4];
        s.hessian(0, 0, h);
        assertArrayEquals(new double[] {40, 0, 0, 40}, h, 1e-12, "the sharp bowl: S·I");
        s.hessian(3, 0, h);
        assertArrayEquals(new double[] {1, 0, 0, 1}, h, 1e-12, "the flat bowl: F·I");
        assertEquals(0, s.value(0, 0), 1e-20, "the sharp minimum is at f = 0");
        assertEquals(0.5, s.value(3, 0), 1e-15, "the flat one δ higher");
        // far from the sharp bowl f is the flat bowl, and vice versa
        assertEquals(0.5 * ((-1 - 3) * (-1 - 3) + 4) + 0.5, s.value(-1, 2), 1e-12);
        assertEquals(0.5 * 40 * (0.1 * 0.1), s.value(0.1, 0), 1e-12);
    }

    @Test
    void theSaddleLiesOnTheRidgeBetweenTheBowls() {
        Surface s = Surfaces.create("sharp_flat");
        CriticalPoint saddle = s.criticalPoints().stream().filter(p -> p.kind() == CriticalPoint.Kind.SADDLE)
                .findFirst().orElseThrow();
        assertEquals(0, saddle.y());
        assertTrue(saddle.x() > 0.3 && saddle.x() < 0.6, "between the bowls, near the sharp one: " + saddle.x());
        double[] g = new double[2];
        s.gradient(saddle.x(), 0, g, 0);
        assertEquals(0, g[0], 1e-12);
    }

    @Test
    void settingsChangeTheBowls() {
        Surface s = SharpFlat.KIND.create(Map.of("sharp", 100, "flat", 0.5, "gap", 1));
        double[] h = new double[4];
        s.hessian(0, 0, h);
        assertEquals(100, h[0], 1e-12);
        s.hessian(3, 0, h);
        assertEquals(0.5, h[3], 1e-12);
        assertEquals(1, s.value(3, 0), 1e-15);
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertEquals("sharp_flat needs a flat curvature > 0, got flat=0.0",
                assertThrows(IllegalArgumentException.class, () -> SharpFlat.KIND.create(Map.of("flat", 0))).getMessage());
        assertEquals("sharp_flat needs a sharp curvature above the flat one (1.0), got sharp=0.5",
                assertThrows(IllegalArgumentException.class, () -> SharpFlat.KIND.create(Map.of("sharp", 0.5))).getMessage());
        assertEquals("sharp_flat needs a gap in [0, 2], got gap=-1.0",
                assertThrows(IllegalArgumentException.class, () -> SharpFlat.KIND.create(Map.of("gap", -1))).getMessage());
        assertEquals("sharp_flat needs a gap in [0, 2], got gap=NaN",
                assertThrows(IllegalArgumentException.class, () -> SharpFlat.KIND.create(Map.of("gap", "nan"))).getMessage());
    }
}
