package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.CriticalPoint;
import dev.descent.math.Objective;
import dev.descent.math.Sampling;
import dev.descent.math.Surfaces;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataSurfaceTest {

    private static DataSurface surface(String id, Map<String, ?> p) {
        return (DataSurface) Surfaces.create(id, p);
    }

    private static final List<DataSurface> CASES = List.of(
            surface("linear_regression", Map.of()),
            surface("linear_regression", Map.of("n", 37, "x_mean", 3, "outliers", 0.1, "data_seed", 5)),
            surface("logistic_regression", Map.of()),
            surface("logistic_regression", Map.of("separation", 0.5, "outliers", 0.2)),
            surface("tanh_net", Map.of()),
            surface("tanh_net", Map.of("n", 15, "noise", 1, "data_seed", 9)));

    @Test
    void gradientsAndHessiansAgreeWithFiniteDifferences() {
        double h = 1e-5;
        for (DataSurface s : CASES) {
            for (double[] p : new double[][] {{0.3, -0.7}, {-1.1, 1.9}, {2, 0.5}, {0, 0}}) {
                double[] g = new double[2];
                s.gradient(p[0], p[1], g, 0);
                double fx = (s.value(p[0] + h, p[1]) - s.value(p[0] - h, p[1])) / (2 * h);
                double fy = (s.value(p[0], p[1] + h) - s.value(p[0], p[1] - h)) / (2 * h);
                String at = s + " at (" + p[0] + ", " + p[1] + ")";
                assertEquals(fx, g[0], 1e-6 * (1 + Math.abs(fx)), at);
                assertEquals(fy, g[1], 1e-6 * (1 + Math.abs(fy)), at);
                double[] hess = new double[4];
                s.hessian(p[0], p[1], hess);
                double[] gp = new double[2];
                double[] gm = new double[2];
                s.gradient(p[0] + h, p[1], gp, 0);
                s.gradient(p[0] - h, p[1], gm, 0);
                assertEquals((gp[0] - gm[0]) / (2 * h), hess[0], 1e-6 * (1 + Math.abs(hess[0])), at);
                assertEquals((gp[1] - gm[1]) / (2 * h), hess[2], 1e-6 * (1 + Math.abs(hess[2])), at);
                s.gradient(p[0], p[1] + h, gp, 0);
                s.gradient(p[0], p[1] - h, gm, 0);
                assertEquals((gp[0] - gm[0]) / (2 * h), hess[1], 1e-6 * (1 + Math.abs(hess[1])), at);
                assertEquals((gp[1] - gm[1]) / (2 * h), hess[3], 1e-6 * (1 + Math.abs(hess[3])), at);
            }
        }
    }

    @Test
    void linearRegressionOnHandMadeData() {
        // points (0, 1), (1, 3), (2, 5) lie on y = 2x + 1: f(w, b) = mean of (w·x + b − y)²
        DataSurface s = DataSurface.of(DataModel.LINEAR, DataSet.regression(new double[] {0, 1, 2}, new double[] {1, 3, 5}));
        assertEquals(0, s.value(2, 1), 1e-15);
        // at (0, 0) the residuals are −1, −3, −5: (1 + 9 + 25)/3
        assertEquals(35.0 / 3, s.value(0, 0), 1e-13);
        double[] g = new double[2];
        s.gradient(0, 0, g, 0);
        // ∂/∂w = (2/3)·Σ r·x = (2/3)·(0 − 3 − 10), ∂/∂b = (2/3)·(−9)
        assertArrayEquals(new double[] {-26.0 / 3, -6}, g, 1e-13);
        double[] h = new double[4];
        s.hessian(5, 5, h);
        // 2·[[mean x², mean x], [mean x, 1]] = 2·[[5/3, 1], [1, 1]]
        assertArrayEquals(new double[] {10.0 / 3, 2, 2, 2}, h, 1e-14);
        CriticalPoint min = s.criticalPoints().get(0);
        assertEquals(2, min.x(), 1e-12);
        assertEquals(1, min.y(), 1e-12);
    }

    @Test
    void logisticLossOnHandMadeData() {
        DataSurface s = DataSurface.of(DataModel.LOGISTIC,
                DataSet.classification(new double[] {1, -1}, new double[] {0, 2}, new double[] {1, 0}));
        // at θ = 0 every p is 1/2: the loss is log 2 and the gradient mean((1/2 − y)·x)
        assertEquals(Math.log(2), s.value(0, 0), 1e-15);
        double[] g = new double[2];
        s.gradient(0, 0, g, 0);
        assertArrayEquals(new double[] {(-0.5 * 1 + 0.5 * -1) / 2, (0 + 0.5 * 2) / 2}, g, 1e-15);
        // far along a separating direction the loss goes to 0 without overflow
        assertTrue(s.value(800, -800) < 1e-300 || s.value(800, -800) == 0);
        assertTrue(Double.isFinite(s.value(-800, 800)));
    }

    @Test
    void tanhNetworkHasASaddleAtTheOriginBetweenTwoMirrorMinima() {
        DataSurface s = surface("tanh_net", Map.of());
        List<CriticalPoint> cps = s.criticalPoints();
        List<CriticalPoint> minima = cps.stream().filter(CriticalPoint::isMinimum).toList();
        assertEquals(2, minima.size(), cps.toString());
        assertEquals(minima.get(0).x(), -minima.get(1).x(), 1e-9);
        assertEquals(minima.get(0).y(), -minima.get(1).y(), 1e-9);
        // near the weights the data come from, (1.5, 2) up to sign
        assertEquals(1.5, Math.abs(minima.get(0).x()), 0.3);
        assertEquals(2, Math.abs(minima.get(0).y()), 0.3);
        assertTrue(cps.stream().anyMatch(c -> c.kind() == CriticalPoint.Kind.SADDLE
                && Math.abs(c.x()) < 1e-12 && Math.abs(c.y()) < 1e-12), cps.toString());
    }

    @Test
    void everyEpochVisitsEveryPointOnceAndTheLastBatchHoldsTheRemainder() {
        DataSurface s = surface("linear_regression", Map.of("n", 10));
        Objective mb = s.minibatches(4, 7);
        double[] g = new double[2];
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] seen = new int[10];
            int[] lengths = new int[3];
            for (int b = 0; b < 3; b++) {
                mb.gradient(new double[] {0, 0}, g);
                Sampling smp = mb.sampling();
                assertEquals(epoch, smp.epoch());
                assertEquals(b == 0, smp.epochStarted());
                lengths[b] = smp.lastBatchLength();
                for (int k = 0; k < smp.lastBatchLength(); k++) {
                    seen[smp.lastBatchIndex(k)]++;
                }
            }
            assertArrayEquals(new int[] {4, 4, 2}, lengths);
            assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, seen);
        }
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndAnotherSeedOthers() {
        DataSurface s = surface("tanh_net", Map.of());
        assertEquals(batches(s, 5, 42), batches(s, 5, 42));
        assertNotEquals(batches(s, 5, 42), batches(s, 5, 43));
    }

    private static List<Integer> batches(DataSurface s, int b, long seed) {
        Objective mb = s.minibatches(b, seed);
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        double[] g = new double[2];
        for (int t = 0; t < 50; t++) {
            mb.gradient(new double[] {0.1, 0.2}, g);
            for (int k = 0; k < mb.sampling().lastBatchLength(); k++) {
                out.add(mb.sampling().lastBatchIndex(k));
            }
        }
        return out;
    }

    @Test
    void csvRoundTripGivesTheSameDoubles() {
        for (DataSurface s : CASES) {
            DataSet back = DataSet.parseCsv(s.data().toCsv(), "test");
            DataSurface t = DataSurface.of(s.model(), back);
            assertEquals(s.size(), back.size());
            for (int i = 0; i < back.size(); i++) {
                assertEquals(s.data().x(i), back.x(i));
                assertEquals(s.data().x2(i), back.x2(i));
                assertEquals(s.data().y(i), back.y(i));
            }
            assertEquals(s.value(0.4, -0.3), t.value(0.4, -0.3));
        }
    }

    @Test
    void badCsvIsRefusedWithTheLineThatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSet.parseCsv("x,y\n1,2\n3,abc\n", "d.csv"));
        assertEquals("d.csv, line 3: 'abc' is not a number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataSet.parseCsv("a,b,c\n1,2,3\n", "d.csv"));
        assertTrue(e.getMessage().startsWith("d.csv, line 1: the header must be x,y"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataSet.parseCsv("x1,x2,label\n1,2,0.5\n", "d.csv"));
        assertEquals("d.csv: Point 1 has label 0.5 (labels are 0 or 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataSet.parseCsv("x,y\n", "d.csv"));
        assertEquals("d.csv: no data points", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Surfaces.create("logistic_regression", Map.of("file", "/nonexistent/d.csv")));
        assertEquals("Data file not found: /nonexistent/d.csv", e.getMessage());
    }

    @Test
    void batchSizeOutOfRangeIsRefused() {
        DataSurface s = surface("linear_regression", Map.of("n", 10));
        assertEquals("Invalid batch size: 11 (must be 1 to N = 10)",
                assertThrows(IllegalArgumentException.class, () -> s.minibatches(11, 0)).getMessage());
        assertEquals("Invalid batch size: 0 (must be 1 to N = 10)",
                assertThrows(IllegalArgumentException.class, () -> s.minibatches(0, 0)).getMessage());
    }

    @Test
    void theMinibatchGradientCovarianceShrinksAsOneOverBAndVanishesAtTheFullBatch() {
        DataSurface s = surface("linear_regression", Map.of("n", 101));
        double[] c1 = new double[3];
        double[] c10 = new double[3];
        double[] cn = new double[3];
        s.minibatchCovariance(0, 0, 1, c1);
        s.minibatchCovariance(0, 0, 10, c10);
        s.minibatchCovariance(0, 0, 101, cn);
        // (N − B)/((N − 1)·B): 1 at B = 1, 91/1000 at B = 10, 0 at B = N
        assertEquals(c1[0] * 0.091, c10[0], 1e-12 * c1[0]);
        assertEquals(0, cn[0]);
        assertEquals(0, cn[2]);
    }
}
