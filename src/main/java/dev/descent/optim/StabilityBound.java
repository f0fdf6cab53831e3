package dev.descent.optim;

/**
 * The classical stability bound an optimizer declares for a quadratic bowl. Along an eigen-direction of
 * curvature λ, with h = gain·η·(λ + shift), the error follows e ← T·e − D·e₋₁ with
 * T = t0 − t1·h and D = d0 − d1·h; it shrinks from every start iff both roots of z² − T·z + D lie inside
 * the unit circle, which for the forms below is {@code h < limit()} = (1 + t0 + d0)/(t1 + d1):
 * <ul>
 *   <li>gradient descent: T = 1 − h, D = 0: η·λ_max &lt; 2;</li>
 *   <li>heavy ball (torch's form, and the lecture form v ← μv − ηg): T = 1 + μ − h, D = μ:
 *       η·(1 − τ)·λ_max &lt; 2 + 2μ (Polyak 1964; Goh 2017, "Why Momentum Really Works");</li>
 *   <li>Nesterov (torch's d = g + μ·b, and the look-ahead form v ← μv − η∇f(θ + μv)):
 *       T = (1 + μ)(1 − h), D = μ(1 − h): η·λ_max &lt; (2 + 2μ)/(1 + 2μ).</li>
 * </ul>
 *
 * @param gain    multiplies η (1 − τ with dampening τ, else 1)
 * @param shift   added to λ_max (coupled L2 weight decay λ)
 * @param t0      the trace's constant part
 * @param t1      the trace's slope in h
 * @param d0      the determinant's constant part
 * @param d1      the determinant's slope in h
 * @param formula the condition in lecture notation, e.g. "η·λ_max < 2 + 2μ"
 */
public record StabilityBound(double gain, double shift, double t0, double t1, double d0, double d1, String formula) {

    /** Plain gradient descent: η·(λ_max + shift) &lt; 2. */
    public static StabilityBound gradientDescent(double shift) {
        return new StabilityBound(1, shift, 1, 1, 0, 0, "η·λ_max < 2");
    }

    /** Heavy-ball momentum μ, η scaled by {@code gain} (1 − τ with dampening τ). */
    public static StabilityBound heavyBall(double gain, double shift, double mu) {
        return new StabilityBound(gain, shift, 1 + mu, 1, mu, 0,
                (gain != 1 ? "η·(1 − τ)·λ_max" : "η·λ_max") + " < 2 + 2μ");
    }

    /** Nesterov momentum μ: the gradient's step is also pushed through the momentum once more. */
    public static StabilityBound nesterov(double shift, double mu) {
        return new StabilityBound(1, shift, 1 + mu, 1 + mu, mu, mu, "η·λ_max < (2 + 2μ)/(1 + 2μ)");
    }

    /** gain·η·(λ_max + shift): the number the gauge compares with the limit. */
    public double value(double lr, double lambdaMax) {
        return gain * lr * (lambdaMax + shift);
    }

    /** The largest stable {@link #value}: 2 for gradient descent, 2 + 2μ for heavy ball, (2 + 2μ)/(1 + 2μ) for Nesterov. */
    public double limit() {
        return (1 + t0 + d0) / (t1 + d1);
    }

    /** The spectral radius of one eigen-direction's iteration at curvature λ: how fast its error shrinks (≥ 1: it does not). */
    public double rate(double lr, double lambda) {
        double h = value(lr, lambda);
        return rootModulus(t0 - t1 * h, d0 - d1 * h);
    }

    /** The larger root modulus of z² − b·z + c. */
    static double rootModulus(double b, double c) {
        double disc = b * b - 4 * c;
        if (disc < 0) {
            return Math.sqrt(c); // complex pair (then c > 0): |z|² = c
        }
        double s = Math.sqrt(disc);
        return Math.max(Math.abs((b + s) / 2), Math.abs((b - s) / 2));
    }
}
