package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void staysBoundedOverAMillionRowsAndKeepsTheRecentOnesAtFullResolution() {
        History h = new History(2, 10_000);
        double[] row = new double[2];
        for (int i = 0; i < 1_000_000; i++) {
            row[0] = i;
            row[1] = i * 0.5;
            h.append(row);
            assertTrue(h.rows() <= 10_000 + History.CHUNK, "bounded at row " + i);
        }
        History.Snapshot s = h.snapshot();
        assertEquals(h.rows(), s.rows());
        assertEquals(999_999, s.get(0, s.rows() - 1), "the newest row is the last step");
        assertEquals(0, s.get(0, 0), "the first row is kept");
        for (int i = s.rows() - 2000; i < s.rows(); i++) {
            assertEquals(s.get(0, i - 1) + 1, s.get(0, i), "recent rows are consecutive at " + i);
        }
        for (int i = 1; i < s.rows(); i++) {
            assertTrue(s.get(0, i) > s.get(0, i - 1), "steps increase");
            assertEquals(s.get(0, i) * 0.5, s.get(1, i), "channels stay aligned");
        }
    }

    @Test
    void aSnapshotDoesNotChangeWhenRowsAreAppended() {
        History h = new History(1, 4096);
        for (int i = 0; i < 700; i++) {
            h.append(new double[] {i});
        }
        History.Snapshot s = h.snapshot();
        for (int i = 700; i < 5000; i++) {
            h.append(new double[] {i});
        }
        assertEquals(700, s.rows());
        assertEquals(699, s.get(0, 699));
        double[] all = s.channel(0);
        assertEquals(700, all.length);
        assertEquals(512, all[512]);
    }
}
