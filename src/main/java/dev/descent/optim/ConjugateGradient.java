package dev.descent.optim;

import dev.descent.math.Objective;
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
 *   t₀ ← η on the first step, else t_prev·(g_prev·d_prev)/(g·d)    (Nocedal &amp; Wright, eq. 3.60)
 *   probe φ'(t₀) = ∇f(θ + t₀·d)·d;  t₁ ← t₀·φ'(0)/(φ'(0) − φ'(t₀))  (the secant on φ': a quadratic's
 *                                                                   exact line minimum)
 *   t ← strong-Wolfe step along d starting from t = t₁ (c₁, c₂; at most 25 trials)
 *   θ ← θ + t·d
 * </pre>
 * On a quadratic with exact line searches this is the linear conjugate-gradient method, which
 * reaches the minimum of an n-dimensional quadratic in n steps. Strong Wolfe alone with c₂ = 0.1
 * would accept a first trial that is merely good enough, and the directions would stop being
 * conjugate; the interpolated first trial t₁ is the exact line minimum on a quadratic and a close
 * guess elsewhere, so the search is nearly exact at the price of one more evaluation per step
 * (N&amp;W section 3.5 on initial step lengths). t₁ replaces t₀ only when the probe shows positive
 * curvature. c₂ = 0.1 is the usual choice for CG, since
 * Fletcher–Reeves needs c₂ &lt; ½ to guarantee descent. f and ∇f at the point the search accepted
 * are reused by the next step, so a noisy gradient is drawn once per point.
 *
 * <p>Sources: Fletcher &amp; Reeves (1964), Function minimization by conjugate gradients; Polak &amp;
 * Ribière (1969); the PR+ truncation is Powell (1986) and Gilbert &amp; Nocedal (1992); Nocedal
 * &amp; Wright, <i>Numerical Optimization</i>, Algorithms 5.4 and eq. 5.45. The line search is
 * torch's, shared with L-BFGS ({@link StrongWolfe}).
 */
public record ConjugateGradient(double lr, String betaRule, int restart, double c1, double c2, double toleranceGrad)
        implements LineSearchSettings {

    public static final String FLETCHER_REEVES = "fletcher_reeves";
    public static final String POLAK_RIBIERE_PLUS = "polak_ribiere_plus";

    static final Hyper<ConjugateGradient, String> BETA_RULE = Hyper.choice("beta_rule", "β", POLAK_RIBIERE_PLUS,
            List.of(FLETCHER_REEVES, POLAK_RIBIERE_PLUS),
            "fletcher_reeves: β = |g|²/|g_prev|²; polak_ribiere_plus: β = max(0, g·(g − g_prev)/|g_prev|²)",
            ConjugateGradient::betaRule);
    static final Hyper<ConjugateGradient, Integer> RESTART = Hyper.integer("restart", "restart", 0, 0, 100,
            "restart with d = −g every this many steps; 0 = every n steps (n = number of coordinates)",
            ConjugateGradient::restart);
    static final Hyper<LineSearchSettings, Double> C2 = LineSearchSettings.c2(0.1);

    public static final OptimizerKind KIND = OptimizerKind.ofPaper(ConjugateGradient.class, "cg",
            "Fletcher & Reeves 1964, Polak & Ribière 1969", "Conjugate gradient",
            "d ← −g + β·d_prev (Fletcher–Reeves or Polak–Ribière+), θ ← θ + t·d with a strong-Wolfe t",
            p -> new ConjugateGradient(LR.of(p), BETA_RULE.of(p), RESTART.of(p), C1.of(p),
                    C2.of(p), TOLERANCE_GRAD.of(p)),
            LR, BETA_RULE, RESTART, C1, C2, TOLERANCE_GRAD);

    public ConjugateGradient {
        Validate.learningRate(lr);
        BETA_RULE.requireChoice(betaRule);
        Checks.atLeast("restart", restart, 0);
        LineSearchSettings.check(c1, c2, toleranceGrad);
    }

    @Override
    public String whyExactGradients() {
        return Coupled.comparesGradients("its line search and its β");
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State extends LineSearchStepper {
        private final int restartEvery;
        private final double[] gPrev;
        private final double[] probeG;
        private final double[] probeX;
        private double prevGtd;
        private double beta;
        private boolean fresh = true;
        private int sinceRestart;

        State(int n) {
            super(n);
            this.restartEvery = restart == 0 ? n : restart;
            gPrev = new double[n];
            probeG = new double[n];
            probeX = new double[n];
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            double f0 = begin(f, theta);
            if (converged(toleranceGrad)) {
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
            double t0 = steps > 1 && t > 0 ? t * (prevGtd / gtd) : lr;
            if (!(t0 > 0) || Double.isInfinite(t0)) {
                t0 = lr;
            }
            double first = interpolatedTrial(f, theta, t0, gtd);
            double fNew = search.search(f, theta, first, false, d, f0, g, gtd, c1, c2, 1e-9, StrongWolfe.MAX_LS);
            t = search.t();
            prevGtd = gtd;
            advance(theta, fNew);
            System.arraycopy(gAt, 0, gPrev, 0, n);
            sinceRestart++;
            // a search that could not move leaves d useless: start afresh next time
            fresh = t == 0;
        }

        /** t₀·φ'(0)/(φ'(0) − φ'(t₀)) from one probe at t₀; t₀ itself without positive curvature. */
        private double interpolatedTrial(Objective f, double[] theta, double t0, double gtd) {
            Vectors.axpy(t0, d, theta, probeX);
            search.keepTrialBeforeSearch(probeX);
            f.gradient(probeX, probeG);
            double gtdProbe = Vectors.dot(probeG, d);
            if (!(gtdProbe > gtd) || !Double.isFinite(gtdProbe)) {
                return t0;
            }
            double t1 = t0 * (gtd / (gtd - gtdProbe));
            return Double.isFinite(t1) ? t1 : t0;
        }

        private void steepest() {
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            beta = 0;
            sinceRestart = 0;
        }

        @Override
        public List<WorkedLine> workedStep() {
            return List.of(
                    WorkedLine.gradient(false, false),
                    new WorkedLine("β", betaRule.equals(FLETCHER_REEVES) ? "g·g / g_prev·g_prev (Fletcher–Reeves)"
                            : "max(0, g·(g − g_prev) / g_prev·g_prev) (Polak–Ribière+)", "", "beta",
                            betaRule.equals(FLETCHER_REEVES) ? "\\beta = g^\\top g / g_{\\mathrm{prev}}^\\top g_{\\mathrm{prev}}"
                                    : "\\beta = \\max(0, g^\\top (g - g_{\\mathrm{prev}}) / g_{\\mathrm{prev}}^\\top g_{\\mathrm{prev}})"),
                    new WorkedLine("d", "−g + β·d_prev", "−{grad} + {beta}·{direction'}", "direction", "d = -g + \\beta d_{\\mathrm{prev}}"),
                    searchLine(),
                    deltaLine(),
                    WorkedLine.move("delta"));
        }

        @Override
        public List<Probe> probes() {
            List<Probe> probes = searchProbes("d = −g + β·d_prev",
                    new Probe("beta", "β", "conjugacy coefficient β of the last direction (0 at a restart)",
                            out -> Arrays.fill(out, beta)));
            probes.addAll(trialProbes());
            return List.copyOf(probes);
        }
    }
}
