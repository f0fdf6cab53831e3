package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.session.SessionFiles;
import dev.descent.session.Sessions;
import dev.descent.sim.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace --save-session}: the traced run, saved as a session file, is the same run. */
class SaveSessionTest {

    @Test
    void theSavedSessionGivesTheRowsTracePrinted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("clipped.json");
        CliTest.Result r = CliTest.run("trace", "--surface", "cliff", "--optimizer", "sgd", "--param", "lr=0.2",
                "--clip", "5", "--noise", "additive", "--sigma", "0.05", "--seed", "9", "--start", "-1,0.5",
                "--steps", "50", "--save-session", f.toString());
        assertEquals(0, r.exit(), r.err());
        SessionConfig s = SessionFiles.read(f);
        assertEquals("cliff", s.surface());
        assertEquals(50, s.stepLimit());
        RunConfig run = s.runs().get(0);
        assertEquals(5.0, run.clipNorm());
        assertEquals(0.05, run.sigma());
        List<Trace.Row> rows = Trace.rows(run.toRunSpec(Sessions.surface(s)), 50, false);
        List<String> printed = r.lines();
        assertEquals(52, printed.size());
        for (int k = 0; k <= 50; k++) {
            Trace.Row row = rows.get(k);
            assertEquals(k + "," + row.x() + "," + row.y() + "," + row.loss(), printed.get(k + 1), "row " + k);
        }
    }

    @Test
    void aFolderThatDoesNotExistIsNamedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        CliTest.Result r = CliTest.run("trace", "--surface", "quadratic", "--save-session", dir.resolve("no/such/x.json").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no/such") || r.err().contains("no" + java.io.File.separator + "such"), r.err());
        assertFalse(Files.exists(dir.resolve("no")));
    }
}
