package dev.descent.optim;

import dev.descent.math.Objective;

/**
 * A line search for a step length t along a descent direction d from x that satisfies the strong
 * Wolfe conditions
 * <pre>
 *   f(x + t·d) ≤ f(x) + c₁·t·∇f(x)·d               (sufficient decrease, Armijo)
 *   |∇f(x + t·d)·d| ≤ c₂·|∇f(x)·d|                   (curvature)
 * </pre>
 * An exact port of {@code _strong_wolfe} and {@code _cubic_interpolate} of torch 1.13.1's
 * {@code torch/optim/lbfgs.py}, which torch ported from minFunc (Schmidt) through
 * {@code lswolfe.lua}; the algorithm is Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed.,
 * Algorithms 3.5 and 3.6 with cubic interpolation (their eq. 3.59):
 * <ul>
 * <li><b>Bracketing.</b> Try t. The bracket is [t_prev, t] if the Armijo test fails, or (after the
 *     second trial) f does not fall below the previous trial's, or the slope ∇f·d has turned
 *     non-negative. If the curvature test holds, t is accepted at once. Otherwise extrapolate: the
 *     minimiser of the cubic through (t_prev, t) clamped to [t + 0.01·(t − t_prev), 10·t].
 *     After max_ls trials the bracket is [0, t].</li>
 * <li><b>Zoom.</b> Stop when |b₁ − b₀|·max|d| &lt; tolerance_change. Take t from the cubic through
 *     the bracket's ends; when t lies within 10% of the bracket length from an end, and it lies on
 *     or beyond that end or the previous trial was already that close, move it to 10% from the
 *     nearer end. A trial that fails Armijo or is not lower than the low end replaces the high end;
 *     otherwise it ends the search if the curvature test holds, and becomes the new low end (the old
 *     low end replacing the high end when the slope points away from it).</li>
 * <li>The result is the low end of the bracket, with its f and gradient.</li>
 * </ul>
 * For a bit-exact port (golden README, section 5), trial points are x + t·d as one fused
 * multiply-add per coordinate, dot products are netlib's {@code ddot}, and the term
 * {@code 3*(f1-f2)/(x1-x2)} of the cubic is rounded as a reciprocal then a product whenever torch
 * holds x1 or x2 as a 0-d tensor (a Python float divided by a tensor); the search therefore tracks
 * which step lengths torch holds as tensors.
 *
 * <p>One instance serves one run (it owns work arrays for n coordinates) and does not allocate
 * while searching.
 */
public final class StrongWolfe {

    /** torch's default maximum number of trials. */
    public static final int MAX_LS = 25;

    /** How many trial points of one search are kept for drawing: the first ones it evaluated. */
    public static final int MAX_TRIALS = 8;

    private final double[] x;
    private final double[] trial;
    private final double[] gStart;
    private final double[] gNew;
    private final double[] gPrev;
    private final double[][] bracketG;
    /** The first {@link #MAX_TRIALS} points x + t·d the last search evaluated, as it formed them. */
    private final double[][] trials;
    private int trialCount;
    /** Trials kept by {@link #keepTrialBeforeSearch} for the next search. */
    private int carried;
    private final double[] bracket = new double[2];
    private final boolean[] bracketTensor = new boolean[2];
    private final double[] bracketF = new double[2];
    private final double[] bracketGtd = new double[2];

    private double t;
    private boolean tTensor;
    private double f;
    private int evaluations;
    /** Whether the last {@link #cubic} result is a tensor in torch. */
    private boolean cubicTensor;

    /** @param n the number of coordinates */
    public StrongWolfe(int n) {
        x = new double[n];
        trial = new double[n];
        gStart = new double[n];
        gNew = new double[n];
        gPrev = new double[n];
        bracketG = new double[][] {new double[n], new double[n]};
        trials = new double[MAX_TRIALS][n];
    }

    /**
     * Searches along d from x.
     *
     * @param obj      the objective. Not modified.
     * @param theta    the start x. Not modified (trial points are formed in a work array).
     * @param t0       the first trial step
     * @param t0Tensor whether torch holds t0 as a 0-d tensor (only rounding depends on it)
     * @param d        the direction, with ∇f(x)·d &lt; 0. Not modified.
     * @param f0       f(x)
     * @param g        on entry ∇f(x); on return ∇f at the chosen point. Modified.
     * @param gtd      ∇f(x)·d
     * @param c1       sufficient-decrease constant (torch: 1e-4)
     * @param c2       curvature constant (torch: 0.9)
     * @param tolChange stop zooming when the bracket times max|d| falls below this (torch: 1e-9)
     * @param maxLs    the maximum number of trials (torch: 25)
     * @return f at the chosen point; the step length is {@link #t()}
     */
    public double search(Objective obj, double[] theta, double t0, boolean t0Tensor, double[] d, double f0,
                         double[] g, double gtd, double c1, double c2, double tolChange, int maxLs) {
        int n = x.length;
        System.arraycopy(theta, 0, x, 0, n);
        System.arraycopy(g, 0, gStart, 0, n);
        double dNorm = Vectors.maxAbs(d);
        trialCount = carried;
        carried = 0;
        t = t0;
        tTensor = t0Tensor;
        double fNew = evaluate(obj, d);
        evaluations = 1;
        double gtdNew = Vectors.dot(gNew, d);

        double tPrev = 0;
        boolean tPrevTensor = false;
        double fPrev = f0;
        System.arraycopy(gStart, 0, gPrev, 0, n);
        double gtdPrev = gtd;
        boolean done = false;
        int lsIter = 0;
        int size = 0;
        while (lsIter < maxLs) {
            if (fNew > f0 + c1 * t * gtd || lsIter > 1 && fNew >= fPrev) {
                setBracket(tPrev, tPrevTensor, fPrev, gPrev, gtdPrev, fNew, gtdNew);
                size = 2;
                break;
            }
            if (Math.abs(gtdNew) <= -c2 * gtd) {
                bracket[0] = t;
                bracketTensor[0] = tTensor;
                bracketF[0] = fNew;
                System.arraycopy(gNew, 0, bracketG[0], 0, n);
                size = 1;
                done = true;
                break;
            }
            if (gtdNew >= 0) {
                setBracket(tPrev, tPrevTensor, fPrev, gPrev, gtdPrev, fNew, gtdNew);
                size = 2;
                break;
            }
            double minStep = t + 0.01 * (t - tPrev);
            boolean minStepTensor = tTensor || tPrevTensor;
            double maxStep = t * 10;
            boolean maxStepTensor = tTensor;
            double tmp = t;
            boolean tmpTensor = tTensor;
            t = cubic(tPrev, tPrevTensor, fPrev, gtdPrev, t, tTensor, fNew, gtdNew,
                    minStep, minStepTensor, maxStep, maxStepTensor);
            tTensor = cubicTensor;
            tPrev = tmp;
            tPrevTensor = tmpTensor;
            fPrev = fNew;
            System.arraycopy(gNew, 0, gPrev, 0, n);
            gtdPrev = gtdNew;
            fNew = evaluate(obj, d);
            evaluations++;
            gtdNew = Vectors.dot(gNew, d);
            lsIter++;
        }
        if (lsIter == maxLs) {
            // torch leaves bracket_gtd unset here; the zoom below does not run (ls_iter == max_ls)
            bracket[0] = 0;
            bracketTensor[0] = false;
            bracket[1] = t;
            bracketTensor[1] = tTensor;
            bracketF[0] = f0;
            bracketF[1] = fNew;
            System.arraycopy(gStart, 0, bracketG[0], 0, n);
            System.arraycopy(gNew, 0, bracketG[1], 0, n);
            size = 2;
        }

        boolean insufProgress = false;
        int low = bracketF[0] <= bracketF[size - 1] ? 0 : 1;
        int high = 1 - low;
        while (!done && lsIter < maxLs) {
            if (Math.abs(bracket[1] - bracket[0]) * dNorm < tolChange) {
                break;
            }
            t = cubic(bracket[0], bracketTensor[0], bracketF[0], bracketGtd[0],
                    bracket[1], bracketTensor[1], bracketF[1], bracketGtd[1]);
            tTensor = cubicTensor;

            // Python's max(bracket) / min(bracket) on two items: the first unless the second is larger / smaller
            int iMax = bracket[1] > bracket[0] ? 1 : 0;
            int iMin = bracket[1] < bracket[0] ? 1 : 0;
            double bMax = bracket[iMax];
            double bMin = bracket[iMin];
            double eps = 0.1 * (bMax - bMin);
            boolean epsTensor = bracketTensor[iMax] || bracketTensor[iMin];
            double toMax = bMax - t;
            double toMin = t - bMin;
            if ((toMin < toMax ? toMin : toMax) < eps) {
                if (insufProgress || t >= bMax || t <= bMin) {
                    if (Math.abs(t - bMax) < Math.abs(t - bMin)) {
                        t = bMax - eps;
                        tTensor = bracketTensor[iMax] || epsTensor;
                    } else {
                        t = bMin + eps;
                        tTensor = bracketTensor[iMin] || epsTensor;
                    }
                    insufProgress = false;
                } else {
                    insufProgress = true;
                }
            } else {
                insufProgress = false;
            }

            double fTrial = evaluate(obj, d);
            evaluations++;
            double gtdTrial = Vectors.dot(gNew, d);
            lsIter++;

            if (fTrial > f0 + c1 * t * gtd || fTrial >= bracketF[low]) {
                setEnd(high, fTrial, gtdTrial);
                low = bracketF[0] <= bracketF[1] ? 0 : 1;
                high = 1 - low;
            } else {
                if (Math.abs(gtdTrial) <= -c2 * gtd) {
                    done = true;
                } else if (gtdTrial * (bracket[high] - bracket[low]) >= 0) {
                    bracket[high] = bracket[low];
                    bracketTensor[high] = bracketTensor[low];
                    bracketF[high] = bracketF[low];
                    System.arraycopy(bracketG[low], 0, bracketG[high], 0, n);
                    bracketGtd[high] = bracketGtd[low];
                }
                setEnd(low, fTrial, gtdTrial);
            }
        }

        t = bracket[low];
        tTensor = bracketTensor[low];
        f = bracketF[low];
        System.arraycopy(bracketG[low], 0, g, 0, n);
        return f;
    }

    /** The step length the last search chose (the low end of its bracket). */
    public double t() {
        return t;
    }

    /** Whether torch holds {@link #t()} as a 0-d tensor. */
    public boolean tIsTensor() {
        return tTensor;
    }

    /** f at the chosen point. */
    public double f() {
        return f;
    }

    /** How many times the last search evaluated f and its gradient. */
    public int evaluations() {
        return evaluations;
    }

    /** How many trial points of the last search are kept (at most {@link #MAX_TRIALS}; 0 before any or after {@link #clearTrials}). */
    public int trialCount() {
        return trialCount;
    }

    /**
     * Copies trial point k (0 = the first the last search evaluated) into {@code out}: the last one
     * kept when the search kept fewer, and the point given to {@link #clearTrials} when it kept none
     * (a step that stopped without searching), so that every slot holds a point on the plot.
     *
     * @param out one value per coordinate. Modified.
     */
    public void trial(int k, double[] out) {
        double[] p = trialCount == 0 ? x : trials[Math.min(k, trialCount - 1)];
        System.arraycopy(p, 0, out, 0, out.length);
    }

    /** Forgets the last search's trials: until the next search every slot reads {@code theta}. Not modified. */
    public void clearTrials(double[] theta) {
        trialCount = 0;
        carried = 0;
        System.arraycopy(theta, 0, x, 0, x.length);
    }

    /**
     * Keeps a point the caller evaluated along d to choose the first trial step (nonlinear CG's probe
     * at t₀) as the next search's first trial.
     */
    public void keepTrialBeforeSearch(double[] point) {
        if (carried < MAX_TRIALS) {
            System.arraycopy(point, 0, trials[carried++], 0, point.length);
        }
    }

    /**
     * The probes {@code trial_1} … {@code trial_8}: the points the last search evaluated (see
     * {@link #trial}), each drawn as a {@link RoleVector.Role#TRIAL} marker at the run's head.
     */
    public java.util.List<Probe> trialProbes() {
        java.util.List<Probe> out = new java.util.ArrayList<>(MAX_TRIALS);
        for (int k = 0; k < MAX_TRIALS; k++) {
            int i = k;
            out.add(new Probe(trialProbe(k), "θ+t" + subscript(k + 1) + "d",
                    "trial point " + (k + 1) + " of the last line search (its last when it tried fewer)", o -> trial(i, o)));
        }
        return out;
    }

    /** The name of the probe holding trial point k (0-based): trial_1, trial_2, ... */
    public static String trialProbe(int k) {
        return "trial_" + (k + 1);
    }

    /** The trial points as {@link RoleVector.Role#TRIAL} points joined to the run's head. */
    public static java.util.List<RoleVector> trialVectors() {
        java.util.List<RoleVector> out = new java.util.ArrayList<>(MAX_TRIALS);
        for (int k = 0; k < MAX_TRIALS; k++) {
            out.add(RoleVector.point(RoleVector.Role.TRIAL, trialProbe(k)));
        }
        return out;
    }

    private static String subscript(int k) {
        return k < 10 ? String.valueOf((char) ('₀' + k)) : String.valueOf(k);
    }

    private void setBracket(double tPrev, boolean tPrevTensor, double fPrev, double[] gPrevious, double gtdPrev,
                            double fNew, double gtdNew) {
        bracket[0] = tPrev;
        bracketTensor[0] = tPrevTensor;
        bracket[1] = t;
        bracketTensor[1] = tTensor;
        bracketF[0] = fPrev;
        bracketF[1] = fNew;
        System.arraycopy(gPrevious, 0, bracketG[0], 0, gPrevious.length);
        System.arraycopy(gNew, 0, bracketG[1], 0, gNew.length);
        bracketGtd[0] = gtdPrev;
        bracketGtd[1] = gtdNew;
    }

    private void setEnd(int i, double fTrial, double gtdTrial) {
        bracket[i] = t;
        bracketTensor[i] = tTensor;
        bracketF[i] = fTrial;
        System.arraycopy(gNew, 0, bracketG[i], 0, gNew.length);
        bracketGtd[i] = gtdTrial;
    }

    /** f and ∇f (into gNew) at x + t·d; x itself stays as it was. */
    private double evaluate(Objective obj, double[] d) {
        Vectors.axpy(t, d, x, trial);
        if (trialCount < MAX_TRIALS) {
            System.arraycopy(trial, 0, trials[trialCount++], 0, trial.length);
        }
        return obj.gradient(trial, gNew);
    }

    /** {@code _cubic_interpolate} without bounds: the bounds are the two points, in order. */
    private double cubic(double x1, boolean x1Tensor, double f1, double g1,
                         double x2, boolean x2Tensor, double f2, double g2) {
        return x1 <= x2
                ? cubic(x1, x1Tensor, f1, g1, x2, x2Tensor, f2, g2, x1, x1Tensor, x2, x2Tensor)
                : cubic(x1, x1Tensor, f1, g1, x2, x2Tensor, f2, g2, x2, x2Tensor, x1, x1Tensor);
    }

    /**
     * torch's {@code _cubic_interpolate(x1, f1, g1, x2, f2, g2, bounds)}: the minimiser of the cubic
     * through (x1, f1) and (x2, f2) with slopes g1 and g2, clamped to [lo, hi]; the midpoint of the
     * bounds when the cubic has no minimiser. Sets {@link #cubicTensor}.
     * <pre>
     *   d1 = g1 + g2 − 3(f1 − f2)/(x1 − x2),   d2 = √(d1² − g1·g2)
     *   min_pos = x2 − (x2 − x1)·(g2 + d2 − d1)/(g2 − g1 + 2·d2)     (x1 ≤ x2; mirrored otherwise)
     * </pre>
     */
    private double cubic(double x1, boolean x1Tensor, double f1, double g1,
                         double x2, boolean x2Tensor, double f2, double g2,
                         double lo, boolean loTensor, double hi, boolean hiTensor) {
        double num = 3 * (f1 - f2);
        double quotient = x1Tensor || x2Tensor ? 1.0 / (x1 - x2) * num : num / (x1 - x2);
        double d1 = g1 + g2 - quotient;
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos = x1 <= x2
                    ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            // Python's max(min_pos, lo) then min(·, hi): the first argument unless the second is larger / smaller
            double v = minPos;
            boolean vTensor = true;
            if (lo > v) {
                v = lo;
                vTensor = loTensor;
            }
            if (hi < v) {
                v = hi;
                vTensor = hiTensor;
            }
            cubicTensor = vTensor;
            return v;
        }
        cubicTensor = loTensor || hiTensor;
        return (lo + hi) / 2.0;
    }
}
