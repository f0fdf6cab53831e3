package dev.descent.render.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecimatorTest {

    @Test
    void fewerStepsThanBucketsAreKeptExactly() {
        Decimator d = new Decimator(64, false);
        for (int s = 0; s < 50; s++) {
            d.add(s, Math.sin(s));
        }
        Points p = d.points();
        assertEquals(50, p.count());
        for (int s = 0; s < 50; s++) {
            assertEquals(s, p.x(s));
            assertEquals(Math.sin(s), p.y(s));
        }
    }

    @Test
    void staysBoundedOverAMillionStepsAndKeepsSpikesAndTheEnds() {
        Decimator d = new Decimator(256, false);
        for (int s = 0; s <= 1_000_000; s++) {
            double v = s == 123_457 ? 1e6 : s == 654_321 ? -1e6 : Math.cos(s * 1e-4);
            d.add(s, v);
            if (s % 50_000 == 0) {
                assertTrue(d.points().count() <= d.maxPoints(), "bounded at step " + s);
            }
        }
        Points p = d.points();
        assertTrue(p.count() <= 3 * 256 + 1, p.count() + " points");
        assertTrue(p.count() >= 256, "the buckets are used: " + p.count());
        assertTrue(p.capacity() <= 2 * 3 * 256, "arrays stay small: " + p.capacity());
        assertEquals(0, p.x(0), "the first step is kept");
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.count(); i++) {
            max = Math.max(max, p.y(i));
            min = Math.min(min, p.y(i));
            if (i > 0) {
                assertTrue(p.x(i) > p.x(i - 1), "steps increase at " + i);
            }
        }
        assertEquals(1e6, max, "the spike survives");
        assertEquals(-1e6, min, "the dip survives");
    }

    @Test
    void nanIsAGapAndNonPositiveValuesAreSkippedOnLogAxes() {
        Decimator lin = new Decimator(16, false);
        Decimator log = new Decimator(16, true);
        double[] v = {Double.NaN, 2, 0, -1, 4, Double.POSITIVE_INFINITY, 8};
        for (int s = 0; s < v.length; s++) {
            lin.add(s, v[s]);
            log.add(s, v[s]);
        }
        Points a = lin.points();
        assertEquals(7, a.count());
        assertTrue(Double.isNaN(a.y(0)));
        assertEquals(-1, a.y(3));
        assertTrue(Double.isNaN(a.y(5)), "infinite values are gaps too");

        Points b = log.points();
        assertEquals(5, b.count(), "0 and −1 are left out on a log axis");
        assertTrue(Double.isNaN(b.y(0)));
        assertEquals(2, b.y(1));
        assertEquals(4, b.y(2));
        assertTrue(Double.isNaN(b.y(3)));
        assertEquals(8, b.y(4));
        assertEquals(1, log.points().valueRange(true)[0] > 0 ? 1 : 0);
    }

    @Test
    void stepsThatDoNotIncreaseAreIgnored() {
        Decimator d = new Decimator(8, false);
        d.add(3, 1);
        d.add(3, 2);
        d.add(1, 5);
        assertEquals(1, d.points().count());
        assertEquals(1, d.points().y(0));
    }
}
