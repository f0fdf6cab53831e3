package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Quadratic;
import dev.descent.math.Surface;
import dev.descent.optim.Sgd;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTest {

    private final Surface bowl = new Quadratic(1, 10, 0);

    private RunSpec sgd(double lr, double momentum) {
        return new RunSpec(bowl, Sgd.KIND.create(Map.of("lr", lr, "momentum", momentum)), 2, 1);
    }

    @Test
    void positionsAfterNStepsEqualTheTraceHoweverTheStepsAreBatched() {
        RunSpec spec = sgd(0.02, 0.9);
        Engine engine = new Engine(bowl);
        engine.apply(new Command.Load(List.of(new Command.RunConfig(1, spec))));
        engine.step(7);
        engine.step(1);
        engine.step(42);
        List<Trace.Row> trace = Trace.rows(spec, 50, false);
        RunFrame f = engine.frame().run(1);
        assertEquals(50, f.step());
        assertEquals(trace.get(50).x(), f.x());
        assertEquals(trace.get(50).y(), f.y());
        History.Snapshot h = f.history();
        assertEquals(51, h.rows());
        for (int i = 0; i <= 50; i++) {
            assertEquals(trace.get(i).x(), h.get(1, i), "x of row " + i);
            assertEquals(trace.get(i).y(), h.get(2, i), "y of row " + i);
        }
    }

    @Test
    void aDivergingRunIsFlaggedWhileTheOthersGoOn() {
        Engine engine = new Engine(bowl);
        engine.apply(new Command.Load(List.of(new Command.RunConfig(1, sgd(0.5, 0)), new Command.RunConfig(2, sgd(0.02, 0)))));
        engine.apply(new Command.SetStepLimit(5000));
        engine.apply(new Command.Play());
        for (int i = 0; i < 100 && engine.isPlaying(); i++) {
            engine.step(100);
        }
        Frame f = engine.frame();
        assertEquals(RunStatus.DIVERGED, f.run(1).status());
        assertTrue(Double.isFinite(f.run(1).lastX()), "the last finite point is kept");
        assertTrue(f.run(2).step() > f.run(1).step(), "the healthy run went on");
        assertEquals(RunStatus.CONVERGED, f.run(2).status(), "the healthy run reached the minimum");
        assertFalse(engine.isPlaying(), "playing stops when no run can move");
    }

    @Test
    void stepLimitStopsRunsAndResetGoesBackToTheStart() {
        Engine engine = new Engine(bowl);
        engine.apply(new Command.Load(List.of(new Command.RunConfig(1, sgd(0.001, 0)))));
        engine.apply(new Command.SetStepLimit(30));
        engine.step(100);
        assertEquals(30, engine.frame().run(1).step());
        assertEquals(RunStatus.FINISHED, engine.frame().run(1).status());
        engine.apply(new Command.Reset());
        RunFrame r = engine.frame().run(1);
        assertEquals(0, r.step());
        assertEquals(2.0, r.x());
        assertEquals(1.0, r.y());
    }

    @Test
    void movingTheStartRestartsOnlyTheChosenRun() {
        Engine engine = new Engine(bowl);
        engine.apply(new Command.Load(List.of(new Command.RunConfig(1, sgd(0.01, 0)), new Command.RunConfig(2, sgd(0.01, 0)))));
        engine.step(10);
        engine.apply(new Command.MoveStart(2, -1, 0.5));
        Frame f = engine.frame();
        assertEquals(10, f.run(1).step());
        assertEquals(0, f.run(2).step());
        assertEquals(-1.0, f.run(2).x());
        engine.apply(new Command.MoveStart(null, 0.5, 0.5));
        assertEquals(0.5, engine.frame().run(1).x());
        assertEquals(0.5, engine.frame().run(2).x());
    }

    @Test
    void continuingFromTheCurrentPointKeepsThePath() {
        Engine engine = new Engine(bowl);
        engine.apply(new Command.Load(List.of(new Command.RunConfig(1, sgd(0.01, 0)))));
        engine.step(10);
        double x = engine.frame().run(1).x();
        engine.apply(new Command.UpdateRun(1, sgd(0.05, 0), false));
        RunFrame r = engine.frame().run(1);
        assertEquals(10, r.step());
        assertEquals(x, r.x());
        assertEquals(11, r.history().rows(), "the path so far is kept");
        engine.step(1);
        assertEquals(x - 0.05 * x, engine.frame().run(1).x(), 1e-15, "the new lr applies from here");
    }

    @Test
    void anInvalidCommandChangesNothing() {
        Engine engine = new Engine(bowl);
        engine.apply(new Command.SetSpeed(250));
        try {
            engine.apply(new Command.SetSpeed(-1));
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("Invalid speed: -1.0"));
        }
        assertEquals(250, engine.speed());
    }
}
