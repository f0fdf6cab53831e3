package dev.descent.session;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The noise policy holds for session files and the window too: the same refusal as the CLI's. */
class NoisePolicyTest {

    @Test
    void aSessionRunWithNoiseAndAnExactGradientMethodIsRefusedSayingWhy() {
        Surface rosen = Surfaces.create("rosenbrock");
        for (String o : new String[] {"bfgs", "lbfgs", "cg", "newton"}) {
            RunConfig r = new RunConfig("r", "#E69F00", o, Map.of(), null, null, new double[] {-1.2, 1}, "additive", 0.1, 1, true, null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.toRunSpec(rosen));
            assertTrue(e.getMessage().contains("needs exact gradients") && e.getMessage().contains("noise"), e.getMessage());
        }
        RunConfig adam = new RunConfig("r", "#E69F00", "adam", Map.of(), null, null, new double[] {-1.2, 1}, "additive", 0.1, 1, true, null);
        adam.toRunSpec(rosen);
    }
}
