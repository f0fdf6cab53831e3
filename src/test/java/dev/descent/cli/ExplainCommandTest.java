package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code explain}: the worked step as text and as numbers. */
class ExplainCommandTest {

    /** Rosenbrock's gradient, written out: f = (1 − x)² + 100·(y − x²)². */
    static double[] grad(double x, double y) {
        return new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
    }

    @Test
    void adamAtStepThreeIsTheHandComputation() throws Exception {
        CliTest.Result r = CliTest.run("explain", "--surface", "rosenbrock", "-o", "adam", "-p", "lr=0.05",
                "--start", "-1.5,2", "--step", "3", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());

        // Adam by hand (Kingma & Ba, Algorithm 1; ε outside the root, as torch)
        double lr = 0.05, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double[] th = {-1.5, 2};
        double[] m = new double[2], v = new double[2], g = null, mh = new double[2], vh = new double[2], before = null;
        for (int t = 1; t <= 3; t++) {
            before = th.clone();
            g = grad(th[0], th[1]);
            for (int i = 0; i < 2; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                mh[i] = m[i] / (1 - Math.pow(b1, t));
                vh[i] = v[i] / (1 - Math.pow(b2, t));
                th[i] = th[i] - lr * mh[i] / (Math.sqrt(vh[i]) + eps);
            }
        }
        assertEquals(3, j.get("t").asInt());
        assertVector(before, j.get("theta_before"));
        assertVector(g, j.get("grad"));
        assertVector(m, j.get("m"));
        assertVector(v, j.get("v"));
        assertVector(mh, j.get("m_hat"));
        assertVector(vh, j.get("v_hat"));
        assertVector(th, j.get("theta"));
        assertVector(new double[] {th[0] - before[0], th[1] - before[1]}, j.get("step"));
        assertEquals(0.05, j.get("lr").asDouble());
    }

    static void assertVector(double[] expected, JsonNode actual) {
        assertEquals(2, actual.size(), actual.toString());
        for (int i = 0; i < 2; i++) {
            assertEquals(expected[i], actual.get(i).asDouble(), 1e-12 * Math.max(1, Math.abs(expected[i])), "coordinate " + i);
        }
    }

    @Test
    void theTextShowsEachLineWithItsNumbers() {
        CliTest.Result r = CliTest.run("explain", "--surface", "quadratic", "-o", "sgd", "-p", "lr=0.05", "--start", "2,1");
        assertEquals(0, r.exit(), r.err());
        // f = ½(x² + 10y²): g = (2, 10) at (2, 1); the step is −0.05·g, θ becomes (1.9, 0.5)
        assertTrue(r.out().contains("g = ∇f(θ)"), r.out());
        assertTrue(r.out().contains("(2, 10)"), r.out());
        assertTrue(r.out().contains("= (1.9, 0.5)"), r.out());
    }

    @Test
    void badInputIsRefusedInOneLine() {
        CliTest.assertRefused(CliTest.run("explain", "--surface", "rosenbrock", "-o", "adam", "--step", "0"), "Invalid step 0");
        CliTest.assertRefused(CliTest.run("explain", "--surface", "rosenbrock", "-o", "adam", "-p", "lr=-1"), "Invalid learning rate");
    }
}
