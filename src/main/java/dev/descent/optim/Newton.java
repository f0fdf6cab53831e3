package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import java.util.Arrays;
import java.util.List;

/**
 * Newton's method with a safeguard for Hessians that are not positive definite.
 * <pre>
 *   g ← ∇f(θ),  H ← ∇²f(θ)
 *   p ← H⁻¹·g                 when H is positive definite (its Cholesky factorisation exists)
 *   θ ← θ − η·p
 * </pre>
 * When H is not positive definite, pure Newton heads for the nearest stationary point, which may
 * be a saddle or a maximum. {@code hessian_fix} chooses what to do instead:
 * <ul>
 * <li><b>damped</b> (default; Levenberg 1944, Nocedal &amp; Wright, <i>Numerical Optimization</i>,
 *     Algorithm 3.3): p ← (H + μI)⁻¹·g with μ = damping, 10·damping, 100·damping, … until H + μI
 *     is positive definite. A large μ turns the step into a short gradient step g/μ.</li>
 * <li><b>eigen</b> (Nocedal &amp; Wright, section 3.4; the "saddle-free Newton" of Dauphin et al.
 *     2014): always through the eigendecomposition H = Σ λᵢ·vᵢvᵢᵀ, with each eigenvalue replaced by
 *     λ̃ᵢ = max(|λᵢ|, δ): p ← Σ vᵢ·(vᵢ·g)/λ̃ᵢ. Negative curvature is flipped, so at a saddle the
 *     step goes downhill along it, away from the saddle, instead of towards it.</li>
 * <li><b>gradient</b>: p ← g, a plain gradient step θ ← θ − η·g.</li>
 * </ul>
 * "Positive definite" means here that the Cholesky factorisation H = L·Lᵀ exists with every pivot
 * Lᵢᵢ² ≥ damping: a pivot that is positive but tiny would make the step explode, which happens when
 * rounding leaves H + μI barely positive for μ = −λ_min (H = diag(2, −1) and μ = 1, say). The
 * damping is thus also the smallest curvature Newton trusts.
 *
 * <p>With η = 1 and a positive definite quadratic, one step lands on the minimum. Newton needs the
 * Hessian: {@link #checkObjective} refuses objectives without one. If even μ = damping·10⁶⁰ does not
 * make H + μI positive definite (H has non-finite entries), p is NaN and the run is flagged as
 * diverged.
 */
public record Newton(double lr, String hessianFix, double damping, double delta) implements Optimizer {

    public static final String DAMPED = "damped";
    public static final String EIGEN = "eigen";
    public static final String GRADIENT = "gradient";

    /** How many times μ is raised tenfold before the damped fix gives up. */
    static final int MAX_DAMPING_RAISES = 60;

    public static final OptimizerKind KIND = new OptimizerKind("newton", null, "Newton",
            "θ ← θ − η·H⁻¹∇f, with H made positive definite (damped, eigen) or a gradient step when it is not",
            List.of(
                    ParamSpec.real("lr", "η", 1, 1e-3, 10, Scale.LOG, "fraction of the Newton step taken (1 = full step)"),
                    ParamSpec.choice("hessian_fix", "fix", DAMPED, List.of(DAMPED, EIGEN, GRADIENT),
                            "when H is not positive definite: damped = (H + μI)⁻¹g; eigen = |λ| clipped at δ;"
                                    + " gradient = a gradient step"),
                    ParamSpec.real("damping", "μ₀", 1e-3, 1e-8, 1e3, Scale.LOG,
                            "first μ tried by the damped fix, raised tenfold until H + μI is positive definite;"
                                    + " also the smallest Cholesky pivot accepted"),
                    ParamSpec.real("delta", "δ", 1e-3, 1e-8, 10, Scale.LOG,
                            "eigen fix: each eigenvalue λ is replaced by max(|λ|, δ)")),
            p -> new Newton(p.real("lr"), p.choice("hessian_fix"), p.real("damping"), p.real("delta")));

    public Newton {
        Validate.learningRate(lr);
        if (!List.of(DAMPED, EIGEN, GRADIENT).contains(hessianFix)) {
            throw new IllegalArgumentException("Invalid hessian_fix: " + hessianFix + " (damped, eigen or gradient)");
        }
        Checks.positive("damping", damping);
        Checks.positive("delta", delta);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "hessian_fix", hessianFix, "damping", damping, "delta", delta);
    }

    /** @throws IllegalArgumentException "Newton needs the Hessian; this objective has none" */
    @Override
    public void checkObjective(Objective f) {
        if (!f.hasHessian()) {
            throw new IllegalArgumentException("Newton needs the Hessian; this objective has none");
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
        private final double[] g;
        private final double[] h;
        private final double[] p;
        private final double[] step;
        private final CholeskySolver chol;
        private final SymmetricEigen eigen;
        private final SymmetricEigen probeEigen;
        private long t;
        private boolean fallback;
        private double mu;

        State(int n) {
            this.n = n;
            g = new double[n];
            h = new double[n * n];
            p = new double[n];
            step = new double[n];
            chol = new CholeskySolver(n);
            eigen = hessianFix.equals(EIGEN) ? new SymmetricEigen(n, true) : null;
            probeEigen = new SymmetricEigen(n, false);
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            checkObjective(f);
            t++;
            f.gradient(theta, g);
            f.hessian(theta, h);
            fallback = false;
            mu = 0;
            switch (hessianFix) {
                case DAMPED -> damped();
                case EIGEN -> eigenStep();
                default -> {
                    if (!cholSolve(0)) {
                        fallback = true;
                        System.arraycopy(g, 0, p, 0, n);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                step[i] = -lr * p[i];
                theta[i] = Math.fma(-lr, p[i], theta[i]);
            }
        }

        private void damped() {
            if (cholSolve(0)) {
                return;
            }
            fallback = true;
            mu = damping;
            for (int k = 0; k <= MAX_DAMPING_RAISES; k++) {
                if (cholSolve(mu)) {
                    return;
                }
                mu *= 10;
            }
            Arrays.fill(p, Double.NaN);
        }

        /** p ← (H + μI)⁻¹·g; false unless H + μI has a Cholesky factorisation with pivots ≥ damping. */
        private boolean cholSolve(double shift) {
            return chol.solve(h, shift, damping, g, p);
        }

        private void eigenStep() {
            if (!eigen.decompose(h)) {
                fallback = true;
                System.arraycopy(g, 0, p, 0, n);
                return;
            }
            Arrays.fill(p, 0);
            for (int i = 0; i < n; i++) {
                double lambda = eigen.value(i);
                double fixed = Math.max(Math.abs(lambda), delta);
                if (fixed != lambda) {
                    fallback = true;
                }
                double[] v = eigen.vector(i).data;
                double c = Vectors.dot(v, g) / fixed;
                for (int j = 0; j < n; j++) {
                    p[j] = Math.fma(c, v[j], p[j]);
                }
            }
        }

        @Override
        public long steps() {
            return t;
        }

        @Override
        public List<Probe> probes() {
            return List.of(
                    new Probe("grad", "∇f", "gradient at the point the step started from",
                            out -> System.arraycopy(g, 0, out, 0, n)),
                    new Probe("step", "Δθ", "the step taken, −η·H̃⁻¹∇f",
                            out -> System.arraycopy(step, 0, out, 0, n)),
                    new Probe("hessian_eigenvalues", "λ(H)",
                            "eigenvalues of the Hessian at the step's start, ascending (λ₁ = min, λₙ = max)",
                            out -> probeEigen.sortedValues(h, out)),
                    new Probe("fallback", "fix", "1 if the Hessian was not used as it is (the hessian_fix acted), else 0",
                            out -> Arrays.fill(out, fallback ? 1 : 0)),
                    new Probe("damping", "μ", "μ added to the Hessian's diagonal by the damped fix (0 if none)",
                            out -> Arrays.fill(out, mu)));
        }
    }
}
