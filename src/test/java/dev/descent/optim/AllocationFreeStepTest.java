package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.math.Objective;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Stepping allocates nothing: over 5000 steps this thread allocates less than one byte per step
 * (any allocation in a step costs at least 16 bytes; the JVM itself may allocate a few hundred bytes
 * now and then, e.g. when it recompiles).
 */
class AllocationFreeStepTest {

    @Test
    void stepsDoNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        long id = Thread.currentThread().getId();
        for (Configurations.Config c : Configurations.all()) {
            Stepper s = c.optimizer().newStepper(64);
            double[] theta = new double[64];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = Math.sin(i) * 2;
            }
            BatchedFree f = new BatchedFree(32);
            double lr = c.optimizer().lr();
            for (int t = 0; t < 2000; t++) {
                s.step(f, theta, lr);
            }
            long before = mx.getThreadAllocatedBytes(id);
            for (int t = 0; t < 5000; t++) {
                s.step(f, theta, lr);
            }
            long after = mx.getThreadAllocatedBytes(id);
            assertTrue(after - before < 5000, c.name() + " allocated " + (after - before) + " bytes in 5000 steps");
        }
    }

    /** SAM is not elementwise (its norm spans a run), so it is checked on one run, around two inner kinds. */
    @Test
    void samStepsDoNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        long id = Thread.currentThread().getId();
        for (Optimizer o : new Optimizer[] {Sam.KIND.create(java.util.Map.of("rho", 0.1)),
                Sam.KIND.create(java.util.Map.of("inner", "adam", "lr", 0.05, "amsgrad", true))}) {
            Stepper s = o.newStepper(2);
            double[] theta = {1.5, -0.5};
            BatchedFree f = new BatchedFree(1);
            for (int t = 0; t < 2000; t++) {
                s.step(f, theta, o.lr());
            }
            long before = mx.getThreadAllocatedBytes(id);
            for (int t = 0; t < 5000; t++) {
                s.step(f, theta, o.lr());
            }
            long after = mx.getThreadAllocatedBytes(id);
            assertTrue(after - before < 5000, o.label() + " allocated " + (after - before) + " bytes in 5000 steps");
        }
    }

    /** N runs on a rotated bowl, structure of arrays, with a gradient that allocates nothing itself. */
    record BatchedFree(int runs) implements Objective {
        static final double C = Math.cos(Math.toRadians(30));
        static final double S = Math.sin(Math.toRadians(30));

        @Override
        public int dimension() {
            return 2 * runs;
        }

        @Override
        public double value(double[] x) {
            return Double.NaN;
        }

        @Override
        public double gradient(double[] p, double[] grad) {
            for (int i = 0; i < runs; i++) {
                double au = C * p[i] + S * p[runs + i];
                double bw = 10 * (-S * p[i] + C * p[runs + i]);
                grad[i] = C * au - S * bw;
                grad[runs + i] = S * au + C * bw;
            }
            return Double.NaN;
        }
    }
}
