package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;
import java.util.List;

/**
 * Averaged SGD (Polyak &amp; Juditsky 1992, "Acceleration of Stochastic Approximation by Averaging";
 * the decaying rate of Bottou 2012, "Stochastic Gradient Descent Tricks"), exactly as
 * {@code torch.optim.ASGD} (torch 1.13):
 * <pre>
 *   t ← t + 1
 *   g ← ∇f(θ)   (−∇f(θ) when maximising),   g ← g + λ_wd·θ          (weight_decay)
 *   θ ← θ·(1 − λ·η_t)                                               (lambd λ)
 *   θ ← θ − η_t·g
 *   ā ← θ  while μ_t = 1,   ā ← ā + μ_t·(θ − ā)  afterwards         (the averaged iterate)
 *   η_{t+1} = η / (1 + λ·η·t)^α,   μ_{t+1} = 1 / max(1, t − t₀)       (η₁ = η, μ₁ = 1)
 * </pre>
 * The trajectory is θ, as torch's parameters are; the average ā (torch's {@code ax}) starts only
 * after t₀ steps (10⁶ by default) and is a probe. The next rate η_{t+1} uses this step's lr, as
 * torch reads {@code group['lr']} before a scheduler changes it.
 */
public record Asgd(double lr, double lambd, double alpha, double t0, double weightDecay, boolean maximize)
        implements Optimizer {

    static final Hyper<Asgd, Double> LR = Hyper.lr(1e-2, Asgd::lr);
    static final Hyper<Asgd, Double> LAMBD = Hyper.real("lambd", "λ", 1e-4, 0, 0.1, Scale.LINEAR,
            "decay term: shrinks θ and the rate η_t", Asgd::lambd);
    static final Hyper<Asgd, Double> ALPHA = Hyper.real("alpha", "α", 0.75, 0, 1, Scale.LINEAR,
            "power of the rate's decay η/(1 + ληt)^α", Asgd::alpha);
    static final Hyper<Asgd, Double> T0 = Hyper.real("t0", "t₀", 1e6, 0, 1000, Scale.LINEAR,
            "step at which averaging starts", Asgd::t0);
    static final Hyper<Asgd, Double> WEIGHT_DECAY = Hyper.l2("λ_wd", Asgd::weightDecay);
    static final Hyper<Asgd, Boolean> MAXIMIZE = Hyper.maximize(Asgd::maximize);

    public static final OptimizerKind KIND = OptimizerKind.of(Asgd.class, "asgd", "ASGD", "ASGD",
            "θ ← θ(1 − λη_t) − η_t·g, η_t = η/(1 + λη(t−1))^α; ā averages θ after t₀ steps",
            p -> new Asgd(LR.of(p), LAMBD.of(p), ALPHA.of(p), T0.of(p), WEIGHT_DECAY.of(p),
                    MAXIMIZE.of(p)),
            LR, LAMBD, ALPHA, T0, WEIGHT_DECAY, MAXIMIZE);

    public Asgd {
        Validate.learningRate(lr);
        Validate.weightDecay(weightDecay);
        Validate.nonNegative("lambd value", lambd);
        Validate.nonNegative("alpha value", alpha);
        Validate.nonNegative("t0 value", t0);
    }

    /** torch's defaults with the given learning rate. */
    public Asgd(double lr) {
        this(lr, LAMBD.def(), ALPHA.def(), T0.def(), WEIGHT_DECAY.def(), MAXIMIZE.def());
    }

    @Override
    public Stepper newStepper(int n) {
        return new GradientStepper(n, maximize, weightDecay) {
            private final double[] ax = vector("ax", "ā", "the averaged iterate (equal to θ until t₀ steps have passed)");
            private final double[] move = vector("step", "Δθ", "the last step, −λη_t·θ − η_t·g");
            private double eta = Double.NaN;
            private double mu = 1;
            private double usedEta = Double.NaN;
            private double usedMu = Double.NaN;

            @Override
            void update(double[] theta, double lr) {
                if (t == 1) {
                    eta = lr; // torch's state['eta'] = lr when the state is created
                }
                double keep = 1 - lambd * eta;
                double negEta = -eta;
                for (int i = 0; i < theta.length; i++) {
                    double before = theta[i];
                    double th = Math.fma(negEta, g[i], before * keep);
                    theta[i] = th;
                    move[i] = th - before;
                    ax[i] = mu != 1 ? ax[i] + (th - ax[i]) * mu : th;
                }
                usedEta = eta;
                usedMu = mu;
                double step = t;
                eta = lr / Math.pow(1 + lambd * lr * step, alpha);
                mu = 1 / Math.max(1, step - t0);
            }

            @Override
            List<WorkedLine> ruleLines() {
                String l = WorkedLine.constant(lambd);
                return List.of(
                        new WorkedLine("η_t", "η/(1 + λ·η·(t − 1))^α",
                                "{lr}/(1 + " + l + "·{lr}·({t} − 1))^" + WorkedLine.constant(alpha), "eta",
                                "\\eta_t = \\eta/(1 + \\lambda\\eta\\,(t-1))^{\\alpha}"),
                        new WorkedLine("Δθ", "−λ·η_t·θ − η_t·g", "−" + l + "·{eta}·{theta'} − {eta}·{grad}", "step",
                                "\\Delta\\theta = -\\lambda\\eta_t\\,\\theta - \\eta_t\\, g"),
                        new WorkedLine("μ_t", "1/max(1, t − 1 − t₀)", "1/max(1, {t} − 1 − " + WorkedLine.constant(t0) + ")", "mu",
                                "\\mu_t = 1/\\max(1, t-1-t_0)"),
                        new WorkedLine("ā", "ā + μ_t·(θ + Δθ − ā)", "{ax'} + {mu}·({theta'} + {step} − {ax'})", "ax",
                                "\\bar a \\leftarrow \\bar a + \\mu_t\\,(\\theta + \\Delta\\theta - \\bar a)"));
            }

            @Override
            List<Probe> ruleProbes() {
                return List.of(
                        Elementwise.scalar("eta", "η_t", "learning rate of the last step, η/(1 + λη(t−1))^α", () -> usedEta),
                        Elementwise.scalar("mu", "μ_t", "averaging weight of the last step, 1/max(1, t − 1 − t₀)", () -> usedMu),
                        probe(ax),
                        probe(move));
            }
        };
    }
}
