package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.GradientNoise;
import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizers;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Descent against the NumPy script docs/minibatch_reference.py, run on the CSVs under
 * src/test/resources/minibatch (see the README there): full-batch gradient descent and minibatch SGD
 * agree with it to 1e-12 at every step.
 */
class MinibatchReferenceTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(MinibatchReferenceTest.class.getResource("/minibatch/" + name).toURI());
    }

    @ParameterizedTest
    @CsvSource({
        "linear_regression, linear.csv, linear_gd.csv, 0.05, -1, 2, 0, 0",
        "logistic_regression, logistic.csv, logistic_gd.csv, 0.5, -3, 4, 0, 0",
        "tanh_net, tanh.csv, tanh_gd.csv, 0.1, -0.4, 2.2, 0, 0",
        "linear_regression, linear.csv, linear_b1_s5.csv, 0.02, -1, 2, 1, 5",
        "logistic_regression, logistic.csv, logistic_b8_s3.csv, 0.5, -3, 4, 8, 3",
        "tanh_net, tanh.csv, tanh_b7_s11.csv, 0.1, -0.4, 2.2, 7, 11",
    })
    void descentFollowsTheNumpyReference(String id, String data, String reference, double lr, double x0, double y0,
                                         int batch, long seed) throws Exception {
        Surface s = Surfaces.create(id, Map.of("file", resource(data).toString()));
        GradientNoise noise = batch == 0 ? GradientNoise.NONE : GradientNoise.minibatch(batch, seed);
        RunSpec spec = new RunSpec(s, noise, Optimizers.find("sgd").create(Map.of("lr", lr)), null, x0, y0);
        List<String> lines = Files.readAllLines(resource(reference));
        List<Trace.Row> rows = Trace.rows(spec, lines.size() - 2, false);
        assertEquals(lines.size() - 1, rows.size());
        for (int t = 0; t < rows.size(); t++) {
            String[] want = lines.get(t + 1).split(",", -1);
            Trace.Row got = rows.get(t);
            String at = reference + " step " + t;
            assertEquals(Long.parseLong(want[0]), got.step(), at);
            assertEquals(Double.parseDouble(want[1]), got.x(), 1e-12, at);
            assertEquals(Double.parseDouble(want[2]), got.y(), 1e-12, at);
            assertEquals(Double.parseDouble(want[3]), got.loss(), 1e-12, at);
            if (batch > 0 && t > 0) {
                assertNotNull(got.batch(), at);
                assertEquals(Double.parseDouble(want[4]), got.batch().loss(), 1e-12, at);
                assertEquals(Long.parseLong(want[5]), got.batch().epoch(), at);
            } else {
                assertNull(got.batch(), at);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() throws Exception {
        Surface s = Surfaces.create("tanh_net", Map.of("file", resource("tanh.csv").toString()));
        RunSpec a = new RunSpec(s, GradientNoise.minibatch(5, 1), Optimizers.find("adam").create(Map.of("lr", 0.05)), null, 0.3, -1);
        List<Trace.Row> first = Trace.rows(a, 40, false);
        List<Trace.Row> again = Trace.rows(a, 40, false);
        List<Trace.Row> other = Trace.rows(a.withNoise(GradientNoise.minibatch(5, 2)), 40, false);
        for (int t = 0; t <= 40; t++) {
            assertEquals(first.get(t).x(), again.get(t).x());
            assertEquals(first.get(t).y(), again.get(t).y());
        }
        assertNotEquals(first.get(40).x(), other.get(40).x());
    }

    @Test
    void theReferenceDataAreWhatTheDataCommandGeneratesFromTheirSettings() throws IOException, URISyntaxException {
        var s = (dev.descent.math.DataSurface) Surfaces.create("tanh_net", Map.of("n", 40, "data_seed", 9));
        assertEquals(Files.readString(resource("tanh.csv")), s.data().toCsv());
    }

    @Test
    void theFullBatchAsMinibatchIsTheExactSurface() throws Exception {
        Surface s = Surfaces.create("linear_regression", Map.of("file", resource("linear.csv").toString()));
        RunSpec spec = new RunSpec(s, GradientNoise.minibatch(50, 3), Optimizers.find("lbfgs").create(Map.of()), null, -1, 2);
        assertTrue(Trace.rows(spec, 5, false).get(5).loss() < s.value(-1, 2));
        assertNull(new Run(spec).sampling());
    }
}
