package dev.descent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Surfaces;
import dev.descent.sim.Simulation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Undo, redo and unsaved changes, without a window. */
class SessionHistoryTest {

    private final Simulation sim = new Simulation(Surfaces.create("rosenbrock"), m -> { });

    @AfterEach
    void close() {
        sim.close();
    }

    static SessionConfig bowl() {
        return new SessionConfig("test", null, "quadratic", Map.of(), List.of(RunConfig.of("run 0", null, "sgd", Map.of("lr", 0.02), 2, 1)),
                100, 10_000, null, null, null, null, 0, null);
    }

    private static double lr(SessionController c, int i) {
        return ((Number) c.run(i).hyperparameters().get("lr")).doubleValue();
    }

    @Test
    void everyKindOfChangeIsUndoneAndRedoneInOrder() {
        SessionController c = new SessionController(sim, bowl());
        assertFalse(c.canUndo());
        assertFalse(c.hasUnsavedChanges(), "a session just opened has nothing unsaved");

        c.addRun();                                                     // 1: a run added
        c.updateRun(0, m -> m.withHyperparameter("lr", 0.05));          // 2: a run edited
        c.updateRunLook(1, m -> m.withName("fast"));                    // 3: renamed
        c.moveStart(null, -1, 0.5);                                     // 4: starts moved
        c.setSurface("himmelblau");                                     // 5: surface changed
        c.removeRun(1);                                                 // 6: a run removed
        assertTrue(c.hasUnsavedChanges());
        assertEquals(1, c.runs().size());

        assertTrue(c.undo());                                           // 6 back
        assertEquals(2, c.runs().size());
        assertEquals("fast", c.run(1).name());
        assertTrue(c.undo());                                           // 5 back
        assertEquals("quadratic", c.session().surface());
        assertEquals(-1, c.run(0).x0());
        assertTrue(c.undo());                                           // 4 back
        assertEquals(2, c.run(0).x0());
        assertEquals(1, c.run(0).y0());
        assertTrue(c.undo());                                           // 3 back
        assertNotEquals("fast", c.run(1).name());
        assertTrue(c.undo());                                           // 2 back
        assertEquals(0.02, lr(c, 0));
        assertTrue(c.undo());                                           // 1 back
        assertEquals(1, c.runs().size());
        assertFalse(c.canUndo());
        assertFalse(c.undo());
        assertFalse(c.hasUnsavedChanges(), "undone back to the opened session");

        assertTrue(c.redo());
        assertTrue(c.redo());
        assertEquals(2, c.runs().size());
        assertEquals(0.05, lr(c, 0));
        assertTrue(c.hasUnsavedChanges());

        // a new change after an undo forgets what could be redone
        c.undo();
        c.updateRun(0, m -> m.withHyperparameter("lr", 0.07));
        assertFalse(c.canRedo());
        assertEquals(0.07, lr(c, 0));
    }

    @Test
    void aRefusedChangeIsNotAStepOfTheHistory() {
        SessionController c = new SessionController(sim, bowl());
        assertTrue(c.updateRun(0, m -> m.withHyperparameter("lr", -1.0)).isPresent());
        assertFalse(c.canUndo());
        assertFalse(c.hasUnsavedChanges());
    }

    @Test
    void savingMarksTheSessionCleanAndUndoingPastItMakesItDirtyAgain() {
        SessionController c = new SessionController(sim, bowl());
        c.addRun();
        c.markSaved();
        assertFalse(c.hasUnsavedChanges());
        c.undo();
        assertTrue(c.hasUnsavedChanges(), "the saved file has two runs, the window one");
        c.redo();
        assertFalse(c.hasUnsavedChanges());
    }

    @Test
    void openingAnotherSessionForgetsTheHistory() {
        SessionController c = new SessionController(sim, bowl());
        c.addRun();
        c.load(bowl());
        assertFalse(c.canUndo());
        assertFalse(c.hasUnsavedChanges());
    }

    @Test
    void undoKeepsTheViewAndSpeedOfNow() {
        SessionController c = new SessionController(sim, bowl());
        c.addRun();
        c.setSpeed(777);
        c.undo();
        assertEquals(777, c.session().speed());
        assertEquals(1, c.runs().size());
    }

    @Test
    void aDragIsOneStepButSeparateChangesAreNot() {
        AtomicLong now = new AtomicLong();
        SessionHistory h = new SessionHistory(now::get);
        h.clear();
        SessionConfig a = bowl();
        SessionConfig b = a.withSpeed(1);
        SessionConfig c = a.withSpeed(2);
        h.record(a, "start:0");
        now.addAndGet(10_000_000L);
        h.record(b, "start:0");           // the same drag, 10 ms later: merged
        assertEquals(a, h.undo(c));
        assertNull(h.undo(a));

        h.clear();
        h.record(a, "start:0");
        now.addAndGet(2 * SessionHistory.COALESCE_NANOS);
        h.record(b, "start:0");           // a second click later on: its own step
        assertEquals(b, h.undo(c));
        assertEquals(a, h.undo(b));

        h.clear();
        h.record(a, "run:0");
        h.record(b, "run:1");             // another run at once: its own step
        assertEquals(b, h.undo(c));
        assertEquals(a, h.undo(b));
    }
}
