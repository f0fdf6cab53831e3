package dev.descent.math.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.ExpressionSurface;
import dev.descent.math.Surface;
import dev.descent.session.GoldenCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code expr} of every golden file against Descent's built-in surface of the same id, and against
 * the losses torch printed.
 */
class GoldenExpressionsTest {

    static List<Path> goldenFiles() throws IOException {
        Path dir = Path.of(System.getProperty("descent.golden", "src/test/resources/golden"), "public");
        assertTrue(Files.isDirectory(dir), "golden folder not found: " + dir.toAbsolutePath());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
            assertFalse(list.isEmpty(), "no golden files");
            return list;
        }
    }

    /** Relative 1e-12 on the value; gradients and Hessians (different operation orders) relative 1e-11 of their size. */
    @TestFactory
    Stream<DynamicTest> everyGoldenExpressionIsItsBuiltInSurface() throws IOException {
        return goldenFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            GoldenCase g = GoldenCase.read(file);
            Surface builtIn = g.surface();
            assertFalse(builtIn instanceof ExpressionSurface, "Descent's own " + g.surfaceId() + " is kept");
            Expression e = Expression.parse(g.expr());
            SplittableRandom r = new SplittableRandom(file.getFileName().toString().hashCode());
            var vp = builtIn.defaultViewport();
            double[] gb = new double[2];
            double[] hb = new double[4];
            double[] je = new double[6];
            for (int i = 0; i < 2000; i++) {
                double x = vp.xMin() + r.nextDouble() * vp.width();
                double y = vp.yMin() + r.nextDouble() * vp.height();
                double want = builtIn.value(x, y);
                double got = e.value(x, y);
                assertEquals(want, got, 1e-12 * Math.abs(want), g.expr() + " at " + x + ", " + y);
                builtIn.gradient(x, y, gb, 0);
                builtIn.hessian(x, y, hb);
                e.evaluate(x, y, je);
                double gs = Math.abs(gb[0]) + Math.abs(gb[1]) + 1e-300;
                assertEquals(gb[0], je[1], 1e-11 * gs, "f_x");
                assertEquals(gb[1], je[2], 1e-11 * gs, "f_y");
                double hs = Math.abs(hb[0]) + Math.abs(hb[1]) + Math.abs(hb[3]) + 1e-300;
                assertEquals(hb[0], je[3], 1e-11 * hs, "f_xx");
                assertEquals(hb[1], je[4], 1e-11 * hs, "f_xy");
                assertEquals(hb[3], je[5], 1e-11 * hs, "f_yy");
            }
        }));
    }

    /** The expression is evaluated as torch evaluated it: the loss column bit for bit. */
    @TestFactory
    Stream<DynamicTest> expressionsGiveTorchsLossesExactly() throws IOException {
        return goldenFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            GoldenCase g = GoldenCase.read(file);
            Expression e = Expression.parse(g.expr());
            for (double[] row : g.rows()) {
                if (Double.isFinite(row[1]) && Double.isFinite(row[2])) {
                    assertEquals(row[3], e.value(row[1], row[2]), 0.0, g.expr() + " at row " + (long) row[0]);
                }
            }
        }));
    }
}
