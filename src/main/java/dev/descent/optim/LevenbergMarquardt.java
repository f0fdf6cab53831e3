package dev.descent.optim;

import dev.descent.math.LeastSquares;
import dev.descent.math.Objective;
import dev.descent.math.ParamSpec.Scale;
import java.util.Arrays;
import java.util.List;

/**
 * Levenberg–Marquardt for a sum of squares f(θ) = Σᵢ rᵢ(θ)², with residuals r and Jacobian J.
 * <pre>
 *   A ← JᵀJ,  b ← Jᵀr                       (∇f = 2b; 2A is the Gauss–Newton Hessian)
 *   repeat at most max_tries times:
 *     solve (A + λ·D)·δ = −b                 D = diag(A) (marquardt) or I (levenberg)
 *     if f(θ + η·δ) &lt; f(θ):  θ ← θ + η·δ,  λ ← λ/ν,  done
 *     else                   λ ← λ·ν         (and try again from the same θ)
 * </pre>
 * λ carries over from step to step. A small λ gives the Gauss–Newton step, a large one a short step
 * along −∇f (scaled by D⁻¹ in Marquardt's form). If no try decreases f the step leaves θ where it is
 * (with λ raised, so the next step starts more cautiously); at an exact stationary point (b = 0) the
 * step does nothing. λ is kept within [1e-15, 1e15] so that it can neither underflow to 0 (where
 * λ·ν would stay 0) nor overflow. As in MINPACK's {@code lmder}, a zero diagonal entry of D is
 * replaced by 1.
 *
 * <p>Sources: K. Levenberg (1944), A method for the solution of certain non-linear problems in least
 * squares; D. W. Marquardt (1963), An algorithm for least-squares estimation of nonlinear
 * parameters; Nocedal &amp; Wright, <i>Numerical Optimization</i>, section 10.3.
 */
public record LevenbergMarquardt(double lr, double lambda, double nu, int maxTries, String damping)
        implements Optimizer {

    public static final String MARQUARDT = "marquardt";
    public static final String LEVENBERG = "levenberg";

    static final double LAMBDA_MIN = 1e-15;
    static final double LAMBDA_MAX = 1e15;

    static final Hyper<LevenbergMarquardt, Double> LR = Hyper.lr(1, 1e-3, 1,
            "fraction of the solved step taken (1 = Marquardt's method)", LevenbergMarquardt::lr);
    static final Hyper<LevenbergMarquardt, Double> LAMBDA = Hyper.real("lambda", "λ₀", 1e-3, 1e-8, 1e4, Scale.LOG,
            "initial damping λ", LevenbergMarquardt::lambda);
    static final Hyper<LevenbergMarquardt, Double> NU = Hyper.real("nu", "ν", 10, 1.5, 100, Scale.LOG,
            "factor by which λ falls after a success and rises after a failure", LevenbergMarquardt::nu);
    static final Hyper<LevenbergMarquardt, Integer> MAX_TRIES = Hyper.integer("max_tries", "tries", 10, 1, 50,
            "maximum number of solves per step", LevenbergMarquardt::maxTries);
    static final Hyper<LevenbergMarquardt, String> DAMPING = Hyper.choice("damping", "D", MARQUARDT,
            List.of(MARQUARDT, LEVENBERG), "marquardt: λ·diag(JᵀJ) (scale-invariant); levenberg: λ·I",
            LevenbergMarquardt::damping);

    public static final OptimizerKind KIND = OptimizerKind.ofPaper(LevenbergMarquardt.class, "levenberg_marquardt",
            "Levenberg 1944, Marquardt 1963", "Levenberg–Marquardt",
            "solve (JᵀJ + λD)δ = −Jᵀr; accept θ + ηδ and λ ← λ/ν if f falls, else λ ← λν and retry",
            p -> new LevenbergMarquardt(LR.of(p), LAMBDA.of(p), NU.of(p), MAX_TRIES.of(p),
                    DAMPING.of(p)),
            LR, LAMBDA, NU, MAX_TRIES, DAMPING);

    public LevenbergMarquardt {
        Validate.learningRate(lr);
        Checks.positive("lambda", lambda);
        if (!(nu > 1) || Double.isInfinite(nu)) {
            throw new IllegalArgumentException("Invalid nu: " + Validate.repr(nu) + " (must be a finite number > 1)");
        }
        Checks.atLeast("max_tries", maxTries, 1);
        DAMPING.requireChoice(damping);
    }

    /** @throws IllegalArgumentException "Levenberg-Marquardt needs a sum of squares; &lt;f&gt; is not one" */
    @Override
    public void checkObjective(Objective f) {
        if (!(f instanceof LeastSquares)) {
            throw new IllegalArgumentException("Levenberg-Marquardt needs a sum of squares; " + f + " is not one");
        }
    }

    @Override
    public boolean isElementwise() {
        return false;
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final int n;
        private final double[] grad;
        private final double[] b;
        private final double[] delta;
        private final double[] trial;
        private final double[] step;
        private final double[] jtj;
        private final double[] dampingDiagonal;
        private final CholeskySolver chol;
        /** Residuals and Jacobian, sized on the first step (the objective says how many residuals). */
        private double[] r = new double[0];
        private double[] rTrial = new double[0];
        private double[] jac = new double[0];
        private double lam = lambda;
        private double lastLambda = lambda;
        private int tries;
        private long t;

        State(int n) {
            this.n = n;
            grad = new double[n];
            b = new double[n];
            delta = new double[n];
            trial = new double[n];
            step = new double[n];
            jtj = new double[n * n];
            dampingDiagonal = new double[n];
            chol = new CholeskySolver(n);
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            checkObjective(f);
            LeastSquares ls = (LeastSquares) f;
            t++;
            int mRes = ls.residualCount();
            if (r.length != mRes) {
                r = new double[mRes];
                rTrial = new double[mRes];
                jac = new double[mRes * n];
            }
            ls.residuals(theta, r);
            ls.jacobian(theta, jac);
            double f0 = sumOfSquares(r);
            normalEquations(mRes);
            Arrays.fill(step, 0);
            tries = 0;
            lastLambda = lam;
            boolean stationary = true;
            for (double bi : b) {
                stationary &= bi == 0;
            }
            if (stationary) {
                return;
            }
            while (tries < maxTries) {
                tries++;
                lastLambda = lam;
                if (solve()) {
                    Vectors.axpy(lr, delta, theta, trial);
                    ls.residuals(trial, rTrial);
                    if (sumOfSquares(rTrial) < f0) {
                        for (int i = 0; i < n; i++) {
                            step[i] = trial[i] - theta[i];
                        }
                        System.arraycopy(trial, 0, theta, 0, n);
                        lam = Math.max(lam / nu, LAMBDA_MIN);
                        return;
                    }
                }
                lam = Math.min(lam * nu, LAMBDA_MAX);
            }
        }

        /** A = JᵀJ, b = Jᵀr, ∇f = 2b. */
        private void normalEquations(int mRes) {
            for (int i = 0; i < n; i++) {
                double bi = 0;
                for (int k = 0; k < mRes; k++) {
                    bi += jac[k * n + i] * r[k];
                }
                b[i] = bi;
                grad[i] = 2 * bi;
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < mRes; k++) {
                        s += jac[k * n + i] * jac[k * n + j];
                    }
                    jtj[i * n + j] = s;
                }
            }
        }

        /** δ ← −(A + λD)⁻¹·b; false if the matrix has no Cholesky factorisation. */
        private boolean solve() {
            for (int i = 0; i < n; i++) {
                double di = damping.equals(MARQUARDT) ? jtj[i * n + i] : 1;
                dampingDiagonal[i] = jtj[i * n + i] + lam * (di == 0 ? 1 : di);
            }
            // A + λD differs from A only on the diagonal: swap it in, solve, swap it back
            for (int i = 0; i < n; i++) {
                double keep = jtj[i * n + i];
                jtj[i * n + i] = dampingDiagonal[i];
                dampingDiagonal[i] = keep;
            }
            boolean ok = chol.solve(jtj, 0, 0, b, delta);
            for (int i = 0; i < n; i++) {
                jtj[i * n + i] = dampingDiagonal[i];
            }
            if (!ok) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                delta[i] = -delta[i];
            }
            return true;
        }

        private double sumOfSquares(double[] v) {
            double s = 0;
            for (double vi : v) {
                s += vi * vi;
            }
            return s;
        }

        @Override
        public long steps() {
            return t;
        }

        @Override
        public List<RoleVector> vectors() {
            return RoleVector.gradientAndStep();
        }

        @Override
        public List<WorkedLine> workedStep() {
            return List.of(
                    new WorkedLine("g", "∇f = 2·Jᵀr", "", "grad", "g = 2J^\\top r"),
                    new WorkedLine("λ", "damping of the accepted try (raised by ν after each try that did not decrease f)", "", "lambda",
                            "\\lambda"),
                    new WorkedLine("tries", "solves of (JᵀJ + λ·D)·Δθ = −Jᵀr this step", "", "tries", "\\text{tries}"),
                    new WorkedLine("Δθ", "−(JᵀJ + λ·D)⁻¹·Jᵀr of the accepted try (0 if none decreased f)", "", "step",
                            "\\Delta\\theta = -(J^\\top J + \\lambda D)^{-1} J^\\top r"),
                    WorkedLine.move("delta"));
        }

        @Override
        public List<Probe> probes() {
            return List.of(
                    new Probe("grad", "∇f", "gradient 2·Jᵀr at the point the step started from",
                            out -> System.arraycopy(grad, 0, out, 0, n)),
                    new Probe("lambda", "λ", "damping λ of the last solve (the accepted one, if any)",
                            out -> Arrays.fill(out, lastLambda)),
                    new Probe("step", "Δθ", "the step taken (0 if no try decreased f)",
                            out -> System.arraycopy(step, 0, out, 0, n)),
                    new Probe("tries", "tries", "number of solves in the last step",
                            out -> Arrays.fill(out, tries)));
        }
    }
}
