package dev.descent.math.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.ExpressionSurface;
import dev.descent.math.Rosenbrock;
import dev.descent.session.GoldenCase;
import dev.descent.sim.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A golden file for a surface Descent does not have, or whose formula differs from Descent's, runs
 * on the header's {@code expr}.
 */
class GoldenExpressionFallbackTest {

    /** Writes a golden file: the header, then the rows as Java prints doubles (they read back exactly). */
    static Path write(Path dir, String surface, String expr, String hyper, double x0, double y0, List<double[]> rows)
            throws Exception {
        StringBuilder b = new StringBuilder();
        b.append("# {\"surface\": \"").append(surface).append("\", \"expr\": \"").append(expr)
                .append("\", \"optimizer\": \"SGD\", \"hyper\": ").append(hyper)
                .append(", \"schedule\": null, \"start\": [").append(x0).append(", ").append(y0)
                .append("], \"steps\": ").append(rows.size() - 1).append(", \"rows\": ").append(rows.size()).append("}\n");
        b.append("step,x,y,loss\n");
        for (double[] r : rows) {
            b.append((long) r[0]).append(',').append(r[1]).append(',').append(r[2]).append(',').append(r[3]).append('\n');
        }
        Path f = dir.resolve(surface + "__SGD__test.csv");
        Files.writeString(f, b.toString());
        return f;
    }

    static void assertReproduced(Path file) {
        GoldenCase g = GoldenCase.read(file);
        List<Trace.Row> got = Trace.rows(g.toRunSpec(), g.steps(), false);
        assertEquals(g.rows().size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            double[] w = g.rows().get(i);
            Trace.Row r = got.get(i);
            assertEquals((long) w[0], r.step());
            assertEquals(w[1], r.x(), 1e-9 * Math.max(1, Math.abs(w[1])), "x of row " + i);
            assertEquals(w[2], r.y(), 1e-9 * Math.max(1, Math.abs(w[2])), "y of row " + i);
            assertEquals(w[3], r.loss(), 1e-9 * Math.max(1, Math.abs(w[3])), "loss of row " + i);
        }
    }

    /** Matyas' function, which Descent does not have: f = 0.26(x² + y²) − 0.48xy, ∇f = (0.52x − 0.48y, 0.52y − 0.48x). */
    @Test
    void anUnknownSurfaceRunsOnItsExpression(@TempDir Path dir) throws Exception {
        double lr = 0.7;
        double x = -8;
        double y = 5;
        List<double[]> rows = new ArrayList<>();
        rows.add(new double[] {0, x, y, matyas(x, y)});
        for (int t = 1; t <= 200; t++) {
            double gx = 0.52 * x - 0.48 * y;
            double gy = 0.52 * y - 0.48 * x;
            x -= lr * gx;
            y -= lr * gy;
            rows.add(new double[] {t, x, y, matyas(x, y)});
        }
        Path file = write(dir, "matyas", "0.26*(x**2 + y**2) - 0.48*x*y", "{\"lr\": 0.7}", -8, 5, rows);
        GoldenCase g = GoldenCase.read(file);
        assertInstanceOf(ExpressionSurface.class, g.surface());
        assertEquals("f = 0.26*(x**2 + y**2) - 0.48*x*y", g.surface().formula());
        assertTrue(g.surface().defaultViewport().contains(-8, 5), "the view holds the start");
        assertReproduced(file);
        assertTrue(Math.abs(rows.get(200)[1]) < 0.05, "the test case itself converges towards (0, 0)");
    }

    private static double matyas(double x, double y) {
        return 0.26 * (x * x + y * y) - 0.48 * x * y;
    }

    /** A known id whose formula is not Descent's: Rosenbrock with its minimum moved to (2, 4). */
    @Test
    void aKnownSurfaceWithAnotherFormulaRunsOnItsExpression(@TempDir Path dir) throws Exception {
        double lr = 1e-3;
        double x = -1.2;
        double y = 1;
        List<double[]> rows = new ArrayList<>();
        rows.add(new double[] {0, x, y, shifted(x, y)});
        for (int t = 1; t <= 300; t++) {
            double gx = -2 * (2 - x) - 400 * x * (y - x * x);
            double gy = 200 * (y - x * x);
            x -= lr * gx;
            y -= lr * gy;
            rows.add(new double[] {t, x, y, shifted(x, y)});
        }
        Path file = write(dir, "rosenbrock", "(2 - x)**2 + 100*(y - x**2)**2", "{\"lr\": 0.001}", -1.2, 1, rows);
        assertInstanceOf(ExpressionSurface.class, GoldenCase.read(file).surface());
        assertReproduced(file);
    }

    private static double shifted(double x, double y) {
        double a = 2 - x;
        double b = y - x * x;
        return a * a + 100 * (b * b);
    }

    @Test
    void aSurfaceThatAgreesKeepsDescentsOwn(@TempDir Path dir) throws Exception {
        Path file = write(dir, "rosenbrock", "(1 - x)**2 + 100*(y - x**2)**2", "{\"lr\": 0.001}", -1.2, 1,
                List.<double[]>of(new double[] {0, -1.2, 1, new Rosenbrock().value(-1.2, 1)}));
        assertInstanceOf(Rosenbrock.class, GoldenCase.read(file).surface());
    }

    @Test
    void anUnknownSurfaceWithAnUnreadableExpressionIsRefusedNamingTheColumn(@TempDir Path dir) throws Exception {
        Path file = write(dir, "mystery", "0.26*(x**2 + y**2", "{\"lr\": 0.1}", 1, 1,
                List.<double[]>of(new double[] {0, 1, 1, 0.52}));
        ExpressionException e = assertThrows(ExpressionException.class, () -> GoldenCase.read(file).toRunSpec());
        assertEquals("Invalid formula '0.26*(x**2 + y**2': at column 18: expected ')' but found end of input", e.getMessage());
    }
}
