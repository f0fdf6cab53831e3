package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.math.Viewport;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerKind;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The batched engine against the plain reference: one run per start, stepped alone. */
class BasinMapTest {

    @Test
    void everyElementwiseOptimizerInABatchMovesBitForBitAsAlone() {
        Surface himmelblau = Surfaces.create("himmelblau");
        Viewport view = new Viewport(-5, 5, -5, 5);
        int grid = 33; // 1089 starts: more than one block, the last one partial
        for (OptimizerKind kind : Optimizers.all()) {
            Optimizer o = kind.create(Map.of("lr", 0.01));
            if (!o.isElementwise()) {
                continue;
            }
            BasinMap.Result batched = BasinMap.run(himmelblau, o, Schedules.constant(), view, grid, 40, 2);
            double[] xs = new double[grid * grid];
            double[] ys = new double[grid * grid];
            for (int j = 0; j < grid; j++) {
                for (int i = 0; i < grid; i++) {
                    Run run = new Run(new RunSpec(himmelblau, o, BasinMap.gridCoordinate(-5, 5, i, grid),
                            BasinMap.gridCoordinate(-5, 5, j, grid)));
                    for (int t = 0; t < 40; t++) {
                        run.step();
                    }
                    xs[j * grid + i] = run.x();
                    ys[j * grid + i] = run.y();
                }
            }
            assertArrayEquals(xs, batched.x(), kind.id() + " x");
            assertArrayEquals(ys, batched.y(), kind.id() + " y");
        }
    }

    @Test
    void gridIncludesBothEnds() {
        assertEquals(-5.0, BasinMap.gridCoordinate(-5, 5, 0, 512));
        assertEquals(5.0, BasinMap.gridCoordinate(-5, 5, 511, 512));
    }

    @Test
    void countsRunsNearEachMinimum() {
        BasinMap.Result r = new BasinMap.Result(2, new double[] {3, 3.005, -2, 100}, new double[] {2, 2, 3, 100});
        int[] c = r.countNear(List.of(new double[] {3, 2}, new double[] {-2, 3}), 1e-2);
        assertArrayEquals(new int[] {2, 1}, c);
    }

    /** A map's cells cut into jobs: each cell once, in order, whole blocks first and quarter blocks at the end. */
    @Test
    void jobsCoverEveryCellOnceAndEndInSmallerBlocks() {
        for (int total : new int[] {1, 700, 1024, 65536, 65536 + 333}) {
            List<int[]> jobs = BasinMap.blocks(total, 1024, 2);
            int next = 0;
            for (int[] j : jobs) {
                assertEquals(next, j[0], "job starts where the last ended");
                next += j[1];
            }
            assertEquals(total, next, "every cell of " + total);
            int[] last = jobs.get(jobs.size() - 1);
            org.junit.jupiter.api.Assertions.assertTrue(last[1] <= 256, "the last job is a quarter block at most");
        }
        assertEquals(1024, BasinMap.blocks(65536, 1024, 2).get(0)[1]);
    }
}
