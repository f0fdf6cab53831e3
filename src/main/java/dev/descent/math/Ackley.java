package dev.descent.math;

import java.util.List;

/**
 * Ackley's function, f = −20·exp(−0.2·√(0.5·(x² + y²))) − exp(0.5·(cos 2πx + cos 2πy)) + e + 20:
 * a dimpled plain around a deep funnel at the origin, f(0, 0) = 0. A local minimum lies near every
 * integer point (listed; the saddles and maxima between the dimples are not): the dimples' slopes, up to almost 6, outweigh the funnel's pull (at most
 * 2√2, fading with distance), so plain descent stops in the nearest dimple and only noise, momentum
 * or large steps find the funnel.
 *
 * <p>With r = √(0.5·(x² + y²)) and S = sin²(πx) + sin²(πy) (so that 0.5·(cos 2πx + cos 2πy) = 1 − S),
 * it is computed as 20·(1 − e^(−0.2r)) + e·(1 − e^(−S)) through {@code expm1}: two non-negative
 * terms, exactly 0 at the origin and accurate near it, where the textbook form loses everything to
 * cancellation. The periodic terms see x − rint(x), exact for any x.
 *
 * <p><b>The origin.</b> The cone term is not differentiable at (0, 0). There the gradient is the
 * subgradient (0, 0), the one of least norm (the subdifferential is the disc of radius 2√2 around
 * it), and the Hessian is that of the cosine term alone, 2π²e·I: the cone's curvature, which grows
 * like 1/r, has no finite value at the tip. Within r ≤ 1e-300 of the origin, where 1/r would
 * overflow, the Hessian is the same. Everywhere else gradient and Hessian are exact and finite.
 */
public final class Ackley extends Surface {

    public static final SurfaceKind KIND = new SurfaceKind("ackley", "Ackley", List.of(), p -> new Ackley());

    private static final double TWO_PI = 2 * Math.PI;
    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT_HALF = Math.sqrt(0.5);
    /** Below this x² + y² the squares may have underflowed: the direction comes from hypot instead. */
    private static final double TINY_SQUARES = 1e-200;
    /** Below this r the cone's curvature, ~1/r, is treated as the tip's (see the class comment). */
    private static final double TIP = 1e-300;

    private static final List<CriticalPoint> CRITICAL_POINTS = minima(new Ackley());

    /**
     * The global minimum, then the local minimum in each dimple of the view: the dimple near the
     * integer point k, pulled towards the funnel by at most a few hundredths.
     */
    private static List<CriticalPoint> minima(Ackley a) {
        List<CriticalPoint> points = new java.util.ArrayList<>();
        points.add(new CriticalPoint(0, 0, CriticalPoint.Kind.GLOBAL_MINIMUM));
        for (int i = -5; i <= 5; i++) {
            for (int j = -5; j <= 5; j++) {
                if (i != 0 || j != 0) {
                    CriticalPoint p = Stationary.near(a, i, j, CriticalPoint.Kind.LOCAL_MINIMUM, 0.1);
                    if (a.defaultViewport().contains(p.x(), p.y())) {
                        points.add(p);
                    }
                }
            }
        }
        return List.copyOf(points);
    }

    @Override
    public String id() {
        return "ackley";
    }

    @Override
    public String title() {
        return "Ackley";
    }

    @Override
    public String description() {
        return "A dimpled plain around a deep funnel at the origin; the tip of the funnel is a kink.";
    }

    @Override
    public String formula() {
        return "f = −20·exp(−0.2·√(0.5·(x² + y²))) − exp(0.5·(cos 2πx + cos 2πy)) + e + 20";
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-5, 5, -5, 5);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return CRITICAL_POINTS;
    }

    private static double radius(double x, double y) {
        double s = x * x + y * y;
        return s >= TINY_SQUARES ? Math.sqrt(0.5 * s) : SQRT_HALF * Math.hypot(x, y);
    }

    @Override
    public double value(double x, double y) {
        double r = radius(x, y);
        double sx = Math.sin(Math.PI * (x - Math.rint(x)));
        double sy = Math.sin(Math.PI * (y - Math.rint(y)));
        return -20 * Math.expm1(-0.2 * r) - Math.E * Math.expm1(-(sx * sx + sy * sy));
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        double r = radius(x, y);
        double sx = Math.sin(Math.PI * (x - Math.rint(x)));
        double sy = Math.sin(Math.PI * (y - Math.rint(y)));
        double wave = Math.PI * Math.E * Math.exp(-(sx * sx + sy * sy));
        // the cone's part is 2·e^(−0.2r)·x/r; x/r is at most √2, so dividing first keeps it finite
        // where 1/r alone would overflow. At the tip: the subgradient 0.
        double ux = r > 0 ? x / r : 0;
        double uy = r > 0 ? y / r : 0;
        double e2 = 2 * Math.exp(-0.2 * r);
        out[offset] = e2 * ux + wave * Math.sin(TWO_PI * (x - Math.rint(x)));
        out[offset + 1] = e2 * uy + wave * Math.sin(TWO_PI * (y - Math.rint(y)));
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double fx = x - Math.rint(x);
        double fy = y - Math.rint(y);
        double sx = Math.sin(Math.PI * fx);
        double sy = Math.sin(Math.PI * fy);
        double s2x = Math.sin(TWO_PI * fx);
        double s2y = Math.sin(TWO_PI * fy);
        double w = Math.PI * Math.PI * Math.E * Math.exp(-(sx * sx + sy * sy));
        double hxx = w * (2 * Math.cos(TWO_PI * fx) - s2x * s2x);
        double hyy = w * (2 * Math.cos(TWO_PI * fy) - s2y * s2y);
        double hxy = -w * s2x * s2y;
        double r = radius(x, y);
        if (r > TIP) {
            // cone 20·(1 − e^(−0.2r)) with u = (x, y)/r, |u|² = 2:
            // ∇² = e^(−0.2r)·[(|u|²I − u uᵀ)/r − 0.2·u uᵀ]
            double e = Math.exp(-0.2 * r);
            double ux = x / r;
            double uy = y / r;
            double er = e / r;
            hxx += er * (uy * uy) - 0.2 * e * (ux * ux);
            hyy += er * (ux * ux) - 0.2 * e * (uy * uy);
            hxy += -er * (ux * uy) - 0.2 * e * (ux * uy);
        }
        out[0] = hxx;
        out[1] = hxy;
        out[2] = hxy;
        out[3] = hyy;
    }
}
