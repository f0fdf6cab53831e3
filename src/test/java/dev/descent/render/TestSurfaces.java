package dev.descent.render;

import dev.descent.math.CriticalPoint;
import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import java.util.List;

/** Small surfaces for the render tests (the real ones live in dev.descent.math, on another branch). */
final class TestSurfaces {

    private TestSurfaces() {
    }

    /** f = (1 − x)² + 100·(y − x²)²: steep walls around a curved valley; minimum 0 at (1, 1). */
    static class Rosenbrock extends Surface {
        @Override
        public String id() {
            return "rosenbrock";
        }

        @Override
        public String title() {
            return "Rosenbrock";
        }

        @Override
        public String description() {
            return "test surface";
        }

        @Override
        public String formula() {
            return "f = (1 − x)² + 100·(y − x²)²";
        }

        @Override
        public Viewport defaultViewport() {
            return new Viewport(-2, 2, -1, 3);
        }

        @Override
        public List<CriticalPoint> criticalPoints() {
            return List.of(new CriticalPoint(1, 1, CriticalPoint.Kind.GLOBAL_MINIMUM));
        }

        @Override
        public double value(double x, double y) {
            double a = 1 - x;
            double b = y - x * x;
            return a * a + 100 * b * b;
        }

        @Override
        public void gradient(double x, double y, double[] out, int offset) {
            double b = y - x * x;
            out[offset] = -2 * (1 - x) - 400 * x * b;
            out[offset + 1] = 200 * b;
        }

        @Override
        public void hessian(double x, double y, double[] out) {
            out[0] = 2 - 400 * (y - 3 * x * x);
            out[1] = -400 * x;
            out[2] = -400 * x;
            out[3] = 200;
        }
    }

    /** f = x² − y²: a saddle at the origin, with a minimum-free view. */
    static final class Saddle extends Surface {
        @Override
        public String id() {
            return "saddle";
        }

        @Override
        public String title() {
            return "Saddle";
        }

        @Override
        public String description() {
            return "test surface";
        }

        @Override
        public String formula() {
            return "f = x² − y²";
        }

        @Override
        public Viewport defaultViewport() {
            return new Viewport(-2, 2, -2, 2);
        }

        @Override
        public List<CriticalPoint> criticalPoints() {
            return List.of(new CriticalPoint(0, 0, CriticalPoint.Kind.SADDLE));
        }

        @Override
        public double value(double x, double y) {
            return x * x - y * y;
        }

        @Override
        public void gradient(double x, double y, double[] out, int offset) {
            out[offset] = 2 * x;
            out[offset + 1] = -2 * y;
        }

        @Override
        public void hessian(double x, double y, double[] out) {
            out[0] = 2;
            out[1] = 0;
            out[2] = 0;
            out[3] = -2;
        }
    }
}
