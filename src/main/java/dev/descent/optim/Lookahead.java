package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lookahead (Zhang, Lucas, Hinton &amp; Ba 2019, "Lookahead Optimizer: k steps forward, 1 step back"):
 * wraps <i>any</i> optimizer, the "fast" one, and keeps slow weights φ beside it.
 * <pre>
 *   φ ← θ₀                                   (at the first step)
 *   every step:      θ ← the inner optimizer's step from θ
 *   every k steps:   φ ← φ + α·(θ − φ),  θ ← φ
 * </pre>
 * The inner optimizer keeps its own state (moments, step count) across the synchronisations, as in
 * the paper. The slow update is computed as (1 − α)·φ + α·θ in one fused multiply-add, which is
 * exact at α = 1: Lookahead with α = 1 moves exactly as its inner optimizer.
 *
 * <p>Composition, as in Optax: {@code new Lookahead(new Adam(0.01), 5, 0.5)} wraps an optimizer of any
 * kind (second-order ones too); the schedule's learning rate is handed to the inner optimizer.
 *
 * <p><b>Hyperparameters through {@link #KIND}.</b> {@code k}, {@code alpha}, {@code inner} (the id of a
 * first-order optimizer, default {@code adam}) and exactly the chosen inner optimizer's settings, under
 * their own names and with their own defaults ({@code lr}, {@code betas}, {@code momentum}, ...). A name
 * Lookahead itself uses is prefixed: RMSprop's {@code alpha} is {@code inner_alpha}. Giving a setting
 * the chosen inner optimizer does not have is an error that names the settings it has.
 */
public record Lookahead(Optimizer inner, int k, double alpha) implements Wrapper {

    /** The optimizers the {@code inner} setting can name, in menu order. */
    public static final List<OptimizerKind> INNER_KINDS = List.of(Sgd.KIND, Adagrad.KIND, RmsProp.KIND, Adadelta.KIND,
            Adam.KIND, AdamW.KIND, Adamax.KIND, NAdam.KIND, RAdam.KIND, Qhm.KIND, QhAdam.KIND);

    static final Hyper<Lookahead, Integer> K = Hyper.integer("k", "k", 5, 1, 20,
            "synchronisation period: fast steps per slow step", Lookahead::k);
    static final Hyper<Lookahead, Double> ALPHA = Hyper.real("alpha", "α", 0.5, 0.05, 1, Scale.LINEAR,
            "slow step size: φ ← φ + α(θ − φ) every k steps (1: plain inner optimizer)", Lookahead::alpha);

    static final WrapperSettings SETTINGS = new WrapperSettings(Lookahead.class, "lookahead", "Zhang et al. 2019",
            "Lookahead",
            "every k steps: φ ← φ + α(θ − φ), θ ← φ; the inner optimizer steps θ in between", List.of(K, ALPHA),
            "the optimizer that takes the fast steps", INNER_KINDS, "adam",
            (inner, p) -> new Lookahead(inner, K.of(p), ALPHA.of(p)));

    /** Lookahead around Adam; values whose {@code inner} names another optimizer get that optimizer's settings. */
    public static final OptimizerKind KIND = SETTINGS.kind();

    public Lookahead {
        Objects.requireNonNull(inner, "Lookahead needs an inner optimizer");
        if (k < 1) {
            throw new IllegalArgumentException("Invalid lookahead steps: " + k + " (must be an integer >= 1)");
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("Invalid slow update rate: " + Validate.repr(alpha) + " (must be in (0, 1])");
        }
    }

    /** The paper's defaults, k = 5 and α = 0.5, around {@code inner}. */
    public Lookahead(Optimizer inner) {
        this(inner, K.def(), ALPHA.def());
    }

    /**
     * Lookahead around one given kind: k, alpha, inner, then the kind's own settings with its own defaults
     * (renamed as in {@link #KIND}). Use it to wrap a kind that is not in {@link #INNER_KINDS} (second-order
     * methods); for a listed kind it is the kind {@link #KIND} picks for {@code inner} = that kind.
     */
    public static OptimizerKind kindFor(OptimizerKind inner) {
        return SETTINGS.variant(inner);
    }

    @Override
    public boolean isElementwise() {
        return inner.isElementwise();
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(inner.newStepper(n), n);
    }

    /** The inner stepper takes the fast steps. */
    private final class State extends WrapperStepper {
        private final double[] slow;

        State(Stepper fast, int n) {
            super(fast);
            this.slow = new double[n];
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            if (t == 0) {
                System.arraycopy(theta, 0, slow, 0, slow.length);
            }
            inner.step(f, theta, lr);
            t++;
            if (t % k == 0) {
                double keep = 1 - alpha;
                for (int i = 0; i < slow.length; i++) {
                    double s = Math.fma(alpha, theta[i], keep * slow[i]);
                    slow[i] = s;
                    theta[i] = s;
                }
            }
        }

        @Override
        List<RoleVector> ownVectors() {
            return List.of(RoleVector.path(RoleVector.Role.FAST_PATH, "fast_steps"),
                    RoleVector.point(RoleVector.Role.SLOW_WEIGHTS, "slow_weights"));
        }

        @Override
        public List<WorkedLine> workedStep() {
            List<WorkedLine> lines = new ArrayList<>(inner.workedStep());
            lines.add(new WorkedLine("j", "t mod k: fast steps since the last sync (k = " + k + ")", "", "fast_steps",
                    "j = t \\bmod k"));
            lines.add(new WorkedLine("φ", "every k = " + k + " steps: φ + α·(θ − φ), and θ ← φ; else unchanged", "", "slow_weights",
                    "\\phi \\leftarrow \\phi + \\alpha(\\theta - \\phi)"));
            return List.copyOf(lines);
        }

        @Override
        public List<Probe> probes() {
            List<Probe> probes = new ArrayList<>(inner.probes());
            probes.add(Elementwise.copy("slow_weights", "φ", "Lookahead's slow weights (θ is reset to them every k steps)", slow));
            probes.add(Elementwise.scalar("fast_steps", "j", "fast steps since the last synchronisation (0 right after one)",
                    () -> t % k));
            return List.copyOf(probes);
        }
    }
}
