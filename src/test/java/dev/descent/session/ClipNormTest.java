package dev.descent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.sim.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's gradient clipping in a session file: read, written, validated, and applied as trace --clip does. */
class ClipNormTest {

    private static String session(String clip) {
        return "{\"version\": 1, \"surface\": \"cliff\", \"runs\": [{\"name\": \"A\", \"optimizer\": \"sgd\","
                + " \"hyperparameters\": {\"lr\": 0.2}" + clip + "}]}";
    }

    @Test
    void aClippedRunKeepsItsStepsShortOnTheCliff() {
        SessionConfig clipped = SessionFiles.parse(session(", \"clipNorm\": 5"));
        SessionConfig plain = SessionFiles.parse(session(""));
        assertEquals(5.0, clipped.runs().get(0).clipNorm());
        assertNull(plain.runs().get(0).clipNorm());
        var surface = Sessions.surface(clipped);
        List<Trace.Row> c = Trace.rows(clipped.runs().get(0).toRunSpec(surface), 10, false);
        List<Trace.Row> p = Trace.rows(plain.runs().get(0).toRunSpec(surface), 10, false);
        double longestClipped = 0;
        double longestPlain = 0;
        for (int k = 1; k <= 10; k++) {
            longestClipped = Math.max(longestClipped, Math.hypot(c.get(k).x() - c.get(k - 1).x(), c.get(k).y() - c.get(k - 1).y()));
            longestPlain = Math.max(longestPlain, Math.hypot(p.get(k).x() - p.get(k - 1).x(), p.get(k).y() - p.get(k - 1).y()));
        }
        assertTrue(longestClipped <= 0.2 * 5 + 1e-9, "a clipped step is at most η·c: " + longestClipped);
        assertTrue(longestPlain > 10, "the plain run is thrown: " + longestPlain);
    }

    @Test
    void writtenOnlyWhenSetAndRefusedWhenNegative() {
        SessionConfig clipped = SessionFiles.parse(session(", \"clipNorm\": 5"));
        assertTrue(SessionFiles.toJson(clipped).contains("\"clipNorm\" : 5.0"), SessionFiles.toJson(clipped));
        assertEquals(clipped.runs().get(0), SessionFiles.parse(SessionFiles.toJson(clipped)).runs().get(0));
        assertTrue(!SessionFiles.toJson(SessionFiles.parse(session(""))).contains("clipNorm"));
        String m = assertThrows(SessionFiles.SessionFileException.class, () -> SessionFiles.parse(session(", \"clipNorm\": -1")))
                .getMessage();
        assertTrue(m.contains("run 1 ('A')") && m.contains("clipping norm: -1.0"), m);
    }
}
