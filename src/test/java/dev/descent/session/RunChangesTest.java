package dev.descent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Surfaces;
import dev.descent.sim.Simulation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changing a run or the surface: automatic names follow the optimizer, η comes along, a formula must be defined at the starts. */
class RunChangesTest {

    private final Simulation sim = new Simulation(Surfaces.create("rosenbrock"), m -> { });

    @AfterEach
    void close() {
        sim.close();
    }

    private SessionController controller(RunConfig... runs) {
        return new SessionController(sim, new SessionConfig("t", null, "quadratic", Map.of(), List.of(runs), 100, 10_000,
                null, null, null, null, 0, null));
    }

    @Test
    void anAutomaticallyNamedRunIsRenamedAndKeepsItsLearningRate() {
        SessionController c = controller(RunConfig.of("Adam", null, "adam", Map.of("lr", 0.05), 2, 1),
                RunConfig.of("Adam (2)", null, "adam", Map.of("lr", 0.3), 2, 1));
        assertEquals(Optional.empty(), c.changeOptimizer(1, "lbfgs"));
        assertEquals("L-BFGS", c.run(1).name(), "no longer 'Adam (2): L-BFGS η=1'");
        assertEquals(0.3, ((Number) c.run(1).hyperparameters().get("lr")).doubleValue());
        assertEquals("lbfgs", c.run(1).optimizer());

        assertEquals(Optional.empty(), c.changeOptimizer(0, "lbfgs"));
        assertEquals("L-BFGS (2)", c.run(0).name(), "names stay unique");
    }

    @Test
    void aNameTheUserGaveIsKept() {
        SessionController c = controller(RunConfig.of("fast one", null, "sgd", Map.of("lr", 0.05), 2, 1));
        c.changeOptimizer(0, "adam");
        assertEquals("fast one", c.run(0).name());
        assertEquals(0.05, ((Number) c.run(0).hyperparameters().get("lr")).doubleValue());
    }

    @Test
    void theDefaultLearningRateComesAlongToo() {
        SessionController c = controller(RunConfig.of("SGD", null, "sgd", Map.of(), 2, 1));
        c.changeOptimizer(0, "adam");
        assertEquals("Adam", c.run(0).name());
        assertEquals(0.01, ((Number) c.run(0).hyperparameters().get("lr")).doubleValue(), "SGD's default 0.01, not Adam's 0.001");
    }

    @Test
    void aWrappersLearningRateIsItsInnerOptimizersAndComesAlong() {
        // Lookahead's η is its inner Adam's 0.001 (it once showed NaN, "the inner optimizer's", which Adam refused)
        SessionController c = controller(RunConfig.of("Lookahead", null, "lookahead", Map.of(), 2, 1));
        Optional<String> note = c.changeOptimizer(0, "adam");
        assertTrue(note.isEmpty(), note.toString());
        assertEquals("adam", c.run(0).optimizer());
        assertEquals("Adam", c.run(0).name());
        assertEquals(0.001, ((Number) c.run(0).hyperparameters().get("lr")).doubleValue());
    }

    @Test
    void aFormulaUndefinedAtAStartIsRefusedWithTheRunAndThePoint() {
        SessionController c = controller(RunConfig.of("SGD", null, "sgd", Map.of(), -1.5, 1));
        c.setSurface("custom");
        c.moveStart(0, -1.5, 1);
        String before = c.session().surfaceParams().toString();
        Optional<String> r = c.setSurfaceParam("expr", "log(x) + y**2");
        assertTrue(r.isPresent());
        assertTrue(r.get().contains("(-1.5, 1)") && r.get().contains("SGD"), r.get());
        assertEquals(before, c.session().surfaceParams().toString(), "the formula in force stays");

        c.moveStart(0, 2, 1);
        assertEquals(Optional.empty(), c.setSurfaceParam("expr", "log(x) + y**2"));
    }
}
