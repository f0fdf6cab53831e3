package dev.descent.math;

import java.util.List;

/**
 * Booth's function, f = (x + 2y − 7)² + (2x + y − 5)², minimum f(1, 3) = 0: a plain elliptic bowl
 * (constant Hessian [[10, 8], [8, 10]], condition number 9) whose axes lie at 45°, so coordinate-wise
 * methods cannot align with them. It is the sum of squares of r = [x + 2y − 7, 2x + y − 5].
 */
public final class Booth extends Surface implements LeastSquares {

    public static final SurfaceKind KIND = new SurfaceKind("booth", "Booth", List.of(), p -> new Booth());

    private static final List<CriticalPoint> CRITICAL_POINTS =
            List.of(new CriticalPoint(1, 3, CriticalPoint.Kind.GLOBAL_MINIMUM));

    @Override
    public String id() {
        return "booth";
    }

    @Override
    public String title() {
        return "Booth";
    }

    @Override
    public String description() {
        return "A tilted elliptic bowl with its minimum at (1, 3): the easy case to compare against.";
    }

    @Override
    public String formula() {
        return "f = (x + 2y − 7)² + (2x + y − 5)²";
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-10, 10, -10, 10);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return CRITICAL_POINTS;
    }

    @Override
    public double value(double x, double y) {
        double r1 = x + 2 * y - 7;
        double r2 = 2 * x + y - 5;
        return r1 * r1 + r2 * r2;
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        double r1 = x + 2 * y - 7;
        double r2 = 2 * x + y - 5;
        out[offset] = 2 * r1 + 4 * r2;
        out[offset + 1] = 4 * r1 + 2 * r2;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 10;
        out[1] = 8;
        out[2] = 8;
        out[3] = 10;
    }

    @Override
    public int residualCount() {
        return 2;
    }

    @Override
    public void residuals(double[] p, double[] r) {
        r[0] = p[0] + 2 * p[1] - 7;
        r[1] = 2 * p[0] + p[1] - 5;
    }

    @Override
    public void jacobian(double[] p, double[] j) {
        j[0] = 1;
        j[1] = 2;
        j[2] = 2;
        j[3] = 1;
    }
}
