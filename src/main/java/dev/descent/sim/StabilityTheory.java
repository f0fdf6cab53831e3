package dev.descent.sim;

import dev.descent.math.Surface;
import dev.descent.optim.Optimizer;
import dev.descent.optim.StabilityBound;
import java.util.Optional;

/**
 * The textbook stability condition of SGD on the quadratic ½(a·x² + b·y²) (any rotation), with
 * curvature λ_max = max(a, b): plain GD converges from every start iff η·λ_max < 2; heavy ball in
 * torch's form (b ← μ·b + (1 − τ)·g, θ ← θ − η·b, or the classic v ← μv − ηg) iff
 * η·(1 − τ)·(λ_max + wd) < 2 + 2μ; Nesterov (either form) iff η·(λ_max + wd) < (2 + 2μ)/(1 + 2μ).
 * Adaptive methods have no line here. The bound is the one the optimizer declares
 * ({@link StabilityBound}), never a check of which optimizer it is.
 */
public final class StabilityTheory {

    private StabilityTheory() {
    }

    /**
     * How far the optimizer is past the boundary (e.g. η(1 − τ)(λ_max + wd) − (2 + 2μ)), negative where
     * it converges; empty when the theory does not cover this surface and optimizer.
     */
    public static Optional<Double> margin(Surface surface, Optimizer o) {
        return bound(surface, o).map(bound -> {
            double lambda = Math.max(surface.parameters().real("a"), surface.parameters().real("b"));
            return bound.value(o.lr(), lambda) - bound.limit();
        });
    }

    /**
     * The bound the optimizer declares, when the surface is the quadratic bowl the theory is about;
     * empty elsewhere, and for optimizers that declare none (adaptive methods, ascent).
     */
    public static Optional<StabilityBound> bound(Surface surface, Optimizer o) {
        if (!surface.id().equals("quadratic")) {
            return Optional.empty();
        }
        return Optional.ofNullable(o.newStepper(2).stabilityBound());
    }

    /** Whether the theory covers this pairing at all. */
    public static boolean applies(Surface surface, Optimizer o) {
        return margin(surface, o).isPresent();
    }

    /**
     * The boundary over a hyperparameter map, as points (fraction along x, fraction along y) in
     * [0, 1]², found by bisection along each row or each column (whichever crosses it more often);
     * empty when the theory does not apply or the boundary misses the map.
     */
    public static java.util.List<double[]> boundary(HyperMap.Request req) {
        java.util.List<double[]> rowsWise = new java.util.ArrayList<>();
        java.util.List<double[]> colsWise = new java.util.ArrayList<>();
        int n = 200;
        for (int k = 0; k <= n; k++) {
            double f = (double) k / n;
            crossing(req, f, true).ifPresent(x -> rowsWise.add(new double[] {x, f}));
            crossing(req, f, false).ifPresent(y -> colsWise.add(new double[] {f, y}));
        }
        return rowsWise.size() >= colsWise.size() ? rowsWise : colsWise;
    }

    /** Where the margin changes sign along a row (fixed y fraction) or a column (fixed x fraction). */
    private static Optional<Double> crossing(HyperMap.Request req, double fixed, boolean alongX) {
        int samples = 64;
        Double prev = null;
        double prevF = 0;
        for (int k = 0; k <= samples; k++) {
            double f = (double) k / samples;
            Double m = margin(req, alongX ? f : fixed, alongX ? fixed : f);
            if (m != null && prev != null && Math.signum(m) != Math.signum(prev)) {
                double lo = prevF;
                double hi = f;
                double mlo = prev;
                for (int it = 0; it < 50; it++) {
                    double mid = (lo + hi) / 2;
                    Double mm = margin(req, alongX ? mid : fixed, alongX ? fixed : mid);
                    if (mm == null) {
                        break;
                    }
                    if (Math.signum(mm) == Math.signum(mlo)) {
                        lo = mid;
                        mlo = mm;
                    } else {
                        hi = mid;
                    }
                }
                return Optional.of((lo + hi) / 2);
            }
            if (m != null) {
                prev = m;
                prevF = f;
            }
        }
        return Optional.empty();
    }

    private static Double margin(HyperMap.Request req, double fx, double fy) {
        try {
            Optimizer o = HyperMap.withValues(req.spec().optimizer(), req.x().name(), req.x().at(fx),
                    req.y().name(), req.y().at(fy));
            return margin(req.spec().surface(), o).orElse(null);
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }
}
