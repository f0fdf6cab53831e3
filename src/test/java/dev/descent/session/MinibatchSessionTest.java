package dev.descent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.sim.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data settings and minibatches in a session file: read, written, and run as trace --batch-size does. */
class MinibatchSessionTest {

    private static String session(String noise) {
        return "{\"version\": 1, \"surface\": \"tanh_net\", \"surfaceParams\": {\"n\": 40, \"data_seed\": 9, \"noise\": 0.3},"
                + " \"runs\": [{\"name\": \"A\", \"optimizer\": \"sgd\", \"hyperparameters\": {\"lr\": 0.1}, \"start\": [-0.4, 2.2]"
                + noise + "}]}";
    }

    @Test
    void dataSettingsAndBatchSizeSurviveARoundTripAndDriveTheRun() {
        SessionConfig s = SessionFiles.parse(session(", \"noise\": \"minibatch\", \"batchSize\": 4, \"seed\": 7"));
        assertEquals(4, s.runs().get(0).batchSize());
        SessionConfig back = SessionFiles.parse(SessionFiles.toJson(s));
        assertEquals(s.runs().get(0), back.runs().get(0));
        assertEquals(s.surfaceParams(), back.surfaceParams());
        var surface = Sessions.surface(back);
        assertEquals(40, ((dev.descent.math.DataSurface) surface).size());
        List<Trace.Row> rows = Trace.rows(back.runs().get(0).toRunSpec(surface), 12, false);
        // 40 points in batches of 4: steps 1..10 are epoch 0, step 11 opens epoch 1
        assertEquals(0, rows.get(10).batch().epoch());
        assertEquals(1, rows.get(11).batch().epoch());
        SessionConfig full = SessionFiles.parse(session(""));
        assertNull(full.runs().get(0).batchSize());
        assertTrue(!SessionFiles.toJson(full).contains("batchSize"));
        List<Trace.Row> plain = Trace.rows(full.runs().get(0).toRunSpec(surface), 12, false);
        assertNotEquals(plain.get(12).x(), rows.get(12).x());
    }

    @Test
    void minibatchesWithoutABatchSizeOrLargerThanTheDataAreRefused() {
        assertEquals("run 1 ('A'): Invalid noise: minibatch needs a batch size (batchSize)",
                assertThrows(SessionFiles.SessionFileException.class,
                        () -> SessionFiles.parse(session(", \"noise\": \"minibatch\""))).getMessage());
        assertEquals("run 1 ('A'): Invalid batch size: 41 (the data set has 40 points; at most 40)",
                assertThrows(SessionFiles.SessionFileException.class,
                        () -> SessionFiles.parse(session(", \"noise\": \"minibatch\", \"batchSize\": 41"))).getMessage());
    }

    @TempDir
    java.nio.file.Path dir;

    @Test
    void aRelativeDataFileIsFoundBesideTheSessionFileWhereverTheAppStarted() throws Exception {
        // points on y = 2x + 1, saved beside the session as the data command writes them
        java.nio.file.Path data = dir.resolve("line.csv");
        java.nio.file.Files.writeString(data, dev.descent.math.DataSet.regression(new double[] {0, 1, 2},
                new double[] {1, 3, 5}).toCsv());
        java.nio.file.Path file = dir.resolve("lesson.json");
        java.nio.file.Files.writeString(file, "{\"version\": 1, \"surface\": \"linear_regression\","
                + " \"surfaceParams\": {\"file\": \"line.csv\"},"
                + " \"runs\": [{\"name\": \"A\", \"optimizer\": \"sgd\", \"hyperparameters\": {\"lr\": 0.1}}]}");
        assertTrue(!java.nio.file.Files.exists(java.nio.file.Path.of("line.csv")), "not beside the working directory");
        SessionConfig s = SessionFiles.read(file);
        assertEquals(data.toAbsolutePath().normalize().toString(), s.surfaceParams().get("file"));
        var surface = (dev.descent.math.DataSurface) Sessions.surface(s);
        assertEquals(3, surface.size());
        assertEquals(0, surface.value(2, 1), 1e-15, "the line's own fit has zero loss");
        // a name that is not beside the session file is read as it is, and refused if it is nowhere
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace("line.csv", "gone.csv"));
        assertThrows(SessionFiles.SessionFileException.class, () -> SessionFiles.read(file));
    }
}
