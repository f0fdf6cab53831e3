package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BiasCorrectionTest {

    @Test
    void equalsOneMinusPowAtEveryStepIncludingAfterItSaturates() {
        for (double beta : new double[] {0, 0.5, 0.9, 0.99, 0.999, 0.9999}) {
            BiasCorrection c = new BiasCorrection(beta);
            for (int t = 1; t <= 200_000; t++) {
                double want = 1 - Math.pow(beta, t);
                double got = c.at(t);
                if (Double.compare(want, got) != 0) {
                    assertEquals(want, got, "beta " + beta + " step " + t);
                }
            }
        }
    }
}
