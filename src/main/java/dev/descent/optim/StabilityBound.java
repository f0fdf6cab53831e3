package dev.descent.optim;

/**
 * A classical stability bound an optimizer declares for a quadratic bowl: with the largest curvature
 * λ_max, steps shrink every error iff {@code gain·η·(λ_max + shift) < limit}. Plain gradient descent:
 * η·λ_max &lt; 2; heavy-ball momentum (torch's form, and the lecture form v ← μv − ηg):
 * η·(1 − τ)·λ_max &lt; 2 + 2μ (Polyak 1964; Goh 2017, "Why Momentum Really Works").
 *
 * @param gain    multiplies η (1 − τ with dampening τ, else 1)
 * @param shift   added to λ_max (coupled L2 weight decay λ)
 * @param limit   2, or 2 + 2μ
 * @param formula the condition in lecture notation, e.g. "η·λ_max < 2 + 2μ"
 */
public record StabilityBound(double gain, double shift, double limit, String formula) {

    /** gain·η·(λ_max + shift): the number the gauge compares with the limit. */
    public double value(double lr, double lambdaMax) {
        return gain * lr * (lambdaMax + shift);
    }
}
