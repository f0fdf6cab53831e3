package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.math.Objective;
import dev.descent.math.Surfaces;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class MinibatchProperties {

    private static final String[] MODELS = {"linear_regression", "logistic_regression", "tanh_net"};

    /** Over one epoch the batches partition the data, so their size-weighted mean gradient is ∇f. */
    @Property(tries = 200)
    void theMeanOfTheMinibatchGradientsOverOneEpochIsTheFullGradient(
            @ForAll @IntRange(min = 0, max = 2) int model, @ForAll @IntRange(min = 1, max = 60) int n,
            @ForAll @IntRange(min = 1, max = 60) int b, @ForAll @LongRange(min = 0, max = 1000) long seed,
            @ForAll @DoubleRange(min = -3, max = 3) double w1, @ForAll @DoubleRange(min = -3, max = 3) double w2) {
        int batch = Math.min(b, n);
        DataSurface s = (DataSurface) Surfaces.create(MODELS[model], Map.of("n", n, "data_seed", seed));
        Objective mb = s.minibatches(batch, seed);
        double[] theta = {w1, w2};
        double[] g = new double[2];
        double[] sum = new double[2];
        int batches = (n + batch - 1) / batch;
        for (int k = 0; k < batches; k++) {
            mb.gradient(theta, g);
            int len = mb.sampling().lastBatchLength();
            sum[0] += len * g[0];
            sum[1] += len * g[1];
        }
        double[] full = new double[2];
        s.gradient(w1, w2, full, 0);
        double scale = 1 + Math.abs(full[0]) + Math.abs(full[1]);
        assertEquals(full[0], sum[0] / n, 1e-12 * scale);
        assertEquals(full[1], sum[1] / n, 1e-12 * scale);
    }

    /** When B divides N all batches are equal and the plain mean of the batch gradients is ∇f. */
    @Property(tries = 100)
    void whenBDividesNThePlainMeanIsTheFullGradient(
            @ForAll @IntRange(min = 0, max = 2) int model, @ForAll @IntRange(min = 1, max = 12) int b,
            @ForAll @IntRange(min = 1, max = 8) int batches, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        int n = b * batches;
        DataSurface s = (DataSurface) Surfaces.create(MODELS[model], Map.of("n", n));
        Objective mb = s.minibatches(b, seed);
        double[] theta = {0.7, -1.3};
        double[] g = new double[2];
        double[] mean = new double[2];
        for (int k = 0; k < batches; k++) {
            mb.gradient(theta, g);
            mean[0] += g[0] / batches;
            mean[1] += g[1] / batches;
        }
        double[] full = new double[2];
        s.gradient(0.7, -1.3, full, 0);
        assertEquals(full[0], mean[0], 1e-12 * (1 + Math.abs(full[0])));
        assertEquals(full[1], mean[1], 1e-12 * (1 + Math.abs(full[1])));
    }

    /** Linear regression's closed form through sufficient statistics equals the direct sum. */
    @Property(tries = 300)
    void linearRegressionThroughSufficientStatisticsEqualsTheDirectSum(
            @ForAll @IntRange(min = 1, max = 200) int n, @ForAll @DoubleRange(min = -5, max = 5) double mean,
            @ForAll @DoubleRange(min = 0, max = 0.5) double outliers, @ForAll @LongRange(min = 0, max = 1000) long seed,
            @ForAll @DoubleRange(min = -10, max = 10) double w, @ForAll @DoubleRange(min = -10, max = 10) double b) {
        DataSurface s = (DataSurface) Surfaces.create("linear_regression",
                Map.of("n", n, "x_mean", mean, "outliers", outliers, "data_seed", seed));
        double direct = s.directValue(w, b);
        assertEquals(direct, s.value(w, b), 1e-12 * (1 + direct));
    }
}
