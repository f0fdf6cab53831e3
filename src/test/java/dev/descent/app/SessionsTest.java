package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.export.SessionFileOutput;
import dev.descent.session.Presets;
import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.session.Sessions;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {

    /**
     * Optimizers the lessons use that arrive from other branches (first-order and second-order
     * methods). A lesson may name one of these before its branch is merged: that run is left out
     * with a message. Any other unknown name is an error in the lesson.
     */
    private static final Set<String> ARRIVING = Set.of("adam", "rmsprop", "adagrad", "lbfgs", "newton");

    @Test
    void everyPresetOpensWithEveryRunItNames() {
        List<Presets.Preset> all = Presets.all();
        assertTrue(all.size() >= 7, "at least seven lessons, found " + all.size());
        for (Presets.Preset p : all) {
            SessionConfig s = p.session();
            assertTrue(s.title() != null && !s.title().isBlank(), p.id() + " has a title");
            assertTrue(s.description() != null && !s.description().isBlank(), p.id() + " has a description");
            Surfaces.find(s.surface());
            Sessions.Opened opened = Sessions.open(s);
            for (RunConfig r : s.runs()) {
                boolean known = Optimizers.all().stream().anyMatch(k -> k.id().equals(r.optimizer()));
                if (!known) {
                    assertTrue(ARRIVING.contains(r.optimizer()), p.id() + " names an unknown optimizer " + r.optimizer());
                }
            }
            long expected = s.runs().stream().filter(r -> Optimizers.all().stream().anyMatch(k -> k.id().equals(r.optimizer()))).count();
            assertEquals(expected, opened.session().runs().size(), p.id() + ": " + opened.problems());
            assertTrue(s.runs().size() <= SessionConfig.MAX_RUNS, p.id() + " has at most 8 runs");
            assertTrue(opened.session().runs().stream().allMatch(r -> r.start() != null && r.color() != null && r.name() != null));
        }
    }

    @Test
    void theDefaultLessonIsTheRosenbrockRace() {
        SessionConfig s = Sessions.defaultSession();
        assertEquals("rosenbrock", s.surface());
        assertFalse(Sessions.open(s).session().runs().isEmpty());
    }

    @Test
    void aSessionSurvivesJson(@TempDir Path dir) throws Exception {
        SessionConfig s = new SessionConfig("t", "d", "quadratic", Map.of("b", 20.0),
                List.of(RunConfig.of("A", "#E69F00", "sgd", Map.of("lr", 0.05, "nesterov", true, "momentum", 0.9), 1, 0.5)
                        .withNoise("additive", 0.5, 7).withVisible(false)),
                250, 777, null, "magma", false, true, 100, true);
        Path f = dir.resolve("s.json");
        SessionFileOutput.write(s, f);
        SessionConfig back = Sessions.read(Files.newInputStream(f));
        assertEquals(s.runs(), back.runs());
        assertEquals(s.surfaceParams(), back.surfaceParams());
        assertEquals(777, back.stepLimit());
        assertEquals("magma", back.colorMap());
        assertEquals(100, back.trail());
        assertTrue(back.applyFromCurrentPoint());
        assertFalse(back.runs().get(0).shown());
    }

    @Test
    void aRunThatCannotBeBuiltIsLeftOutWithItsReason() {
        SessionConfig s = new SessionConfig(null, null, "quadratic", null,
                List.of(RunConfig.of("bad", null, "sgd", Map.of("lr", -1.0), 1, 1), RunConfig.of("good", null, "sgd", Map.of(), 1, 1)),
                0, 0, null, null, null, null, 0, null);
        Sessions.Opened o = Sessions.open(s);
        assertEquals(1, o.session().runs().size());
        assertTrue(o.problems().get(0).contains("Invalid learning rate"), o.problems().toString());
    }
}
