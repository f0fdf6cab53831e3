package dev.descent.math;

import dev.descent.math.ParamSpec.Scale;
import java.util.List;
import java.util.Map;

/**
 * A long, narrow, gently sloping ravine: f = s·(√(1 + u²) − 1) + ½·k·w², where (u, w) = (x, y)
 * rotated by −θ, so the floor runs along the direction θ. Across the ravine the walls are a parabola
 * of curvature k; along the floor the descent is a constant slope s (the pseudo-Huber shape), which
 * rounds into a minimum of curvature s at f(0, 0) = 0.
 *
 * <p><b>The lesson.</b> Gradient descent's learning rate is capped by the walls (η &lt; 2/k) while
 * its progress along the floor is η·s per step: with the default k = 100 and s = 1 a stable η moves
 * the run at most 0.02 along the floor per step and, close to the cap, zig-zags from wall to wall. Momentum
 * averages the zig-zag out and adds up the steady slope, gliding along the floor about 1/(1 − β)
 * times faster. The tilt θ keeps the ravine off the coordinate axes, so per-coordinate scaling
 * (Adagrad, RMSprop, Adam) cannot simply undo the bad conditioning.
 */
public final class Ravine extends Surface {

    public static final SurfaceKind KIND = new SurfaceKind("ravine", "Ravine", List.of(
            ParamSpec.real("k", "k", 100, 1, 10_000, Scale.LOG, "curvature across the ravine: larger is narrower"),
            ParamSpec.real("slope", "s", 1, 0.01, 10, Scale.LOG, "how steeply the floor descends towards the minimum"),
            ParamSpec.real("angle", "θ", 10, -45, 45, Scale.LINEAR, "direction of the floor, in degrees from the x axis")),
            p -> new Ravine(p.real("k"), p.real("slope"), p.real("angle")));

    /** Half the length of floor the viewport shows, and half its width across. */
    private static final double FLOOR = 6;
    private static final double ACROSS = 1.5;

    private final double k;
    private final double slope;
    private final double angle;
    private final double c;
    private final double s;

    public Ravine(double k, double slope, double angle) {
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("ravine needs a wall curvature k > 0, got k=" + k);
        }
        if (!(slope > 0) || Double.isInfinite(slope)) {
            throw new IllegalArgumentException("ravine needs a floor slope > 0, got slope=" + slope);
        }
        if (!Double.isFinite(angle)) {
            throw new IllegalArgumentException("ravine angle must be a finite number of degrees, got " + angle);
        }
        this.k = k;
        this.slope = slope;
        this.angle = angle;
        double rad = Math.toRadians(angle);
        this.c = Math.cos(rad);
        this.s = Math.sin(rad);
    }

    @Override
    public String id() {
        return "ravine";
    }

    @Override
    public String title() {
        return "Ravine";
    }

    @Override
    public String description() {
        return "A long narrow ravine: gradient descent zig-zags between the walls, momentum glides along the floor.";
    }

    @Override
    public String formula() {
        return "f = s·(√(1 + u²) − 1) + ½·k·w², (u, w) = (x, y) rotated by " + Params.format(-angle) + "°";
    }

    @Override
    public Params parameters() {
        return Params.resolve("surface ravine", KIND.params(), Map.of("k", k, "slope", slope, "angle", angle));
    }

    /** The floor from end to end and a little of the walls, whatever the angle. */
    @Override
    public Viewport defaultViewport() {
        double hx = FLOOR * Math.abs(c) + ACROSS * Math.abs(s);
        double hy = FLOOR * Math.abs(s) + ACROSS * Math.abs(c);
        return new Viewport(-hx, hx, -hy, hy);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return List.of(new CriticalPoint(0, 0, CriticalPoint.Kind.GLOBAL_MINIMUM));
    }

    /** Far up the floor (u = −5) and a little up one wall (w = 0.3), so the zig-zag starts at once. */
    @Override
    public double[] suggestedStart() {
        double u = -5;
        double w = 0.3;
        return new double[] {c * u - s * w, s * u + c * w};
    }

    /** √(1 + u²) without overflowing u² where the root itself is representable. */
    private static double hypot1(double u) {
        double a = Math.abs(u);
        return a < 1e150 ? Math.sqrt(1 + u * u) : a;
    }

    @Override
    public double value(double x, double y) {
        double u = c * x + s * y;
        double w = -s * x + c * y;
        // √(1 + u²) − 1 = u²/(√(1 + u²) + 1), without the cancellation near the minimum
        return slope * u * (u / (hypot1(u) + 1)) + 0.5 * k * (w * w);
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        double u = c * x + s * y;
        double w = -s * x + c * y;
        double fu = slope * (u / hypot1(u));
        double fw = k * w;
        out[offset] = c * fu - s * fw;
        out[offset + 1] = s * fu + c * fw;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double u = c * x + s * y;
        double h = hypot1(u);
        double huu = slope / (h * h * h);
        out[0] = huu * c * c + k * s * s;
        out[1] = (huu - k) * c * s;
        out[2] = out[1];
        out[3] = huu * s * s + k * c * c;
    }
}
