package dev.descent.math;

import java.util.List;

/**
 * Rosenbrock's banana valley, f = (1 − x)² + 100·(y − x²)², minimum f(1, 1) = 0. The floor of the
 * curved valley is easy to reach and slow to follow: at the minimum the curvature across it is
 * about 2500 times the curvature along it. It is the sum of squares of r = [1 − x, 10·(y − x²)].
 *
 * <p>The expressions follow the golden files' {@code (1 - x)**2 + 100*(y - x**2)**2} and its
 * gradient {@code [-2*(1 - x) - 400*x*(y - x**2), 200*(y - x**2)]} operation for operation.
 */
public final class Rosenbrock extends Surface implements LeastSquares {

    public static final SurfaceKind KIND = new SurfaceKind("rosenbrock", "Rosenbrock", List.of(), p -> new Rosenbrock());

    private static final List<CriticalPoint> CRITICAL_POINTS =
            List.of(new CriticalPoint(1, 1, CriticalPoint.Kind.GLOBAL_MINIMUM));

    @Override
    public String id() {
        return "rosenbrock";
    }

    @Override
    public String title() {
        return "Rosenbrock";
    }

    @Override
    public String description() {
        return "A curved, narrow valley: finding the floor is easy, following it to (1, 1) is slow.";
    }

    @Override
    public String formula() {
        return "f = (1 − x)² + 100·(y − x²)²";
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-2, 2, -1, 3);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return CRITICAL_POINTS;
    }

    /** The classic start (−1.2, 1), on the far side of the valley's bend. */
    @Override
    public double[] suggestedStart() {
        return new double[] {-1.2, 1};
    }

    @Override
    public double value(double x, double y) {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * (b * b);
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        double b = y - x * x;
        out[offset] = -2 * (1 - x) - 400 * x * b;
        out[offset + 1] = 200 * b;
    }

    /** Same operations as the scalar gradient, one point per iteration, no branches: vectorisable. */
    @Override
    public void gradients(double[] xs, double[] ys, double[] gx, double[] gy, int n) {
        for (int i = 0; i < n; i++) {
            double x = xs[i];
            double b = ys[i] - x * x;
            gx[i] = -2 * (1 - x) - 400 * x * b;
            gy[i] = 200 * b;
        }
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 2 - 400 * y + 1200 * (x * x);
        out[1] = -400 * x;
        out[2] = out[1];
        out[3] = 200;
    }

    @Override
    public int residualCount() {
        return 2;
    }

    @Override
    public void residuals(double[] p, double[] r) {
        r[0] = 1 - p[0];
        r[1] = 10 * (p[1] - p[0] * p[0]);
    }

    @Override
    public void jacobian(double[] p, double[] j) {
        j[0] = -1;
        j[1] = 0;
        j[2] = -20 * p[0];
        j[3] = 10;
    }
}
