package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.LocalQuadratic;
import dev.descent.math.Surfaces;
import dev.descent.math.Viewport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The curvature overlay is drawn where the local model says. */
class CurvaturePainterTest {

    // 800 × 800, plot (100, 100) to (700, 700) over [-3, 3]²: 100 px per unit, (0, 0) at pixel (400, 400)
    static final PlotTransform T = new PlotTransform(new Viewport(-3, 3, -3, 3), 100, 100, 600, 600);

    static BufferedImage paint(LocalQuadratic q, CurvaturePainter.Gauge gauge) {
        BufferedImage img = new BufferedImage(800, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x40, 0x40, 0x40)); // a dark field, so the white ellipse shows
        g.fillRect(0, 0, 800, 800);
        CurvaturePainter.paint(g, T, Style.forSize(800, 800, 1), q, gauge);
        g.dispose();
        return img;
    }

    @Test
    void theEllipseAndTheAxesLieWhereTheModelSays() {
        // ½(x² + 10y²) at (1, 0.5): H = diag(1, 10); ellipse centred at (0, 0) with 2c = 1 + 2.5 = 3.5,
        // semi-axes √3.5 ≈ 1.871 along x and √0.35 ≈ 0.592 along y; eigen-axes horizontal (λ₁ = 1) and
        // vertical (λ₂ = 10) through (1, 0.5), 0.12 · 600 = 72 px either side
        LocalQuadratic q = LocalQuadratic.at(Surfaces.create("quadratic", Map.of()), 1, 0.5);
        BufferedImage img = paint(q, null);
        assertTrue(ArrowPainterTest.near(img, 400 + 187, 400, 4, Color.WHITE), "ellipse at (√3.5, 0) (dashed: a dash within 4 px)");
        assertTrue(ArrowPainterTest.near(img, 400, 400 - 59, 4, Color.WHITE), "ellipse at (0, √0.35)");
        assertTrue(ArrowPainterTest.near(img, 400 - 187, 400, 4, Color.WHITE), "ellipse at (−√3.5, 0)");
        assertFalse(ArrowPainterTest.near(img, 400, 400, 20, Color.WHITE), "nothing at its centre");
        assertTrue(ArrowPainterTest.near(img, 500 + 60, 350, 1, CurvaturePainter.AXIS1), "λ₁'s axis runs along x");
        assertTrue(ArrowPainterTest.near(img, 500 - 60, 350, 1, CurvaturePainter.AXIS1));
        assertTrue(ArrowPainterTest.near(img, 500, 350 - 60, 1, CurvaturePainter.AXIS2), "λ₂'s axis runs along y");
        assertTrue(ArrowPainterTest.near(img, 500, 350 + 60, 1, CurvaturePainter.AXIS2));
        assertFalse(ArrowPainterTest.near(img, 500 + 60, 350 + 60, 3, CurvaturePainter.AXIS1), "and not diagonally");
    }

    @Test
    void theGaugeComparesEtaLambdaWithItsLimit() {
        LocalQuadratic q = LocalQuadratic.at(Surfaces.create("quadratic", Map.of()), 1, 0.5);
        // gradient descent with η = 0.25 on λ_max = 10: 2.5 ≥ 2, unstable; η = 0.15: 1.5 < 2
        assertEquals(List.of("κ = 10", "η·λ_max = 2.5 ≥ 2  unstable"),
                CurvaturePainter.lines(q, new CurvaturePainter.Gauge(0.25 * 10, 2, "η·λ_max < 2")));
        assertEquals("η·λ_max = 1.5 < 2  stable",
                CurvaturePainter.lines(q, new CurvaturePainter.Gauge(0.15 * 10, 2, "η·λ_max < 2")).get(1));
        BufferedImage red = paint(q, new CurvaturePainter.Gauge(2.5, 2, "η·λ_max < 2"));
        BufferedImage green = paint(q, new CurvaturePainter.Gauge(1.5, 2, "η·λ_max < 2"));
        assertTrue(count(red, CurvaturePainter.UNSTABLE) > 100, "the crossed gauge is red");
        assertEquals(0, count(red, CurvaturePainter.STABLE));
        assertTrue(count(green, CurvaturePainter.STABLE) > 100, "the safe gauge is green");
        assertEquals(0, count(green, CurvaturePainter.UNSTABLE));
    }

    static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if (img.getRGB(x, y) == c.getRGB()) {
                    n++;
                }
            }
        }
        return n;
    }
}
