package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SAM, sharpness-aware minimization (Foret, Kleiner, Mobahi &amp; Neyshabur 2021, "Sharpness-Aware
 * Minimization for Efficiently Improving Generalization"): wraps <i>any</i> first-order optimizer and
 * hands it the gradient taken at a perturbed point, the first-order worst case within a ball of
 * radius ρ around θ:
 * <pre>
 *   g = ∇f(θ)
 *   ε̂ = ρ·g/(‖g‖ + 10⁻¹²)                    (‖·‖ over the whole run's θ: the two coordinates)
 *   g_SAM = ∇f(θ + ε̂)
 *   θ ← the inner optimizer's step from θ, with g_SAM in place of ∇f(θ)
 * </pre>
 * SAM minimises max over ‖ε‖ ≤ ρ of f(θ + ε): near a sharp minimum the perturbed gradient is large
 * and the step bounces out, near a flat one it stays small. With ρ = 0 it is exactly its inner optimizer.
 * The 10⁻¹² is the reference implementation's (davda54/sam), so that ε̂ = 0 where g = 0.
 *
 * <p>Hyperparameters through {@link #KIND}: {@code rho}, {@code inner} (default {@code sgd}, the
 * paper's base optimizer) and exactly the chosen inner optimizer's settings, as in {@link Lookahead}; Adadelta's
 * {@code rho} is {@code inner_rho}. The norm couples a run's coordinates, so SAM is not elementwise.
 */
public record Sam(Optimizer inner, double rho) implements Wrapper {

    /** The optimizers the {@code inner} setting can name, in menu order: every elementwise first-order one. */
    public static final List<OptimizerKind> INNER_KINDS = List.of(Sgd.KIND, Adagrad.KIND, RmsProp.KIND, Adadelta.KIND,
            Adam.KIND, AdamW.KIND, Adamax.KIND, NAdam.KIND, RAdam.KIND, Rprop.KIND, Asgd.KIND, SignSgd.KIND,
            Signum.KIND, Lion.KIND, AdaBelief.KIND, Yogi.KIND, ScheduleFreeAdamW.KIND, Qhm.KIND, QhAdam.KIND);

    static final Hyper<Sam, Double> RHO = Hyper.real("rho", "ρ", 0.05, 0, 1, Scale.LINEAR,
            "radius of the neighbourhood: the gradient is taken at θ + ρ·g/‖g‖ (0: plain inner optimizer)", Sam::rho);

    static final WrapperSettings SETTINGS = new WrapperSettings(Sam.class, "sam", "Foret et al. 2021", "SAM",
            "ε̂ = ρ·g/‖g‖; the inner optimizer steps with ∇f(θ + ε̂)", List.of(RHO), "the optimizer that takes the steps",
            INNER_KINDS, "sgd", (inner, p) -> new Sam(inner, RHO.of(p)));

    /** SAM around SGD; values whose {@code inner} names another optimizer get that optimizer's settings. */
    public static final OptimizerKind KIND = SETTINGS.kind();

    public Sam {
        Objects.requireNonNull(inner, "SAM needs an inner optimizer");
        Validate.nonNegative("rho value", rho);
    }

    /** The paper's default ρ = 0.05 around {@code inner}. */
    public Sam(Optimizer inner) {
        this(inner, RHO.def());
    }

    /** SAM around one given kind, with that kind's own settings and defaults (also a kind not listed). */
    public static OptimizerKind kindFor(OptimizerKind inner) {
        return SETTINGS.variant(inner);
    }

    @Override
    public boolean isElementwise() {
        return false;
    }

    @Override
    public void checkObjective(Objective f) {
        inner.checkObjective(f);
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(inner.newStepper(n), n);
    }

    /** The objective as the inner optimizer sees it: every gradient is taken at the point shifted by ε̂. */
    private static final class Perturbed implements Objective {
        private Objective f;
        private final double[] shift;
        private final double[] at;

        Perturbed(int n) {
            shift = new double[n];
            at = new double[n];
        }

        @Override
        public int dimension() {
            return f.dimension();
        }

        @Override
        public double value(double[] x) {
            return f.value(x);
        }

        @Override
        public double gradient(double[] x, double[] grad) {
            for (int i = 0; i < at.length; i++) {
                at[i] = x[i] + shift[i];
            }
            return f.gradient(at, grad);
        }
    }

    /** The inner stepper steps from θ with the gradient at the perturbed point. */
    private final class State extends WrapperStepper {
        private final Perturbed perturbed;
        private final double[] g;
        private final double[] point;

        State(Stepper base, int n) {
            super(base);
            this.perturbed = new Perturbed(n);
            this.g = new double[n];
            this.point = new double[n];
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            t++;
            f.gradient(theta, g);
            double sq = 0;
            for (double gi : g) {
                sq += gi * gi;
            }
            double scale = rho / (Math.sqrt(sq) + 1e-12);
            double[] shift = perturbed.shift;
            for (int i = 0; i < theta.length; i++) {
                shift[i] = g[i] * scale;
                point[i] = theta[i] + shift[i];
            }
            perturbed.f = f;
            dev.descent.math.Sampling batches = f.sampling();
            if (batches != null) {
                batches.reuseLastBatch(); // the perturbed gradient on the same minibatch
            }
            inner.step(perturbed, theta, lr);
        }

        @Override
        List<RoleVector> ownVectors() {
            return List.of(new RoleVector(RoleVector.Role.TRIAL, "perturbed_point", 1, RoleVector.Kind.POINT, RoleVector.Anchor.START));
        }

        @Override
        public List<WorkedLine> workedStep() {
            List<WorkedLine> lines = new ArrayList<>();
            lines.add(new WorkedLine("∇f(θ)", "gradient at θ", "", "grad_at_theta", "\\nabla f(\\theta)"));
            lines.add(new WorkedLine("ε̂", "ρ·∇f(θ)/‖∇f(θ)‖", "", "perturbation", "\\hat\\epsilon = \\rho\\,\\nabla f/\\lVert\\nabla f\\rVert"));
            lines.add(new WorkedLine("θ+ε̂", "the perturbed point", "{theta'} + {perturbation}", "perturbed_point", "\\theta + \\hat\\epsilon"));
            lines.add(new WorkedLine("g", "∇f(θ + ε̂): the inner optimizer steps from θ with it", "", "grad", "g = \\nabla f(\\theta+\\hat\\epsilon)"));
            lines.addAll(inner.workedStep());
            return List.copyOf(lines);
        }

        @Override
        public List<Probe> probes() {
            List<Probe> probes = new ArrayList<>();
            for (Probe p : inner.probes()) {
                probes.add(p.name().equals("grad")
                        ? new Probe("grad", "∇f(θ+ε̂)", "the gradient the last step used, taken at the perturbed point θ + ε̂", p.reader())
                        : p);
            }
            probes.add(Elementwise.copy("grad_at_theta", "∇f(θ)", "the gradient at θ itself, which sets the perturbation's direction", g));
            probes.add(Elementwise.copy("perturbation", "ε̂", "the perturbation ρ·g/‖g‖ of the last step", perturbed.shift));
            probes.add(Elementwise.copy("perturbed_point", "θ+ε̂", "where the last step's gradient was taken", point));
            return List.copyOf(probes);
        }
    }
}
