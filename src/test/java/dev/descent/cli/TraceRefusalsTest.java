package dev.descent.cli;

import static dev.descent.cli.CliTest.assertRefused;
import static dev.descent.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input that `trace` once misread or ignored without a word: each is refused in one plain line. */
class TraceRefusalsTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/public/quadratic__SGD__mom09.csv");

    static Stream<Arguments> refused() {
        return Stream.of(
                // one rule for repeatable NAME=VALUE options: a name given twice is refused, like a second -o
                Arguments.of(List.of("-p", "lr=0.1", "-p", "lr=0.2"), "--param lr is given twice"),
                Arguments.of(List.of("--surface", "quadratic", "--surface-param", "a=1", "--surface-param", "a=2"), "--surface-param a is given twice"),
                Arguments.of(List.of("--schedule", "exponential", "--schedule-param", "gamma=0.9", "--schedule-param", "gamma=0.5"),
                        "--schedule-param gamma is given twice"),
                Arguments.of(List.of("-o", "sgd", "-o", "adam"), "--optimizer"),
                // picocli's "option option '--param' ... KEY=VALUE format but was lr"
                Arguments.of(List.of("-p", "lr"), "Invalid value for --param: 'lr' (expected NAME=VALUE such as lr=0.05)"),
                Arguments.of(List.of("-p", "=0.1"), "Invalid value for --param: '=0.1'"),
                // Java's type names: "'1e3' is not a long"
                Arguments.of(List.of("--steps", "1e3"), "Invalid value for --steps: '1e3' is not a whole number"),
                Arguments.of(List.of("--seed", "x"), "Invalid value for --seed: 'x' is not a whole number"),
                Arguments.of(List.of("--sigma", "lots"), "Invalid value for --sigma: 'lots' is not a number"),
                Arguments.of(List.of("--start"), "--start needs a value"),
                Arguments.of(List.of("--steps", "3", "extra"), "Unexpected argument 'extra'; options start with -- (see trace --help)"),
                // noise settings without noise
                Arguments.of(List.of("--sigma", "5"), "--sigma sets the gradient noise, which is off"),
                Arguments.of(List.of("--seed", "3"), "--seed sets the gradient noise, which is off"),
                // no bound: 19.5 M rows in 30 s and counting
                Arguments.of(List.of("--steps", "1000000000000"), "Invalid value for --steps: 1000000000000 (trace prints at most 10000000 steps"),
                Arguments.of(List.of("--steps", "10000001"), "at most 10000000"),
                // a formula undefined or infinite at the start
                Arguments.of(List.of("--expr", "x/0"), "The surface is not defined at the start (-1.0, 2.0)"),
                Arguments.of(List.of("--expr", "log(x)", "--start", "-1,1"), "f = NaN"),
                Arguments.of(List.of("--expr", "sqrt(-1)+x"), "not defined at the start"),
                Arguments.of(List.of("--expr", "exp(exp(exp(x)))", "--start", "3,0"), "f = Infinity"),
                Arguments.of(List.of("--expr", "sqrt(x) + y", "--start", "0,1"), "gradient is not finite at the start (0.0, 1.0)"),
                // --golden gives the whole run
                Arguments.of(List.of("--golden", GOLDEN.toString(), "-o", "adam"), "--golden gives the whole run, so --optimizer would be ignored"),
                Arguments.of(List.of("--golden", GOLDEN.toString(), "--start", "1,1"), "so --start would be ignored"),
                Arguments.of(List.of("--golden", GOLDEN.toString(), "-p", "lr=0.1"), "so --param would be ignored"),
                Arguments.of(List.of("--golden", GOLDEN.toString(), "--expr", "x*x+y*y"), "so --expr would be ignored"),
                Arguments.of(List.of("--golden", GOLDEN.toString(), "--noise", "additive"), "so --noise would be ignored"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused(List<String> args, String message) {
        List<String> all = new ArrayList<>(List.of("trace"));
        all.addAll(args);
        assertRefused(run(all.toArray(String[]::new)), message);
    }

    @Test
    void divergenceDuringARunIsStillAResult() {
        CliTest.Result r = run("trace", "--expr", "x^4 + y^2", "--start", "2,0", "-o", "sgd", "-p", "lr=1", "--steps", "50");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        assertEquals("0,2.0,0.0,16.0", lines.get(1));
        String last = lines.get(lines.size() - 1);
        assertFalse(Double.isFinite(Double.parseDouble(last.split(",")[3])), last);
    }

    @Test
    void goldenWithStepsAndProbesStillWorks() {
        CliTest.Result r = run("trace", "--golden", GOLDEN.toString(), "--steps", "3", "--probes");
        assertEquals(0, r.exit(), r.err());
        assertEquals(5, r.lines().size());
    }

    @Test
    void aGoldenFileWithAByteOrderMarkIsRead(@TempDir Path dir) throws IOException {
        Path g = dir.resolve("bom.csv");
        Files.write(g, ("\uFEFF" + Files.readString(GOLDEN)).getBytes(StandardCharsets.UTF_8));
        CliTest.Result r = run("trace", "--golden", g.toString(), "--steps", "2");
        assertEquals(0, r.exit(), r.err());
        assertEquals(run("trace", "--golden", GOLDEN.toString(), "--steps", "2").out(), r.out());
    }

    static Path goldenWithSteps(Path dir, String steps) throws IOException {
        List<String> lines = Files.readAllLines(GOLDEN);
        String header = lines.get(0).replaceFirst("\"steps\": \\d+", "\"steps\": " + steps);
        lines.set(0, header);
        return Files.write(dir.resolve("g.csv"), lines);
    }

    static Stream<Arguments> badGoldenHeaders() {
        return Stream.of(
                Arguments.of("4294967301", "\"steps\" is 4294967301; it must be from 0 to 2147483647"), // once ran 5 steps
                Arguments.of("2.7", "\"steps\" must be a whole number of steps, found 2.7"), // once ran 2
                Arguments.of("1000000000000", "\"steps\" is 1000000000000"), // once "Invalid value for --steps: -727379968"
                Arguments.of("-1", "\"steps\" is -1"),
                Arguments.of("\"ten\"", "\"steps\" must be a whole number of steps, found ten"),
                Arguments.of("20000000", "\"steps\" in the header of"));
    }

    @ParameterizedTest(name = "steps {0}")
    @MethodSource
    void badGoldenHeaders(String steps, String message, @TempDir Path dir) throws IOException {
        Path g = goldenWithSteps(dir, steps);
        CliTest.Result r = run("trace", "--golden", g.toString());
        assertRefused(r, message);
        assertFalse(r.err().contains("--steps"), "--steps was never given: " + r.err());
    }

    static Stream<Arguments> badGoldenFiles() {
        return Stream.of(
                Arguments.of("missing", null, "does not exist"),
                Arguments.of("binary", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00}, "is not a text file (not UTF-8)"),
                Arguments.of("nan", "# {\"surface\": \"quadratic\", \"steps\": NaN}\n".getBytes(StandardCharsets.UTF_8),
                        "NaN is not a number JSON allows"),
                Arguments.of("dup", "# {\"steps\": 3, \"steps\": 4}\n".getBytes(StandardCharsets.UTF_8), "the field \"steps\" appears twice"),
                Arguments.of("row", ("# {\"surface\": \"quadratic\", \"optimizer\": \"SGD\", \"hyper\": {\"lr\": 0.1}, \"start\": [1, 1], "
                        + "\"steps\": 1}\nstep,x,y,loss\n0,1,abc,1\n").getBytes(StandardCharsets.UTF_8), "line 3, field 3: 'abc' is not a number"),
                Arguments.of("start", ("# {\"surface\": \"quadratic\", \"optimizer\": \"SGD\", \"hyper\": {\"lr\": 0.1}, \"start\": \"here\", "
                        + "\"steps\": 1}\n").getBytes(StandardCharsets.UTF_8), "\"start\" must be two numbers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badGoldenFiles(String name, byte[] content, String message, @TempDir Path dir) throws IOException {
        Path f = dir.resolve(name + ".csv");
        if (content != null) {
            Files.write(f, content);
        }
        CliTest.Result r = run("trace", "--golden", f.toString());
        assertRefused(r, name + ".csv");
        assertRefused(r, message);
        for (String jargon : List.of("Input length", "Feature", "`", "Exception", "Source:")) {
            assertFalse(r.err().contains(jargon), "plain words: " + r.err());
        }
    }
}
