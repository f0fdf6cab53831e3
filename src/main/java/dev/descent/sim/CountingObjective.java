package dev.descent.sim;

import dev.descent.math.LeastSquares;
import dev.descent.math.Objective;

/**
 * An objective that counts what the optimizer asks of it, so that a row can say what it cost: f
 * evaluations (a value, a gradient call's value, a set of residuals) and gradient evaluations (a
 * gradient, a Jacobian). Hessians are not counted. Least-squares objectives stay least squares.
 */
class CountingObjective implements Objective {

    final Objective f;
    long functionEvaluations;
    long gradientEvaluations;

    private CountingObjective(Objective f) {
        this.f = f;
    }

    /** Wraps f, keeping it a {@link LeastSquares} if it is one. */
    static CountingObjective of(Objective f) {
        return f instanceof LeastSquares ls ? new Squares(ls) : new CountingObjective(f);
    }

    @Override
    public int dimension() {
        return f.dimension();
    }

    @Override
    public double value(double[] x) {
        functionEvaluations++;
        return f.value(x);
    }

    @Override
    public double gradient(double[] x, double[] grad) {
        functionEvaluations++;
        gradientEvaluations++;
        return f.gradient(x, grad);
    }

    @Override
    public boolean isStochastic() {
        return f.isStochastic();
    }

    @Override
    public dev.descent.math.Sampling sampling() {
        return f.sampling();
    }

    @Override
    public boolean hasHessian() {
        return f.hasHessian();
    }

    @Override
    public void hessian(double[] x, double[] h) {
        f.hessian(x, h);
    }

    @Override
    public String toString() {
        return f.toString();
    }

    private static final class Squares extends CountingObjective implements LeastSquares {
        private final LeastSquares ls;

        Squares(LeastSquares ls) {
            super(ls);
            this.ls = ls;
        }

        @Override
        public int residualCount() {
            return ls.residualCount();
        }

        @Override
        public void residuals(double[] x, double[] r) {
            functionEvaluations++;
            ls.residuals(x, r);
        }

        @Override
        public void jacobian(double[] x, double[] j) {
            gradientEvaluations++;
            ls.jacobian(x, j);
        }
    }
}
