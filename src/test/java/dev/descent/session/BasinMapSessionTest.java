package dev.descent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.export.SessionFileOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The basin map is part of a session file: saved, opened as saved, refused when it names no run. */
class BasinMapSessionTest {

    @TempDir
    Path dir;

    private static final String TWO_RUNS = "\"surface\": \"himmelblau\", \"runs\": [{\"name\": \"A\", \"optimizer\": \"adam\"},"
            + " {\"name\": \"B\", \"optimizer\": \"sgd\"}]";

    @Test
    void aDifferenceMapIsSavedAndOpensAsSaved() throws Exception {
        SessionConfig s = SessionFiles.validate(SessionFilesTest.everything())
                .withBasinMap(new BasinMapConfig(2, 0, 1000));
        Path f = dir.resolve("map.json");
        SessionFileOutput.write(s, f);
        String text = Files.readString(f);
        assertTrue(text.contains("\"basinMap\""), text);
        SessionConfig back = SessionFiles.read(f);
        assertEquals(new BasinMapConfig(2, 0, 1000), back.basinMap());
        assertEquals(s, back);
    }

    @Test
    void aSessionWithoutAMapWritesNoMapAndOldFilesOpenWithout() throws Exception {
        SessionConfig s = SessionFiles.validate(SessionFilesTest.everything());
        assertFalse(SessionFiles.toJson(s).contains("basinMap"));
        SessionConfig old = SessionFiles.parse("{\"version\": 1, " + TWO_RUNS + "}");
        assertNull(old.basinMap());
        SessionConfig plain = SessionFiles.parse("{\"version\": 1, " + TWO_RUNS + ", \"basinMap\": {\"run\": 1}}");
        assertEquals(new BasinMapConfig(1, null, BasinMapConfig.DEFAULT_STEPS), plain.basinMap());
    }

    @Test
    void aMapNamingNoRunOrBadStepsIsRefusedByName() {
        String[][] cases = {
                {"{\"run\": 2}", "basinMap.run", "0 to 1"},
                {"{\"run\": -1}", "basinMap.run", "-1"},
                {"{\"steps\": 10}", "basinMap.run", "no \"run\""},
                {"{\"run\": 0, \"compareWith\": 0}", "basinMap.compareWith", "the mapped run itself"},
                {"{\"run\": 0, \"compareWith\": 5}", "basinMap.compareWith", "5"},
                {"{\"run\": 0, \"steps\": 0}", "basinMap.steps", "from 1 to 100000"},
                {"{\"run\": 0, \"steps\": 2.5}", "basinMap.steps", "2.5"},
                {"{\"run\": 0, \"shade\": true}", "unknown field \"shade\"", ""},
        };
        for (String[] c : cases) {
            String json = "{\"version\": 1, " + TWO_RUNS + ", \"basinMap\": " + c[0] + "}";
            String m = assertThrows(SessionFiles.SessionFileException.class, () -> SessionFiles.parse(json), c[0]).getMessage();
            assertTrue(m.contains(c[1]) && m.contains(c[2]), c[0] + " → " + m);
        }
    }

    @Test
    void removingTheMappedRunsKeepsTheMapOnRunsThatExist() {
        SessionConfig s = SessionFiles.parse("{\"version\": 1, " + TWO_RUNS + ", \"basinMap\": {\"run\": 1, \"compareWith\": 0}}");
        SessionConfig one = s.withRuns(s.runs().subList(0, 1));
        // a file saved now must open again: the map names run 0, without a comparison
        assertEquals(new BasinMapConfig(0, null, BasinMapConfig.DEFAULT_STEPS), one.basinMap());
        assertEquals(one, SessionFiles.parse(SessionFiles.toJson(one)));
        assertNull(s.withRuns(java.util.List.of()).basinMap());
    }
}
