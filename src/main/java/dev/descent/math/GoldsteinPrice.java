package dev.descent.math;

import java.util.List;

/**
 * The Goldstein–Price function, f = A·B with
 * A = 1 + (x + y + 1)²·(19 − 14x + 3x² − 14y + 6xy + 3y²) and
 * B = 30 + (2x − 3y)²·(18 − 32x + 12x² + 48y − 36xy + 27y²):
 * global minimum f(0, −1) = 3, three local minima (f = 30, 84, 840), four saddles and a maximum, all
 * at one-decimal points. Values run from 3 to about 10⁶ across the viewport, so fixed
 * learning rates that suit one region explode in another; log-spaced contours are a must.
 *
 * <p>The value follows the golden files' expression operation for operation. With u = x + y + 1,
 * v = 2x − 3y and P, Q the two quadratics: ∂A/∂x = ∂A/∂y = 2uP + u²(6x + 6y − 14), and every second
 * derivative of A is 2P + 4u(6x + 6y − 14) + 6u².
 */
public final class GoldsteinPrice extends Surface {

    public static final SurfaceKind KIND = new SurfaceKind("goldstein_price", "Goldstein–Price", List.of(),
            p -> new GoldsteinPrice());

    private static final List<CriticalPoint> CRITICAL_POINTS = criticalPointsFrom(new GoldsteinPrice());

    private static List<CriticalPoint> criticalPointsFrom(GoldsteinPrice g) {
        CriticalPoint.Kind local = CriticalPoint.Kind.LOCAL_MINIMUM;
        CriticalPoint.Kind saddle = CriticalPoint.Kind.SADDLE;
        return List.of(
                new CriticalPoint(0, -1, CriticalPoint.Kind.GLOBAL_MINIMUM),
                Stationary.near(g, -0.6, -0.4, local),
                Stationary.near(g, 1.8, 0.2, local),
                Stationary.near(g, 1.2, 0.8, local),
                Stationary.near(g, -0.4, -0.6, saddle),
                Stationary.near(g, 1.2, -0.2, saddle),
                Stationary.near(g, 1.4, 0.6, saddle),
                Stationary.near(g, 0.6, 0.4, saddle),
                Stationary.near(g, 0.8, 0.2, CriticalPoint.Kind.MAXIMUM));
    }

    @Override
    public String id() {
        return "goldstein_price";
    }

    @Override
    public String title() {
        return "Goldstein–Price";
    }

    @Override
    public String description() {
        return "Steep walls and values up to a million around a minimum of 3 at (0, −1).";
    }

    @Override
    public String formula() {
        return "f = [1 + (x + y + 1)²·(19 − 14x + 3x² − 14y + 6xy + 3y²)]"
                + "·[30 + (2x − 3y)²·(18 − 32x + 12x² + 48y − 36xy + 27y²)]";
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-2, 2, -2, 2);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return CRITICAL_POINTS;
    }

    private static double p(double x, double y) {
        return 19 - 14 * x + 3 * (x * x) - 14 * y + 6 * x * y + 3 * (y * y);
    }

    private static double q(double x, double y) {
        return 18 - 32 * x + 12 * (x * x) + 48 * y - 36 * x * y + 27 * (y * y);
    }

    @Override
    public double value(double x, double y) {
        double u = x + y + 1;
        double v = 2 * x - 3 * y;
        return (1 + u * u * p(x, y)) * (30 + v * v * q(x, y));
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        double u = x + y + 1;
        double v = 2 * x - 3 * y;
        double p = p(x, y);
        double q = q(x, y);
        double a = 1 + u * u * p;
        double b = 30 + v * v * q;
        double pd = 6 * x + 6 * y - 14;           // ∂P/∂x = ∂P/∂y
        double ad = 2 * u * p + u * u * pd;        // ∂A/∂x = ∂A/∂y
        double bx = 4 * v * q + v * v * (24 * x - 36 * y - 32);
        double by = -6 * v * q + v * v * (54 * y - 36 * x + 48);
        out[offset] = ad * b + a * bx;
        out[offset + 1] = ad * b + a * by;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double u = x + y + 1;
        double v = 2 * x - 3 * y;
        double p = p(x, y);
        double q = q(x, y);
        double a = 1 + u * u * p;
        double b = 30 + v * v * q;
        double pd = 6 * x + 6 * y - 14;
        double ad = 2 * u * p + u * u * pd;
        double add = 2 * p + 4 * u * pd + 6 * (u * u);   // every second derivative of A
        double qx = 24 * x - 36 * y - 32;
        double qy = 54 * y - 36 * x + 48;
        double bx = 4 * v * q + v * v * qx;
        double by = -6 * v * q + v * v * qy;
        double bxx = 8 * q + 8 * v * qx + 24 * (v * v);
        double bxy = -12 * q + 4 * v * qy - 6 * v * qx - 36 * (v * v);
        double byy = 18 * q - 12 * v * qy + 54 * (v * v);
        out[0] = add * b + 2 * ad * bx + a * bxx;
        out[1] = add * b + ad * by + ad * bx + a * bxy;
        out[2] = out[1];
        out[3] = add * b + 2 * ad * by + a * byy;
    }
}
