package dev.descent.optim;

import dev.descent.math.Objective;
import java.util.ArrayList;
import java.util.List;

/**
 * What every elementwise first-order stepper shares, written once (Optax's shape: the gradient
 * transformation is the subclass, the rest is here): the step count t, the learning rate of the last
 * step, and the gradient g it used, taken at θ, negated when maximising and with the coupled L2 term
 * λ·θ added; the frame of its worked step (g, the rule's lines, the move) and of its probes (grad,
 * then the rule's). A subclass writes its {@link #update}, {@link #ruleLines} and {@link #ruleProbes}.
 */
abstract class GradientStepper implements Stepper {

    /** The gradient the last step used (after maximize and the coupled weight decay). */
    final double[] g;
    /** Steps taken, 1 during the first. */
    long t;
    /** The learning rate of the last step. */
    double lastLr = Double.NaN;
    private final boolean maximize;
    private final double weightDecay;
    /** Whether this optimizer adds a coupled L2 term to g at all (the grad probe says so). */
    private final boolean coupledDecay;
    /** The state vectors declared with {@link #vector} and their probes, in declaration order. */
    private final List<double[]> declaredVectors = new ArrayList<>();
    private final List<Probe> declaredProbes = new ArrayList<>();

    /** Whether the steps climb f (torch's maximize): the worked step's sign. */
    final boolean maximizes() {
        return maximize;
    }

    /**
     * @param weightDecay the coupled L2 coefficient λ added to g (0 when it is set to none)
     */
    GradientStepper(int n, boolean maximize, double weightDecay) {
        this(n, maximize, weightDecay, true);
    }

    /** A stepper that adds no weight decay to g (it has none, or decouples it from g): g is ∇f(θ) alone. */
    GradientStepper(int n, boolean maximize) {
        this(n, maximize, 0, false);
    }

    private GradientStepper(int n, boolean maximize, double weightDecay, boolean coupledDecay) {
        this.g = new double[n];
        this.maximize = maximize;
        this.weightDecay = weightDecay;
        this.coupledDecay = coupledDecay;
    }

    @Override
    public final void step(Objective f, double[] theta, double lr) {
        t++;
        lastLr = lr;
        f.gradient(theta, g);
        Elementwise.prepare(g, theta, maximize, weightDecay);
        update(theta, lr);
    }

    /**
     * Moves θ by this optimizer's rule from {@link #g}, with {@link #t} already counting this step.
     *
     * @param theta the position. Modified.
     */
    abstract void update(double[] theta, double lr);

    @Override
    public final long steps() {
        return t;
    }

    /** The worked step's opening line g = ∇f(θ), with this stepper's sign and coupled weight decay. */
    WorkedLine gradLine() {
        return WorkedLine.gradient(maximize, weightDecay != 0);
    }

    /** The worked step: {@link #gradLine}, this optimizer's {@link #ruleLines}, then {@link #moveLine}. */
    @Override
    public List<WorkedLine> workedStep() {
        List<WorkedLine> lines = new ArrayList<>();
        lines.add(gradLine());
        lines.addAll(ruleLines());
        lines.add(moveLine());
        return lines;
    }

    /** The lines between g and the move: how this optimizer turns g into Δθ (its {@code step} probe). */
    abstract List<WorkedLine> ruleLines();

    /** The worked step's closing line, θ ← θ + Δθ with Δθ its {@code step} probe. */
    WorkedLine moveLine() {
        return WorkedLine.move("step");
    }

    /** {@link #gradProbe} first, then this optimizer's {@link #ruleProbes}. */
    @Override
    public final List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        probes.add(gradProbe());
        probes.addAll(ruleProbes());
        return List.copyOf(probes);
    }

    /**
     * The probes after {@code grad}: this optimizer's state and step, in the order charts list them; by
     * default those of the vectors declared with {@link #vector}, in the order they were declared.
     */
    List<Probe> ruleProbes() {
        return List.copyOf(declaredProbes);
    }

    /**
     * A state vector of n zeros, declared with the probe that shows it (name, symbol, meaning): a
     * subclass's field {@code double[] m = vector("m", "m", "running average of g")}. Its probe follows
     * the earlier declared ones in the default {@link #ruleProbes}; {@link #probe} finds it.
     */
    final double[] vector(String name, String symbol, String description) {
        double[] values = new double[g.length];
        declaredVectors.add(values);
        declaredProbes.add(Elementwise.copy(name, symbol, description, values));
        return values;
    }

    /** The probe {@link #vector} declared with this state vector, for a {@link #ruleProbes} that adds computed ones. */
    final Probe probe(double[] vector) {
        for (int i = 0; i < declaredVectors.size(); i++) {
            if (declaredVectors.get(i) == vector) {
                return declaredProbes.get(i);
            }
        }
        throw new IllegalArgumentException("not a vector declared with vector(...)");
    }

    /** −∇f and the step: the arrows of a plain first-order method (adaptive ones override). */
    @Override
    public List<RoleVector> vectors() {
        return RoleVector.gradientAndStep();
    }

    /** The {@code grad} probe: g, said to include the weight decay when this optimizer couples one. */
    Probe gradProbe() {
        return Elementwise.copy("grad", "∇f",
                coupledDecay ? "gradient used by the last step (with weight decay)" : "gradient at the last step", g);
    }
}
