package dev.descent.math;

import dev.descent.math.ParamSpec.Scale;
import java.util.List;

/**
 * f = ½·(a·u² + b·w²) with (u, w) = (x, y) rotated by −angle: an elliptic bowl whose axes lie at
 * {@code angle} degrees. With a = 1, b = 10 and no rotation it is the golden files' quadratic,
 * 0.5*(1.0*x**2 + 10.0*y**2). The condition number b/a sets how hard it is for gradient descent.
 */
public final class Quadratic extends Surface implements LeastSquares {

    public static final SurfaceKind KIND = new SurfaceKind("quadratic", "Quadratic bowl", List.of(
            ParamSpec.real("a", "a", 1, 0.01, 100, Scale.LOG, "curvature along the first axis"),
            ParamSpec.real("b", "b", 10, 0.01, 100, Scale.LOG, "curvature along the second axis"),
            ParamSpec.real("angle", "angle", 0, -90, 90, Scale.LINEAR, "rotation of the axes, in degrees")),
            p -> new Quadratic(p.real("a"), p.real("b"), p.real("angle")));

    private final double a;
    private final double b;
    private final double angle;
    private final double c;
    private final double s;

    public Quadratic(double a, double b, double angle) {
        if (!(a > 0) || !(b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("quadratic needs curvatures a > 0 and b > 0, got a=" + a + ", b=" + b);
        }
        if (!Double.isFinite(angle)) {
            throw new IllegalArgumentException("quadratic angle must be a finite number of degrees, got " + angle);
        }
        this.a = a;
        this.b = b;
        this.angle = angle;
        double rad = Math.toRadians(angle);
        this.c = angle == 0 ? 1 : Math.cos(rad);
        this.s = angle == 0 ? 0 : Math.sin(rad);
    }

    @Override
    public String id() {
        return "quadratic";
    }

    @Override
    public String title() {
        return "Quadratic bowl";
    }

    @Override
    public String description() {
        return "An elliptic bowl; its condition number b/a decides how much gradient descent zig-zags.";
    }

    @Override
    public String formula() {
        return angle == 0 ? "f = ½·(a·x² + b·y²)" : "f = ½·(a·u² + b·w²), (u, w) = (x, y) rotated by " + Params.format(-angle) + "°";
    }

    @Override
    public Params parameters() {
        return Params.resolve("surface quadratic", KIND.params(), java.util.Map.of("a", a, "b", b, "angle", angle));
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-2.5, 2.5, -1.5, 1.5);
    }

    /** The golden files' start (2, 1). */
    @Override
    public double[] suggestedStart() {
        return new double[] {2, 1};
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return List.of(new CriticalPoint(0, 0, CriticalPoint.Kind.GLOBAL_MINIMUM));
    }

    private double u(double x, double y) {
        return c * x + s * y;
    }

    private double w(double x, double y) {
        return -s * x + c * y;
    }

    @Override
    public double value(double x, double y) {
        if (angle == 0) {
            return 0.5 * (a * x * x + b * y * y);
        }
        double u = u(x, y);
        double w = w(x, y);
        return 0.5 * (a * u * u + b * w * w);
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        if (angle == 0) {
            out[offset] = a * x;
            out[offset + 1] = b * y;
            return;
        }
        double au = a * u(x, y);
        double bw = b * w(x, y);
        out[offset] = c * au - s * bw;
        out[offset + 1] = s * au + c * bw;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = a * c * c + b * s * s;
        out[1] = (a - b) * c * s;
        out[2] = out[1];
        out[3] = a * s * s + b * c * c;
    }

    @Override
    public int residualCount() {
        return 2;
    }

    @Override
    public void residuals(double[] p, double[] r) {
        r[0] = Math.sqrt(a / 2) * u(p[0], p[1]);
        r[1] = Math.sqrt(b / 2) * w(p[0], p[1]);
    }

    @Override
    public void jacobian(double[] p, double[] j) {
        double ra = Math.sqrt(a / 2);
        double rb = Math.sqrt(b / 2);
        j[0] = ra * c;
        j[1] = ra * s;
        j[2] = -rb * s;
        j[3] = rb * c;
    }
}
