package dev.descent.optim;

import dev.descent.math.Objective;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * BFGS with a dense inverse-Hessian approximation H and a strong-Wolfe line search. One step is one
 * iteration:
 * <pre>
 *   g ← ∇f(θ);  nothing to do if max|g| ≤ tolerance_grad
 *   d ← −H·g;   if g·d ≥ 0 (H has lost positive definiteness to rounding): H ← I, d ← −g
 *   t ← strong-Wolfe step along d starting from t = η (c₁, c₂; at most 25 trials)
 *   s ← t·d,  θ ← θ + s,  y ← ∇f(θ) − g
 *   if y·s &gt; 0:
 *     before the first update, H ← (y·s / y·y)·I            (Nocedal &amp; Wright, eq. 6.20)
 *     ρ ← 1/(y·s),  H ← (I − ρ·s·yᵀ)·H·(I − ρ·y·sᵀ) + ρ·s·sᵀ  (eq. 6.17)
 *   otherwise the update is skipped
 * </pre>
 * H starts as I. The update is applied in its expanded form
 * H ← H − ρ·(s·(Hy)ᵀ + (Hy)·sᵀ) + (ρ²·y·Hy + ρ)·s·sᵀ, in place and without allocating. The strong-Wolfe
 * conditions with c₂ &lt; 1 guarantee y·s &gt; 0 in exact arithmetic, so skips only happen to rounding.
 * A line search that cannot move (t = 0) resets H to I. f and ∇f at the point the search accepted
 * are reused by the next step rather than evaluated again (so a noisy gradient is drawn once per
 * point): on Rosenbrock from (−1.2, 1) this takes about as many evaluations as SciPy's BFGS.
 *
 * <p>Sources: Broyden, Fletcher, Goldfarb and Shanno (1970); Nocedal &amp; Wright, <i>Numerical
 * Optimization</i>, Algorithm 6.1. The line search is torch's, shared with L-BFGS
 * ({@link StrongWolfe}).
 */
public record Bfgs(double lr, double c1, double c2, double toleranceGrad) implements LineSearchSettings {

    static final Hyper<LineSearchSettings, Double> C2 = LineSearchSettings.c2(0.9);

    public static final OptimizerKind KIND = OptimizerKind.ofPaper(Bfgs.class, "bfgs",
            "Broyden, Fletcher, Goldfarb & Shanno 1970", "BFGS",
            "d ← −H·g with a dense inverse-Hessian estimate H updated from (s, y); θ ← θ + t·d with a strong-Wolfe t",
            p -> new Bfgs(LR.of(p), C1.of(p), C2.of(p), TOLERANCE_GRAD.of(p)),
            LR, C1, C2, TOLERANCE_GRAD);

    public Bfgs {
        Validate.learningRate(lr);
        LineSearchSettings.check(c1, c2, toleranceGrad);
    }

    @Override
    public String whyExactGradients() {
        return Coupled.comparesGradients("its line search and its curvature pairs y = ∇f(θ₊) − ∇f(θ)");
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State extends LineSearchStepper {
        private final DMatrixRMaj h;
        private final double[] s;
        private final double[] y;
        private final double[] hy;
        private final SymmetricEigen probeEigen;
        private long updates;
        private long skipped;

        State(int n) {
            super(n);
            h = new DMatrixRMaj(n, n);
            identity(1);
            s = new double[n];
            y = new double[n];
            hy = new double[n];
            probeEigen = new SymmetricEigen(n, false);
        }

        private void identity(double scale) {
            Arrays.fill(h.data, 0);
            for (int i = 0; i < n; i++) {
                h.data[i * n + i] = scale;
            }
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            double f0 = begin(f, theta);
            if (converged(toleranceGrad)) {
                return;
            }
            multiply(g, d);
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
            }
            double gtd = Vectors.dot(g, d);
            if (!(gtd < 0)) {
                reset();
                gtd = Vectors.dot(g, d);
            }
            double fNew = search.search(f, theta, lr, false, d, f0, g, gtd, c1, c2, 1e-9, StrongWolfe.MAX_LS);
            t = search.t();
            if (t == 0) {
                identity(1);
                updates = 0;
                return;
            }
            advance(theta, fNew);
            for (int i = 0; i < n; i++) {
                s[i] = t * d[i];
                y[i] = g[i] - gAt[i];
            }
            double ys = Vectors.dot(y, s);
            if (!(ys > 0)) {
                skipped++;
                return;
            }
            if (updates == 0) {
                identity(ys / Vectors.dot(y, y));
            }
            update(ys);
            updates++;
        }

        private void reset() {
            identity(1);
            updates = 0;
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
        }

        /** out ← H·v. */
        private void multiply(double[] v, double[] out) {
            double[] a = h.data;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += a[i * n + j] * v[j];
                }
                out[i] = sum;
            }
        }

        /** H ← H − ρ(s(Hy)ᵀ + (Hy)sᵀ) + (ρ²·yᵀHy + ρ)·ssᵀ, ρ = 1/ys; each entry rounds the same as its mirror, so H stays exactly symmetric. */
        private void update(double ys) {
            double rho = 1 / ys;
            multiply(y, hy);
            double yhy = Vectors.dot(y, hy);
            double c = (rho * rho) * yhy + rho;
            double[] a = h.data;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i * n + j] += c * (s[i] * s[j]) - rho * (s[i] * hy[j] + hy[i] * s[j]);
                }
            }
        }

        @Override
        public List<WorkedLine> workedStep() {
            return List.of(
                    WorkedLine.gradient(false, false),
                    new WorkedLine("d", "−H·g (H: the inverse-Hessian estimate)", "", "direction", "d = -H g"),
                    searchLine(),
                    deltaLine(),
                    new WorkedLine("λ(H)", "eigenvalues of H after the BFGS update with s = Δθ, y = Δg", "", "inverse_hessian_eigenvalues",
                            "\\lambda(H)"),
                    WorkedLine.move("delta"));
        }

        @Override
        public List<Probe> probes() {
            List<Probe> probes = searchProbes("d = −H·∇f");
            probes.add(new Probe("inverse_hessian_eigenvalues", "λ(H)",
                    "eigenvalues of the inverse-Hessian estimate H after the step, ascending",
                    out -> probeEigen.sortedValues(h.data, out)));
            probes.add(new Probe("skipped_updates", "skips", "number of updates skipped because y·s ≤ 0",
                    out -> Arrays.fill(out, skipped)));
            probes.addAll(trialProbes());
            return List.copyOf(probes);
        }
    }
}
