package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.ParamSpec;
import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.math.Viewport;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Basin-of-attraction and hyperparameter maps: endings, step counts, theory, cancellation. */
class MapsTest {

    private static final Surface HIMMELBLAU = Surfaces.create("himmelblau");
    private static final Viewport SQUARE = new Viewport(-5, 5, -5, 5);

    /** The counts {@code docs/bench/basin_numpy.py} prints (NumPy, float64) for Adam lr 0.05, 512², 500 steps. */
    @Test
    void himmelblauCountsEqualTheNumpyReference() {
        Optimizer adam = Optimizers.find("adam").create(Map.of("lr", 0.05));
        BasinMap.Request req = new BasinMap.Request(new RunSpec(HIMMELBLAU, adam, 0, 0), SQUARE, 512, 500);
        MapResult r = BasinMap.compute(req, 2, null);
        int[] byPoint = r.countsByPoint();
        assertArrayEquals(new int[] {69821, 70370, 63490, 58457}, java.util.Arrays.copyOf(byPoint, 4));
        assertEquals(6, 512 * 512 - (69821 + 70370 + 63490 + 58457));
        for (int p = 4; p < byPoint.length; p++) {
            assertEquals(0, byPoint[p], "no Adam run rests on a saddle or the maximum after 500 steps");
        }
    }

    /** Every cell's ending and settling step against one plain run checked after every step. */
    @Test
    void batchedEndingsAndStepsEqualSingleRunsCheckedStepByStep() {
        for (String id : new String[] {"adam", "sgd", "rmsprop"}) {
            Optimizer o = Optimizers.find(id).create(id.equals("sgd") ? Map.of("lr", 0.01, "momentum", 0.9) : Map.of("lr", 0.05));
            int cols = 37;
            int rows = 29; // 1073 cells: two blocks, the last one partial
            BasinMap.Request req = new BasinMap.Request(new RunSpec(HIMMELBLAU, o, 0, 0), SQUARE, cols, rows, 120, 0.05, 1);
            MapResult r = BasinMap.compute(req, 2, null);
            MapEnds ends = r.ends();
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < cols; i++) {
                    Run run = new Run(new RunSpec(HIMMELBLAU, o, req.startX(i), req.startY(j)));
                    int end = ends.classify(run.x(), run.y());
                    int since = 0;
                    for (int t = 1; t <= 120; t++) {
                        run.step();
                        int e = ends.classify(run.x(), run.y());
                        if (e != end) {
                            end = e;
                            since = t;
                        }
                    }
                    int k = r.index(i, j);
                    assertEquals(end, r.end()[k], id + " ending of cell " + i + "," + j);
                    assertEquals(since, r.steps()[k], id + " steps of cell " + i + "," + j);
                    if (end != MapEnds.DIVERGED) { // a lone run stops at its first non-finite loss; a batch goes on
                        assertEquals(run.x(), r.endX()[k], id);
                    }
                }
            }
        }
    }

    /** Maps step in a private copy of the optimizer classes, whose JIT profile single runs never shape. */
    @Test
    void batchesRunInTheirOwnCopyOfTheClasses() {
        assertTrue(IsolatedKernel.active(), "the map kernel's class loader could be made");
    }

    @Test
    void secondOrderMethodsRunStartByStartAndFindTheMinimaAndSaddles() {
        Optimizer newton = Optimizers.find("newton").create(Map.of("lr", 1.0, "hessian_fix", "gradient"));
        BasinMap.Request req = new BasinMap.Request(new RunSpec(HIMMELBLAU, newton, 0, 0), SQUARE, 41, 41, 50, 1e-2, 1);
        MapResult r = BasinMap.compute(req, 2, null);
        int[] counts = r.countsByPoint();
        for (int p = 0; p < 4; p++) {
            assertTrue(counts[p] > 0, "some starts reach minimum " + p);
        }
        // a start on the maximum stays on it: Newton's step there is zero
        int centre = r.index(20, 20);
        Run alone = new Run(new RunSpec(HIMMELBLAU, newton, req.startX(20), req.startY(20)));
        for (int t = 0; t < 50; t++) {
            alone.step();
        }
        assertEquals(r.ends().classify(alone.x(), alone.y()), r.end()[centre]);
        assertEquals(alone.x(), r.endX()[centre]);
    }

    @Test
    void divergenceIsBlackNotAnError() {
        Optimizer sgd = Optimizers.find("sgd").create(Map.of("lr", 0.5));
        BasinMap.Request req = new BasinMap.Request(new RunSpec(HIMMELBLAU, sgd, 0, 0), SQUARE, 16, 16, 100, 1e-2, 1);
        MapResult r = BasinMap.compute(req, 2, null);
        assertEquals(256, r.count(MapEnds.DIVERGED), "lr 0.5 throws every start of himmelblau away");
    }

    @Test
    void aCancelledMapStopsWithCancelled() {
        AtomicInteger polls = new AtomicInteger();
        Optimizer adam = Optimizers.find("adam").create(Map.of("lr", 0.05));
        BasinMap.Request req = new BasinMap.Request(new RunSpec(HIMMELBLAU, adam, 0, 0), SQUARE, 256, 100_000);
        assertThrows(BasinMap.Cancelled.class, () -> BasinMap.compute(req, 2, () -> polls.incrementAndGet() > 50));
    }

    /**
     * SGD with momentum in torch's form on ½(x² + 10y²) is stable exactly while η·10 < 2 + 2β: in every
     * row of the (lr, momentum) map, the converge/diverge boundary lies within one cell of η = (2 + 2β)/10.
     */
    @Test
    void sgdMomentumMapOnTheQuadraticDivergesWhereTheoryPredicts() {
        Surface quadratic = Surfaces.create("quadratic", Map.of("a", 1, "b", 10));
        Optimizer sgd = Optimizers.find("sgd").create(Map.of("lr", 0.01));
        HyperAxis lr = HyperAxis.parse("lr:1e-3:1:log", Optimizers.find("sgd"));
        HyperAxis momentum = HyperAxis.parse("momentum:0:0.99", Optimizers.find("sgd"));
        assertEquals(ParamSpec.Scale.NEAR_ONE, momentum.scale(), "momentum takes its near-one scale by default");
        int cols = 96;
        int rows = 24;
        HyperMap.Request req = new HyperMap.Request(new RunSpec(quadratic, sgd, 2, 1.5), lr, momentum, cols, rows, 500, 1e-3);
        MapResult r = HyperMap.compute(req, 2, null);
        for (int j = 0; j < rows; j++) {
            double beta = momentum.value(j, rows);
            double boundary = (2 + 2 * beta) / 10;
            int firstDiverged = -1;
            for (int i = 0; i < cols; i++) {
                if (r.end()[r.index(i, j)] == MapEnds.DIVERGED) {
                    firstDiverged = i;
                    break;
                }
            }
            assertTrue(firstDiverged > 0, "row β=" + beta + " diverges somewhere below lr 1");
            for (int i = firstDiverged; i < cols; i++) {
                assertEquals(MapEnds.DIVERGED, r.end()[r.index(i, j)], "beyond the boundary every cell diverges, β=" + beta);
            }
            // the map's boundary lies between the last stable cell and the first diverged one
            double mapBoundary = firstDiverged - 0.5;
            double theory = lr.fraction(boundary) * (cols - 1);
            assertTrue(Math.abs(mapBoundary - theory) <= 1.0,
                    "β=" + beta + ": map boundary at cell " + mapBoundary + ", theory at cell " + theory);
        }
        // well inside the stable region with little momentum, the run reaches the minimum
        int k = r.index((int) Math.round(lr.fraction(0.1) * (cols - 1)), 0);
        assertEquals(0, r.end()[k], "lr 0.1, β 0 converges to the minimum");
        assertTrue(r.loss()[k] < 1e-6);
    }

    @Test
    void hyperAxesParseAndSpaceValuesOnTheirScale() {
        var adam = Optimizers.find("adam");
        HyperAxis lr = HyperAxis.parse("lr:1e-4:1", adam);
        assertEquals(ParamSpec.Scale.LOG, lr.scale());
        assertEquals(1e-2, lr.value(2, 5), 1e-15);
        HyperAxis b1 = HyperAxis.parse("beta1:0:0.99", adam);
        assertEquals(0.9, b1.value(1, 3), 1e-12);
        assertEquals(0.99, b1.value(2, 3));
        HyperAxis eps = HyperAxis.parse("eps:1e-8:1e-2:lin", adam);
        assertEquals(ParamSpec.Scale.LINEAR, eps.scale());
        assertEquals("Adam has no hyperparameter momentum",
                assertThrows(IllegalArgumentException.class, () -> HyperAxis.parse("momentum:0:1", adam)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HyperAxis.parse("lr:0:1:log", adam))
                .getMessage().contains("log axis needs values above 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HyperAxis.parse("lr:1:x", adam))
                .getMessage().contains("'x' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HyperAxis.parse("amsgrad:0:1", adam))
                .getMessage().contains("only real-valued"));
    }

    @Test
    void refusedPairsAreInvalidCellsNotErrors() {
        Surface quadratic = Surfaces.create("quadratic");
        Optimizer nesterov = Optimizers.find("sgd").create(Map.of("lr", 0.01, "momentum", 0.5, "nesterov", true));
        var sgd = Optimizers.find("sgd");
        HyperMap.Request req = new HyperMap.Request(new RunSpec(quadratic, nesterov, 2, 1.5),
                HyperAxis.parse("lr:1e-3:0.1", sgd), HyperAxis.parse("momentum:0:0.9:lin", sgd), 4, 4, 50, 1e-3);
        MapResult r = HyperMap.compute(req, 2, null);
        for (int i = 0; i < 4; i++) {
            assertEquals(MapEnds.INVALID, r.end()[r.index(i, 0)], "Nesterov needs momentum > 0: row 0 is refused");
            assertTrue(r.end()[r.index(i, 1)] != MapEnds.INVALID);
        }
    }
}
