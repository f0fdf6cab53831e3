package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link Surface#gradients} (the batched engine's fast path) against the scalar gradient, bit for
 * bit, for the overrides and for the in-place default.
 */
class BatchedGradientsProperties {

    @Provide
    Arbitrary<Surface> surfaces() {
        return Arbitraries.of(SurfaceCases.all());
    }

    @Property(tries = 300)
    void batchEqualsScalarGradientsBitForBit(@ForAll("surfaces") Surface s,
                                            @ForAll @IntRange(min = 1, max = 70) int n,
                                            @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Viewport v = s.defaultViewport();
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            p[i] = v.xMin() + random.nextDouble() * v.width();
            p[n + i] = v.yMin() + random.nextDouble() * v.height();
        }
        double[] before = p.clone();
        // a sentinel past the end: the batch must stay inside its 2n slots
        double[] grad = new double[2 * n + 1];
        Arrays.fill(grad, Double.NaN);
        grad[2 * n] = 12345;
        new BatchedSurface(s, n).gradient(p, grad);
        double[] g = new double[2];
        for (int i = 0; i < n; i++) {
            s.gradient(p[i], p[n + i], g, 0);
            assertEquals(Double.doubleToRawLongBits(g[0]), Double.doubleToRawLongBits(grad[i]), s + " ∂f/∂x of run " + i + " of " + n);
            assertEquals(Double.doubleToRawLongBits(g[1]), Double.doubleToRawLongBits(grad[n + i]), s + " ∂f/∂y of run " + i + " of " + n);
        }
        assertEquals(12345, grad[2 * n]);
        assertEquals(Arrays.toString(before), Arrays.toString(p), "the points must not change");
    }

    /** The default's bookkeeping differs for one, two and more runs; Beale does not override it. */
    @Test
    void defaultImplementationHandlesTheSmallBatches() {
        Surface beale = Surfaces.create("beale");
        for (int n = 1; n <= 4; n++) {
            double[] p = new double[2 * n];
            for (int i = 0; i < 2 * n; i++) {
                p[i] = 0.37 * i - 1.1;
            }
            double[] grad = new double[2 * n];
            new BatchedSurface(beale, n).gradient(p, grad);
            double[] g = new double[2];
            for (int i = 0; i < n; i++) {
                beale.gradient(p[i], p[n + i], g, 0);
                assertEquals(g[0], grad[i], 0.0, "n=" + n + " run " + i);
                assertEquals(g[1], grad[n + i], 0.0, "n=" + n + " run " + i);
            }
        }
    }

    @Test
    void batchedSurfaceGivesEachRunItsOwnGradient() {
        Surface s = Surfaces.create("himmelblau");
        BatchedSurface batch = new BatchedSurface(s, 3);
        double[] p = {0, -1, 3, 0, -1, 2};
        double[] grad = new double[6];
        batch.gradient(p, grad);
        double[] g = new double[2];
        for (int i = 0; i < 3; i++) {
            s.gradient(p[i], p[3 + i], g, 0);
            assertEquals(g[0], grad[i], 0.0);
            assertEquals(g[1], grad[3 + i], 0.0);
        }
        assertEquals(170 + 170 + 0, batch.value(p), 0.0);
    }
}
