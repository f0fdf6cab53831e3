package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Viewport;
import org.junit.jupiter.api.Test;

class ScalarFieldTest {

    private static final Viewport V = new Viewport(-2, 2, -1, 3);

    @Test
    void nodesCoverTheViewportCornersExactly() {
        ScalarField f = new ScalarField().sample((x, y) -> 10 * x + y, V, 5, 9);
        assertEquals(-2, f.x(0));
        assertEquals(2, f.x(4));
        assertEquals(-1, f.y(0));
        assertEquals(3, f.y(8));
        assertEquals(10 * -2 + -1, f.value(0, 0));
        assertEquals(10 * 2 + 3, f.value(4, 8));
        assertEquals(10 * 1 + 0.5, f.value(3, 3), 1e-12);
        assertEquals(-21, f.min());
        assertEquals(23, f.max());
    }

    @Test
    void reusesItsArray() {
        ScalarField f = new ScalarField().sample((x, y) -> x, V, 100, 100);
        double[] a = f.values();
        f.sample((x, y) -> y, V, 50, 80);
        assertSame(a, f.values());
        assertEquals(3, f.max());
    }

    @Test
    void toleratesNonFiniteValues() {
        ScalarField f = new ScalarField().sample((x, y) -> x > 1 ? Double.POSITIVE_INFINITY : y < 0 ? Double.NaN : x * x, V, 41, 41);
        assertTrue(f.nonFiniteCount() > 0);
        assertEquals(0, f.min(), 1e-12);
        assertEquals(4, f.max(), 1e-12);
        assertTrue(Double.isFinite(f.quantile(0.5)));
        assertTrue(Double.isNaN(f.interpolate(10, 10)));
        assertEquals(0.25, f.interpolate(0.5, 1), 1e-2);
    }

    @Test
    void quantilesOfALinearRamp() {
        ScalarField f = new ScalarField().sample((x, y) -> (x + 2) / 4, V, 1001, 3);
        assertEquals(0.5, f.quantile(0.5), 1e-2);
        assertEquals(0.1, f.quantile(0.1), 1e-2);
        assertEquals(f.min(), f.quantile(0));
        assertEquals(f.max(), f.quantile(1));
        assertThrows(IllegalArgumentException.class, () -> f.quantile(1.5));
    }

    @Test
    void interpolationIsExactForBilinearFunctions() {
        ScalarField f = new ScalarField().sample((x, y) -> 2 * x - y + 0.5 * x * y, V, 7, 11);
        for (double x = -2; x <= 2; x += 0.37) {
            for (double y = -1; y <= 3; y += 0.41) {
                assertEquals(2 * x - y + 0.5 * x * y, f.interpolate(x, y), 1e-12);
            }
        }
    }

    @Test
    void rejectsTinyGrids() {
        assertThrows(IllegalArgumentException.class, () -> new ScalarField().sample((x, y) -> 0, V, 1, 10));
    }
}
