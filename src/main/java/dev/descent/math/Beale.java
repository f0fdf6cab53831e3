package dev.descent.math;

import java.util.List;

/**
 * Beale's function, f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum
 * f(3, 0.5) = 0, a saddle at (0, 1) and another near (0.100538, −2.644514). Flat valleys near the axes, with sharp ridges towards the
 * corners where the y³ term takes over. It is the sum of squares of r = [1.5 − x + xy, 2.25 − x + xy², 2.625 − x + xy³].
 *
 * <p>The expressions follow the golden files' {@code expr} and {@code gradient} operation for
 * operation.
 */
public final class Beale extends Surface implements LeastSquares {

    public static final SurfaceKind KIND = new SurfaceKind("beale", "Beale", List.of(), p -> new Beale());

    private static final List<CriticalPoint> CRITICAL_POINTS = List.of(
            new CriticalPoint(3, 0.5, CriticalPoint.Kind.GLOBAL_MINIMUM),
            new CriticalPoint(0, 1, CriticalPoint.Kind.SADDLE),
            Stationary.near(new Beale(), 0.100538, -2.644514, CriticalPoint.Kind.SADDLE));

    @Override
    public String id() {
        return "beale";
    }

    @Override
    public String title() {
        return "Beale";
    }

    @Override
    public String description() {
        return "Long flat valleys between steep ridges in the corners; the minimum is at (3, 0.5).";
    }

    @Override
    public String formula() {
        return "f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²";
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-4.5, 4.5, -4.5, 4.5);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return CRITICAL_POINTS;
    }

    /** The golden files' start (1, 1.5), on the slope above the valley. */
    @Override
    public double[] suggestedStart() {
        return new double[] {1, 1.5};
    }

    @Override
    public double value(double x, double y) {
        double y2 = y * y;
        double r1 = 1.5 - x + x * y;
        double r2 = 2.25 - x + x * y2;
        double r3 = 2.625 - x + x * (y2 * y);
        return r1 * r1 + r2 * r2 + r3 * r3;
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        double y2 = y * y;
        double y3 = y2 * y;
        double r1 = 1.5 - x + x * y;
        double r2 = 2.25 - x + x * y2;
        double r3 = 2.625 - x + x * y3;
        out[offset] = 2 * r1 * (y - 1) + 2 * r2 * (y2 - 1) + 2 * r3 * (y3 - 1);
        out[offset + 1] = 2 * r1 * x + 2 * r2 * (2 * x * y) + 2 * r3 * (3 * x * y2);
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double y2 = y * y;
        double y3 = y2 * y;
        double r1 = 1.5 - x + x * y;
        double r2 = 2.25 - x + x * y2;
        double r3 = 2.625 - x + x * y3;
        // the Jacobian rows (∂r/∂x, ∂r/∂y); f = Σ r², so ∇²f = 2·Σ (∇r ∇rᵀ + r ∇²r)
        double a1 = y - 1;
        double b1 = x;
        double a2 = y2 - 1;
        double b2 = 2 * x * y;
        double a3 = y3 - 1;
        double b3 = 3 * x * y2;
        out[0] = 2 * (a1 * a1 + a2 * a2 + a3 * a3);
        out[1] = 2 * (a1 * b1 + a2 * b2 + a3 * b3 + r1 + 2 * y * r2 + 3 * y2 * r3);
        out[2] = out[1];
        out[3] = 2 * (b1 * b1 + b2 * b2 + b3 * b3 + 2 * x * r2 + 6 * x * y * r3);
    }

    @Override
    public int residualCount() {
        return 3;
    }

    @Override
    public void residuals(double[] p, double[] r) {
        double x = p[0];
        double y = p[1];
        double y2 = y * y;
        r[0] = 1.5 - x + x * y;
        r[1] = 2.25 - x + x * y2;
        r[2] = 2.625 - x + x * (y2 * y);
    }

    @Override
    public void jacobian(double[] p, double[] j) {
        double x = p[0];
        double y = p[1];
        double y2 = y * y;
        j[0] = y - 1;
        j[1] = x;
        j[2] = y2 - 1;
        j[3] = 2 * x * y;
        j[4] = y2 * y - 1;
        j[5] = 3 * x * y2;
    }
}
