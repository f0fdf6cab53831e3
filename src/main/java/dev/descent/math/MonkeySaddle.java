package dev.descent.math;

import java.util.List;

/**
 * The monkey saddle f = x³ − 3xy², whose saddle at (0, 0) is degenerate: the Hessian vanishes there,
 * so the gradient fades quadratically on the way in and second-order methods see nothing to escape
 * along. Three valleys (at 60°, 180° and 300°) and three ridges meet at the origin; unbounded below.
 */
public final class MonkeySaddle extends Surface {

    public static final SurfaceKind KIND = new SurfaceKind("monkey_saddle", "Monkey saddle", List.of(),
            p -> new MonkeySaddle());

    private static final List<CriticalPoint> CRITICAL_POINTS =
            List.of(new CriticalPoint(0, 0, CriticalPoint.Kind.SADDLE));

    @Override
    public String id() {
        return "monkey_saddle";
    }

    @Override
    public String title() {
        return "Monkey saddle";
    }

    @Override
    public String description() {
        return "A degenerate saddle where three valleys meet: the gradient fades to nothing near the origin.";
    }

    @Override
    public String formula() {
        return "f = x³ − 3xy²";
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-2, 2, -2, 2);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return CRITICAL_POINTS;
    }

    /** On the ridge along the positive x axis, nudged off it: the run crawls in and then peels away. */
    @Override
    public double[] suggestedStart() {
        return new double[] {1.5, 1e-3};
    }

    @Override
    public double value(double x, double y) {
        return x * (x * x - 3 * (y * y));
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        out[offset] = 3 * (x * x - y * y);
        out[offset + 1] = -6 * x * y;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 6 * x;
        out[1] = -6 * y;
        out[2] = out[1];
        out[3] = -6 * x;
    }
}
