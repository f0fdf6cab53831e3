package dev.descent.math;

import java.util.ArrayList;
import java.util.List;

/**
 * Rastrigin's function, f = 20 + x² − 10·cos(2πx) + y² − 10·cos(2πy): a bowl covered in an egg box.
 * The global minimum f(0, 0) = 0 is surrounded by a local minimum near every integer point, so plain
 * gradient descent stops in the first dimple it meets; noise, big steps or momentum hop across.
 *
 * <p>Computed as x² + y² + 20·sin²(πx) + 20·sin²(πy), which is the same function written as a sum
 * of non-negative terms: no cancellation near the minimum, so small losses keep their digits. The
 * periodic terms see x − rint(x), which is exact and makes them exact for any x, however large.
 */
public final class Rastrigin extends Surface {

    public static final SurfaceKind KIND = new SurfaceKind("rastrigin", "Rastrigin", List.of(), p -> new Rastrigin());

    private static final double TWO_PI = 2 * Math.PI;
    private static final double HALF_RANGE = 5.12;

    private static final List<CriticalPoint> CRITICAL_POINTS = criticalPointsFrom(new Rastrigin());

    /** The global minimum and the local minimum near each integer point of the viewport. */
    private static List<CriticalPoint> criticalPointsFrom(Rastrigin r) {
        // near the integer k, 2x + 40π²(x − k) ≈ 0 puts the 1-D minimum at k·40π²/(2 + 40π²)
        double shrink = 40 * Math.PI * Math.PI / (2 + 40 * Math.PI * Math.PI);
        int reach = (int) HALF_RANGE;
        List<CriticalPoint> points = new ArrayList<>();
        points.add(new CriticalPoint(0, 0, CriticalPoint.Kind.GLOBAL_MINIMUM));
        for (int i = -reach; i <= reach; i++) {
            for (int j = -reach; j <= reach; j++) {
                if (i != 0 || j != 0) {
                    points.add(Stationary.near(r, i * shrink, j * shrink, CriticalPoint.Kind.LOCAL_MINIMUM));
                }
            }
        }
        return List.copyOf(points);
    }

    @Override
    public String id() {
        return "rastrigin";
    }

    @Override
    public String title() {
        return "Rastrigin";
    }

    @Override
    public String description() {
        return "A bowl covered in an egg box: a local minimum near every integer point traps plain descent.";
    }

    @Override
    public String formula() {
        return "f = 20 + x² − 10·cos(2πx) + y² − 10·cos(2πy)";
    }

    @Override
    public Viewport defaultViewport() {
        return new Viewport(-HALF_RANGE, HALF_RANGE, -HALF_RANGE, HALF_RANGE);
    }

    /** The global minimum first, then the 120 local minima near the integer points of the viewport. */
    @Override
    public List<CriticalPoint> criticalPoints() {
        return CRITICAL_POINTS;
    }

    @Override
    public double value(double x, double y) {
        double sx = Math.sin(Math.PI * (x - Math.rint(x)));
        double sy = Math.sin(Math.PI * (y - Math.rint(y)));
        return x * x + y * y + 20 * (sx * sx) + 20 * (sy * sy);
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        out[offset] = 2 * x + 20 * Math.PI * Math.sin(TWO_PI * (x - Math.rint(x)));
        out[offset + 1] = 2 * y + 20 * Math.PI * Math.sin(TWO_PI * (y - Math.rint(y)));
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double k = 40 * Math.PI * Math.PI;
        out[0] = 2 + k * Math.cos(TWO_PI * (x - Math.rint(x)));
        out[1] = 0;
        out[2] = 0;
        out[3] = 2 + k * Math.cos(TWO_PI * (y - Math.rint(y)));
    }
}
