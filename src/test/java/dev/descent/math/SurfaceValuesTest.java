package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values a user can check by hand, and finiteness where the formulas are delicate. */
class SurfaceValuesTest {

    /**
     * Each row: the golden expression (src/test/resources/golden), evaluated to 50 digits with mpmath at the
     * given double point (2.1 and the other decimals exact there, rounded here: a few ulps of the
     * terms, which may cancel, hence 10⁻¹⁴ of the value or of 1). The golden files' starts are among them.
     */
    @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
    @CsvSource({
        "quadratic, 2, 1, 7",
        "quadratic, -1.5, 0.25, 1.4375",
        "rosenbrock, -1.2, 1, 24.199999999999990425",
        "rosenbrock, 0.5, -0.75, 100.25",
        "beale, 1, 1.5, 41.25",
        "beale, -2.25, 0.75, 30.1268463134765625",
        "himmelblau, 0, 0, 170",
        "himmelblau, -1, -1, 170",
        "himmelblau, 2.5, -3.5, 128.125",
        "booth, 0, 0, 74",
        "booth, -4.5, 2.25, 187.0625",
        "saddle, 1, 0.001, 0.999999",
        "saddle, 0.5, -1.5, -2",
        "monkey_saddle, 1, 1, -2",
        "monkey_saddle, -0.75, 1.25, 3.09375",
        "rastrigin, 1, 1, 2",
        "rastrigin, 0.5, 0, 20.25",
        "rastrigin, -2.25, 3.75, 39.125",
        "ackley, 1, 0, 2.637531092108302471",
        "ackley, 0.5, -0.5, 4.2536540265684114505",
        "ackley, -2.25, 3.75, 10.942874593414139426",
        "sixhump_camel, 1, 1, 3.2333333333333333333",
        "sixhump_camel, -1.5, 0.5, 0.665625",
        "goldstein_price, 0, -1, 3",
        "goldstein_price, 1, 1, 1876",
        "goldstein_price, -1.5, 1.75, 615773.46546936035156",
    })
    void valueMatchesTheGoldenExpression(String id, double x, double y, double expected) {
        assertEquals(expected, Surfaces.create(id).value(x, y), 1e-14 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void theGoldenStartsGiveTheGoldenFilesFirstLoss() {
        // row 0 of rosenbrock__SGD__plain.csv, beale__Adam__amsgrad.csv and himmelblau__Adam__wd001.csv
        assertEquals(24.199999999999996, Surfaces.create("rosenbrock").value(-1.2, 1), 0.0);
        assertEquals(41.25, Surfaces.create("beale").value(1, 1.5), 0.0);
        assertEquals(170, Surfaces.create("himmelblau").value(0, 0), 0.0);
    }

    @Test
    void theGoldenFilesFirstStepIsReproduced() {
        // rosenbrock__SGD__plain.csv: lr = 0.0015, row 1 = (-0.87660000000000005, 1.1319999999999999)
        double[] g = new double[2];
        Surfaces.create("rosenbrock").gradient(-1.2, 1, g, 0);
        assertEquals(-0.87660000000000005, -1.2 - 0.0015 * g[0], 1e-15);
        assertEquals(1.1319999999999999, 1 - 0.0015 * g[1], 1e-15);
    }

    @Test
    void minimaWhoseValueIsZeroGiveExactlyZero() {
        // the sum-of-non-negative-terms forms keep log-scaled losses and contours meaningful
        assertEquals(0.0, Surfaces.create("rastrigin").value(0, 0), 0.0);
        assertEquals(0.0, Surfaces.create("ackley").value(0, 0), 0.0);
        assertEquals(0.0, Surfaces.create("plateau").value(0, 0), 0.0);
        assertEquals(0.0, Surfaces.create("ravine").value(0, 0), 0.0);
        assertTrue(Surfaces.create("ackley").value(1e-9, 0) > 0, "ackley just off its minimum must be positive");
        assertTrue(Surfaces.create("rastrigin").value(1e-9, -1e-9) > 0, "rastrigin just off its minimum must be positive");
    }

    @Test
    void ackleyAtItsKinkHasTheDocumentedSubgradientAndHessian() {
        Surface s = Surfaces.create("ackley");
        double[] g = {Double.NaN, Double.NaN};
        s.gradient(0, 0, g, 0);
        assertArrayEquals(new double[] {0, 0}, g, 0.0);
        double[] h = new double[4];
        s.hessian(0, 0, h);
        double c = 2 * Math.PI * Math.PI * Math.E;
        assertArrayEquals(new double[] {c, 0, 0, c}, h, 1e-12 * c);
    }

    @Test
    void ackleyIsFiniteEverywhere() {
        Surface s = Surfaces.create("ackley");
        double[][] points = {{0, 0}, {Double.MIN_VALUE, 0}, {1e-310, -1e-310}, {1e-170, 1e-170}, {1e-160, 0},
            {1e-300, 3e-301}, {1e300, -1e300}, {Double.MAX_VALUE, Double.MAX_VALUE}, {4.5e15, 0.5}};
        double[] g = new double[2];
        double[] h = new double[4];
        for (double[] p : points) {
            s.gradient(p[0], p[1], g, 0);
            s.hessian(p[0], p[1], h);
            String at = " at " + p[0] + ", " + p[1];
            assertTrue(Double.isFinite(s.value(p[0], p[1])), "value" + at);
            assertTrue(Double.isFinite(g[0]) && Double.isFinite(g[1]), "gradient" + at);
            for (double v : h) {
                assertTrue(Double.isFinite(v), "Hessian" + at);
            }
        }
    }

    @Test
    void ackleysGradientNearTheKinkIsTheConesSlope() {
        // close to the tip the cone 20·(1 − e^(−0.2r)) dominates: |∇f| → 4·(dr/dρ) = 2√2, pointing outwards
        Surface s = Surfaces.create("ackley");
        double[] g = new double[2];
        for (double rho : new double[] {1e-8, 1e-170, 1e-305}) {
            s.gradient(rho * 0.6, rho * 0.8, g, 0);
            assertEquals(2 * Math.sqrt(2) * 0.6, g[0], 1e-6, "at ρ = " + rho);
            assertEquals(2 * Math.sqrt(2) * 0.8, g[1], 1e-6, "at ρ = " + rho);
        }
    }

    @Test
    void periodicSurfacesStayExactFarFromTheOrigin() {
        // x − rint(x) is exact, so cos(2πx) is exactly 1 at integers however large
        Surface r = Surfaces.create("rastrigin");
        assertEquals(2 * 1e6 * 1e6, r.value(1e6, 1e6), 0.0);
        double[] g = new double[2];
        r.gradient(1e20, 0, g, 0);
        assertEquals(2e20, g[0], 0.0);
    }

    @Test
    void designedSurfacesStayFiniteFarAway() {
        double[] g = new double[2];
        for (Surface s : new Surface[] {Surfaces.create("ravine"), Surfaces.create("plateau"), Surfaces.create("cliff")}) {
            for (double[] p : new double[][] {{1e100, 0}, {-1e100, 1e-3}, {1e150, 1e150}}) {
                s.gradient(p[0], p[1], g, 0);
                assertTrue(Double.isFinite(s.value(p[0], p[1])) && Double.isFinite(g[0]) && Double.isFinite(g[1]),
                        s + " at " + p[0] + ", " + p[1]);
            }
        }
        // along the ravine's floor the value grows like s·|u|, well past where u² overflows
        Surface flat = Ravine.KIND.create(Map.of("angle", 0));
        assertEquals(1e200, flat.value(1e200, 0), 1e186);
    }

    @Test
    void quadraticsFormulaNamesTheRotationItApplies() {
        Surface q = Quadratic.KIND.create(Map.of("angle", 30));
        // (u, w) = (x, y) rotated by −30°: the bowl's flat axis a lies along 30°
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        assertEquals(0.5, q.value(c, s), 1e-15);
        assertTrue(q.formula().endsWith("rotated by -30°"), q.formula());
    }
}
