package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.Surfaces;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecondOrderKindsTest {

    private static final List<OptimizerKind> KINDS = List.of(Lbfgs.KIND, ConjugateGradient.KIND, Bfgs.KIND,
            Newton.KIND, LevenbergMarquardt.KIND);

    @ParameterizedTest
    @ValueSource(strings = {"lbfgs", "cg", "bfgs", "newton", "levenberg_marquardt"})
    void registeredUnderTheirIdsAndCoupled(String id) {
        OptimizerKind k = Optimizers.find(id);
        assertEquals(id, k.id());
        assertTrue(KINDS.contains(k));
        Optimizer o = k.create();
        assertFalse(o.isElementwise(), id + " couples the coordinates of a run");
        assertEquals(o, k.create(o.hyperparameters().asMap()), "hyperparameters() round-trips through create()");
        assertEquals(o.lr(), o.hyperparameters().real("lr"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LBFGS", "lbfgs", "LbFgS"})
    void lbfgsIsFoundByTorchName(String name) {
        assertSame(Lbfgs.KIND, Optimizers.find(name));
        assertEquals("LBFGS", Lbfgs.KIND.torchName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lbfgs", "cg", "bfgs", "newton", "levenberg_marquardt"})
    void everyProbeHasOneValuePerCoordinateAfterAStep(String id) {
        Optimizer o = Optimizers.find(id).create();
        Objective f = Surfaces.create("rosenbrock");
        o.checkObjective(f);
        Stepper s = o.newStepper(2);
        double[] theta = {-1.2, 1};
        s.step(f, theta, o.lr());
        assertEquals(1, s.steps());
        assertTrue(s.probes().stream().anyMatch(p -> p.name().equals("grad")), id + " exposes grad");
        for (Probe p : s.probes()) {
            double[] out = {Double.NaN, Double.NaN};
            p.read(out);
            assertTrue(Double.isFinite(out[0]) && Double.isFinite(out[1]), id + " probe " + p.name());
        }
        assertNotEquals(-1.2, theta[0], id + " moved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lbfgs", "cg", "bfgs", "newton", "levenberg_marquardt"})
    void everyParameterHasHelpAndItsDefaultIsAccepted(String id) {
        OptimizerKind k = Optimizers.find(id);
        for (ParamSpec p : k.params()) {
            assertFalse(p.help().isBlank(), id + " " + p.name());
        }
        assertEquals(k.title() + " " + (id.equals("cg") || id.equals("bfgs") ? "t₀" : "η") + "=1", k.create().label());
    }
}
