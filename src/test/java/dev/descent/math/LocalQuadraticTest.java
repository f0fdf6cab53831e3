package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local quadratic model: eigenvalues, eigen-directions, κ and the level ellipse. */
class LocalQuadraticTest {

    @Test
    void aRotatedBowlHasItsCurvaturesAlongItsRotatedAxes() {
        // ½(x'² + 10y'²) in axes rotated by 30°: λ = 1 along (cos 30°, sin 30°), 10 along (−sin 30°, cos 30°)
        Surface s = Surfaces.create("quadratic", Map.of("a", 1.0, "b", 10.0, "angle", 30.0));
        LocalQuadratic q = LocalQuadratic.at(s, 0.7, -0.4);
        assertEquals(1, q.lambda1(), 1e-12);
        assertEquals(10, q.lambda2(), 1e-12);
        assertEquals(10, q.condition(), 1e-11);
        double c = Math.cos(Math.toRadians(30));
        double sn = Math.sin(Math.toRadians(30));
        assertEquals(1, Math.abs(q.v1()[0] * c + q.v1()[1] * sn), 1e-12, "v1 along the first rotated axis");
        assertEquals(1, Math.abs(-q.v2()[0] * sn + q.v2()[1] * c), 1e-12, "v2 along the second");
        assertArrayEquals(new double[] {0, 0}, q.newtonPoint(), 1e-12, "the model's minimum is the bowl's");
        assertTrue(q.isBowl());
    }

    @Test
    void theLevelEllipsePassesThroughThePoint() {
        // ½(x² + 10y²) at (2, 1): 2c = 1·4 + 10·1 = 14, semi-axes √14 along x and √1.4 along y
        Surface s = Surfaces.create("quadratic", Map.of());
        double[] e = LocalQuadratic.at(s, 2, 1).levelEllipse();
        assertEquals(0, e[0], 1e-12);
        assertEquals(0, e[1], 1e-12);
        assertEquals(Math.sqrt(14), e[2], 1e-12);
        assertEquals(Math.sqrt(1.4), e[3], 1e-12);
    }

    @Test
    void aSaddleHasNoEllipseAndItsCurvaturesDifferInSign() {
        Surface s = Surfaces.create("saddle", Map.of());
        LocalQuadratic q = LocalQuadratic.at(s, 0.3, 0.2);
        assertTrue(q.lambda1() < 0 && q.lambda2() > 0, q.lambda1() + ", " + q.lambda2());
        assertFalse(q.isBowl());
        assertNull(q.levelEllipse());
    }
}
