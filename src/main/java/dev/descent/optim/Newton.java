package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec.Scale;
import java.util.Arrays;
import java.util.List;

/**
 * Newton's method with a safeguard for Hessians that are not positive definite, and an optional
 * backtracking line search.
 * <pre>
 *   g ← ∇f(θ),  H ← ∇²f(θ),  s ← ‖H‖_F (the Hessian's scale)
 *   p ← H⁻¹·g                 when H is positive definite
 *   θ ← θ − t·p,  t = η       (line_search = none: the textbook step, even when it goes uphill)
 *                 t = η·2⁻ᵏ    (line_search = armijo: the first k with f(θ − t·p) ≤ f(θ) − c₁·t·g·p)
 * </pre>
 * "Positive definite" is judged relative to the Hessian's own scale: the Cholesky factorisation
 * H = L·Lᵀ must exist with every pivot Lᵢᵢ² ≥ 10⁻¹²·s. A Hessian whose curvatures are all small but
 * of one sign (a plateau's 10⁻³·I) is thus used as it is, and one step lands on a quadratic's minimum
 * whatever its scale.
 *
 * <p>When H is not positive definite, pure Newton heads for the nearest stationary point, which may
 * be a saddle or a maximum. {@code hessian_fix} chooses what to do instead:
 * <ul>
 * <li><b>shift</b> (default; Nocedal &amp; Wright, <i>Numerical Optimization</i>, Algorithm 3.3,
 *     "Cholesky with added multiple of the identity"): p ← (H + τI)⁻¹·g with τ₀ = −min Hᵢᵢ + β·s
 *     (or β·s when the diagonal is positive), doubled until H + τI is positive definite; β =
 *     {@code min_shift}. τ ends below twice what is needed: on f = x² − y², τ ≈ 2.</li>
 * <li><b>eigen</b> (Nocedal &amp; Wright, section 3.4; the "saddle-free Newton" of Dauphin et al.
 *     2014): always through the eigendecomposition H = Σ λᵢ·vᵢvᵢᵀ, with each eigenvalue replaced by
 *     λ̃ᵢ = max(|λᵢ|, δ·max|λ|): p ← Σ vᵢ·(vᵢ·g)/λ̃ᵢ. Negative curvature is flipped, so at a saddle
 *     the step goes downhill along it, away from the saddle, instead of towards it.</li>
 * <li><b>gradient</b>: a gradient step with its own step rule, since Newton's η = 1 is no step
 *     length for a gradient: p ← g with t₀ = η/s (the inverse of the largest curvature, the step
 *     gradient descent can afford), halved until the Armijo condition holds, whatever line_search
 *     says. It never raises f.</li>
 * </ul>
 * With η = 1 and a positive definite quadratic, one step lands on the minimum. Newton needs the
 * Hessian: {@link #checkObjective} refuses objectives without one. If H has non-finite entries, p
 * is NaN and the run is flagged as diverged. A backtracking search that finds no decrease in
 * {@link #MAX_HALVINGS} halvings does not move (t = 0).
 */
public record Newton(double lr, String hessianFix, String lineSearch, double minShift, double delta) implements Coupled {

    public static final String SHIFT = "shift";
    public static final String EIGEN = "eigen";
    public static final String GRADIENT = "gradient";
    public static final String NONE = "none";
    public static final String ARMIJO = "armijo";

    /** How many times τ is doubled before the shift fix gives up. */
    static final int MAX_SHIFT_DOUBLINGS = 200;
    /** How many times a backtracking search halves t before it gives up and does not move. */
    static final int MAX_HALVINGS = 60;
    /** The smallest Cholesky pivot trusted, relative to ‖H‖_F: below it, rounding decides the sign. */
    static final double PIVOT_FLOOR = 1e-12;
    /** The Armijo constant of the backtracking searches. */
    static final double C1 = 1e-4;

    static final Hyper<Newton, Double> LR = Hyper.lr(1, 1e-3, 10,
            "fraction of the Newton step taken (1 = full step)", Newton::lr);
    static final Hyper<Newton, String> HESSIAN_FIX = Hyper.choice("hessian_fix", "fix", SHIFT,
            List.of(SHIFT, EIGEN, GRADIENT),
            "when H is not positive definite: shift = (H + τI)⁻¹g; eigen = |λ| clipped at δ;" + " gradient = a backtracking gradient step",
            Newton::hessianFix);
    static final Hyper<Newton, String> LINE_SEARCH = Hyper.choice("line_search", "search", NONE,
            List.of(NONE, ARMIJO),
            "none = take t = η even uphill (the textbook step); armijo = halve t until f decreases enough",
            Newton::lineSearch);
    static final Hyper<Newton, Double> MIN_SHIFT = Hyper.real("min_shift", "β", 1e-3, 1e-8, 1, Scale.LOG,
            "shift fix: the smallest shift τ, relative to ‖H‖_F; τ doubles until H + τI is positive definite",
            Newton::minShift);
    static final Hyper<Newton, Double> DELTA = Hyper.real("delta", "δ", 1e-6, 1e-12, 1, Scale.LOG,
            "eigen fix: each eigenvalue λ is replaced by max(|λ|, δ·max|λ|)", Newton::delta);

    public static final OptimizerKind KIND = OptimizerKind.ofPaper(Newton.class, "newton",
            "Nocedal & Wright 2006, ch. 3", "Newton",
            "θ ← θ − t·H⁻¹∇f, with H made positive definite (shift, eigen) or a gradient step when it is not",
            p -> new Newton(LR.of(p), HESSIAN_FIX.of(p), LINE_SEARCH.of(p), MIN_SHIFT.of(p),
                    DELTA.of(p)),
            LR, HESSIAN_FIX, LINE_SEARCH, MIN_SHIFT, DELTA);

    public Newton {
        Validate.learningRate(lr);
        HESSIAN_FIX.requireChoice(hessianFix);
        LINE_SEARCH.requireChoice(lineSearch);
        Checks.positive("min_shift", minShift);
        Checks.positive("delta", delta);
    }

    /** @throws IllegalArgumentException "Newton needs the Hessian; this objective has none" */
    @Override
    public void checkObjective(Objective f) {
        if (!f.hasHessian()) {
            throw new IllegalArgumentException("Newton needs the Hessian; this objective has none");
        }
        Coupled.super.checkObjective(f);
    }

    @Override
    public String whyExactGradients() {
        return "its step −H⁻¹∇f scales the gradient by the inverse curvature, so noise is amplified where the surface"
                + " is flat and the run wanders";
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State extends CoupledStepper {
        private final double[] g;
        private final double[] h;
        private final double[] p;
        private final double[] step;
        private final double[] trial;
        private final CholeskySolver chol;
        private final SymmetricEigen eigen;
        private final SymmetricEigen probeEigen;
        private boolean fallback;
        private double tau;
        private double scale;

        State(int n) {
            super(n);
            g = new double[n];
            h = new double[n * n];
            p = new double[n];
            step = new double[n];
            trial = new double[n];
            chol = new CholeskySolver(n);
            eigen = hessianFix.equals(EIGEN) ? new SymmetricEigen(n, true) : null;
            probeEigen = new SymmetricEigen(n, false);
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            checkObjective(f);
            steps++;
            double f0 = f.gradient(theta, g);
            f.hessian(theta, h);
            scale = frobenius();
            fallback = false;
            tau = 0;
            boolean gradientStep = false;
            switch (hessianFix) {
                case SHIFT -> shifted();
                case EIGEN -> eigenStep();
                default -> {
                    if (!cholSolve(0)) {
                        fallback = true;
                        gradientStep = true;
                        System.arraycopy(g, 0, p, 0, n);
                    }
                }
            }
            if (gradientStep) {
                t = backtrack(f, theta, f0, scale > 0 ? lr / scale : lr);
            } else if (lineSearch.equals(ARMIJO)) {
                t = backtrack(f, theta, f0, lr);
            } else {
                t = lr;
            }
            for (int i = 0; i < n; i++) {
                step[i] = -t * p[i];
                theta[i] = Math.fma(-t, p[i], theta[i]);
            }
        }

        /** ‖H‖_F. */
        private double frobenius() {
            double sum = 0;
            for (double v : h) {
                sum += v * v;
            }
            return Math.sqrt(sum);
        }

        /** The first t = t₀·2⁻ᵏ with f(θ − t·p) ≤ f(θ) − c₁·t·g·p; 0 if none within MAX_HALVINGS, or p is not downhill. */
        private double backtrack(Objective f, double[] theta, double f0, double t0) {
            double slope = Vectors.dot(g, p);
            if (!(slope > 0)) {
                return slope == 0 ? t0 : 0;
            }
            double len = t0;
            for (int k = 0; k <= MAX_HALVINGS; k++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = Math.fma(-len, p[i], theta[i]);
                }
                double ft = f.value(trial);
                if (ft <= f0 - C1 * len * slope) {
                    return len;
                }
                len *= 0.5;
            }
            return 0;
        }

        /** Nocedal &amp; Wright, Algorithm 3.3, with β relative to ‖H‖_F. */
        private void shifted() {
            double minDiag = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                minDiag = Math.min(minDiag, h[i * n + i]);
            }
            double beta = minShift * scale;
            if (minDiag > 0 && cholSolve(0)) {
                return;
            }
            fallback = true;
            tau = minDiag > 0 ? beta : -minDiag + beta;
            if (!(tau > 0)) {
                tau = Double.MIN_NORMAL;
            }
            for (int k = 0; k <= MAX_SHIFT_DOUBLINGS; k++) {
                if (cholSolve(tau)) {
                    return;
                }
                tau = Math.max(2 * tau, beta);
            }
            Arrays.fill(p, Double.NaN);
        }

        /** p ← (H + τI)⁻¹·g; false unless H + τI has a Cholesky factorisation with pivots ≥ 10⁻¹²·‖H‖_F. */
        private boolean cholSolve(double shift) {
            return chol.solve(h, shift, PIVOT_FLOOR * scale, g, p);
        }

        private void eigenStep() {
            if (!eigen.decompose(h)) {
                fallback = true;
                Arrays.fill(p, Double.NaN);
                return;
            }
            double largest = 0;
            for (int i = 0; i < n; i++) {
                largest = Math.max(largest, Math.abs(eigen.value(i)));
            }
            double floor = delta * largest;
            Arrays.fill(p, 0);
            for (int i = 0; i < n; i++) {
                double lambda = eigen.value(i);
                double fixed = Math.max(Math.abs(lambda), floor);
                if (fixed != lambda) {
                    fallback = true;
                }
                double[] v = eigen.vector(i).data;
                double c = fixed > 0 ? Vectors.dot(v, g) / fixed : 0;
                for (int j = 0; j < n; j++) {
                    p[j] = Math.fma(c, v[j], p[j]);
                }
            }
        }

        @Override
        public List<RoleVector> vectors() {
            return List.of(
                    RoleVector.downhill("grad"),
                    new RoleVector(RoleVector.Role.NEWTON_STEP, "step", 1, RoleVector.Kind.DISPLACEMENT, RoleVector.Anchor.START));
        }

        @Override
        public List<WorkedLine> workedStep() {
            String fix = switch (hessianFix) {
                case EIGEN -> "H̃ = Σ max(|λᵢ|, δ·max|λ|)·vᵢvᵢᵀ (negative curvature flipped)";
                case GRADIENT -> "H not positive definite: a gradient step, t₀ = η/‖H‖ halved until f decreases";
                default -> "H̃ = H + τI, τ doubled until H̃ is positive definite (τ = 0 when H already is)";
            };
            return List.of(
                    WorkedLine.gradient(false, false),
                    new WorkedLine("λ(H)", "eigenvalues of H = ∇²f(θ), (λ_min, λ_max)", "", "hessian_eigenvalues",
                            "\\lambda_{\\min}, \\lambda_{\\max} \\text{ of } H = \\nabla^2 f(\\theta)"),
                    new WorkedLine("fix", fix + "; 1 if it acted", "", "fallback", "\\tilde H"),
                    new WorkedLine("τ", "shift added to H's diagonal", "", "shift", "\\tau"),
                    new WorkedLine("t", lineSearch.equals(ARMIJO) ? "η·2⁻ᵏ, the first that decreases f enough (Armijo)" : "η",
                            "", "step_length", "t"),
                    new WorkedLine("Δθ", "−t·H̃⁻¹·g (solved by Cholesky)", "", "step", "\\Delta\\theta = -t\\,\\tilde H^{-1} g"),
                    WorkedLine.move("delta"));
        }

        @Override
        public List<Probe> probes() {
            return List.of(
                    startGradient(g, "gradient at the point the step started from"),
                    new Probe("step", "Δθ", "the step taken, −t·H̃⁻¹∇f",
                            out -> System.arraycopy(step, 0, out, 0, n)),
                    new Probe("hessian_eigenvalues", "λ(H)",
                            "eigenvalues of the Hessian at the step's start, ascending (λ₁ = min, λ₂ = max)",
                            out -> probeEigen.sortedValues(h, out)),
                    new Probe("fallback", "fix", "1 if the Hessian was not used as it is (the hessian_fix acted), else 0",
                            out -> Arrays.fill(out, fallback ? 1 : 0)),
                    new Probe("shift", "τ", "τ added to the Hessian's diagonal by the shift fix (0 if none)",
                            out -> Arrays.fill(out, tau)),
                    new Probe("step_length", "t", "step length t taken along −H̃⁻¹∇f (η, or what the backtracking chose)",
                            out -> Arrays.fill(out, t)));
        }
    }
}
