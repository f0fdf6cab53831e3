package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.BatchedSurface;
import dev.descent.math.Quadratic;
import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batched engine held to the reference: one stepper over a {@link BatchedSurface} of N runs
 * (2N coordinates, all x then all y) moves every run bit for bit as N separate 2-coordinate runs,
 * and reports the same probes. The bowl is rotated so that each run's x and y gradients mix;
 * Himmelblau's function adds a non-quadratic surface with four minima.
 */
class BatchEquivalenceTest {

    static final List<Surface> SURFACES = List.of(new Quadratic(1, 10, 30), Surfaces.create("himmelblau"));
    static final int RUNS = 37;
    static final int STEPS = 600;

    static Stream<Arguments> configs() {
        return SURFACES.stream().flatMap(s -> Configurations.all().stream().map(c -> Arguments.of(s, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("configs")
    void batchEqualsSeparateRuns(Surface surface, Configurations.Config config) {
        Optimizer opt = config.optimizer();
        assertTrue(opt.isElementwise(), "every first-order optimizer here is elementwise");
        SplittableRandom random = new SplittableRandom(7);
        double[] batch = new double[2 * RUNS];
        double[][] single = new double[RUNS][];
        Stepper[] singles = new Stepper[RUNS];
        for (int j = 0; j < RUNS; j++) {
            double x = random.nextDouble(-3, 3);
            double y = random.nextDouble(-3, 3);
            batch[j] = x;
            batch[RUNS + j] = y;
            single[j] = new double[] {x, y};
            singles[j] = opt.newStepper(2);
        }
        BatchedSurface batched = new BatchedSurface(surface, RUNS);
        Stepper stepper = opt.newStepper(2 * RUNS);
        // the optimizer's batch stepper (maps use it), when it has one, in step with the others
        Stepper fast = opt.newBatchStepper(2 * RUNS);
        double[] fastBatch = batch.clone();
        for (int t = 1; t <= STEPS; t++) {
            double lr = opt.lr() * (t % 2 == 0 ? 1 : 0.75); // a varying lr, as a schedule gives
            stepper.step(batched, batch, lr);
            if (fast != null) {
                fast.step(batched, fastBatch, lr);
            }
            for (int j = 0; j < RUNS; j++) {
                singles[j].step(surface, single[j], lr);
            }
            if (t % 50 == 0 || t <= 7) {
                for (int j = 0; j < RUNS; j++) {
                    assertEquals(single[j][0], batch[j], config + ": x of run " + j + " at step " + t);
                    assertEquals(single[j][1], batch[RUNS + j], config + ": y of run " + j + " at step " + t);
                    if (fast != null) {
                        assertEquals(single[j][0], fastBatch[j], config + ": batch stepper's x of run " + j + " at step " + t);
                        assertEquals(single[j][1], fastBatch[RUNS + j], config + ": batch stepper's y of run " + j + " at step " + t);
                    }
                }
            }
        }
        assertEquals(STEPS, stepper.steps());
        List<Probe> probes = stepper.probes();
        double[] all = new double[2 * RUNS];
        double[] one = new double[2];
        for (int p = 0; p < probes.size(); p++) {
            probes.get(p).read(all);
            for (int j = 0; j < RUNS; j++) {
                Probe mine = singles[j].probes().get(p);
                assertEquals(probes.get(p).name(), mine.name());
                mine.read(one);
                assertEquals(one[0], all[j], config + ": probe " + mine.name() + " x of run " + j);
                assertEquals(one[1], all[RUNS + j], config + ": probe " + mine.name() + " y of run " + j);
            }
        }
    }
}
