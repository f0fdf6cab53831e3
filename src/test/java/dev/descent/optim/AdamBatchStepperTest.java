package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Objective;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Adam's batch stepper divides √v by √(1 − β₂ᵗ) with FMAs instead of the divider: the same bits
 * for every finite √v, NaN where √v overflowed (the one difference its callers check for).
 */
class AdamBatchStepperTest {

    private static void assertQuotient(double a, double b) {
        double q = AdamStepper.quotient(a, -b, 1 / b);
        assertEquals(Double.doubleToRawLongBits(a / b), Double.doubleToRawLongBits(q), () -> a + " / " + b);
    }

    /** Random √v over the whole range against the divisors Adam meets, and quotients next to a rounding boundary. */
    @Test
    void theQuotientIsTheDivisionRoundedToNearest() {
        SplittableRandom r = new SplittableRandom(16);
        for (int k = 0; k < 400_000; k++) {
            double b = switch (k % 3) {
                case 0 -> Math.sqrt(1 - Math.pow(r.nextDouble(), 1 + r.nextInt(100_000)));
                case 1 -> Math.sqrt(1 - Math.pow(0.999, 1 + r.nextInt(40_000)));
                default -> Double.longBitsToDouble(0x3FF0000000000000L | (r.nextLong() & 0xFFFFFFFFFFFFFL))
                        * Math.scalb(1.0, -r.nextInt(1, 27));
            };
            if (!(b > 0 && b <= 1)) {
                continue;
            }
            // √v for v anywhere in the doubles, subnormals included
            assertQuotient(Math.sqrt(Double.longBitsToDouble(r.nextLong() & 0x7FEFFFFFFFFFFFFFL)), b);
            // a/b within a few ulps of the midpoint between q and its successor: where a wrong rounding shows
            double q = Double.longBitsToDouble(0x3FF0000000000000L | (r.nextLong() & 0xFFFFFFFFFFFFFL))
                    * Math.scalb(1.0, r.nextInt(-160, 150));
            double a = Math.fma(b, q, b * Math.ulp(q) / 2);
            assertQuotient(a, b);
            assertQuotient(Math.nextUp(a), b);
            assertQuotient(Math.nextDown(a), b);
        }
        assertQuotient(0, 0.5);
        assertQuotient(Double.MIN_VALUE, 1);
        assertQuotient(Math.sqrt(Double.MIN_VALUE), Math.sqrt(1 - 0.999));
        assertQuotient(Math.sqrt(Double.MAX_VALUE), Math.sqrt(1 - 0.999));
        assertQuotient(Math.sqrt(Double.MAX_VALUE), 1);
        assertTrue(Double.isNaN(AdamStepper.quotient(Double.NaN, -0.5, 2)));
    }

    /** A gradient so large that v overflows: the plain step stays put (m/∞ = 0), the batch stepper's turns NaN. */
    @Test
    void anOverflowingSecondMomentTurnsTheBatchStepNaN() {
        Objective huge = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] p) {
                return 0;
            }

            @Override
            public double gradient(double[] p, double[] grad) {
                grad[0] = 1e200;
                grad[1] = 1;
                return 0;
            }
        };
        Optimizer adam = Optimizers.find("adam").create(Map.of("lr", 0.05));
        double[] plain = {1, 2};
        double[] batch = {1, 2};
        adam.newStepper(2).step(huge, plain, 0.05);
        Stepper fast = adam.newBatchStepper(2);
        assertNotNull(fast);
        fast.step(huge, batch, 0.05);
        assertEquals(1.0, plain[0], "the plain step divides by √v = ∞: no move");
        assertTrue(Double.isNaN(batch[0]), "the batch step's quotient is ∞ − ∞");
        assertEquals(plain[1], batch[1], "the other coordinate is untouched by it");
    }

    @Test
    void optimizersWithoutAFasterBatchStepperHaveNone() {
        assertNull(Optimizers.find("sgd").create(Map.of("lr", 0.1)).newBatchStepper(4));
        assertNotNull(Optimizers.find("adamw").create(Map.of("lr", 0.1)).newBatchStepper(4));
    }
}
