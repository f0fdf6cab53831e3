package dev.descent.math;

import dev.descent.math.ParamSpec.Scale;
import java.util.List;
import java.util.Map;

/**
 * A bowl with a cliff in it: f = ½·(x² + y²) + H·δ·[softplus((e + W − x)/δ) − softplus((e − x)/δ)]
 * with δ = W/25 and the cliff's top edge at e = −1.5. The second term is a terrace of height H·W on
 * the left that falls to the bowl along a straight face of slope H and width W (its gradient is −H
 * on the face and vanishes off it, with corners rounded over δ). The only minimum lies just right
 * of (0, 0), at the bottom of the bowl.
 *
 * <p><b>The lesson.</b> A run walking down the terrace takes ordinary steps until one lands on the
 * face; there the gradient is up to H (100 by default) and plain gradient descent jumps up to η·H
 * at once, far past the minimum (measured from the default start: a throw of about 9.5, from
 * x ≈ −1.45 to x ≈ 8.1, with η = 0.1; about 20, to x ≈ 18.8, with the lesson's η = 0.2), throwing
 * away the progress made: the exploding gradient of Pascanu et al. (2013). Clipping the gradient's norm, or Adam's division by its own
 * running size, keeps the step near η, so those runs walk down the face.
 */
public final class Cliff extends Surface {

    public static final SurfaceKind KIND = new SurfaceKind("cliff", "Cliff", List.of(
            ParamSpec.real("steepness", "H", 100, 1, 1000, Scale.LOG, "slope of the cliff face"),
            ParamSpec.real("width", "W", 0.5, 0.05, 1.5, Scale.LOG, "horizontal width of the cliff face")),
            p -> new Cliff(p.real("steepness"), p.real("width")));

    private static final double EDGE = -1.5;
    /** Corner rounding as a fraction of the face width: sharp enough that the face keeps slope H. */
    private static final double ROUNDING = 1.0 / 25;

    private final double steepness;
    private final double width;
    private final double delta;
    private final List<CriticalPoint> criticalPoints;

    public Cliff(double steepness, double width) {
        if (!(steepness > 0) || Double.isInfinite(steepness)) {
            throw new IllegalArgumentException("cliff needs a steepness > 0, got steepness=" + steepness);
        }
        if (!(width > 0) || width > -EDGE) {
            throw new IllegalArgumentException("cliff needs a face width in (0, " + Params.format(-EDGE)
                    + "] so that the face ends left of the minimum, got width=" + width);
        }
        this.steepness = steepness;
        this.width = width;
        this.delta = width * ROUNDING;
        this.criticalPoints = List.of(new CriticalPoint(minimumX(), 0, CriticalPoint.Kind.GLOBAL_MINIMUM));
    }

    /**
     * The face's tail still pulls at the origin, so the minimum lies right of it: where ∂f/∂x, which
     * increases right of the face, crosses 0 between 0 and H. Bisection to the last bit, because
     * Newton can overshoot on a sigmoid's shoulder.
     */
    private double minimumX() {
        double lo = 0;
        double hi = steepness;
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                return Math.abs(slopeX(lo)) <= Math.abs(slopeX(hi)) ? lo : hi;
            }
            if (slopeX(mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }

    private double slopeX(double x) {
        return x - steepness * (sigmoid((EDGE + width - x) / delta) - sigmoid((EDGE - x) / delta));
    }

    @Override
    public String id() {
        return "cliff";
    }

    @Override
    public String title() {
        return "Cliff";
    }

    @Override
    public String description() {
        return "A steep cliff face whose huge gradient throws plain descent far away; clipping and Adam walk down.";
    }

    @Override
    public String formula() {
        return "f = ½·(x² + y²) + H·δ·[softplus((" + Params.format(EDGE + width) + " − x)/δ) − softplus(("
                + Params.format(EDGE) + " − x)/δ)], δ = " + Params.format(delta);
    }

    @Override
    public Params parameters() {
        return Params.resolve("surface cliff", KIND.params(), Map.of("steepness", steepness, "width", width));
    }

    /** Wide to the right, so that the landing point of a thrown run is still in view. */
    @Override
    public Viewport defaultViewport() {
        return new Viewport(-4, 10, -3.5, 3.5);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return criticalPoints;
    }

    /** On the terrace, a few ordinary steps from the edge. */
    @Override
    public double[] suggestedStart() {
        return new double[] {-3.4, 1};
    }

    /** log(1 + eᶻ) without overflow for large z or loss of digits for very negative z. */
    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public double value(double x, double y) {
        double top = (EDGE + width - x) / delta;
        double bottom = (EDGE - x) / delta;
        return 0.5 * (x * x + y * y) + steepness * delta * (softplus(top) - softplus(bottom));
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        double top = (EDGE + width - x) / delta;
        double bottom = (EDGE - x) / delta;
        out[offset] = x - steepness * (sigmoid(top) - sigmoid(bottom));
        out[offset + 1] = y;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double top = (EDGE + width - x) / delta;
        double bottom = (EDGE - x) / delta;
        // σ'(z) = σ(z)·σ(−z), and dz/dx = −1/δ
        double bend = sigmoid(top) * sigmoid(-top) - sigmoid(bottom) * sigmoid(-bottom);
        out[0] = 1 + steepness / delta * bend;
        out[1] = 0;
        out[2] = 0;
        out[3] = 1;
    }
}
