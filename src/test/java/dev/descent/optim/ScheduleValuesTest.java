package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Learning rates at steps that can be computed by hand. Index i of each array is optimizer step i + 1. */
class ScheduleValuesTest {

    /** The lrs used by optimizer steps 1..n. */
    static double[] lrs(Schedule s, double base, int n) {
        Schedule.State st = s.start(base);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = st.lr();
            st.step();
        }
        return out;
    }

    @Test
    void stepHalvesEveryTwoSteps() {
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.25, 0.25, 0.125}, lrs(new StepLr(2, 0.5), 1, 7), 0.0);
    }

    @Test
    void multiStepIsARunningProduct() {
        double[] lr = lrs(new MultiStepLr(List.of(2, 5), 0.1), 1, 7);
        assertArrayEquals(new double[] {1, 1, 0.1, 0.1, 0.1, 0.1 * 0.1, 0.1 * 0.1}, lr, 0.0);
        // the running product, as in torch, not 0.1^2 rounded once
        assertEquals(0.010000000000000002, lr[5], 0.0);
    }

    @Test
    void aMilestoneAtZeroAppliesInTheInitialStep() {
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, lrs(new MultiStepLr(List.of(0, 1), 0.5), 1, 3), 0.0);
    }

    @Test
    void exponentialHalves() {
        assertArrayEquals(new double[] {2, 1, 0.5, 0.25, 0.125}, lrs(new ExponentialLr(0.5), 2, 5), 0.0);
    }

    @Test
    void warmupClimbsLinearlyThenHolds() {
        assertArrayEquals(new double[] {0.2, 0.4, 0.6, 0.8, 1, 1, 1}, lrs(new LinearWarmup(5), 1, 7), 0.0);
    }

    @Test
    void cosineReachesEtaMinAtStepTMaxPlusOneAndClimbsBack() {
        double[] lr = lrs(new CosineAnnealingLr(100, 0.001), 0.1, 302);
        assertEquals(0.1, lr[0], 0.0);
        assertEquals(0.0505, lr[50], 1e-15); // halfway: (base + eta_min)/2
        assertEquals(0.001, lr[100], 0.0); // step 101: exactly eta_min, since 1 + cos(pi) = 0
        for (int t = 2; t <= 100; t++) {
            assertTrue(lr[t - 1] < lr[t - 2], "falls until step 101, step " + t);
        }
        for (int t = 102; t <= 201; t++) {
            assertTrue(lr[t - 1] > lr[t - 2], "climbs back after step 101, step " + t);
        }
        assertEquals(0.1, lr[200], 1e-15); // step 201: back at the base lr
        assertEquals(0.001, lr[300], 0.0); // step 301: eta_min again
    }

    @Test
    void cosineWithEtaMinZeroReachesZero() {
        double[] lr = lrs(new CosineAnnealingLr(10, 0), 1, 12);
        assertEquals(0.0, lr[10], 0.0);
        assertTrue(lr[11] > 0);
    }

    @Test
    void warmRestartsRestartAtTheBaseLr() {
        // T_0 = 2, T_mult = 2: cycles of 2, 4, 8 steps start at steps 1, 3, 7, 15
        double[] lr = lrs(new CosineWarmRestarts(2, 2, 0), 1, 16);
        for (int t : new int[] {1, 3, 7, 15}) {
            assertEquals(1.0, lr[t - 1], 0.0, "step " + t);
        }
        assertEquals(0.5, lr[1], 0.0); // cos(pi/2) is 6e-17, lost in 1 + cos
        assertEquals((1 + Math.cos(Math.PI / 4)) / 2, lr[3], 1e-16);
        assertEquals(0.5, lr[4], 0.0);
        assertTrue(lr[13] < lr[12]);
    }

    @Test
    void warmRestartsWithEtaMinStartAtEtaMinPlusTheRest() {
        // torch's first lr is eta_min + (base - eta_min), which need not be base: 0.001 + (0.01 - 0.001) != 0.01
        double lr = new CosineWarmRestarts(10, 1, 0.001).start(0.01).lr();
        assertEquals(0.001 + (0.01 - 0.001), lr, 0.0);
        assertEquals(0.010000000000000002, lr, 0.0);
    }

    @Test
    void linearRampsTheFactor() {
        assertArrayEquals(new double[] {0.5, 0.625, 0.75, 0.875, 1, 1}, lrs(new LinearLr(0.5, 1, 4), 1, 6), 0.0);
    }

    @Test
    void linearDownToZeroEndsWithinRoundingOfZeroNotAtZero() {
        // torch's recursive factor 1 + (e_f − s)/(N·s + (N−1)(e_f − s)) is 1 − 1 up to rounding at the last
        // step: LinearLR(1/3, 0, 5) from lr 1 ends at a tiny negative number, exactly as torch does.
        double[] lr = lrs(new LinearLr(1.0 / 3, 0, 5), 1, 7);
        TorchLrSchedulers torch = TorchLrSchedulers.linearLr(1, 1.0 / 3, 0, 5);
        for (int i = 0; i < 5; i++) {
            torch.step();
        }
        assertEquals(torch.lr, lr[5], 0.0);
        assertEquals(-1.480297366166875E-17, lr[5], 0.0);
        assertEquals(lr[5], lr[6], 0.0);
    }

    @Test
    void polynomialFallsToZero() {
        assertArrayEquals(new double[] {1, 0.75, 0.5, 0.25, 0, 0}, lrs(new PolynomialLr(4, 1), 1, 6), 0.0);
        assertArrayEquals(new double[] {1, 0.5625, 0.25, 0.0625, 0, 0}, lrs(new PolynomialLr(4, 2), 1, 6), 0.0);
    }

    @Test
    void inverseTimeDecay() {
        assertArrayEquals(new double[] {1, 1 / 2.0, 1 / 3.0, 1 / 4.0}, lrs(new InverseTimeDecay(1, 1, false), 1, 4), 0.0);
        assertArrayEquals(new double[] {1, 1, 1 / 2.0, 1 / 2.0, 1 / 3.0},
                lrs(new InverseTimeDecay(1, 2, true), 1, 5), 0.0);
        // continuous: step 2 has p = 1/2
        assertEquals(2 / (1 + 0.5 * 0.5), lrs(new InverseTimeDecay(0.5, 2, false), 2, 2)[1], 0.0);
        assertArrayEquals(new double[] {0.1, 0.1, 0.1}, lrs(new InverseTimeDecay(0, 10, false), 0.1, 3), 0.0);
    }

    @Test
    void inverseSqrtHoldsForWarmupStepsThenFallsAsOneOverRootT() {
        double[] lr = lrs(new InverseSqrtDecay(4), 1, 37);
        for (int t = 1; t <= 5; t++) {
            assertEquals(1.0, lr[t - 1], 0.0, "step " + t);
        }
        assertEquals(1 / Math.sqrt(1.25), lr[5], 0.0);
        assertEquals(0.5, lr[16], 0.0); // k = 16 = 4·warmup
        assertEquals(1 / 3.0, lr[36], 0.0); // k = 36 = 9·warmup
    }

    @Test
    void constantKeepsTheBaseLr() {
        assertArrayEquals(new double[] {0.05, 0.05, 0.05}, lrs(Schedules.constant(), 0.05, 3), 0.0);
    }
}
