package dev.descent.math;

/**
 * Finds stationary points to full double precision by Newton's method on ∇f = 0, so surfaces list
 * their minima, saddles and maxima from a rounded seed instead of hand-typed digits.
 */
final class Stationary {

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
        double reach = 1e-3 * (1 + Math.hypot(x0, y0));
        if (!settled || Math.hypot(x - x0, y - y0) > reach) {
            throw new IllegalStateException(s.id() + ": no stationary point settles near (" + x0 + ", " + y0
                    + "); Newton ended at (" + x + ", " + y + ")");
        }
        return new CriticalPoint(x, y, kind);
    }
}
