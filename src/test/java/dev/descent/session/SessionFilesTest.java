package dev.descent.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.export.SessionFileOutput;
import dev.descent.export.ExportRuns;
import dev.descent.export.SimulatedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session files: exact round trips, every preset, and refusals that name the problem. */
class SessionFilesTest {

    @TempDir
    Path dir;

    /** A session with every kind of setting a user can make. */
    static SessionConfig everything() {
        return new SessionConfig("Everything", "All the settings", "quadratic", Map.of("a", 1.0, "b", 20.0, "angle", 30.0),
                List.of(RunConfig.of("Adam", "#E69F00", "adam", Map.of("lr", 0.02, "betas", List.of(0.8, 0.99), "amsgrad", true), -1.2, 1)
                                .withSchedule("step").withScheduleParam("step_size", 50).withScheduleParam("gamma", 0.5)
                                .withNoise("additive", 0.3, 42),
                        RunConfig.of("Nesterov", "#56B4E9", "sgd", Map.of("lr", 2e-4, "momentum", 0.9, "nesterov", true), 0.5, 2)
                                .withVisible(false),
                        RunConfig.of("RMSprop", "#009E73", "rmsprop", Map.of("lr", 0.004, "centered", true), -1.5, -0.5)
                                .withNoise("multiplicative", 0.1, 7)),
                350, 1234, new ViewBox(-2.5, 2, -1, 3.5), "magma", false, true, 200, true);
    }

    @Test
    void saveThenOpenGivesAnEqualSessionAndTheSameTrajectories() throws Exception {
        SessionConfig s = SessionFiles.validate(everything());
        Path f = dir.resolve("lesson.json");
        SessionFileOutput.write(s, f);
        assertTrue(Files.readString(f).contains("\"version\" : 1"), Files.readString(f));
        SessionConfig back = SessionFiles.read(f);
        assertEquals(s, back);
        assertEquals(s.runs(), back.runs());
        assertEquals(s.surfaceParams(), back.surfaceParams());
        assertEquals(s.view(), back.view());

        ExportRuns a = ExportRuns.simulate(s, 300);
        ExportRuns b = ExportRuns.simulate(back, 300);
        for (int i = 0; i < s.runs().size(); i++) {
            SimulatedRun ra = a.all().get(i);
            SimulatedRun rb = b.all().get(i);
            assertEquals(ra.rows(), rb.rows());
            assertArrayEquals(ra.xs(), rb.xs());
            assertArrayEquals(ra.ys(), rb.ys());
            assertArrayEquals(ra.loss(), rb.loss());
        }
        // and saving again writes the same bytes
        Path g = dir.resolve("again.json");
        SessionFileOutput.write(back, g);
        assertEquals(Files.readString(f), Files.readString(g));
    }

    @Test
    void everyShippedPresetOpensAndRuns() {
        List<Presets.Preset> all = Presets.all();
        assertTrue(all.size() >= 7);
        for (Presets.Preset p : all) {
            ExportRuns runs = ExportRuns.simulate(p.session(), 100);
            assertEquals(p.session().runs().size(), runs.all().size(), p.id());
            for (SimulatedRun r : runs.all()) {
                assertTrue(r.rows() > 1, p.id() + ": " + r.label() + " took steps");
            }
        }
    }

    @Test
    void everyPresetFileCarriesTheVersion() throws Exception {
        try (var files = Files.list(Path.of("assets/presets"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertTrue(Files.readString(f).contains("\"version\": 1"), f + " has a version");
                SessionFiles.read(f);
            }
        }
    }

    private static String refused(String json) {
        return assertThrows(SessionFiles.SessionFileException.class, () -> SessionFiles.parse(json)).getMessage();
    }

    private static final String RUN = "{\"name\": \"A\", \"optimizer\": \"sgd\", \"hyperparameters\": {\"lr\": 0.01}}";

    private static String session(String runs, String extra) {
        return "{\"version\": 1, \"surface\": \"quadratic\", \"runs\": [" + runs + "]" + extra + "}";
    }

    @Test
    void aGoodMinimalFileOpensWithDefaultsFilledIn() {
        SessionConfig s = SessionFiles.parse(session(RUN, ""));
        assertEquals(1, s.runs().size());
        assertTrue(s.runs().get(0).start() != null && s.runs().get(0).color() != null);
    }

    @Test
    void refusalsNameTheProblem() {
        assertTrue(refused("{\"version\": 2, \"surface\": \"quadratic\"}").contains("newer Descent"));
        assertTrue(refused("{\"surface\": \"quadratic\"}").contains("version"));
        assertTrue(refused("{\"version\": 1, \"surface\": \"quadratic\",").contains("not valid JSON"));
        assertTrue(refused("[1, 2]").contains("expected a JSON object"));
        assertTrue(refused("").contains("empty"));
        assertTrue(refused(session("{\"optimizer\": \"adamm\"}", "")).contains("Unknown optimizer 'adamm'"));
        assertTrue(refused(session("{\"name\": \"X\", \"optimizer\": \"sgd\", \"hyperparameters\": {\"lr\": -1}}", ""))
                .contains("run 1 ('X')"));
        assertTrue(refused(session(RUN, ", \"speed\": -5")).contains("speed"));
        assertTrue(refused(session(RUN, ", \"stepLimit\": 0")).contains("stepLimit"));
        assertTrue(refused(session(RUN, ", \"colorMap\": \"jet\"")).contains("colour map"));
        assertTrue(refused(session(RUN, ", \"view\": {\"xMin\": 1, \"xMax\": 0, \"yMin\": 0, \"yMax\": 1}")).contains("view"));
        assertTrue(refused(session(RUN, ", \"colour\": 3")).contains("unknown field \"colour\""));
        assertTrue(refused(session("{\"optimizer\": \"sgd\", \"lr\": 0.1}", "")).contains("unknown field \"lr\" in runs[0]"));
        assertTrue(refused(session("{\"optimizer\": \"sgd\", \"color\": \"orange\"}", "")).contains("color"));
        assertTrue(refused(session("{\"optimizer\": \"sgd\", \"start\": [1]}", "")).contains("start"));
        assertTrue(refused(session("{\"optimizer\": \"sgd\", \"noise\": \"loud\"}", "")).contains("noise"));
        assertTrue(refused("{\"version\": 1, \"surface\": \"nowhere\"}").contains("Unknown surface"));
        assertTrue(refused("{\"version\": 1, \"surface\": \"quadratic\", \"speed\": \"fast\"}").contains("speed"));
        String nine = String.join(",", java.util.Collections.nCopies(9, RUN));
        assertTrue(refused(session(nine, "")).contains("at most 8"));
    }

    @Test
    void aFileThatIsNotThereOrNotJsonIsNamed() throws Exception {
        Path missing = dir.resolve("nope.json");
        assertTrue(assertThrows(SessionFiles.SessionFileException.class, () -> SessionFiles.read(missing)).getMessage().contains("no such file"));
        Path bad = Files.writeString(dir.resolve("bad.json"), "hello");
        String m = assertThrows(SessionFiles.SessionFileException.class, () -> SessionFiles.read(bad)).getMessage();
        assertTrue(m.startsWith("bad.json: not valid JSON"), m);
    }

    @Test
    void theRememberedSessionIsReadLenientlyAndLeavesOutBadRuns() throws Exception {
        String json = "{\"version\": 9, \"surface\": \"quadratic\", \"future\": true, \"runs\": [" + RUN
                + ", {\"name\": \"B\", \"optimizer\": \"adamm\"}]}";
        SessionConfig s = Sessions.read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Sessions.Opened o = Sessions.open(s);
        assertEquals(1, o.session().runs().size());
        assertEquals(1, o.problems().size());
    }
}
