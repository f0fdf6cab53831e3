package dev.descent.optim;

import dev.descent.math.Objective;

/** Objectives the optimizer tests build by hand, so that expected values never come from the code under test. */
final class TestObjectives {

    private TestObjectives() {
    }

    /** f = ½·xᵀHx with a fixed symmetric H, not a sum of squares (H may be indefinite). */
    static Objective quadraticForm(String name, double[] h) {
        int n = (int) Math.round(Math.sqrt(h.length));
        return new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double value(double[] x) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        s += x[i] * h[i * n + j] * x[j];
                    }
                }
                return 0.5 * s;
            }

            @Override
            public double gradient(double[] x, double[] g) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += h[i * n + j] * x[j];
                    }
                    g[i] = s;
                }
                return value(x);
            }

            @Override
            public boolean hasHessian() {
                return true;
            }

            @Override
            public void hessian(double[] x, double[] out) {
                System.arraycopy(h, 0, out, 0, h.length);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** H = R·diag(l1, l2)·Rᵀ with R the rotation by {@code angle} radians: eigenvectors (c, s) and (−s, c). */
    static double[] rotated(double l1, double l2, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new double[] {l1 * c * c + l2 * s * s, (l1 - l2) * c * s, (l1 - l2) * c * s, l1 * s * s + l2 * c * c};
    }

    /** An objective with a value and a gradient only. */
    static Objective withoutHessian(Objective f) {
        return new Objective() {
            @Override
            public int dimension() {
                return f.dimension();
            }

            @Override
            public double value(double[] x) {
                return f.value(x);
            }

            @Override
            public double gradient(double[] x, double[] g) {
                return f.gradient(x, g);
            }

            @Override
            public String toString() {
                return "no-hessian " + f;
            }
        };
    }

    /**
     * Rosenbrock evaluated in the order torch's autograd evaluates {@code (1 - x)**2 + 100*(y - x**2)**2}
     * and its backward pass: ∂/∂x = −(2·(1−x)) + (−(100·(2·(y−x²))))·(2x), ∂/∂y = 100·(2·(y−x²)).
     * {@code pow(·, 2)} is a product and its backward is grad·(2·self).
     */
    static Objective torchRosenbrock() {
        return new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] p) {
                double a = 1 - p[0];
                double b = p[1] - p[0] * p[0];
                return a * a + 100 * (b * b);
            }

            @Override
            public double gradient(double[] p, double[] g) {
                double x = p[0];
                double dd = 100 * (2 * (p[1] - x * x));
                g[0] = -(2 * (1 - x)) + -(dd * (2 * x));
                g[1] = dd;
                return value(p);
            }
        };
    }

    /** {@code 0.5*(1.0*x**2 + 10.0*y**2)} in torch's order; its autograd gradient is (x, 5·(2y)). */
    static Objective torchQuadratic() {
        return new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] p) {
                return 0.5 * (1.0 * (p[0] * p[0]) + 10.0 * (p[1] * p[1]));
            }

            @Override
            public double gradient(double[] p, double[] g) {
                g[0] = 0.5 * 1.0 * (2 * p[0]);
                g[1] = 0.5 * 10.0 * (2 * p[1]);
                return value(p);
            }
        };
    }
}
