package dev.descent.math;

import dev.descent.math.ParamSpec.Scale;
import java.util.List;
import java.util.Map;

/**
 * A small basin in a wide, almost flat plateau: f = 1 − exp(−ρ²/(2w²)) + ½·ε·ρ², ρ² = x² + y².
 * The Gaussian well of width w has fallen flat a few widths out; the faint bowl ε keeps the plateau's
 * gradient, ε·ρ, small but never zero (0.002 to 0.005 across the plateau with the defaults), pointing
 * at the single minimum f(0, 0) = 0.
 *
 * <p><b>The lesson.</b> A step of plain gradient descent is η times that tiny gradient, so it crawls
 * across the plateau for thousands of steps, and its learning rate cannot simply be raised because
 * the basin's curvature 1/w² + ε caps it. Momentum builds speed on the steady slope (about 1/(1 − β)
 * times faster), and Adam divides by the gradient's own size, so it crosses at about η per step and
 * then settles in the basin.
 */
public final class Plateau extends Surface {

    public static final SurfaceKind KIND = new SurfaceKind("plateau", "Plateau", List.of(
            ParamSpec.real("width", "w", 0.5, 0.1, 2, Scale.LOG, "radius of the basin"),
            ParamSpec.real("tilt", "ε", 1e-3, 1e-6, 0.1, Scale.LOG, "curvature of the faint bowl under the plateau: its slope")),
            p -> new Plateau(p.real("width"), p.real("tilt")));

    private final double width;
    private final double tilt;
    /** 1/w², the basin's curvature. */
    private final double curvature;

    public Plateau(double width, double tilt) {
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("plateau needs a basin width > 0, got width=" + width);
        }
        if (!(tilt >= 0) || Double.isInfinite(tilt)) {
            throw new IllegalArgumentException("plateau needs a tilt >= 0, got tilt=" + tilt);
        }
        this.width = width;
        this.tilt = tilt;
        this.curvature = 1 / (width * width);
    }

    @Override
    public String id() {
        return "plateau";
    }

    @Override
    public String title() {
        return "Plateau";
    }

    @Override
    public String description() {
        return "A small basin in a wide plateau whose faint slope leaves plain descent crawling; Adam crosses.";
    }

    @Override
    public String formula() {
        return "f = 1 − exp(−(x² + y²)/(2w²)) + ½·ε·(x² + y²)";
    }

    @Override
    public Params parameters() {
        return Params.resolve("surface plateau", KIND.params(), Map.of("width", width, "tilt", tilt));
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-5, 5, -5, 5);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return List.of(new CriticalPoint(0, 0, CriticalPoint.Kind.GLOBAL_MINIMUM));
    }

    /** Out on the plateau, ten basin widths from the minimum with the defaults. */
    @Override
    public double[] suggestedStart() {
        return new double[] {-4, 3};
    }

    @Override
    public double value(double x, double y) {
        double rho2 = x * x + y * y;
        // 1 − e^(−q) through expm1 keeps its digits near the minimum
        return -Math.expm1(-0.5 * curvature * rho2) + 0.5 * tilt * rho2;
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        double g = curvature * Math.exp(-0.5 * curvature * (x * x + y * y)) + tilt;
        out[offset] = g * x;
        out[offset + 1] = g * y;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double e = curvature * Math.exp(-0.5 * curvature * (x * x + y * y));
        double g = e + tilt;
        out[0] = g - e * curvature * (x * x);
        out[1] = -e * curvature * (x * y);
        out[2] = out[1];
        out[3] = g - e * curvature * (y * y);
    }
}
