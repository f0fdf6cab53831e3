package dev.descent.optim;

import java.util.List;
import java.util.Objects;

/**
 * A vector quantity an optimizer declares with its teaching role, read from one of its probes (or
 * from the move itself), so that one painter can draw arrows for every optimizer without asking
 * which one it is (DESIGN.md, "Teaching quantities").
 *
 * @param role   what the vector means: the gradient used, the velocity, the step, a look-ahead point, ...
 * @param probe  the probe holding it (a vector or a point), or null for {@link Kind#MOVE}
 * @param sign   multiplies the probe's value (−1 turns the gradient g into the downhill direction −g)
 * @param kind   how to draw it: a scaled direction, a displacement to scale, an absolute point, the move
 * @param at     where it starts: the point the last step left from, or the point it reached
 */
public record RoleVector(Role role, String probe, double sign, Kind kind, Anchor at) {

    /** The teaching roles, each with its lecture symbol and a one-line meaning. */
    public enum Role {
        GRADIENT("−∇f", "the gradient the step used (noisy, clipped or decayed as it was used), negated: downhill"),
        VELOCITY("v", "the momentum / velocity buffer, pointing where it pushes"),
        STEP("Δθ", "the step actually taken"),
        LOOKAHEAD("θ̃", "the look-ahead point where the gradient was taken"),
        SLOW_WEIGHTS("φ", "Lookahead's slow weights"),
        PRECONDITIONED("−P∇f", "the preconditioned (adaptive or quasi-Newton) direction beside the raw gradient"),
        NEWTON_STEP("−H⁻¹∇f", "the Newton step beside the gradient step"),
        TRIAL("θ+ε̂", "a trial point the step evaluated (SAM's perturbed point, a line search's try)"),
        AVERAGED("x̄", "the averaged iterate (Schedule-Free's x): the point to keep when training stops"),
        RATE_BOX("η_eff", "each coordinate's effective rate, as the half-sides of a box centred at the head"),
        FAST_PATH("fast θ", "Lookahead's fast weights since the last synchronisation: the path from φ to the head");

        private final String symbol;
        private final String meaning;

        Role(String symbol, String meaning) {
            this.symbol = symbol;
            this.meaning = meaning;
        }

        public String symbol() {
            return symbol;
        }

        public String meaning() {
            return meaning;
        }

        /** "gradient", "velocity", "slow_weights", ...: the name used on the command line and in files. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How a vector's value is placed on the plot. */
    public enum Kind {
        /** A direction (a gradient, a buffer): drawn from its anchor, scaled so that arrows stay readable. */
        DIRECTION,
        /** A displacement in θ units (a Newton step): drawn from its anchor to scale. */
        DISPLACEMENT,
        /** An absolute point (slow weights, a look-ahead point): joined to its anchor. */
        POINT,
        /** The move from the point the last step left to the point it reached; reads no probe. */
        MOVE,
        /**
         * Two per-coordinate magnitudes (the effective rates): a box centred at its anchor whose
         * half-sides are proportional to them, one factor for both.
         */
        BOX,
        /**
         * The run's own path over its last n steps, n read from the probe (its first coordinate): the
         * stretch of the trail a role gives a meaning to, drawn over it as it is.
         */
        PATH
    }

    /** Which end of the last step a vector is drawn from. */
    public enum Anchor {
        /** The point the last step left from (θ before the step): where the gradient was taken. */
        START,
        /** The point the last step reached (the run's head). */
        END
    }

    public RoleVector {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if ((probe == null) != (kind == Kind.MOVE)) {
            throw new IllegalArgumentException("a " + kind + " vector " + (probe == null ? "needs" : "reads no") + " probe");
        }
        if (!(sign == 1 || sign == -1)) {
            throw new IllegalArgumentException("sign must be 1 or -1, got " + sign);
        }
    }

    /** −g from the probe named {@code grad}, at the point the step left from. */
    public static RoleVector downhill(String gradProbe) {
        return new RoleVector(Role.GRADIENT, gradProbe, -1, Kind.DIRECTION, Anchor.START);
    }

    /** The step actually taken, from the positions (whatever weight decay or a reset added). */
    public static RoleVector move() {
        return new RoleVector(Role.STEP, null, 1, Kind.MOVE, Anchor.START);
    }

    /** A direction probe (scaled), with a sign, from the point the step left from. */
    public static RoleVector direction(Role role, String probe, double sign) {
        return new RoleVector(role, probe, sign, Kind.DIRECTION, Anchor.START);
    }

    /** A momentum buffer held by a probe, drawn along −buffer (the way it pushes θ) from the step's start. */
    public static RoleVector velocity(String bufferProbe) {
        return direction(Role.VELOCITY, bufferProbe, -1);
    }

    /** An absolute point held by a probe, joined to the point the step reached. */
    public static RoleVector point(Role role, String probe) {
        return new RoleVector(role, probe, 1, Kind.POINT, Anchor.END);
    }

    /** The per-coordinate step box read from the {@code effective_lr} probe, centred at the run's head. */
    public static RoleVector rateBox() {
        return new RoleVector(Role.RATE_BOX, "effective_lr", 1, Kind.BOX, Anchor.END);
    }

    /** The run's path over the last {@code probe} steps (a count), ending at its head. */
    public static RoleVector path(Role role, String probe) {
        return new RoleVector(role, probe, 1, Kind.PATH, Anchor.END);
    }

    /** The usual pair for a first-order method: −∇f and the step. */
    public static List<RoleVector> gradientAndStep() {
        return List.of(downhill("grad"), move());
    }

    /** A momentum method: −∇f, the momentum buffer held by {@code bufferProbe} ({@link #velocity}) and the step. */
    public static List<RoleVector> gradientMomentumAndStep(String bufferProbe) {
        return List.of(downhill("grad"), velocity(bufferProbe), move());
    }

    /** An adaptive method with momentum: −∇f, the momentum m (as a direction), the preconditioned direction, the step and the step box of its {@code effective_lr}. */
    public static List<RoleVector> momentumAndPreconditioned() {
        return List.of(downhill("grad"), velocity("m"), direction(Role.PRECONDITIONED, "step", 1), move(),
                rateBox());
    }

    /** An adaptive method without momentum: −∇f, the preconditioned direction (its step), the step and the step box. */
    public static List<RoleVector> preconditioned() {
        return List.of(downhill("grad"), direction(Role.PRECONDITIONED, "step", 1), move(), rateBox());
    }
}
