package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Objective;
import dev.descent.math.Surfaces;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names and documented claims a student reads, checked against what the code does. */
class LabelsAndClaimsTest {

    @Test
    void quasiHyperbolicMethodsComeFromTheirPaperNotTorch() {
        assertEquals(null, Qhm.KIND.torchName());
        assertEquals(null, QhAdam.KIND.torchName());
        assertEquals("Ma & Yarats 2019", Qhm.KIND.source());
        assertEquals("Ma & Yarats 2019", QhAdam.KIND.source());
        assertEquals("torch.optim.Adam", Adam.KIND.source());
        assertEquals("Nocedal & Wright 2006, ch. 3", Newton.KIND.source());
    }

    @Test
    void adamWithoutBiasCorrectionTakesAFirstStepOfAboutThreePointOneSixEta() {
        // Javadoc: (1 − β₁)/√(1 − β₂)·η ≈ 3.16·η, larger than the corrected step η
        Optimizer o = Adam.KIND.create(Map.of("lr", 1e-3, "bias_correction", false));
        Objective f = Surfaces.create("quadratic");
        double[] theta = {2, 1};
        o.newStepper(2).step(f, theta, 1e-3);
        assertEquals(0.1 / Math.sqrt(0.001) * 1e-3, 2 - theta[0], 1e-9);
        assertTrue(2 - theta[0] > 3 * 1e-3);
    }

    @Test
    void nesterovBufferProbeSaysTheStepIsEtaTimesGPlusMuB() {
        Stepper s = Sgd.KIND.create(Map.of("momentum", 0.9, "nesterov", true)).newStepper(2);
        Probe p = s.probes().stream().filter(q -> q.name().equals("momentum_buffer")).findFirst().orElseThrow();
        assertTrue(p.description().contains("η·(g + μ·b)"), p.description());
        Stepper plain = Sgd.KIND.create(Map.of("momentum", 0.9)).newStepper(2);
        Probe q = plain.probes().stream().filter(r -> r.name().equals("momentum_buffer")).findFirst().orElseThrow();
        assertTrue(q.description().contains("η·b"), q.description());
    }

    @Test
    void sgdsLectureNesterovIsNotCalledLookahead() {
        Optimizer o = Sgd.KIND.create(Map.of("momentum", 0.9, "variant", "classic_nesterov"));
        assertEquals("classic_nesterov", o.hyperparameters().get("variant"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sgd.KIND.create(Map.of("momentum", 0.9, "variant", "lookahead")));
        assertTrue(e.getMessage().contains("classic_nesterov"), e.getMessage());
    }

    @Test
    void newtonsShiftFixIsNotCalledDamped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Newton.KIND.create(Map.of("hessian_fix", "damped")));
        assertTrue(e.getMessage().contains("shift"), e.getMessage());
    }
}
