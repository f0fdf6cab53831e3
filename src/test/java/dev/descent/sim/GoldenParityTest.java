package dev.descent.sim;

import dev.descent.session.GoldenCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every trajectory in {@code src/test/resources/golden/} (the repository's copy of the shared golden files, every folder) is reproduced
 * through the code path of {@code trace --golden}, within the golden README's tolerance
 * |Δ| ≤ 1e-9·max(1, |value|) on x, y and loss of every row, with the same number of rows.
 */
class GoldenParityTest {

    static Path goldenDir() {
        String prop = System.getProperty("descent.golden");
        Path dir = Path.of(prop != null ? prop : "src/test/resources/golden");
        assertTrue(Files.isDirectory(dir), "golden folder not found: " + dir.toAbsolutePath());
        return dir;
    }

    static List<Path> goldenFiles() throws IOException {
        try (Stream<Path> files = Files.walk(goldenDir())) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
            assertFalse(list.isEmpty(), "no golden files found");
            return list;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenCaseIsReproduced() throws IOException {
        return goldenFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            GoldenCase golden = GoldenCase.read(file);
            List<Trace.Row> rows = Trace.rows(golden.toRunSpec(), golden.steps(), false);
            assertEquals(golden.rows().size(), rows.size(), "number of rows (a diverging case must stop at the same step)");
            for (int i = 0; i < rows.size(); i++) {
                double[] want = golden.rows().get(i);
                Trace.Row got = rows.get(i);
                assertEquals((long) want[0], got.step(), "step of row " + i);
                check(golden, i, "x", want[1], got.x());
                check(golden, i, "y", want[2], got.y());
                check(golden, i, "loss", want[3], got.loss());
            }
        }));
    }

    private static void check(GoldenCase golden, int row, String what, double want, double got) {
        if (!Double.isFinite(want) || !Double.isFinite(got)) {
            if (Double.compare(want, got) != 0) {
                fail(golden.name() + " row " + row + " " + what + ": expected " + want + " but was " + got);
            }
            return;
        }
        double tol = 1e-9 * Math.max(1, Math.abs(want));
        if (Math.abs(want - got) > tol) {
            fail(golden.name() + " row " + row + " " + what + ": expected " + want + " but was " + got
                    + " (|Δ| = " + Math.abs(want - got) + " > " + tol + ")");
        }
    }
}
