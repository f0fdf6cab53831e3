package dev.descent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.sim.Trace;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An export longer than the window's history keeps every row: row i is step i. */
class LongExportTest {

    @Test
    void aHundredThousandStepExportKeepsEveryStep() throws Exception {
        long steps = 100_000;
        SessionConfig session = new SessionConfig("long", null, "rosenbrock", Map.of(),
                List.of(RunConfig.of("GD", "#E69F00", "sgd", Map.of("lr", 1e-5), -1.2, 1)),
                100, 10_000, null, "viridis", true, false, 0, false);
        ExportRuns runs = ExportRuns.simulate(session, steps);
        SimulatedRun r = runs.all().get(0);
        assertEquals(steps + 1, r.rows());
        List<Trace.Row> trace = Trace.rows(runs.session().runs().get(0).toRunSpec(runs.surface()), steps, false);
        for (int i : new int[] {0, 1, 65_536, 65_537, 80_000, 99_999, 100_000}) {
            assertEquals(trace.get(i).x(), r.xs()[i], "x of step " + i);
            assertEquals(trace.get(i).y(), r.ys()[i], "y of step " + i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Exporter.writeCsv(runs, steps, bytes, (d, t) -> { }, () -> false);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(steps + 2, lines.length);
        String[] last = lines[lines.length - 1].split(",", -1);
        assertEquals("100000", last[2]);
        assertEquals(Double.toString(trace.get(100_000).x()), last[3]);
        assertEquals("finished", last[9]);
        String[] middle = lines[80_001].split(",", -1);
        assertEquals("80000", middle[2]);
        assertEquals(Double.toString(trace.get(80_000).x()), middle[3]);
    }
}
