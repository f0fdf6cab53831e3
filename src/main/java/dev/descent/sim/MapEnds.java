package dev.descent.sim;

import dev.descent.math.CriticalPoint;
import dev.descent.math.Viewport;
import java.util.List;

/**
 * Where a map's run ended: at which known critical point (within a distance tolerance), nowhere in
 * particular (not converged), or far away / non-finite (diverged). Self-contained so that maps do not
 * depend on how the engine labels single runs.
 *
 * @param points    the surface's known critical points; an ending is an index into this list
 * @param tolerance a run has reached a point when it is this close to it (Euclidean)
 * @param farAway   a finite end further than this from the view's centre counts as diverged
 */
public record MapEnds(List<CriticalPoint> points, double tolerance, double cx, double cy, double farAway) {

    /** Ended at no known point within the step budget. */
    public static final int NOT_CONVERGED = -1;
    /** Became non-finite or ran far away. */
    public static final int DIVERGED = -2;
    /** The hyperparameters were refused (hyperparameter maps only). */
    public static final int INVALID = -3;

    /** Default tolerance: the one {@code bench} and {@code docs/bench/basin_numpy.py} count with. */
    public static final double DEFAULT_TOLERANCE = 1e-2;
    /** How many view diagonals away a run has to end to count as diverged. */
    public static final double FAR_AWAY_DIAGONALS = 1e3;

    public MapEnds {
        points = List.copyOf(points);
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("Invalid tolerance: " + tolerance + " (must be a positive number)");
        }
    }

    public static MapEnds of(List<CriticalPoint> points, Viewport view, double tolerance) {
        double diagonal = Math.hypot(view.width(), view.height());
        return new MapEnds(points, tolerance, (view.xMin() + view.xMax()) / 2, (view.yMin() + view.yMax()) / 2,
                FAR_AWAY_DIAGONALS * diagonal);
    }

    /** The index of the point (x, y) is within tolerance of, or {@link #NOT_CONVERGED} / {@link #DIVERGED}. */
    public int classify(double x, double y) {
        double fx = x - cx;
        double fy = y - cy;
        if (!(fx * fx + fy * fy <= farAway * farAway)) { // NaN lands here too
            return DIVERGED;
        }
        double t2 = tolerance * tolerance;
        for (int p = 0; p < points.size(); p++) {
            double dx = x - points.get(p).x();
            double dy = y - points.get(p).y();
            if (dx * dx + dy * dy <= t2) {
                return p;
            }
        }
        return NOT_CONVERGED;
    }

    /** A short name for an ending: "minimum (3, 2)", "saddle (0, 0)", "not converged", "diverged". */
    public String describe(int end) {
        return switch (end) {
            case NOT_CONVERGED -> "not converged";
            case DIVERGED -> "diverged";
            case INVALID -> "invalid setting";
            default -> {
                CriticalPoint p = points.get(end);
                String kind = switch (p.kind()) {
                    case GLOBAL_MINIMUM -> "global minimum";
                    case LOCAL_MINIMUM -> "local minimum";
                    case SADDLE -> "saddle";
                    case MAXIMUM -> "maximum";
                };
                yield kind + " (" + round(p.x()) + ", " + round(p.y()) + ")";
            }
        };
    }

    private static String round(double v) {
        double r = Math.round(v * 1000) / 1000.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
