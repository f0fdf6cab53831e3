package dev.descent.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The surfaces every generic check runs on: each built-in with its defaults, and a few with other parameters. */
final class SurfaceCases {

    private SurfaceCases() {
    }

    static List<Surface> all() {
        List<Surface> out = new ArrayList<>();
        for (SurfaceKind k : Surfaces.all()) {
            out.add(k.create());
        }
        out.add(Quadratic.KIND.create(Map.of("a", 0.5, "b", 20, "angle", 30)));
        out.add(Ravine.KIND.create(Map.of("k", 1000, "slope", 0.1, "angle", -25)));
        out.add(Plateau.KIND.create(Map.of("width", 1.5, "tilt", 0)));
        out.add(Cliff.KIND.create(Map.of("steepness", 10, "width", 1.2)));
        return out;
    }

    /** Central differences of the value, five-point stencil: error O(h⁴). */
    static double[] fdGradient(Surface s, double x, double y, double h) {
        return new double[] {
            stencil(s.value(x - 2 * h, y), s.value(x - h, y), s.value(x + h, y), s.value(x + 2 * h, y), h),
            stencil(s.value(x, y - 2 * h), s.value(x, y - h), s.value(x, y + h), s.value(x, y + 2 * h), h)};
    }

    /** Central differences of the analytic gradient, five-point stencil, row-major [xx, xy, yx, yy]. */
    static double[] fdHessian(Surface s, double x, double y, double h) {
        double[] m2 = new double[2];
        double[] m1 = new double[2];
        double[] p1 = new double[2];
        double[] p2 = new double[2];
        double[] out = new double[4];
        s.gradient(x - 2 * h, y, m2, 0);
        s.gradient(x - h, y, m1, 0);
        s.gradient(x + h, y, p1, 0);
        s.gradient(x + 2 * h, y, p2, 0);
        out[0] = stencil(m2[0], m1[0], p1[0], p2[0], h);
        out[2] = stencil(m2[1], m1[1], p1[1], p2[1], h);
        s.gradient(x, y - 2 * h, m2, 0);
        s.gradient(x, y - h, m1, 0);
        s.gradient(x, y + h, p1, 0);
        s.gradient(x, y + 2 * h, p2, 0);
        out[1] = stencil(m2[0], m1[0], p1[0], p2[0], h);
        out[3] = stencil(m2[1], m1[1], p1[1], p2[1], h);
        return out;
    }

    static double stencil(double fm2, double fm1, double fp1, double fp2, double h) {
        return (fm2 - 8 * fm1 + 8 * fp1 - fp2) / (12 * h);
    }
}
