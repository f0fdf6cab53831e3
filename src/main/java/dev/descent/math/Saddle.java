package dev.descent.math;

import java.util.List;

/**
 * The saddle f = x² − y², with its saddle point at (0, 0) and no minimum. A run started just off the
 * x axis first slides towards the saddle and then escapes along y; the closer to the axis it starts,
 * the longer it lingers near the saddle. Noise and momentum escape sooner.
 */
public final class Saddle extends Surface {

    public static final SurfaceKind KIND = new SurfaceKind("saddle", "Saddle", List.of(), p -> new Saddle());

    private static final List<CriticalPoint> CRITICAL_POINTS =
            List.of(new CriticalPoint(0, 0, CriticalPoint.Kind.SADDLE));

    @Override
    public String id() {
        return "saddle";
    }

    @Override
    public String title() {
        return "Saddle";
    }

    @Override
    public String description() {
        return "A saddle at the origin: runs slow down near it and escape along y, unbounded below.";
    }

    @Override
    public String formula() {
        return "f = x² − y²";
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-2, 2, -2, 2);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return CRITICAL_POINTS;
    }

    /** The golden files' start (1, 10⁻³): almost on the x axis, which leads straight into the saddle. */
    @Override
    public double[] suggestedStart() {
        return new double[] {1, 1e-3};
    }

    @Override
    public double value(double x, double y) {
        return x * x - y * y;
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        out[offset] = 2 * x;
        out[offset + 1] = -2 * y;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 2;
        out[1] = 0;
        out[2] = 0;
        out[3] = -2;
    }
}
