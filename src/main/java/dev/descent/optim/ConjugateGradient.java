package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.Arrays;
import java.util.List;

/**
 * Nonlinear conjugate gradient with a strong-Wolfe line search. One step is one iteration:
 * <pre>
 *   g ← ∇f(θ);  nothing to do if max|g| ≤ tolerance_grad
 *   β ← 0 on the first step, every `restart` steps, and after a line search that did not move; else
 *     fletcher_reeves:    β ← g·g / g_prev·g_prev
 *     polak_ribiere_plus: β ← max(0, g·(g − g_prev) / g_prev·g_prev)
 *   d ← −g + β·d_prev;   if g·d ≥ 0 (not a descent direction): d ← −g, β ← 0 (a restart)
 *   t ← strong-Wolfe step along d starting from t = η (c₁, c₂; at most 25 trials)
 *   θ ← θ + t·d
 * </pre>
 * On a quadratic with exact line searches this is the linear conjugate-gradient method, which
 * reaches the minimum of an n-dimensional quadratic in n steps; the cubic interpolation of the line
 * search is exact on a quadratic once it brackets the minimiser. c₂ = 0.1 (a nearly exact search)
 * is the usual choice for CG, since Fletcher–Reeves needs c₂ &lt; ½ to guarantee descent.
 *
 * <p>Sources: Fletcher &amp; Reeves (1964), Function minimization by conjugate gradients; Polak &amp;
 * Ribière (1969); the PR+ truncation is Powell (1986) and Gilbert &amp; Nocedal (1992); Nocedal
 * &amp; Wright, <i>Numerical Optimization</i>, Algorithms 5.4 and eq. 5.45. The line search is
 * torch's, shared with L-BFGS ({@link StrongWolfe}).
 */
public record ConjugateGradient(double lr, String betaRule, int restart, double c1, double c2, double toleranceGrad)
        implements Optimizer {

    public static final String FLETCHER_REEVES = "fletcher_reeves";
    public static final String POLAK_RIBIERE_PLUS = "polak_ribiere_plus";

    public static final OptimizerKind KIND = new OptimizerKind("cg", null, "Conjugate gradient",
            "d ← −g + β·d_prev (Fletcher–Reeves or Polak–Ribière+), θ ← θ + t·d with a strong-Wolfe t",
            List.of(
                    ParamSpec.real("lr", "t₀", 1, 1e-4, 10, Scale.LOG, "first trial step of each line search"),
                    ParamSpec.choice("beta_rule", "β", POLAK_RIBIERE_PLUS, List.of(FLETCHER_REEVES, POLAK_RIBIERE_PLUS),
                            "fletcher_reeves: β = |g|²/|g_prev|²; polak_ribiere_plus: β = max(0, g·(g − g_prev)/|g_prev|²)"),
                    ParamSpec.integer("restart", "restart", 0, 0, 100,
                            "restart with d = −g every this many steps; 0 = every n steps (n = number of coordinates)"),
                    ParamSpec.real("c1", "c₁", 1e-4, 1e-6, 0.5, Scale.LOG, "sufficient-decrease constant of the line search"),
                    ParamSpec.real("c2", "c₂", 0.1, 1e-3, 0.99, Scale.LINEAR, "curvature constant of the line search"),
                    ParamSpec.real("tolerance_grad", "tol_g", 1e-10, 1e-15, 1e-3, Scale.LOG,
                            "do not move once max|∇f| is at most this")),
            p -> new ConjugateGradient(p.real("lr"), p.choice("beta_rule"), p.integer("restart"), p.real("c1"),
                    p.real("c2"), p.real("tolerance_grad")));

    public ConjugateGradient {
        Validate.learningRate(lr);
        if (!FLETCHER_REEVES.equals(betaRule) && !POLAK_RIBIERE_PLUS.equals(betaRule)) {
            throw new IllegalArgumentException("Invalid beta_rule: " + betaRule
                    + " (fletcher_reeves or polak_ribiere_plus)");
        }
        Checks.atLeast("restart", restart, 0);
        Checks.wolfe(c1, c2);
        Validate.nonNegative("tolerance_grad", toleranceGrad);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "beta_rule", betaRule, "restart", restart, "c1", c1, "c2", c2, "tolerance_grad", toleranceGrad);
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
        private final int restartEvery;
        private final StrongWolfe search;
        private final double[] g;
        private final double[] gAt;
        private final double[] gPrev;
        private final double[] d;
        private double beta;
        private double t;
        private boolean fresh = true;
        private int sinceRestart;
        private long steps;

        State(int n) {
            this.n = n;
            this.restartEvery = restart == 0 ? n : restart;
            search = new StrongWolfe(n);
            g = new double[n];
            gAt = new double[n];
            gPrev = new double[n];
            d = new double[n];
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            steps++;
            double f0 = f.gradient(theta, g);
            System.arraycopy(g, 0, gAt, 0, n);
            if (Vectors.maxAbs(g) <= toleranceGrad) {
                t = 0;
                return;
            }
            if (fresh || sinceRestart >= restartEvery) {
                steepest();
            } else {
                double prev = Vectors.dot(gPrev, gPrev);
                if (betaRule.equals(FLETCHER_REEVES)) {
                    beta = Vectors.dot(g, g) / prev;
                } else {
                    double num = 0;
                    for (int i = 0; i < n; i++) {
                        num += g[i] * (g[i] - gPrev[i]);
                    }
                    beta = Math.max(0, num / prev);
                }
                for (int i = 0; i < n; i++) {
                    d[i] = Math.fma(beta, d[i], -g[i]);
                }
            }
            double gtd = Vectors.dot(g, d);
            if (!(gtd < 0)) {
                steepest();
                gtd = Vectors.dot(g, d);
            }
            search.search(f, theta, lr, false, d, f0, g, gtd, c1, c2, 1e-9, StrongWolfe.MAX_LS);
            t = search.t();
            Vectors.axpy(t, d, theta, theta);
            System.arraycopy(gAt, 0, gPrev, 0, n);
            sinceRestart++;
            // a search that could not move leaves d useless: start afresh next time
            fresh = t == 0;
        }

        private void steepest() {
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            beta = 0;
            sinceRestart = 0;
        }

        @Override
        public long steps() {
            return steps;
        }

        @Override
        public List<Probe> probes() {
            return List.of(
                    new Probe("grad", "∇f", "gradient at the point the step started from",
                            out -> System.arraycopy(gAt, 0, out, 0, n)),
                    new Probe("direction", "d", "search direction d = −g + β·d_prev",
                            out -> System.arraycopy(d, 0, out, 0, n)),
                    new Probe("beta", "β", "conjugacy coefficient β of the last direction (0 at a restart)",
                            out -> Arrays.fill(out, beta)),
                    new Probe("step_length", "t", "step length t chosen by the line search (θ moved by t·d)",
                            out -> Arrays.fill(out, t)));
        }
    }
}
