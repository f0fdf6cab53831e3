package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void stepsFollowTheOneTwoFiveRule() {
        assertEquals(0.5, Ticks.step(-2.5, 2.5, 11), 1e-12);
        assertEquals(1, Ticks.step(-2.5, 2.5, 6), 1e-12);
        assertEquals(0.2, Ticks.step(0, 1, 6), 1e-12);
        assertEquals(500, Ticks.step(0, 2509, 6), 1e-9);
        assertEquals(2e-4, Ticks.step(0, 1e-3, 6), 1e-15);
        // never more than asked for
        for (int max = 2; max < 15; max++) {
            for (double span : new double[] {1, 4, 5, 7.3, 10, 2509}) {
                assertEquals(true, Ticks.nice(0, span, max).length <= max, "span " + span + ", max " + max);
            }
        }
    }

    @Test
    void ticksAreMultiplesInsideTheRange() {
        assertArrayEquals(new double[] {-2, -1, 0, 1, 2}, Ticks.nice(-2.5, 2.5, 6), 1e-12);
        assertArrayEquals(new double[] {-1, 0, 1, 2, 3}, Ticks.nice(-1, 3, 5), 1e-12);
    }

    @Test
    void labels() {
        assertEquals("\u22121.5", Ticks.format(-1.5, 0.5));
        assertEquals("0", Ticks.format(0, 0.5));
        assertEquals("2.0", Ticks.format(2, 0.5));
        assertEquals("0.25", Ticks.format(0.25, 0.25));
        assertEquals("1000", Ticks.format(1000, 500));
        assertEquals("10\u207b\u00b3", Ticks.power10(-3));
        assertEquals("10\u00b9\u2070", Ticks.power10(10));
        assertEquals("2.5×10\u2076", Ticks.significant(2.5e6, 3));
        assertEquals("0.0397", Ticks.significant(0.039749, 3));
        assertEquals("0.0398", Ticks.significant(0.039765, 3));
    }
}
