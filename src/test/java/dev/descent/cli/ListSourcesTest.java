package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.optim.OptimizerKind;
import dev.descent.optim.Optimizers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `list` names every optimizer with where it comes from: torch.optim's class or the paper; `trace` runs the new ones. */
class ListSourcesTest {

    @Test
    void everyOptimizerLineNamesItsSource() {
        CliTest.Result r = CliTest.run("list");
        assertEquals(0, r.exit(), r.err());
        for (OptimizerKind k : Optimizers.all()) {
            String line = r.lines().stream().filter(l -> l.startsWith("  " + k.id() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no line for " + k.id()));
            assertTrue(line.endsWith("(" + k.source() + ")"), line);
        }
        assertTrue(r.out().contains("  rprop              Rprop  (torch.optim.Rprop)"), r.out());
        assertTrue(r.out().contains("  lion               Lion  (Chen et al. 2023)"), r.out());
    }

    @Test
    void traceRunsTheCatalogueByIdAndTorchName() {
        for (String id : List.of("rprop", "ASGD", "signsgd", "signum", "lion", "adabelief", "yogi", "schedule_free_adamw", "sam")) {
            CliTest.Result r = CliTest.run("trace", "--surface", "booth", "--optimizer", id, "--start", "-2,-2",
                    "--steps", "5", "--probes");
            assertEquals(0, r.exit(), id + ": " + r.err());
            assertEquals(7, r.lines().size(), id + ": a header and rows 0..5");
        }
        CliTest.Result sam = CliTest.run("trace", "--surface", "sharp_flat", "--optimizer", "sam", "--param", "rho=0.1",
                "--param", "lr=0.045", "--steps", "1", "--probes");
        assertEquals(0, sam.exit(), sam.err());
        assertTrue(sam.lines().get(0).contains("perturbed_point_x"), sam.lines().get(0));
    }
}
