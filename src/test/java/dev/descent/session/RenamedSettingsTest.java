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

    /** Lookahead and SAM runs stored against every inner optimizer's settings at once, with NaN for "the inner's default". */
    private static final String UNION = """
            {"version": 1, "surface": "rosenbrock", "runs": [
              {"name": "L", "optimizer": "lookahead", "hyperparameters": {"k": 7, "inner": "sgd", "lr": 0.05, "eps": "NaN",
               "betas": ["NaN", "NaN"], "amsgrad": false, "momentum": 0.9, "centered": false}, "start": [-1.2, 1]},
              {"name": "S", "optimizer": "sam", "hyperparameters": {"rho": 0.1, "lr": "NaN", "nesterov": false, "nus": [0.7, 1.0]},
               "start": [-1.2, 1]}
            ]}
            """;

    @Test
    void aWrapperRunSavedInTheOldUnionFormOpensWithTheSameValues() throws Exception {
        for (boolean strict : new boolean[] {true, false}) {
            var in = new ByteArrayInputStream(UNION.getBytes(StandardCharsets.UTF_8));
            SessionConfig s = strict ? SessionFiles.read(in) : SessionFiles.readLenient(in);
            assertEquals(java.util.Map.of("k", 7, "inner", "sgd", "lr", 0.05, "momentum", 0.9),
                    s.runs().get(0).hyperparameters(), "NaN and Adam/RMSprop defaults dropped, what SGD takes kept");
            assertEquals(java.util.Map.of("rho", 0.1, "nesterov", false), s.runs().get(1).hyperparameters(),
                    "SGD's own nesterov kept; NaN and QHAdam's default nus dropped");
            var runs = Sessions.open(s).session().runs();
            assertEquals(2, runs.size(), "both runs open");
            assertEquals(new dev.descent.optim.Lookahead(new dev.descent.optim.Sgd(0.05, 0.9, 0, 0, false, false, "torch"), 7, 0.5),
                    dev.descent.optim.Optimizers.find("lookahead").create(runs.get(0).hyperparameters()));
        }
    }
}
