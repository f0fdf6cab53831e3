package dev.descent.optim;

import dev.descent.math.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the strong-Wolfe direction methods (BFGS, nonlinear CG) share, written once: the gradient g
 * and its copy at the start of the step, the search direction d, the line search, and the reuse of
 * f and ∇f at the point the last search reached (the search evaluated them there already). A
 * subclass chooses d between {@link #begin} and {@link #advance}.
 */
abstract class LineSearchStepper extends CoupledStepper {

    final StrongWolfe search;
    /** ∇f: at θ after {@link #begin}, at the point reached after the search. */
    final double[] g;
    /** ∇f at the point the step started from. */
    final double[] gAt;
    /** The search direction. */
    final double[] d;
    private final double[] cachedX;
    private final double[] cachedG;
    private double cachedF;
    private boolean cached;

    LineSearchStepper(int n) {
        super(n);
        search = new StrongWolfe(n);
        g = new double[n];
        gAt = new double[n];
        d = new double[n];
        cachedX = new double[n];
        cachedG = new double[n];
    }

    /**
     * Starts a step: counts it, puts ∇f(θ) in {@link #g} and {@link #gAt} (from the last search when
     * θ is the point it reached) and returns f(θ).
     */
    final double begin(Objective f, double[] theta) {
        steps++;
        search.clearTrials(theta);
        double f0;
        if (cached && Arrays.equals(theta, cachedX)) {
            System.arraycopy(cachedG, 0, g, 0, n);
            f0 = cachedF;
        } else {
            f0 = f.gradient(theta, g);
        }
        System.arraycopy(g, 0, gAt, 0, n);
        return f0;
    }

    /** Whether |g|∞ is within {@code toleranceGrad}: then the step stays put (t = 0). */
    final boolean converged(double toleranceGrad) {
        if (Vectors.maxAbs(g) <= toleranceGrad) {
            t = 0;
            return true;
        }
        return false;
    }

    /**
     * θ ← θ + t·d exactly as the search formed its trial point, remembering f ({@code fNew}) and ∇f
     * (in {@link #g}) there for the next step.
     */
    final void advance(double[] theta, double fNew) {
        Vectors.axpy(t, d, theta, theta);
        System.arraycopy(theta, 0, cachedX, 0, n);
        System.arraycopy(g, 0, cachedG, 0, n);
        cachedF = fNew;
        cached = true;
    }

    /** −∇f, the search direction, the step and the trial points of the search. */
    @Override
    public final List<RoleVector> vectors() {
        List<RoleVector> out = new ArrayList<>(List.of(
                RoleVector.downhill("grad"),
                RoleVector.direction(RoleVector.Role.PRECONDITIONED, "direction", 1),
                RoleVector.move()));
        out.addAll(StrongWolfe.trialVectors());
        return List.copyOf(out);
    }

    /** The probes trial_1 … trial_8 of the last search, to end the probe list with. */
    final List<Probe> trialProbes() {
        return search.trialProbes();
    }

    /** The worked step's line for t: the search. */
    static WorkedLine searchLine() {
        return new WorkedLine("t", "strong Wolfe line search along d", "", "step_length", "t");
    }

    /** The worked step's line Δθ = t·d. */
    static WorkedLine deltaLine() {
        return new WorkedLine("Δθ", "t·d", "{step_length}·{direction}", "delta", "\\Delta\\theta = t\\,d");
    }

    /**
     * The probes grad (at the start), direction (with its rule), then {@code ownProbes} (what d was made
     * from), then step_length; more can be added to the list, then {@link #trialProbes}.
     */
    List<Probe> searchProbes(String directionRule, Probe... ownProbes) {
        List<Probe> probes = new ArrayList<>();
        probes.add(startGradient(gAt, "gradient at the point the step started from"));
        probes.add(new Probe("direction", "d", "search direction " + directionRule,
                out -> System.arraycopy(d, 0, out, 0, n)));
        probes.addAll(List.of(ownProbes));
        probes.add(new Probe("step_length", "t", "step length t chosen by the line search (θ moved by t·d)",
                out -> Arrays.fill(out, t)));
        return probes;
    }
}
