package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.optim.OptimizerKind;
import dev.descent.optim.Optimizers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The built jar, run as a user runs it: headless, no display, no JavaFX toolkit. */
class JarIT {

    record Result(int exit, String out, String err) { }

    static Result java(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", System.getProperty("descent.jar", "target/descent.jar")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        Path out = Files.createTempFile("descent-out", ".txt");
        Path err = Files.createTempFile("descent-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the command finished");
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void helpListsTheSubCommands() throws Exception {
        Result r = java("--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("trace") && r.out().contains("bench") && r.out().contains("list"), r.out());
    }

    @TestFactory
    Stream<DynamicTest> traceGoldenPrintsTheGoldenRows() throws IOException {
        Path dir = Path.of(System.getProperty("descent.golden", "src/test/resources/golden"), "public");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList().stream()
                    .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                        Result r = java("trace", "--golden", f.toString());
                        assertEquals(0, r.exit(), r.err());
                        List<String> want = Files.readAllLines(f);
                        List<String> got = r.out().lines().toList();
                        assertEquals("step,x,y,loss", got.get(0));
                        assertEquals(want.size() - 1, got.size(), "rows");
                        for (int i = 2; i < want.size(); i++) {
                            String[] w = want.get(i).split(",");
                            String[] g = got.get(i - 1).split(",");
                            assertEquals(Long.parseLong(w[0]), Long.parseLong(g[0]));
                            for (int c = 1; c < 4; c++) {
                                double a = Double.parseDouble(w[c]);
                                double b = Double.parseDouble(g[c]);
                                assertTrue(Double.compare(a, b) == 0 || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)),
                                        f.getFileName() + " row " + (i - 2) + " column " + c + ": " + a + " vs " + b);
                            }
                        }
                    }));
        }
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Result r = java("trace", "--optimizer", "adam", "--param", "betas=0.9,1.0");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("Invalid beta parameter at index 1: 1.0"), r.err());
        assertFalse(r.err().contains("at dev.descent"), "no stack trace");
    }

    @Test
    void benchQuickPrintsEveryOptimizerAndTheBasin() throws Exception {
        Result r = java("bench", "--quick");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        // every optimizer is benched, and only those: speed itself is a figure, never a test (DESIGN.md)
        java.util.Set<String> benched = new java.util.TreeSet<>();
        json.path("steps_per_second").fieldNames().forEachRemaining(benched::add);
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (OptimizerKind k : Optimizers.all()) {
            ids.add(k.id());
            assertTrue(json.path("steps_per_second").path(k.id()).isIntegralNumber(), "a whole number of steps/s for " + k.id());
        }
        assertEquals(ids, benched);
        JsonNode live = json.path("live_map");
        assertTrue(live.path("maps").asInt() >= 1 && live.path("maps_per_second").asDouble() > 0, live.toString());
        JsonNode basin = json.path("basin");
        assertEquals("himmelblau", basin.path("surface").asText());
        assertEquals(4, basin.path("minima").size());
        long total = basin.path("not_converged").asLong();
        for (JsonNode m : basin.path("minima")) {
            total += m.path("count").asLong();
        }
        assertEquals((long) basin.path("grid").asInt() * basin.path("grid").asInt(), total, "every start is counted once");
        assertTrue(json.path("contour").path("seconds").asDouble() > 0, "contour timing");
    }

    @Test
    void renderMakesAGifWithoutADisplay(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path out = dir.resolve("race.gif");
        Result r = java("render", "--preset", "rosenbrock-race", "--steps", "40", "--size", "320x240", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("wrote"), r.err());
        javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = javax.imageio.ImageIO.createImageInputStream(out.toFile())) {
            reader.setInput(in);
            assertEquals(40, reader.getNumImages(true));
            assertEquals(320, reader.getWidth(0));
        }
        Result bad = java("render", "--preset", "rosenbrock-race", "--size", "0x0", "--out", out.toString());
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertFalse(bad.err().contains("at dev.descent"), "no stack trace");
    }

    @Test
    void everyLessonsClaimsHoldOnTheJar() throws Exception {
        Result r = java("lessons", "--check");
        assertEquals(0, r.exit(), r.out() + r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].matches("\\d+ passed, 0 failed"), lines[lines.length - 1]);
        assertTrue(r.out().contains("ravine — Ravine: GD zig-zags, momentum glides"), r.out());
    }

    @Test
    void benchReportsTheExport() throws Exception {
        Result r = java("bench", "--quick");
        assertEquals(0, r.exit(), r.err());
        JsonNode e = new ObjectMapper().readTree(r.out()).path("export");
        assertEquals("beale race", e.path("scene").asText());
        assertTrue(e.path("frames").asInt() > 0 && e.path("bytes").asLong() > 0 && e.path("seconds").asDouble() > 0, e.toString());
    }

    @Test
    void benchReportsAFrameAndOnlyWhatItMeasured() throws Exception {
        Result r = java("bench", "--quick", "--only", "frame,contour");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode f = json.path("frame");
        assertEquals(8, f.path("runs").asInt());
        assertEquals("1600x1000", f.path("size").asText());
        assertTrue(f.path("plot_ms").asDouble() > 0 && f.path("with_charts_ms").asDouble() > 0, f.toString());
        assertTrue(f.path("segments_drawn").asInt() > 0, f.toString());
        // no figure that was not measured in this run
        assertTrue(json.path("contour").path("seconds").asDouble() > 0, json.toString());
        assertTrue(json.path("contour").path("matplotlib_seconds").isMissingNode(), json.toString());
        assertTrue(json.path("contour").path("speedup").isMissingNode(), json.toString());
        assertTrue(json.path("basin").isMissingNode() && json.path("export").isMissingNode(), "only what was asked");

        Result bad = java("bench", "--only", "frames");
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("frames"), bad.err());
    }
}
