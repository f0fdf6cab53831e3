package dev.descent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Session files saved before SGD's "lookahead" variant and Newton's "damped" fix were renamed still open, with the new names. */
class RenamedSettingsTest {

    private static final String OLD = """
            {"version": 1, "surface": "rosenbrock", "runs": [
              {"name": "N", "optimizer": "sgd", "hyperparameters": {"lr": 0.001, "momentum": 0.9, "variant": "lookahead"}, "start": [-1.2, 1]},
              {"name": "H", "optimizer": "newton", "hyperparameters": {"hessian_fix": "damped", "damping": 0.001}, "start": [-1.2, 1]}
            ]}
            """;

    @Test
    void aSavedSessionWithTheOldNamesOpensWithTheNewOnes() throws Exception {
        for (boolean strict : new boolean[] {true, false}) {
            var in = new ByteArrayInputStream(OLD.getBytes(StandardCharsets.UTF_8));
            SessionConfig s = strict ? SessionFiles.read(in) : SessionFiles.readLenient(in);
            assertEquals("classic_nesterov", s.runs().get(0).hyperparameters().get("variant"));
            assertEquals("shift", s.runs().get(1).hyperparameters().get("hessian_fix"));
            assertFalse(s.runs().get(1).hyperparameters().containsKey("damping"), "the absolute damping is not misread as the relative min_shift");
            assertEquals(2, Sessions.open(s).session().runs().size(), "both runs open");
        }
    }
}
