package dev.descent.math.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * Value, gradient and Hessian exactly at the kinks of abs, min and max (the property test skips them).
 * Where the expression is smooth through the kink (|x²| is x²) the derivatives are the smooth ones;
 * at a true kink the gradient follows torch (abs'(0) = 0) and Python's min/max (the first argument at
 * a tie), and the Hessian comes from the same choice.
 */
class ExpressionKinkTest {

    /** f, f_x, f_y, f_xx, f_xy, f_yy of {@code expr} at (x, y). */
    private static double[] jet(String expr, double x, double y) {
        double[] out = new double[6];
        Expression.parse(expr).evaluate(x, y, out);
        return out;
    }

    private static void assertJet(double[] expected, String expr, double x, double y) {
        assertArrayEquals(expected, jet(expr, x, y), 0.0, expr + " at (" + x + ", " + y + ")");
        // the Hessian-only and gradient-only paths agree with the full jet
        Expression e = Expression.parse(expr);
        double[] h = new double[4];
        double[] g = new double[2];
        e.hessian(x, y, h);
        e.gradient(x, y, g, 0);
        assertArrayEquals(new double[] {expected[3], expected[4], expected[4], expected[5]}, h, 0.0, expr);
        assertArrayEquals(new double[] {expected[1], expected[2]}, g, 0.0, expr);
    }

    @Test
    void absOfAnArgumentThatTouchesZeroTakesTheSmoothBranchsCurvature() {
        // the reported case: near (0, 1) this is 1.5 − x², so f_xx = −2
        assertJet(new double[] {1.5, 0, 0, -2, 0, 0}, "abs(1.5 - abs(x*x))", 0, 1);
        assertJet(new double[] {0, 0, 0, 2, 0, 2}, "abs(-(x*x) - y*y)", 0, 0);
        assertJet(new double[] {0, 0, 0, 2, 0, 0}, "abs(x*x)", 0, 3);
    }

    @Test
    void absAtATrueKinkHasTorchsZeroGradientAndNoCurvature() {
        assertJet(new double[] {0, 0, 0, 0, 0, 0}, "abs(x)", 0, 0);
        assertJet(new double[] {0, 0, 0, 0, 0, 0}, "abs(x - y)", 1, 1);
        // x² − y² changes sign around the origin: |x² − y²| has no Hessian there
        assertJet(new double[] {0, 0, 0, 0, 0, 0}, "abs(x*x - y*y)", 0, 0);
    }

    @Test
    void minAndMaxAtATieWithEqualGradientsTakeTheArgumentTheyEqualNearby() {
        // min(2x², x²) is x² everywhere, max(x², 2x²) is 2x², whichever comes first
        assertJet(new double[] {0, 0, 0, 2, 0, 0}, "min(2*x*x, x*x)", 0, 0);
        assertJet(new double[] {0, 0, 0, 2, 0, 0}, "min(x*x, 2*x*x)", 0, 0);
        assertJet(new double[] {0, 0, 0, 4, 0, 0}, "max(x*x, 2*x*x)", 0, 0);
        assertJet(new double[] {0, 0, 0, 4, 0, 0}, "max(2*x*x, x*x)", 0, 0);
        // a ReLU of x²: x² whichever side the 0 is on
        assertJet(new double[] {0, 0, 0, 2, 0, 0}, "max(0, x*x)", 0, 2);
        assertJet(new double[] {0, 0, 0, 2, 0, 0}, "max(x*x, 0)", 0, 2);
        assertJet(new double[] {0, 0, 0, -2, 0, 0}, "min(0, -x*x)", 0, 2);
    }

    @Test
    void minAndMaxAtATrueKinkFollowTheFirstArgumentAsPythonDoes() {
        assertJet(new double[] {0, 1, 0, 0, 0, 0}, "min(x, -y)", 0, 0);
        assertJet(new double[] {0, 0, -1, 0, 0, 0}, "max(-y, x)", 0, 0);
        // equal gradients but x² − y² against 0 crosses: neither argument is the min nearby
        assertJet(new double[] {0, 0, 0, 2, 0, -2}, "min(x*x - y*y, 0)", 0, 0);
        assertJet(new double[] {0, 0, 0, 0, 0, 0}, "min(0, x*x - y*y)", 0, 0);
    }
}
