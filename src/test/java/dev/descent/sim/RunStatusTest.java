package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statuses a teacher reads off a run, decided once by {@link StatusRule} for the window and {@code trace}. */
class RunStatusTest {

    private static RunSpec spec(String surface, String optimizer, Map<String, ?> params, double x0, double y0) {
        Surface s = Surfaces.create(surface);
        Optimizer o = Optimizers.find(optimizer).create(params);
        return new RunSpec(s, o, x0, y0);
    }

    private static RunFrame runInEngine(RunSpec spec, long limit) {
        Engine engine = new Engine(spec.surface());
        engine.apply(new Command.Load(List.of(new Command.RunConfig(1, spec))));
        engine.apply(new Command.SetStepLimit(limit));
        engine.step(limit);
        return engine.frame().run(1);
    }

    /** The engine and trace --summary agree on the status and where the run stopped. */
    private static RunStatus status(RunSpec spec, long limit) {
        RunFrame f = runInEngine(spec, limit);
        Trace.Summary s = Trace.summarize(spec, limit);
        assertEquals(f.status(), s.status(), "engine and trace");
        assertEquals(f.step(), s.steps(), "steps in engine and trace");
        assertEquals(f.uphillSteps(), s.uphillSteps(), "uphill steps in engine and trace");
        assertEquals(f.gradientEvaluations(), s.gradientEvaluations());
        return s.status();
    }

    @Test
    void gradientDescentIntoTheSaddleIsStalledNotConverged() {
        assertEquals(RunStatus.STALLED, status(spec("saddle", "sgd", Map.of("lr", 0.1), 1, 0), 10_000));
    }

    @Test
    void gradientDescentIntoTheMonkeySaddleIsStalled() {
        // the monkey saddle's Hessian vanishes at the origin: a degenerate point, not a minimum
        assertEquals(RunStatus.STALLED, status(spec("monkey_saddle", "sgd", Map.of("lr", 0.1), 1, 0), 200_000));
    }

    @Test
    void leavingDownhillOnASurfaceUnboundedBelowIsEscapedNotDiverged() {
        assertEquals(RunStatus.ESCAPED, status(spec("saddle", "sgd", Map.of("lr", 0.1), 1, 1e-3), 10_000));
    }

    @Test
    void overshootingABowlIsDiverged() {
        assertEquals(RunStatus.DIVERGED, status(spec("quadratic", "sgd", Map.of("lr", 0.5), 2, 1), 10_000));
    }

    @Test
    void reachingTheBottomOfABowlIsConverged() {
        assertEquals(RunStatus.CONVERGED, status(spec("quadratic", "sgd", Map.of("lr", 0.02), 2, 1), 10_000));
        assertEquals(RunStatus.CONVERGED, status(spec("rosenbrock", "newton", Map.of(), -1.2, 1), 100));
    }

    @Test
    void stillMovingAtTheStepLimitIsFinished() {
        assertEquals(RunStatus.FINISHED, status(spec("quadratic", "sgd", Map.of("lr", 0.001), 2, 1), 30));
    }

    @Test
    void everyStepThatRaisedTheLossIsFlagged() {
        // Newton's full second step on Rosenbrock goes from f ≈ 4.73 to ≈ 1411.8
        RunFrame f = runInEngine(spec("rosenbrock", "newton", Map.of(), -1.2, 1), 3);
        History.Snapshot h = f.history();
        assertEquals(0, h.get(Engine.UPHILL, 1));
        assertEquals(1, h.get(Engine.UPHILL, 2));
        assertTrue(h.get(3, 2) > h.get(3, 1));
        long flagged = 0;
        for (int i = 1; i < h.rows(); i++) {
            flagged += (long) h.get(Engine.UPHILL, i);
            assertEquals(h.get(3, i) > h.get(3, i - 1) ? 1 : 0, h.get(Engine.UPHILL, i), "row " + i);
        }
        assertEquals(flagged, f.uphillSteps());
        // with the line search, never
        RunFrame armijo = runInEngine(spec("rosenbrock", "newton", Map.of("line_search", "armijo"), -1.2, 1), 100);
        assertEquals(0, armijo.uphillSteps());
        assertEquals(RunStatus.CONVERGED, armijo.status());
    }

    @Test
    void eachRowCountsWhatItCost() {
        RunFrame sgd = runInEngine(spec("quadratic", "sgd", Map.of("lr", 0.01), 2, 1), 10);
        for (int i = 1; i <= 10; i++) {
            assertEquals(1, sgd.history().get(Engine.GRADIENT_EVALUATIONS, i), "SGD: one gradient per step");
        }
        assertEquals(10, sgd.gradientEvaluations());
        // one L-BFGS row is up to max_iter = 20 iterations: many evaluations
        RunFrame lbfgs = runInEngine(spec("rosenbrock", "lbfgs", Map.of(), -1.2, 1), 1);
        double first = lbfgs.history().get(Engine.FUNCTION_EVALUATIONS, 1);
        assertTrue(first > 5, "L-BFGS's first row cost " + first + " evaluations");
        assertEquals(lbfgs.functionEvaluations(), (long) first);
    }

    @Test
    void theLearningRateChannelIsTheStepLengthTakenByALineSearch() {
        // BFGS on ½(x² + 10y²) from (2, 1): the first trial is t = 1, the step taken t* = 104/1004
        RunFrame f = runInEngine(spec("quadratic", "bfgs", Map.of(), 2, 1), 1);
        assertEquals(104.0 / 1004, f.history().get(4, 1), 1e-15);
        RunFrame sgd = runInEngine(spec("quadratic", "sgd", Map.of("lr", 0.01), 2, 1), 1);
        assertEquals(0.01, sgd.history().get(4, 1));
    }

    @Test
    void summaryJsonNamesEveryField() {
        String json = Trace.summarize(spec("quadratic", "sgd", Map.of("lr", 0.001), 2, 1), 5).toJson();
        assertTrue(json.matches("\\{\"status\":\"finished\",\"steps\":5,\"function_evaluations\":5,"
                + "\"gradient_evaluations\":5,\"uphill_steps\":0,\"x\":[-0-9.E]+,\"y\":[-0-9.E]+,\"f\":[-0-9.E]+,"
                + "\"grad_norm\":[-0-9.E]+}"), json);
    }

    @Test
    void eigenvaluesAreLabelledMinAndMaxNotAsCoordinates() {
        List<String> newton = Trace.probeColumns(spec("saddle", "newton", Map.of(), 1, 0.5));
        assertTrue(newton.contains("hessian_eigenvalues_min") && newton.contains("hessian_eigenvalues_max"), newton.toString());
        assertTrue(newton.contains("grad_x"), newton.toString());
        assertTrue(newton.stream().noneMatch(c -> c.startsWith("hessian_eigenvalues_x")), newton.toString());
        List<String> bfgs = Trace.probeColumns(spec("quadratic", "bfgs", Map.of(), 1, 0.5));
        assertTrue(bfgs.contains("inverse_hessian_eigenvalues_min"), bfgs.toString());
    }
}
