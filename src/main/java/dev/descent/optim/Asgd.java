package dev.descent.optim;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
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

    public static final OptimizerKind KIND = new OptimizerKind("asgd", "ASGD", "ASGD",
            "θ ← θ(1 − λη_t) − η_t·g, η_t = η/(1 + λη(t−1))^α; ā averages θ after t₀ steps",
            List.of(
                    ParamSpec.real("lr", "η", 1e-2, 1e-5, 1, Scale.LOG, "learning rate"),
                    ParamSpec.real("lambd", "λ", 1e-4, 0, 0.1, Scale.LINEAR, "decay term: shrinks θ and the rate η_t"),
                    ParamSpec.real("alpha", "α", 0.75, 0, 1, Scale.LINEAR, "power of the rate's decay η/(1 + ληt)^α"),
                    ParamSpec.real("t0", "t₀", 1e6, 0, 1000, Scale.LINEAR, "step at which averaging starts"),
                    ParamSpec.real("weight_decay", "λ_wd", 0, 0, 1, Scale.LINEAR, "L2 penalty added to the gradient"),
                    ParamSpec.bool("maximize", "maximize", false, "maximise f instead of minimising it")),
            p -> new Asgd(p.real("lr"), p.real("lambd"), p.real("alpha"), p.real("t0"), p.real("weight_decay"),
                    p.bool("maximize")));

    public Asgd {
        Validate.learningRate(lr);
        Validate.nonNegative("weight_decay value", weightDecay);
        Validate.nonNegative("lambd value", lambd);
        Validate.nonNegative("alpha value", alpha);
        Validate.nonNegative("t0 value", t0);
    }

    /** torch's defaults with the given learning rate. */
    public Asgd(double lr) {
        this(lr, 1e-4, 0.75, 1e6, 0, false);
    }

    @Override
    public OptimizerKind kind() {
        return KIND;
    }

    @Override
    public Params hyperparameters() {
        return KIND.values("lr", lr, "lambd", lambd, "alpha", alpha, "t0", t0, "weight_decay", weightDecay,
                "maximize", maximize);
    }

    @Override
    public Stepper newStepper(int n) {
        return new State(n);
    }

    private final class State implements Stepper {
        private final double[] g;
        private final double[] ax;
        private final double[] move;
        private long t;
        private double eta = Double.NaN;
        private double mu = 1;
        private double usedEta = Double.NaN;
        private double usedMu = Double.NaN;

        State(int n) {
            g = new double[n];
            ax = new double[n];
            move = new double[n];
        }

        @Override
        public void step(Objective f, double[] theta, double lr) {
            if (t == 0) {
                eta = lr; // torch's state['eta'] = lr when the state is created
            }
            t++;
            f.gradient(theta, g);
            Elementwise.prepare(g, theta, maximize, weightDecay);
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
        public long steps() {
            return t;
        }

        @Override
        public List<RoleVector> vectors() {
            return List.of(
                    RoleVector.downhill("grad"),
                    RoleVector.move());
        }

        @Override
        public List<Probe> probes() {
            return List.of(
                    Elementwise.copy("grad", "∇f", "gradient used by the last step (with weight decay)", g),
                    Elementwise.scalar("eta", "η_t", "learning rate of the last step, η/(1 + λη(t−1))^α", () -> usedEta),
                    Elementwise.scalar("mu", "μ_t", "averaging weight of the last step, 1/max(1, t − 1 − t₀)", () -> usedMu),
                    Elementwise.copy("ax", "ā", "the averaged iterate (equal to θ until t₀ steps have passed)", ax),
                    Elementwise.copy("step", "Δθ", "the last step, −λη_t·θ − η_t·g", move));
        }
    }
}
