package dev.descent.math;

/**
 * The local quadratic model of a surface at a point, q(θ + δ) = f + g·δ + ½·δᵀHδ, with the
 * Hessian's eigen-decomposition: what decides a gradient step's fate there.
 *
 * @param x       the point
 * @param y       the point
 * @param f       f(x, y)
 * @param gx      ∂f/∂x
 * @param gy      ∂f/∂y
 * @param hessian [f_xx, f_xy, f_yx, f_yy]
 * @param lambda1 the smaller eigenvalue
 * @param lambda2 the larger eigenvalue
 * @param v1      unit eigenvector of λ₁
 * @param v2      unit eigenvector of λ₂ (perpendicular to v1)
 */
public record LocalQuadratic(double x, double y, double f, double gx, double gy, double[] hessian, double lambda1,
                             double lambda2, double[] v1, double[] v2) {

    /** The model of {@code s} at (x, y); its numbers may be non-finite where s is. */
    public static LocalQuadratic at(Surface s, double x, double y) {
        double[] g = new double[2];
        s.gradient(x, y, g, 0);
        double[] h = new double[4];
        s.hessian(x, y, h);
        double a = h[0];
        double b = (h[1] + h[2]) / 2;
        double d = h[3];
        // eigenvalues of [[a, b], [b, d]]: mean ∓ radius, the radius as a hypot (no cancellation)
        double mean = (a + d) / 2;
        double r = Math.hypot((a - d) / 2, b);
        double l1 = mean - r;
        double l2 = mean + r;
        // eigenvector of the larger eigenvalue: angle φ with tan 2φ = 2b/(a − d)
        double phi = 0.5 * Math.atan2(2 * b, a - d);
        double[] v2 = {Math.cos(phi), Math.sin(phi)};
        double[] v1 = {-v2[1], v2[0]};
        return new LocalQuadratic(x, y, s.value(x, y), g[0], g[1], h, l1, l2, v1, v2);
    }

    /** The condition number κ = |λ|_max / |λ|_min (∞ when an eigenvalue is 0). */
    public double condition() {
        double big = Math.max(Math.abs(lambda1), Math.abs(lambda2));
        double small = Math.min(Math.abs(lambda1), Math.abs(lambda2));
        return small == 0 ? Double.POSITIVE_INFINITY : big / small;
    }

    /** Whether both curvatures are positive: the model is a bowl with a minimum. */
    public boolean isBowl() {
        return lambda1 > 0;
    }

    /** The largest absolute curvature, |λ|_max: what bounds a stable learning rate. */
    public double lambdaMax() {
        return Math.max(Math.abs(lambda1), Math.abs(lambda2));
    }

    /** The model's stationary point θ − H⁻¹g (the Newton point), or null when H is singular. */
    public double[] newtonPoint() {
        double det = lambda1 * lambda2;
        if (det == 0 || !Double.isFinite(det)) {
            return null;
        }
        // H⁻¹g through the eigenbasis: Σ vᵢ (vᵢ·g)/λᵢ
        double c1 = (v1[0] * gx + v1[1] * gy) / lambda1;
        double c2 = (v2[0] * gx + v2[1] * gy) / lambda2;
        return new double[] {x - (c1 * v1[0] + c2 * v2[0]), y - (c1 * v1[1] + c2 * v2[1])};
    }

    /**
     * The model's level curve through (x, y) when it is a bowl: the ellipse centred at the Newton point
     * with semi-axes √(2c/λᵢ) along vᵢ, where c = ½·(θ − θ*)ᵀH(θ − θ*). Returns {cx, cy, a1, a2}
     * (a1 along v1, a2 along v2), or null when the model is not a bowl.
     */
    public double[] levelEllipse() {
        double[] c = newtonPoint();
        if (!isBowl() || c == null) {
            return null;
        }
        double dx = x - c[0];
        double dy = y - c[1];
        double p1 = v1[0] * dx + v1[1] * dy;
        double p2 = v2[0] * dx + v2[1] * dy;
        double level = lambda1 * p1 * p1 + lambda2 * p2 * p2; // 2c
        return new double[] {c[0], c[1], Math.sqrt(level / lambda1), Math.sqrt(level / lambda2)};
    }
}
