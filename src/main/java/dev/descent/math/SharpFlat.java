package dev.descent.math;

import dev.descent.math.ParamSpec.Scale;
import java.util.List;
import java.util.Map;

/**
 * A sharp minimum beside a flat one: the smooth minimum of two bowls,
 * f = −τ·log(exp(−q₁/τ) + exp(−q₂/τ)) with q₁ = ½·S·(x² + y²) (the sharp bowl, curvature S, at
 * (0, 0)) and q₂ = ½·F·((x − 3)² + y²) + δ (the flat bowl, curvature F, at (3, 0), δ higher), τ = 0.1.
 * Each bowl's centre is a minimum (the other bowl's weight there is below e⁻⁴⁰, far under a double's
 * resolution); a saddle on the ridge between them is found once, by bisection.
 *
 * <p><b>The lesson</b> (sharpness-aware minimization). The sharp minimum is the deeper one and gradient
 * descent settles there whenever its learning rate is below 2/S. SAM takes each gradient at θ + ρ·g/‖g‖:
 * in the narrow bowl that point lies up the steep wall, the step overshoots and bounces, and once the
 * bounce reaches over the ridge the flat bowl pulls the run out; in the flat bowl the same ρ changes
 * little. From the suggested start (−2, 0.5) with η = 0.045 (1.8/S), SGD ends in the sharp minimum
 * and SAM (ρ = 0.1) in the flat one.
 */
public final class SharpFlat extends Surface {

    public static final SurfaceKind KIND = new SurfaceKind("sharp_flat", "Sharp and flat minima", List.of(
            ParamSpec.real("sharp", "S", 40, 5, 200, Scale.LOG, "curvature of the sharp bowl at (0, 0)"),
            ParamSpec.real("flat", "F", 1, 0.1, 5, Scale.LOG, "curvature of the flat bowl at (3, 0)"),
            ParamSpec.real("gap", "δ", 0.5, 0, 2, Scale.LINEAR, "how much higher the flat minimum lies")),
            p -> new SharpFlat(p.real("sharp"), p.real("flat"), p.real("gap")));

    private static final double CENTRE = 3;
    private static final double TAU = 0.1;

    private final double sharp;
    private final double flat;
    private final double gap;
    private final double saddleX;

    public SharpFlat(double sharp, double flat, double gap) {
        if (!(flat > 0) || Double.isInfinite(flat)) {
            throw new IllegalArgumentException("sharp_flat needs a flat curvature > 0, got flat=" + flat);
        }
        if (!(sharp > flat) || Double.isInfinite(sharp)) {
            throw new IllegalArgumentException("sharp_flat needs a sharp curvature above the flat one (" + flat
                    + "), got sharp=" + sharp);
        }
        if (!(gap >= 0 && gap <= 2)) {
            throw new IllegalArgumentException("sharp_flat needs a gap in [0, 2], got gap=" + gap);
        }
        this.sharp = sharp;
        this.flat = flat;
        this.gap = gap;
        this.saddleX = ridge();
    }

    /** The saddle on y = 0: ∂f/∂x goes from + (the sharp bowl's wall) to − (the flat bowl's) between the centres. */
    private double ridge() {
        double lo = 1e-3;
        double hi = CENTRE - 1e-3;
        double[] g = new double[2];
        for (int i = 0; i < 200 && lo < hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            gradient(mid, 0, g, 0);
            if (g[0] > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Override
    public String id() {
        return "sharp_flat";
    }

    @Override
    public String title() {
        return "Sharp and flat minima";
    }

    @Override
    public String description() {
        return "A deep, narrow minimum beside a shallower, wide one: gradient descent takes the sharp one, SAM the flat one.";
    }

    @Override
    public String formula() {
        return "f = −τ·log(e^(−q₁/τ) + e^(−q₂/τ)), q₁ = ½S(x² + y²), q₂ = ½F((x − 3)² + y²) + δ, τ = 0.1";
    }

    @Override
    public Params parameters() {
        return Params.resolve("surface sharp_flat", KIND.params(), Map.of("sharp", sharp, "flat", flat, "gap", gap));
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-3, 5, -3, 3);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return List.of(new CriticalPoint(0, 0, CriticalPoint.Kind.GLOBAL_MINIMUM),
                new CriticalPoint(CENTRE, 0, CriticalPoint.Kind.LOCAL_MINIMUM),
                new CriticalPoint(saddleX, 0, CriticalPoint.Kind.SADDLE));
    }

    @Override
    public double[] suggestedStart() {
        return new double[] {-2, 0.5};
    }

    private double q1(double x, double y) {
        return 0.5 * sharp * (x * x + y * y);
    }

    private double q2(double x, double y) {
        double dx = x - CENTRE;
        return 0.5 * flat * (dx * dx + y * y) + gap;
    }

    /** The weight of the bowl with q = a against the other, 1/(1 + e^((a − b)/τ)), without overflow. */
    private static double sharpWeight(double q1, double q2) {
        double d = (q1 - q2) / TAU;
        return d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
    }

    @Override
    public double value(double x, double y) {
        double a = q1(x, y);
        double b = q2(x, y);
        double m = Math.min(a, b);
        // log-sum-exp around the smaller bowl: the exponent of the other is ≤ 0
        return m - TAU * Math.log1p(Math.exp(-Math.abs(a - b) / TAU));
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        double a = q1(x, y);
        double b = q2(x, y);
        double p1 = sharpWeight(a, b);
        double p2 = sharpWeight(b, a);
        out[offset] = p1 * sharp * x + p2 * flat * (x - CENTRE);
        out[offset + 1] = (p1 * sharp + p2 * flat) * y;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        // H = p₁H₁ + p₂H₂ − (p₁p₂/τ)·d·dᵀ with d = ∇q₁ − ∇q₂
        double a = q1(x, y);
        double b = q2(x, y);
        double p1 = sharpWeight(a, b);
        double p2 = sharpWeight(b, a);
        double dx = sharp * x - flat * (x - CENTRE);
        double dy = (sharp - flat) * y;
        double c = p1 * p2 / TAU;
        double diag = p1 * sharp + p2 * flat;
        out[0] = diag - c * dx * dx;
        out[1] = -c * dx * dy;
        out[2] = out[1];
        out[3] = diag - c * dy * dy;
    }
}
