package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.session.RunConfig;
import dev.descent.session.RunPath;
import dev.descent.session.SessionConfig;
import dev.descent.session.SessionFiles;
import dev.descent.session.Sessions;
import dev.descent.sim.RunSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every run option of the command line fits in a session file and comes back as the same run. */
class RunOptionsSessionTest {

    private static RunOptions everything() {
        RunOptions o = new RunOptions();
        o.surface = "quadratic";
        o.surfaceParams = new LinkedHashMap<>(Map.of("a", "1", "b", "20"));
        o.optimizer = "adam";
        o.params = new LinkedHashMap<>(Map.of("lr", "0.05", "betas", "0.8,0.99", "amsgrad", "true"));
        o.schedule = "step";
        o.scheduleParams = new LinkedHashMap<>(Map.of("step_size", "40", "gamma", "0.5"));
        o.start = "-1.5,0.75";
        o.noise = "additive";
        o.sigma = 0.3;
        o.seed = 42;
        o.clip = 2;
        return o;
    }

    @Test
    void aSessionFileHoldsEveryRunOptionAndGivesTheSamePath() {
        RunOptions o = everything();
        SessionConfig saved = o.toSessionConfig();
        String json = SessionFiles.toJson(saved);
        SessionConfig back = SessionFiles.parse(json);

        RunConfig r = back.runs().get(0);
        assertEquals("quadratic", back.surface());
        assertEquals(Map.of("a", 1.0, "b", 20.0), back.surfaceParams());
        assertEquals("adam", r.optimizer());
        assertEquals(Map.of("lr", 0.05, "betas", List.of(0.8, 0.99), "amsgrad", true), r.hyperparameters());
        assertEquals("step", r.schedule());
        assertEquals(Map.of("step_size", 40, "gamma", 0.5), r.scheduleParams());
        assertArrayEquals(new double[] {-1.5, 0.75}, r.start());
        assertEquals("additive", r.noise());
        assertEquals(0.3, r.sigma());
        assertEquals(42, r.seed());
        assertEquals(2.0, r.clipNorm());
        // written again, the file is the same file
        assertEquals(json.replaceAll("(?s)\"name\" : \"[^\"]*\",\\s*\"color\" : \"[^\"]*\",\\s*", ""),
                SessionFiles.toJson(SessionFiles.parse(json)).replaceAll("(?s)\"name\" : \"[^\"]*\",\\s*\"color\" : \"[^\"]*\",\\s*", ""));

        RunSpec fromCli = o.toRunSpec();
        RunSpec fromFile = r.toRunSpec(Sessions.surface(back));
        RunPath a = RunPath.simulate(fromCli, 300);
        RunPath b = RunPath.simulate(fromFile, 300);
        for (int k = 0; k <= 300; k++) {
            assertEquals(a.x(k), b.x(k), 0.0, "x at step " + k);
            assertEquals(a.y(k), b.y(k), 0.0, "y at step " + k);
        }
        // noise and clipping really act: without them the path is another one
        RunPath plain = RunPath.simulate(fromFile.withNoise(dev.descent.math.GradientNoise.NONE).withClipNorm(0), 300);
        assertEquals(false, plain.x(300) == a.x(300) && plain.y(300) == a.y(300), "noise and clipping change the path");
    }
}
