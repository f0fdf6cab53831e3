package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The headless commands, run in-process: output format, divergence, and refusals of bad input. */
class CliTest {

    record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Result run(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static void assertRefused(Result r, String expectedInMessage) {
        assertEquals(2, r.exit(), "exit code; stderr was: " + r.err());
        List<String> errLines = r.err().lines().toList();
        assertEquals(1, errLines.size(), "exactly one line on stderr, got: " + r.err());
        assertTrue(errLines.get(0).contains(expectedInMessage), "stderr should mention '" + expectedInMessage + "': " + r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        assertEquals("", r.out(), "nothing on stdout");
    }

    @Test
    void traceStartsAtTheStartAndPrintsOneRowPerStep() {
        Result r = run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--param", "lr=0.1", "--start", "2,1", "--steps", "3");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        assertEquals("step,x,y,loss", lines.get(0));
        assertEquals("0,2.0,1.0,7.0", lines.get(1));
        // plain gradient descent on 0.5(x² + 10y²): x ← 0.9x, y ← (1 − 1)y = 0 (up to torch's fused rounding)
        String[] row = lines.get(2).split(",");
        assertEquals("1", row[0]);
        assertEquals(1.8, Double.parseDouble(row[1]), 1e-15);
        assertEquals(0.0, Double.parseDouble(row[2]), 1e-15);
        assertEquals(1.62, Double.parseDouble(row[3]), 1e-14);
        assertEquals(5, lines.size());
    }

    @Test
    void negativeStartsAndPairsParse() {
        Result r = run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--start", "-1.5,2", "--steps", "0");
        assertEquals(0, r.exit(), r.err());
        assertEquals("0,-1.5,2.0,21.125", r.lines().get(1));
    }

    @Test
    void aDivergingRunEndsWithItsFirstNonFiniteRowAndExitsZero() {
        Result r = run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--param", "lr=1", "--start", "2,1", "--steps", "100000");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("Infinity") || last.contains("NaN"), "last row is non-finite: " + last);
        String beforeLast = lines.get(lines.size() - 2);
        assertFalse(beforeLast.contains("Infinity") || beforeLast.contains("NaN"), "only the last row is non-finite");
        assertTrue(lines.size() < 100_000, "stopped at divergence");
    }

    @Test
    void probesAddTwoColumnsPerProbe() {
        Result r = run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--param", "momentum=0.9", "--steps", "2", "--probes");
        assertEquals(0, r.exit(), r.err());
        String header = r.lines().get(0);
        assertTrue(header.startsWith("step,x,y,loss,grad_x,grad_y,momentum_buffer_x,momentum_buffer_y"), header);
        String[] row1 = r.lines().get(2).split(",");
        assertEquals(header.split(",").length, row1.length);
    }

    @Test
    void goldenTraceReproducesTheFile() throws Exception {
        Path file = Path.of(System.getProperty("descent.golden", "src/test/resources/golden"), "public", "quadratic__SGD__mom09.csv");
        Result r = run("trace", "--golden", file.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> want = Files.readAllLines(file).subList(2, Files.readAllLines(file).size());
        List<String> got = r.lines().subList(1, r.lines().size());
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            double[] w = Arrays.stream(want.get(i).split(",")).mapToDouble(Double::parseDouble).toArray();
            double[] g = Arrays.stream(got.get(i).split(",")).mapToDouble(Double::parseDouble).toArray();
            for (int c = 0; c < 4; c++) {
                assertTrue(Math.abs(w[c] - g[c]) <= 1e-9 * Math.max(1, Math.abs(w[c])), "row " + i + " col " + c);
            }
        }
    }

    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        assertRefused(run("trace", "--surface", "nowhere"), "Unknown surface 'nowhere'");
        assertRefused(run("trace", "--surface", "quadratic", "--optimizer", "adamx"), "Unknown optimizer 'adamx'");
        assertRefused(run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--param", "rho=0.9"), "Unknown parameter 'rho' for SGD");
        assertRefused(run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--schedule", "sometimes"), "Unknown schedule 'sometimes'");
    }

    @Test
    void badValuesAreRefusedNamingTheValue() {
        assertRefused(run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--param", "lr=-0.1"), "Invalid learning rate: -0.1");
        assertRefused(run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--param", "lr=0"), "Invalid learning rate: 0.0");
        assertRefused(run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--param", "lr=fast"), "'fast' is not a number");
        assertRefused(run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--start", "1"), "--start: '1'");
        assertRefused(run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--start", "1,abc"), "'abc' is not a number");
        assertRefused(run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--steps", "many"), "many");
        assertRefused(run("trace", "--surface", "quadratic", "--surface-param", "a=-1"), "a > 0");
        assertRefused(run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--noise", "pink"), "Invalid noise kind: 'pink'");
    }

    @Test
    void badGoldenFilesAreRefused(@TempDir Path dir) throws Exception {
        assertRefused(run("trace", "--golden", dir.resolve("missing.csv").toString()), "missing.csv");
        Path notJson = dir.resolve("bad.csv");
        Files.writeString(notJson, "# {not json\nstep,x,y,loss\n");
        assertRefused(run("trace", "--golden", notJson.toString()), "Malformed JSON header");
        Path noHeader = dir.resolve("plain.csv");
        Files.writeString(noHeader, "step,x,y,loss\n0,1,2,3\n");
        assertRefused(run("trace", "--golden", noHeader.toString()), "Not a golden file");
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");
        assertEquals(0, r.exit());
        for (String c : List.of("trace", "bench", "list")) {
            assertTrue(r.out().contains(c), "help mentions " + c + ": " + r.out());
        }
    }

    @Test
    void listNamesEverySurfaceAndOptimizer() {
        Result r = run("list");
        assertEquals(0, r.exit(), r.err());
        for (var k : dev.descent.math.Surfaces.all()) {
            assertTrue(r.out().contains(k.id()), k.id());
        }
        for (var k : dev.descent.optim.Optimizers.all()) {
            assertTrue(r.out().contains(k.id()), k.id());
        }
    }
}
