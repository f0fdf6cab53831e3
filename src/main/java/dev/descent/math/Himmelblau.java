package dev.descent.math;

import java.util.List;

/**
 * Himmelblau's function, f = (x² + y − 11)² + (x + y² − 7)²: four minima with f = 0, at (3, 2),
 * (−2.805…, 3.131…), (−3.779…, −3.283…) and (3.584…, −1.848…), a local maximum at
 * (−0.2708…, −0.9230…) and four saddles between them. Which minimum a run reaches depends on where it
 * starts and on the optimizer: the classic picture of basins of attraction. It is the sum of squares
 * of r = [x² + y − 11, x + y² − 7].
 *
 * <p>The expressions follow the golden files' {@code expr} and {@code gradient} operation for
 * operation.
 */
public final class Himmelblau extends Surface implements LeastSquares {

    public static final SurfaceKind KIND = new SurfaceKind("himmelblau", "Himmelblau", List.of(), p -> new Himmelblau());

    // Newton from rounded seeds: exact to the last few ulps without trusting hand-typed digits.
    private static final List<CriticalPoint> CRITICAL_POINTS = criticalPointsFrom(new Himmelblau());

    private static List<CriticalPoint> criticalPointsFrom(Himmelblau h) {
        CriticalPoint.Kind min = CriticalPoint.Kind.GLOBAL_MINIMUM;
        CriticalPoint.Kind saddle = CriticalPoint.Kind.SADDLE;
        return List.of(
                new CriticalPoint(3, 2, min),
                Stationary.near(h, -2.805118, 3.131312, min),
                Stationary.near(h, -3.779310, -3.283186, min),
                Stationary.near(h, 3.584428, -1.848126, min),
                Stationary.near(h, -0.270845, -0.923039, CriticalPoint.Kind.MAXIMUM),
                Stationary.near(h, 3.385154, 0.073852, saddle),
                Stationary.near(h, 0.086678, 2.884255, saddle),
                Stationary.near(h, -3.073026, -0.081353, saddle),
                Stationary.near(h, -0.127961, -1.953715, saddle));
    }

    @Override
    public String id() {
        return "himmelblau";
    }

    @Override
    public String title() {
        return "Himmelblau";
    }

    @Override
    public String description() {
        return "Four equal minima around a central maximum: where a run ends depends on where it starts.";
    }

    @Override
    public String formula() {
        return "f = (x² + y − 11)² + (x + y² − 7)²";
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-5, 5, -5, 5);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return CRITICAL_POINTS;
    }

    /** The golden files' start (0, 0), between the central maximum and two saddles. */
    @Override
    public double[] suggestedStart() {
        return new double[] {0, 0};
    }

    @Override
    public double value(double x, double y) {
        double a = x * x + y - 11;
        double b = x + y * y - 7;
        return a * a + b * b;
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        double a = x * x + y - 11;
        double b = x + y * y - 7;
        out[offset] = 4 * x * a + 2 * b;
        out[offset + 1] = 2 * a + 4 * y * b;
    }

    /** Same operations as the scalar gradient, one point per iteration, no branches: vectorisable. */
    @Override
    public void gradients(double[] xs, double[] ys, double[] gx, double[] gy, int n) {
        for (int i = 0; i < n; i++) {
            double x = xs[i];
            double y = ys[i];
            double a = x * x + y - 11;
            double b = x + y * y - 7;
            gx[i] = 4 * x * a + 2 * b;
            gy[i] = 2 * a + 4 * y * b;
        }
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 12 * (x * x) + 4 * y - 42;
        out[1] = 4 * (x + y);
        out[2] = out[1];
        out[3] = 4 * x + 12 * (y * y) - 26;
    }

    @Override
    public int residualCount() {
        return 2;
    }

    @Override
    public void residuals(double[] p, double[] r) {
        double x = p[0];
        double y = p[1];
        r[0] = x * x + y - 11;
        r[1] = x + y * y - 7;
    }

    @Override
    public void jacobian(double[] p, double[] j) {
        j[0] = 2 * p[0];
        j[1] = 1;
        j[2] = 1;
        j[3] = 2 * p[1];
    }
}
