package dev.descent.sim;

import dev.descent.session.GoldenCase;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rprop and ASGD round as torch 1.13's kernels do, so their golden trajectories are reproduced to the
 * last bit in x and y (the loss comes from analytic gradients and libm, so only {@link GoldenParityTest}'s
 * tolerance applies to it).
 */
class CatalogueGoldenBitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"booth__Rprop__default.csv", "booth__ASGD__default.csv"})
    void trajectoryMatchesTorchBitForBit(String file) throws Exception {
        GoldenCase golden = GoldenCase.read(Path.of("src/test/resources/golden/catalogue", file));
        List<Trace.Row> rows = Trace.rows(golden.toRunSpec(), golden.steps(), false);
        assertEquals(golden.rows().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            double[] want = golden.rows().get(i);
            assertEquals(want[1], rows.get(i).x(), 0, file + " x of row " + i);
            assertEquals(want[2], rows.get(i).y(), 0, file + " y of row " + i);
        }
    }
}
