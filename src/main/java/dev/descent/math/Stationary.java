package dev.descent.math;

/**
 * Finds stationary points to full double precision by Newton's method on ∇f = 0, so surfaces list
 * their minima, saddles and maxima from a rounded seed instead of hand-typed digits.
 */
public final class Stationary {

    private static final int MAX_ITERATIONS = 100;

    private Stationary() {
    }

    /**
     * Polishes a seed into the stationary point next to it.
     *
     * @throws IllegalStateException if Newton does not settle within {@code 1e-3·(1 + |seed|)} of the
     *                               seed: a wrong seed is a bug in the surface, not a user error
     */
    static CriticalPoint near(Surface s, double x0, double y0, CriticalPoint.Kind kind) {
        return near(s, x0, y0, kind, 1e-3 * (1 + Math.hypot(x0, y0)));
    }

    /** {@link #near(Surface, double, double, CriticalPoint.Kind)} with the distance the point may lie from the seed. */
    static CriticalPoint near(Surface s, double x0, double y0, CriticalPoint.Kind kind, double reach) {
        double[] g = new double[2];
        double[] h = new double[4];
        double x = x0;
        double y = y0;
        boolean settled = false;
        for (int i = 0; i < MAX_ITERATIONS && !settled; i++) {
            s.gradient(x, y, g, 0);
            s.hessian(x, y, h);
            double det = h[0] * h[3] - h[1] * h[2];
            double dx = (h[3] * g[0] - h[1] * g[1]) / det;
            double dy = (h[0] * g[1] - h[2] * g[0]) / det;
            if (!(Double.isFinite(dx) && Double.isFinite(dy))) {
                break;
            }
            x -= dx;
            y -= dy;
            // a few ulps of wobble remain once the rounding of ∇f dominates; stop there
            settled = Math.abs(dx) <= 1e-15 * (1 + Math.abs(x)) && Math.abs(dy) <= 1e-15 * (1 + Math.abs(y));
        }
        if (!settled || Math.hypot(x - x0, y - y0) > reach) {
            throw new IllegalStateException(s.id() + ": no stationary point settles near (" + x0 + ", " + y0
                    + "); Newton ended at (" + x + ", " + y + ")");
        }
        return new CriticalPoint(x, y, kind);
    }

    /**
     * Searches a viewport for non-degenerate stationary points: Newton's method from a 12 × 12 grid of
     * starts; a point is kept when it settles inside the view with ∇f at rounding level
     * (≤ 1e-13·|H|·(1 + |x| + |y|)), its Hessian is clearly definite or indefinite, and the values on a
     * ring of radius 1e-3 around it (and along the Hessian's axes) confirm its kind. Minima with the
     * lowest value found are {@code GLOBAL_MINIMUM}; the list holds minima (lowest first), saddles, maxima.
     */
    public static java.util.List<CriticalPoint> find(Surface s, Viewport v) {
        java.util.List<CriticalPoint> found = new java.util.ArrayList<>();
        double[] g = new double[2];
        double[] h = new double[4];
        int n = 12;
        double tolerance = 1e-7 * Math.hypot(v.width(), v.height());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = v.xMin() + (i + 0.5) * v.width() / n;
                double y = v.yMin() + (j + 0.5) * v.height() / n;
                boolean settled = false;
                for (int k = 0; k < MAX_ITERATIONS && !settled; k++) {
                    s.gradient(x, y, g, 0);
                    s.hessian(x, y, h);
                    double det = h[0] * h[3] - h[1] * h[2];
                    double dx = (h[3] * g[0] - h[1] * g[1]) / det;
                    double dy = (h[0] * g[1] - h[2] * g[0]) / det;
                    if (!(Double.isFinite(dx) && Double.isFinite(dy))) {
                        break;
                    }
                    x -= dx;
                    y -= dy;
                    if (!(Math.abs(x - v.xMin() - v.width() / 2) <= v.width() && Math.abs(y - v.yMin() - v.height() / 2) <= v.height())) {
                        break; // wandered far out of view
                    }
                    settled = Math.abs(dx) <= 1e-15 * (1 + Math.abs(x)) && Math.abs(dy) <= 1e-15 * (1 + Math.abs(y));
                }
                if (!settled || !v.contains(x, y)) {
                    continue;
                }
                CriticalPoint.Kind kind = classify(s, x, y, g, h);
                if (kind == null) {
                    continue;
                }
                boolean seen = false;
                for (CriticalPoint c : found) {
                    seen |= Math.hypot(c.x() - x, c.y() - y) <= tolerance;
                }
                if (!seen) {
                    found.add(new CriticalPoint(x, y, kind));
                }
            }
        }
        double best = found.stream().filter(CriticalPoint::isMinimum).mapToDouble(c -> s.value(c.x(), c.y()))
                .min().orElse(Double.NaN);
        java.util.List<CriticalPoint> out = new java.util.ArrayList<>();
        found.stream().filter(CriticalPoint::isMinimum)
                .sorted(java.util.Comparator.comparingDouble((CriticalPoint c) -> s.value(c.x(), c.y())))
                .forEach(c -> out.add(new CriticalPoint(c.x(), c.y(),
                        s.value(c.x(), c.y()) <= best + 1e-12 * (1 + Math.abs(best))
                                ? CriticalPoint.Kind.GLOBAL_MINIMUM : CriticalPoint.Kind.LOCAL_MINIMUM)));
        found.stream().filter(c -> c.kind() == CriticalPoint.Kind.SADDLE).forEach(out::add);
        found.stream().filter(c -> c.kind() == CriticalPoint.Kind.MAXIMUM).forEach(out::add);
        return java.util.List.copyOf(out);
    }

    /** The kind of a settled point, or null when it is degenerate, not quite stationary or not confirmed. */
    private static CriticalPoint.Kind classify(Surface s, double x, double y, double[] g, double[] h) {
        s.gradient(x, y, g, 0);
        s.hessian(x, y, h);
        double size = Math.abs(h[0]) + Math.abs(h[1]) + Math.abs(h[3]);
        if (!(size > 0) || !Double.isFinite(size)
                || !(Math.hypot(g[0], g[1]) <= 1e-13 * size * (1 + Math.abs(x) + Math.abs(y)))) {
            return null;
        }
        double det = h[0] * h[3] - h[1] * h[2];
        if (!(Math.abs(det) > 1e-8 * size * size)) {
            return null; // nearly singular: the ring cannot tell its kind
        }
        CriticalPoint.Kind kind = det < 0 ? CriticalPoint.Kind.SADDLE
                : h[0] > 0 ? CriticalPoint.Kind.GLOBAL_MINIMUM : CriticalPoint.Kind.MAXIMUM;
        double f = s.value(x, y);
        double rho = 1e-3;
        double t = 0.5 * Math.atan2(2 * h[1], h[0] - h[3]);
        int above = 0;
        int below = 0;
        for (int k = 0; k < 20; k++) {
            double a = k < 16 ? 2 * Math.PI * k / 16 : t + (k - 16) * Math.PI / 2;
            double fq = s.value(x + rho * Math.cos(a), y + rho * Math.sin(a));
            above += fq > f ? 1 : 0;
            below += fq < f ? 1 : 0;
        }
        boolean confirmed = switch (kind) {
            case SADDLE -> above > 0 && below > 0;
            case MAXIMUM -> below == 20;
            default -> above == 20;
        };
        return confirmed ? kind : null;
    }
}
