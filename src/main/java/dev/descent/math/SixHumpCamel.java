package dev.descent.math;

import java.util.List;

/**
 * The six-hump camel, f = (4 − 2.1x² + x⁴/3)·x² + xy + (−4 + 4y²)·y²: two global minima
 * f(±0.0898…, ∓0.7126…) = −1.0316…, four more local minima, seven saddles (one at the origin) and
 * two maxima, all in a small box. Which minimum a run ends in depends on the optimizer as much as on
 * the start.
 *
 * <p>The expressions follow the golden files' {@code (4 - 2.1*x**2 + x**4/3)*x**2 + x*y +
 * (-4 + 4*y**2)*y**2} operation for operation.
 */
public final class SixHumpCamel extends Surface {

    public static final SurfaceKind KIND = new SurfaceKind("sixhump_camel", "Six-hump camel", List.of(),
            p -> new SixHumpCamel());

    private static final List<CriticalPoint> CRITICAL_POINTS = criticalPointsFrom(new SixHumpCamel());

    // Newton from rounded seeds; the surface is symmetric under (x, y) → (−x, −y), and so is the list.
    private static List<CriticalPoint> criticalPointsFrom(SixHumpCamel c) {
        CriticalPoint.Kind global = CriticalPoint.Kind.GLOBAL_MINIMUM;
        CriticalPoint.Kind local = CriticalPoint.Kind.LOCAL_MINIMUM;
        CriticalPoint.Kind saddle = CriticalPoint.Kind.SADDLE;
        CriticalPoint.Kind max = CriticalPoint.Kind.MAXIMUM;
        return List.of(
                Stationary.near(c, 0.0898420131, -0.7126564030, global),
                Stationary.near(c, -0.0898420131, 0.7126564030, global),
                Stationary.near(c, 1.7036067150, -0.7960835687, local),
                Stationary.near(c, -1.7036067150, 0.7960835687, local),
                Stationary.near(c, 1.6071047529, 0.5686514549, local),
                Stationary.near(c, -1.6071047529, -0.5686514549, local),
                new CriticalPoint(0, 0, saddle),
                Stationary.near(c, 1.1092053368, -0.7682680925, saddle),
                Stationary.near(c, -1.1092053368, 0.7682680925, saddle),
                Stationary.near(c, 1.6380679842, 0.2286740690, saddle),
                Stationary.near(c, -1.6380679842, -0.2286740690, saddle),
                Stationary.near(c, 1.2960702672, 0.6050843880, saddle),
                Stationary.near(c, -1.2960702672, -0.6050843880, saddle),
                Stationary.near(c, 1.2302298765, 0.1623345845, max),
                Stationary.near(c, -1.2302298765, -0.1623345845, max));
    }

    @Override
    public String id() {
        return "sixhump_camel";
    }

    @Override
    public String title() {
        return "Six-hump camel";
    }

    @Override
    public String description() {
        return "Two global and four local minima with saddles between them, all close together.";
    }

    @Override
    public String formula() {
        return "f = (4 − 2.1x² + x⁴/3)·x² + xy + (−4 + 4y²)·y²";
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-2, 2, -1.2, 1.2);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return CRITICAL_POINTS;
    }

    @Override
    public double value(double x, double y) {
        double x2 = x * x;
        double y2 = y * y;
        return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        double x2 = x * x;
        out[offset] = 8 * x - 8.4 * (x2 * x) + 2 * (x2 * x2 * x) + y;
        out[offset + 1] = x - 8 * y + 16 * (y * y * y);
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double x2 = x * x;
        out[0] = 8 - 25.2 * x2 + 10 * (x2 * x2);
        out[1] = 1;
        out[2] = 1;
        out[3] = -8 + 48 * (y * y);
    }
}
