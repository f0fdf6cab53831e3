package dev.descent.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.GradientNoise;
import dev.descent.math.Surfaces;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one validator: every problem of a session at once, each addressed by field, in torch's style. */
class ConfigChecksTest {

    private static RunConfig run(String name, String color, Map<String, Object> hp) {
        return new RunConfig(name, color, "sgd", hp, null, null, new double[] {1, 1}, null, null, 0, true, null);
    }

    @Test
    void everyProblemIsListedByItsField() {
        SessionConfig s = new SessionConfig(null, null, "quadratic", Map.of(),
                List.of(run("A", "#12", Map.of("lr", 0.1)),
                        run("B", "#123456", Map.of("lr", -1.0)),
                        run("C", null, Map.of()).withNoise("pink", 0.1, 0).withClipNorm(-2)),
                100, 10, null, "jet", null, null, 0, null);
        List<Problem> p = ConfigChecks.session(s);
        List<String> fields = p.stream().map(Problem::field).toList();
        assertEquals(List.of("colorMap", "run 1 ('A').color", "run 2 ('B')", "run 3 ('C').noise", "run 3 ('C').clipNorm"), fields,
                ConfigChecks.describe(p));
        assertEquals("Invalid colour map: 'jet' (known: viridis, cividis, magma, inferno, grey)", p.get(0).message());
        assertEquals("Invalid colour: '#12' (expected #rrggbb)", p.get(1).message());
        assertTrue(p.get(2).message().contains("-1.0"), p.get(2).message());
        assertEquals("Invalid noise kind: 'pink' (known: none, additive, multiplicative, minibatch)", p.get(3).message());
        assertTrue(p.get(4).message().startsWith("Invalid gradient clipping norm: -2.0"), p.get(4).message());
        assertEquals("run 1 ('A').color: Invalid colour: '#12' (expected #rrggbb)", p.get(1).toString());
    }

    @Test
    void aGoodSessionHasNoProblemAndItsRunsAreBuilt() {
        SessionConfig s = new SessionConfig(null, null, "quadratic", Map.of(), List.of(run("A", "#123456", Map.of("lr", 0.1))),
                100, 10, null, null, null, null, 0, null);
        assertEquals(List.of(), ConfigChecks.session(s));
        ConfigChecks.Checked c = ConfigChecks.run("run 1", Surfaces.create("quadratic"), s.runs().get(0));
        assertTrue(c.ok());
        assertEquals(1.0, c.spec().x0());
    }

    @Test
    void singleSettingsAreRefusedNamingTheValue() {
        assertEquals("Invalid speed: 0.0 (steps per second, more than 0 and at most 10000000)",
                assertThrows(IllegalArgumentException.class, () -> ConfigChecks.speed(0)).getMessage());
        assertEquals("Invalid speed: 2.0E7 (steps per second, more than 0 and at most 10000000)",
                assertThrows(IllegalArgumentException.class, () -> ConfigChecks.speed(2e7)).getMessage());
        assertEquals("Invalid step limit: 0 (a whole number from 1 to 1000000000)",
                assertThrows(IllegalArgumentException.class, () -> ConfigChecks.stepLimit(0)).getMessage());
        assertEquals("Invalid noise sigma: -0.5 (a finite number >= 0)",
                assertThrows(IllegalArgumentException.class, () -> ConfigChecks.sigma(-0.5)).getMessage());
        assertEquals("Invalid start: '1;2' (expected X,Y such as -1.5,2)",
                assertThrows(IllegalArgumentException.class, () -> ConfigChecks.parseStart("1;2")).getMessage());
        assertEquals("Invalid start: 'x' is not a number (expected X,Y such as -1.5,2)",
                assertThrows(IllegalArgumentException.class, () -> ConfigChecks.parseStart("x,2")).getMessage());
        assertArrayEquals(new double[] {-1.5, 2}, ConfigChecks.parseStart(" -1.5 , 2"));
        assertEquals("Invalid start: (NaN, 2.0) (must be two finite numbers)",
                assertThrows(IllegalArgumentException.class, () -> ConfigChecks.start(new double[] {Double.NaN, 2})).getMessage());
        assertEquals("Invalid start: (NaN, 2.0) (must be two finite numbers)", assertThrows(IllegalArgumentException.class,
                () -> new dev.descent.sim.RunSpec(Surfaces.create("quadratic"), dev.descent.optim.Optimizers.find("sgd").create(Map.of()),
                        Double.NaN, 2)).getMessage());
        assertEquals(GradientNoise.Kind.MULTIPLICATIVE, ConfigChecks.noiseKind(" Multiplicative"));
        assertTrue(ConfigChecks.isColor("#a0B1c2"));
    }

    @Test
    void oneSigmaDefault() {
        RunConfig r = RunConfig.of("A", "#123456", "sgd", Map.of(), 0, 0).withNoise("additive", ConfigChecks.DEFAULT_SIGMA, 3);
        assertEquals(0.1, ConfigChecks.DEFAULT_SIGMA);
        assertEquals(0.1, RunConfig.of("A", "#123456", "sgd", Map.of(), 0, 0).sigma());
        assertEquals(0.1, SessionFiles.parse("{\"version\": 1, \"runs\": [{\"optimizer\": \"sgd\", \"noise\": \"additive\"}]}")
                .runs().get(0).sigma());
        assertEquals(0.1, r.toRunSpec(Surfaces.create("quadratic")).noise().sigma());
    }
}
