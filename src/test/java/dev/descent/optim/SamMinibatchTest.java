package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.math.DataModel;
import dev.descent.math.DataSet;
import dev.descent.math.DataSurface;
import dev.descent.math.Objective;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SAM on minibatches takes its perturbed gradient on the batch its ascent step drew (Foret et al. 2021, Alg. 1). */
class SamMinibatchTest {

    // five points near y = 2x + 1
    private final DataSurface line = DataSurface.of(DataModel.LINEAR,
            DataSet.regression(new double[] {0, 1, 2, 3, 4}, new double[] {1.2, 2.9, 5.3, 6.8, 9.1}));

    @Test
    void bothGradientsOfAStepComeFromOneBatch() {
        int b = 2;
        long seed = 5;
        double lr = 0.05;
        double rho = 0.1;
        Objective sam = line.minibatches(b, seed);
        Objective batches = line.minibatches(b, seed); // the same shuffle, read by hand
        Stepper s = Sam.KIND.create(Map.of("rho", rho, "lr", lr)).newStepper(2);
        double[] theta = {0.5, -0.5};
        double[] mine = theta.clone();
        for (int t = 1; t <= 7; t++) {
            s.step(sam, theta, lr);
            // by hand: the step's batch at θ, then the same points at θ + ρ·g/‖g‖
            double[] g = new double[2];
            batches.gradient(mine, g);
            double norm = Math.sqrt(g[0] * g[0] + g[1] * g[1]);
            double[] at = {mine[0] + g[0] * (rho / (norm + 1e-12)), mine[1] + g[1] * (rho / (norm + 1e-12))};
            var drawn = batches.sampling();
            int[] index = new int[drawn.lastBatchLength()];
            for (int k = 0; k < index.length; k++) {
                index[k] = drawn.lastBatchIndex(k);
            }
            double[] g2 = new double[2];
            line.batchGradient(at[0], at[1], index, 0, index.length, g2);
            mine[0] -= lr * g2[0];
            mine[1] -= lr * g2[1];
            assertEquals(mine[0], theta[0], 1e-14, "step " + t);
            assertEquals(mine[1], theta[1], 1e-14, "step " + t);
            assertEquals(t, sam.sampling().batches(), "one batch a step");
        }
    }
}
