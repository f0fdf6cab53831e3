package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec.Scale;
import java.util.List;

/**
 * Limited-memory BFGS, an exact port of {@code torch.optim.LBFGS} of torch 1.13.1
 * ({@code torch/optim/lbfgs.py}, "heavily inspired by minFunc"); the method is Liu &amp; Nocedal
 * (1989), the two-loop recursion Nocedal (1980), as in Nocedal &amp; Wright, <i>Numerical
 * Optimization</i>, Algorithm 7.4.
 *
 * <p>One {@link Stepper#step} is one {@code opt.step(closure)}: up to max_iter iterations.
 * <pre>
 *   g ← ∇f(θ);  return without moving if max|g| ≤ tolerance_grad
 *   repeat up to max_iter times (k counts iterations over all calls):
 *     k = 1:  d ← −g, no history, H_diag ← 1
 *     k &gt; 1: y ← g − g_prev,  s ← t·d_prev,  if y·s &gt; 1e-10 keep (y, s, ρ = 1/y·s), dropping the
 *             oldest beyond history_size, and H_diag ← y·s / y·y
 *             q ← −g;  for i newest…oldest: αᵢ ← ρᵢ·sᵢ·q,  q ← q − αᵢ·yᵢ
 *             d ← H_diag·q;  for i oldest…newest: βᵢ ← ρᵢ·yᵢ·d,  d ← d + (αᵢ − βᵢ)·sᵢ
 *     t ← min(1, 1/Σ|gᵢ|)·η  when k = 1, else η
 *     stop if g·d &gt; −tolerance_change
 *     strong_wolfe: t ← strong-Wolfe step from t (c₁ = 1e-4, c₂ = 0.9), then θ ← θ + t·d
 *     none:         θ ← θ + t·d, and g ← ∇f(θ) unless this is the call's last iteration
 *     stop if this was iteration max_iter of the call, the call has used max_eval evaluations,
 *       max|g| ≤ tolerance_grad, max|t·d| ≤ tolerance_change, or |Δf| &lt; tolerance_change
 * </pre>
 * The history, d, t and k persist across calls. The strong-Wolfe trials do not count towards
 * max_eval (as in torch). Torch's docstring gives tolerance_grad a default of 1e-5; its code uses
 * 1e-7, and so does Descent.
 *
 * <p><b>max_eval.</b> torch's {@code max_eval=None} means max_iter·5 // 4 (integer division, so
 * max_iter = 1 gives 1). Here the value 0 (the default, and what a JSON {@code null} converts to)
 * stands for that derived value; {@link #effectiveMaxEval()} gives it.
 *
 * <p>Rounding follows torch bit for bit where that is known (golden README, sections 4.10 and 5):
 * dot products as netlib {@code ddot}, every {@code add_(·, alpha)} as a fused multiply-add, and the
 * cubic interpolation of the line search as in {@link StrongWolfe}.
 */
public record Lbfgs(double lr, int maxIter, int maxEval, double toleranceGrad, double toleranceChange,
                    int historySize, String lineSearchFn) implements Coupled {

    public static final String NONE = "none";
    public static final String STRONG_WOLFE = "strong_wolfe";

    /** torch's threshold on y·s below which a curvature pair is not stored. */
    static final double CURVATURE_THRESHOLD = 1e-10;

    static final Hyper<Lbfgs, Double> LR = Hyper.lr(1, 1e-4, 10,
            "step length tried first (the fixed step without a line search)", Lbfgs::lr);
    static final Hyper<Lbfgs, Integer> MAX_ITER = Hyper.integer("max_iter", "max_iter", 20, 1, 100,
            "maximum number of iterations per step", Lbfgs::maxIter);
    static final Hyper<Lbfgs, Integer> MAX_EVAL = Hyper.integer("max_eval", "max_eval", 0, 0, 125,
            "maximum number of function evaluations per step; 0 = max_iter·5//4 (torch's None)", Lbfgs::maxEval);
    static final Hyper<Lbfgs, Double> TOLERANCE_GRAD = Hyper.real("tolerance_grad", "tol_g", 1e-7, 1e-12, 1e-2,
            Scale.LOG, "stop when max|∇f| is at most this", Lbfgs::toleranceGrad);
    static final Hyper<Lbfgs, Double> TOLERANCE_CHANGE = Hyper.real("tolerance_change", "tol_Δ", 1e-9, 1e-15, 1e-3,
            Scale.LOG, "stop when the step or the change of f is below this", Lbfgs::toleranceChange);
    static final Hyper<Lbfgs, Integer> HISTORY_SIZE = Hyper.integer("history_size", "m", 100, 1, 100,
            "number of curvature pairs (s, y) kept", Lbfgs::historySize);
    static final Hyper<Lbfgs, String> LINE_SEARCH_FN = Hyper.choice("line_search_fn", "line search", NONE,
            List.of(NONE, STRONG_WOLFE),
            "none: fixed step t = η; strong_wolfe: a strong-Wolfe line search from t = η", Lbfgs::lineSearchFn);

    public static final OptimizerKind KIND = OptimizerKind.of(Lbfgs.class, "lbfgs", "LBFGS", "L-BFGS",
            "d ← −H·g with H from the last m pairs (s, y) by the two-loop recursion; θ ← θ + t·d",
            p -> new Lbfgs(LR.of(p), MAX_ITER.of(p), MAX_EVAL.of(p), TOLERANCE_GRAD.of(p),
                    TOLERANCE_CHANGE.of(p), HISTORY_SIZE.of(p), LINE_SEARCH_FN.of(p)),
            LR, MAX_ITER, MAX_EVAL, TOLERANCE_GRAD, TOLERANCE_CHANGE, HISTORY_SIZE, LINE_SEARCH_FN);

    public Lbfgs {
        Validate.learningRate(lr);
        Checks.atLeast("max_iter", maxIter, 1);
        if (maxEval < 0) {
            throw new IllegalArgumentException("Invalid max_eval: " + maxEval
                    + " (must be >= 1, or 0 for max_iter*5//4)");
        }
        Validate.nonNegative("tolerance_grad", toleranceGrad);
        Validate.nonNegative("tolerance_change", toleranceChange);
        Checks.atLeast("history_size", historySize, 1);
        if (!NONE.equals(lineSearchFn) && !STRONG_WOLFE.equals(lineSearchFn)) {
            throw new IllegalArgumentException("Invalid line_search_fn: " + lineSearchFn
                    + " (only 'strong_wolfe' or none is supported)");
        }
    }

    /** max_eval, or max_iter·5 // 4 when it is 0 (torch's None). */
    public int effectiveMaxEval() {
        return maxEval == 0 ? maxIter * 5 / 4 : maxEval;
    }

    @Override
    public String whyExactGradients() {
        return Coupled.comparesGradients("its curvature pairs y = ∇f(θ₊) − ∇f(θ) (and its line search)");
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State extends CoupledStepper {
        private final boolean wolfe = STRONG_WOLFE.equals(lineSearchFn);
        private final StrongWolfe search;
        private final double[] g;
        private final double[] gPrev;
        private final double[] d;
        private final double[] y;
        private final double[] s;
        /** The history as a ring: logical pair i (0 = oldest) lives in slot (first + i) % historySize. */
        private final double[][] oldDirs;
        private final double[][] oldStps;
        private final double[] ro;
        private final double[] al;
        private int first;
        private int count;

        private double hDiag = 1;
        private long nIter;
        private int lastEvals;

        State(int n) {
            super(n);
            search = wolfe ? new StrongWolfe(n) : null;
            g = new double[n];
            gPrev = new double[n];
            d = new double[n];
            y = new double[n];
            s = new double[n];
            oldDirs = new double[historySize][n];
            oldStps = new double[historySize][n];
            ro = new double[historySize];
            al = new double[historySize];
        }

        private int slot(int i) {
            return (first + i) % historySize;
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            steps++;
            if (wolfe) {
                search.clearTrials(theta);
            }
            double loss = f.gradient(theta, g);
            int currentEvals = 1;
            lastEvals = 1;
            if (Vectors.maxAbs(g) <= toleranceGrad) {
                return;
            }
            int maxEvalNow = effectiveMaxEval();
            boolean optCond = false;
            int iter = 0;
            while (iter < maxIter) {
                iter++;
                nIter++;
                if (nIter == 1) {
                    for (int i = 0; i < n; i++) {
                        d[i] = -g[i];
                    }
                    first = 0;
                    count = 0;
                    hDiag = 1;
                } else {
                    updateMemory();
                    twoLoop();
                }
                System.arraycopy(g, 0, gPrev, 0, n);
                double prevLoss = loss;

                boolean tTensor;
                if (nIter == 1) {
                    double inv = 1.0 / Vectors.sumAbs(g);
                    // Python's min(1.0, tensor): the tensor only when it is smaller
                    tTensor = inv < 1.0;
                    t = (tTensor ? inv : 1.0) * lr;
                } else {
                    t = lr;
                    tTensor = false;
                }

                double gtd = Vectors.dot(g, d);
                if (gtd > -toleranceChange) {
                    break;
                }

                int lsEvals = 0;
                if (wolfe) {
                    loss = search.search(f, theta, t, tTensor, d, loss, g, gtd,
                            1e-4, 0.9, 1e-9, StrongWolfe.MAX_LS);
                    t = search.t();
                    lsEvals = search.evaluations();
                    Vectors.axpy(t, d, theta, theta);
                    optCond = Vectors.maxAbs(g) <= toleranceGrad;
                } else {
                    Vectors.axpy(t, d, theta, theta);
                    if (iter != maxIter) {
                        loss = f.gradient(theta, g);
                        optCond = Vectors.maxAbs(g) <= toleranceGrad;
                        lsEvals = 1;
                    }
                }
                currentEvals += lsEvals;
                lastEvals = currentEvals;

                if (iter == maxIter) {
                    break;
                }
                if (currentEvals >= maxEvalNow) {
                    break;
                }
                if (optCond) {
                    break;
                }
                if (maxAbsScaled(d, t) <= toleranceChange) {
                    break;
                }
                if (Math.abs(loss - prevLoss) < toleranceChange) {
                    break;
                }
            }
        }

        /** y ← g − g_prev, s ← t·d; stores the pair when y·s &gt; 1e-10 and rescales H_diag. */
        private void updateMemory() {
            for (int i = 0; i < n; i++) {
                y[i] = g[i] - gPrev[i];
                s[i] = d[i] * t;
            }
            double ys = Vectors.dot(y, s);
            if (ys > CURVATURE_THRESHOLD) {
                if (count == historySize) {
                    first = (first + 1) % historySize;
                    count--;
                }
                int k = slot(count);
                System.arraycopy(y, 0, oldDirs[k], 0, n);
                System.arraycopy(s, 0, oldStps[k], 0, n);
                ro[k] = 1.0 / ys;
                count++;
                hDiag = ys / Vectors.dot(y, y);
            }
        }

        /** d ← −H·g by the two-loop recursion over the stored pairs. */
        private void twoLoop() {
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            for (int i = count - 1; i >= 0; i--) {
                int k = slot(i);
                al[i] = Vectors.dot(oldStps[k], d) * ro[k];
                double[] yi = oldDirs[k];
                double a = -al[i];
                for (int j = 0; j < n; j++) {
                    d[j] = Math.fma(a, yi[j], d[j]);
                }
            }
            for (int j = 0; j < n; j++) {
                d[j] = d[j] * hDiag;
            }
            for (int i = 0; i < count; i++) {
                int k = slot(i);
                double be = Vectors.dot(oldDirs[k], d) * ro[k];
                double[] si = oldStps[k];
                double a = al[i] - be;
                for (int j = 0; j < n; j++) {
                    d[j] = Math.fma(a, si[j], d[j]);
                }
            }
        }

        private double maxAbsScaled(double[] v, double scale) {
            double m = 0;
            for (double vi : v) {
                m = Math.max(m, Math.abs(vi * scale));
            }
            return m;
        }

        @Override
        public List<RoleVector> vectors() {
            List<RoleVector> out = new java.util.ArrayList<>(List.of(
                    new RoleVector(RoleVector.Role.GRADIENT, "grad", -1, RoleVector.Kind.DIRECTION, RoleVector.Anchor.END),
                    RoleVector.direction(RoleVector.Role.PRECONDITIONED, "direction", 1),
                    RoleVector.move()));
            if (wolfe) {
                out.addAll(StrongWolfe.trialVectors());
            }
            return List.copyOf(out);
        }

        @Override
        public List<WorkedLine> workedStep() {
            return List.of(
                    new WorkedLine("γ", "s·y / y·y of the newest pair: the initial inverse Hessian γ·I", "", "h_diag",
                            "\\gamma = s^\\top y / y^\\top y"),
                    new WorkedLine("m", "curvature pairs (s, y) in the memory", "", "history", "m"),
                    new WorkedLine("d", "−H·∇f by the two-loop recursion over the pairs", "", "direction", "d = -H\\nabla f"),
                    new WorkedLine("t", NONE.equals(lineSearchFn) ? "η (no line search)" : "strong Wolfe line search along d", "", "step_length", "t"),
                    new WorkedLine("#f", "evaluations this step", "", "evaluations", "\\#f"),
                    new WorkedLine("∇f", "gradient at the point reached", "", "grad", "\\nabla f(\\theta)"),
                    WorkedLine.move("delta"));
        }

        @Override
        public List<Probe> probes() {
            List<Probe> probes = new java.util.ArrayList<>(List.of(
                    startGradient(g, "gradient at the last point the step evaluated"),
                    new Probe("direction", "d", "search direction d = −H·∇f of the last iteration",
                            out -> System.arraycopy(d, 0, out, 0, n)),
                    new Probe("step_length", "t", "step length t of the last iteration (θ moved by t·d)",
                            out -> java.util.Arrays.fill(out, t)),
                    new Probe("h_diag", "γ", "scale γ = s·y / y·y of the initial inverse Hessian γ·I",
                            out -> java.util.Arrays.fill(out, hDiag)),
                    new Probe("history", "m", "number of curvature pairs (s, y) in the memory",
                            out -> java.util.Arrays.fill(out, count)),
                    new Probe("evaluations", "#f", "function and gradient evaluations in the last step",
                            out -> java.util.Arrays.fill(out, lastEvals))));
            if (wolfe) {
                probes.addAll(search.trialProbes());
            }
            return List.copyOf(probes);
        }
    }
}
