package dev.descent.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The closed set of claim kinds. Each reads a few of {@link Claim}'s parameters, simulates the
 * lesson's own runs headless ({@link LessonRuns}) and reports the numbers it compared.
 */
public enum ClaimKind {

    /** {@code a} reaches f &lt; tol at least {@code factor}× sooner than {@code b} (within {@code steps}). */
    REACHES_SOONER("reaches_sooner", "a", "b", "tol", "factor", "steps") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            long na = r.path(c.a(), c.steps()).firstBelow(c.tol());
            long nb = r.path(c.b(), c.steps()).firstBelow(c.tol());
            String m = c.a() + ": " + reach(na, c) + "; " + c.b() + ": " + reach(nb, c);
            if (na < 0) {
                return new ClaimResult(c, false, m);
            }
            double ratio = (nb < 0 ? c.steps() + 1.0 : nb) / Math.max(1, na);
            return new ClaimResult(c, ratio >= c.factor(), m + "; ratio " + (nb < 0 ? "> " : "") + num(ratio)
                    + " (needs ≥ " + num(c.factor()) + ")");
        }
    },
    /**
     * {@code a} reaches f &lt; tol with at least {@code factor}× fewer gradient evaluations than {@code b}
     * (each within {@code steps} steps): the fair race between first-order and line-search methods,
     * whose steps cost several evaluations each.
     */
    FEWER_EVALUATIONS("fewer_evaluations", "a", "b", "tol", "factor", "steps") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath pa = r.path(c.a(), c.steps());
            RunPath pb = r.path(c.b(), c.steps());
            long na = pa.firstBelow(c.tol());
            long nb = pb.firstBelow(c.tol());
            String m = c.a() + ": " + spent(pa, na, c) + "; " + c.b() + ": " + spent(pb, nb, c);
            if (na < 0) {
                return new ClaimResult(c, false, m);
            }
            double ea = pa.gradientEvaluations((int) na);
            double eb = nb < 0 ? pb.gradientEvaluations((int) pb.lastStep()) + 1.0 : pb.gradientEvaluations((int) nb);
            double ratio = eb / Math.max(1, ea);
            return new ClaimResult(c, ratio >= c.factor(), m + "; ratio " + (nb < 0 ? "> " : "") + num(ratio)
                    + " (needs ≥ " + num(c.factor()) + ")");
        }
    },
    /** {@code run} reaches f &lt; tol within {@code steps}. */
    REACHES("reaches", "run", "tol", "steps") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath p = r.path(c.run(), c.steps());
            long n = p.firstBelow(c.tol());
            return new ClaimResult(c, n >= 0, c.run() + ": " + reach(n, c) + lastLoss(p));
        }
    },
    /** {@code run} does not reach f &lt; tol within {@code steps}. */
    DOES_NOT_REACH("does_not_reach", "run", "tol", "steps") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath p = r.path(c.run(), c.steps());
            long n = p.firstBelow(c.tol());
            return new ClaimResult(c, n < 0, c.run() + ": " + reach(n, c) + lastLoss(p));
        }
    },
    /** {@code run} diverges within {@code steps} (non-finite, or far outside the view: {@link LessonRuns#firstDiverged}). */
    DIVERGES("diverges", "run", "steps") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath p = r.path(c.run(), c.steps());
            long n = r.firstDiverged(p);
            return new ClaimResult(c, n >= 0, c.run() + ": " + (n >= 0 ? "diverged at step " + n
                    : "did not diverge in " + c.steps() + " steps" + lastLoss(p)));
        }
    },
    /** {@code run} leaves the lesson's view within {@code steps}. */
    LEAVES_VIEW("leaves_view", "run", "steps") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath p = r.path(c.run(), c.steps());
            long n = firstOutside(p, r);
            return new ClaimResult(c, n >= 0, c.run() + ": " + (n >= 0 ? "left the view at step " + n
                    + " at (" + num(p.x((int) n)) + ", " + num(p.y((int) n)) + ")" : "stayed in view for " + c.steps() + " steps"));
        }
    },
    /** {@code run} stays inside the lesson's view for {@code steps}. */
    STAYS_IN_VIEW("stays_in_view", "run", "steps") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath p = r.path(c.run(), c.steps());
            long n = firstOutside(p, r);
            return new ClaimResult(c, n < 0, c.run() + ": " + (n >= 0 ? "left the view at step " + n
                    + " at (" + num(p.x((int) n)) + ", " + num(p.y((int) n)) + ")" : "stayed in view for " + c.steps() + " steps"));
        }
    },
    /** The {@code runs} end, after {@code steps}, at ≥ {@code atLeast} points more than {@code tol} apart. */
    DISTINCT_ENDS("distinct_ends", "steps", "tol", "atLeast") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            List<double[]> groups = new ArrayList<>();
            List<String> names = c.runs() == null ? r.names() : c.runs();
            for (String n : names) {
                RunPath p = r.path(n, c.steps());
                int last = (int) p.lastStep();
                if (!p.finite(last)) {
                    continue;
                }
                double x = p.x(last);
                double y = p.y(last);
                if (groups.stream().noneMatch(g -> Math.hypot(g[0] - x, g[1] - y) <= c.tol())) {
                    groups.add(new double[] {x, y});
                }
            }
            StringBuilder m = new StringBuilder(groups.size() + " distinct end points of " + names.size() + " runs:");
            for (double[] g : groups) {
                m.append(" (").append(num(g[0])).append(", ").append(num(g[1])).append(")");
            }
            return new ClaimResult(c, groups.size() >= c.atLeast(), m + " (needs ≥ " + num(c.atLeast()) + ")");
        }
    },
    /** {@code run}'s first step ‖θ₁ − θ₀‖, in units of its η, is ≥ {@code atLeast} and/or ≤ {@code atMost}. */
    FIRST_STEP("first_step", "run") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath p = r.path(c.run(), 1);
            double len = p.stepLength(1);
            double inLr = len / p.lr();
            boolean ok = (c.atLeast() == null || inLr >= c.atLeast()) && (c.atMost() == null || inLr <= c.atMost());
            return new ClaimResult(c, ok, c.run() + ": first step " + num(len) + " = " + num(inLr) + "η (needs "
                    + bounds(c) + ")");
        }

        @Override
        void validate(Claim c, LessonRuns r) {
            super.validate(c, r);
            if (c.atLeast() == null && c.atMost() == null) {
                throw new IllegalArgumentException("first_step needs atLeast or atMost");
            }
        }
    },
    /** {@code a} and {@code b} follow the same path: within {@code tol} of each other for {@code steps}. */
    SAME_PATH("same_path", "a", "b", "steps", "tol") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath pa = r.path(c.a(), c.steps());
            RunPath pb = r.path(c.b(), c.steps());
            int n = Math.min(pa.rows(), pb.rows());
            double worst = 0;
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.hypot(pa.x(i) - pb.x(i), pa.y(i) - pb.y(i)));
            }
            boolean ok = n == c.steps() + 1 && worst <= c.tol();
            return new ClaimResult(c, ok, "largest distance between " + c.a() + " and " + c.b() + " over " + (n - 1)
                    + " steps: " + num(worst) + " (needs ≤ " + num(c.tol()) + ")");
        }
    },
    /** At step {@code steps}, f(a)·{@code factor} ≤ f(b) (both finite, f ≥ 0). */
    LOWER_LOSS("lower_loss", "a", "b", "steps", "factor") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath pa = r.path(c.a(), c.steps());
            RunPath pb = r.path(c.b(), c.steps());
            boolean both = pa.lastStep() == c.steps() && pb.lastStep() == c.steps()
                    && pa.finite((int) pa.lastStep()) && pb.finite((int) pb.lastStep());
            if (!both) {
                return new ClaimResult(c, false, "a run did not reach step " + c.steps() + " finite");
            }
            double fa = pa.loss(c.steps().intValue());
            double fb = pb.loss(c.steps().intValue());
            return new ClaimResult(c, fa >= 0 && fa * c.factor() <= fb, "at step " + c.steps() + ": f(" + c.a() + ") = "
                    + num(fa) + ", f(" + c.b() + ") = " + num(fb) + ", ratio " + num(fb / fa) + " (needs ≥ " + num(c.factor()) + ")");
        }
    },
    /** At step {@code steps}, a's step is at least {@code factor}× shorter than b's. */
    SHORTER_STEP("shorter_step", "a", "b", "steps", "factor") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath pa = r.path(c.a(), c.steps());
            RunPath pb = r.path(c.b(), c.steps());
            if (pa.lastStep() < c.steps() || pb.lastStep() < c.steps()) {
                return new ClaimResult(c, false, "a run did not reach step " + c.steps());
            }
            int n = c.steps().intValue();
            double la = pa.stepLength(n);
            double lb = pb.stepLength(n);
            return new ClaimResult(c, la * c.factor() <= lb, "step " + n + ": ‖Δθ‖ of " + c.a() + " = " + num(la) + ", of "
                    + c.b() + " = " + num(lb) + ", ratio " + num(lb / la) + " (needs ≥ " + num(c.factor()) + ")");
        }
    },
    /** Over {@code steps}, {@code run} turns back (Δθₜ·Δθₜ₋₁ &lt; 0) ≥ {@code atLeast} and/or ≤ {@code atMost} times. */
    REVERSALS("reversals", "run", "steps") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath p = r.path(c.run(), c.steps());
            int count = 0;
            for (int i = 2; i < p.rows(); i++) {
                double dot = (p.x(i) - p.x(i - 1)) * (p.x(i - 1) - p.x(i - 2)) + (p.y(i) - p.y(i - 1)) * (p.y(i - 1) - p.y(i - 2));
                if (dot < 0) {
                    count++;
                }
            }
            boolean ok = (c.atLeast() == null || count >= c.atLeast()) && (c.atMost() == null || count <= c.atMost());
            return new ClaimResult(c, ok, c.run() + ": " + count + " reversals in " + p.lastStep() + " steps (needs " + bounds(c) + ")");
        }

        @Override
        void validate(Claim c, LessonRuns r) {
            super.validate(c, r);
            if (c.atLeast() == null && c.atMost() == null) {
                throw new IllegalArgumentException("reversals needs atLeast or atMost");
            }
        }
    },
    /** Over {@code steps}, the loss of {@code run} rises at ≥ {@code atLeast} and/or ≤ {@code atMost} steps. */
    UPHILL_STEPS("uphill_steps", "run", "steps") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath p = r.path(c.run(), c.steps());
            int count = 0;
            for (int i = 1; i < p.rows(); i++) {
                if (p.loss(i) > p.loss(i - 1)) {
                    count++;
                }
            }
            boolean ok = (c.atLeast() == null || count >= c.atLeast()) && (c.atMost() == null || count <= c.atMost());
            return new ClaimResult(c, ok && p.lastStep() == c.steps(), c.run() + ": f rose at " + count + " of "
                    + p.lastStep() + " steps (needs " + bounds(c) + ")");
        }

        @Override
        void validate(Claim c, LessonRuns r) {
            super.validate(c, r);
            if (c.atLeast() == null && c.atMost() == null) {
                throw new IllegalArgumentException("uphill_steps needs atLeast or atMost");
            }
        }
    },
    /**
     * Over {@code steps}, the spread of a's minibatch loss around the full-batch loss, the root mean
     * square of (batch loss − f) at the points where the batches were drawn, is at least
     * {@code factor}× smaller than b's. Both runs must draw minibatches.
     */
    BATCH_LOSS_SPREAD("batch_loss_spread", "a", "b", "steps", "factor") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            double sa = spread(r.path(c.a(), c.steps()));
            double sb = spread(r.path(c.b(), c.steps()));
            if (!(sa >= 0 && sb >= 0)) {
                return new ClaimResult(c, false, "both runs must draw minibatches for " + c.steps() + " steps: spread of "
                        + c.a() + " = " + num(sa) + ", of " + c.b() + " = " + num(sb));
            }
            return new ClaimResult(c, sa * c.factor() <= sb, "spread of the batch loss: " + c.a() + " " + num(sa) + ", "
                    + c.b() + " " + num(sb) + ", ratio " + num(sb / sa) + " (needs ≥ " + num(c.factor()) + ")");
        }

        private double spread(RunPath p) {
            double sum = 0;
            for (int i = 1; i < p.rows(); i++) {
                double d = p.batchLoss(i) - p.loss(i - 1);
                sum += d * d;
            }
            return p.rows() > 1 ? Math.sqrt(sum / (p.rows() - 1)) : Double.NaN;
        }
    },
    /** {@code run}'s loss never increases over {@code steps}. */
    MONOTONE("monotone", "run", "steps") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            RunPath p = r.path(c.run(), c.steps());
            for (int i = 1; i < p.rows(); i++) {
                if (!(p.loss(i) <= p.loss(i - 1))) {
                    return new ClaimResult(c, false, c.run() + ": f rose at step " + i + " from " + num(p.loss(i - 1)) + " to " + num(p.loss(i)));
                }
            }
            return new ClaimResult(c, p.lastStep() == c.steps(), c.run() + ": f fell at every one of " + p.lastStep()
                    + " steps, to " + num(p.loss((int) p.lastStep())));
        }
    },
    /** {@code run} needs the same number of steps (±1) to reach f &lt; tol on the bowl rotated by {@code angle}°. */
    ROTATION_INVARIANT("rotation_invariant", "run", "angle", "tol", "steps") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            long n0 = r.path(c.run(), c.steps()).firstBelow(c.tol());
            long n1 = r.rotated(c.run(), c.angle(), c.steps()).firstBelow(c.tol());
            boolean ok = n0 >= 0 && n1 >= 0 && Math.abs(n1 - n0) <= 1;
            return new ClaimResult(c, ok, c.run() + ": " + reach(n0, c) + "; rotated by " + num(c.angle()) + "°: " + reach(n1, c));
        }
    },
    /** Rotating the bowl by {@code angle}° makes {@code run} ≥ {@code factor}× slower to reach f &lt; tol. */
    ROTATION_HURTS("rotation_hurts", "run", "angle", "tol", "steps", "factor") {
        @Override
        ClaimResult check(Claim c, LessonRuns r) {
            long n0 = r.path(c.run(), c.steps()).firstBelow(c.tol());
            long n1 = r.rotated(c.run(), c.angle(), c.steps()).firstBelow(c.tol());
            String m = c.run() + ": " + reach(n0, c) + "; rotated by " + num(c.angle()) + "°: " + reach(n1, c);
            if (n0 < 0) {
                return new ClaimResult(c, false, m);
            }
            double ratio = (n1 < 0 ? c.steps() + 1.0 : n1) / Math.max(1, n0);
            return new ClaimResult(c, ratio >= c.factor(), m + "; ratio " + (n1 < 0 ? "> " : "") + num(ratio) + " (needs ≥ " + num(c.factor()) + ")");
        }
    };

    private final String id;
    private final List<String> needs;

    ClaimKind(String id, String... needs) {
        this.id = id;
        this.needs = List.of(needs);
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the unknown kind and the known ones */
    public static ClaimKind of(String id) {
        for (ClaimKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown claim kind '" + id + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(ClaimKind::id).toList()));
    }

    /** Simulates what the claim needs and compares. */
    abstract ClaimResult check(Claim c, LessonRuns r);

    /** Checks that the claim has what its kind reads and that its run names exist. */
    void validate(Claim c, LessonRuns r) {
        if (c.text() == null || c.text().isBlank()) {
            throw new IllegalArgumentException("no text");
        }
        for (String need : needs) {
            Object v = switch (need) {
                case "run" -> c.run();
                case "a" -> c.a();
                case "b" -> c.b();
                case "tol" -> c.tol();
                case "factor" -> c.factor();
                case "steps" -> c.steps();
                case "atLeast" -> c.atLeast();
                case "angle" -> c.angle();
                default -> throw new IllegalStateException(need);
            };
            if (v == null) {
                throw new IllegalArgumentException(id + " needs '" + need + "'");
            }
        }
        if (c.steps() != null && (c.steps() < 1 || c.steps() > 1_000_000)) {
            throw new IllegalArgumentException("steps must be between 1 and 1000000, got " + c.steps());
        }
        for (String n : new String[] {c.run(), c.a(), c.b()}) {
            if (n != null) {
                r.model(n);
            }
        }
        if (c.runs() != null) {
            c.runs().forEach(r::model);
        }
    }

    static long firstOutside(RunPath p, LessonRuns r) {
        for (int i = 0; i < p.rows(); i++) {
            if (!p.finite(i) || !r.view().contains(p.x(i), p.y(i))) {
                return i;
            }
        }
        return -1;
    }

    static String spent(RunPath p, long n, Claim c) {
        return n < 0 ? "not below " + num(c.tol()) + " after " + p.gradientEvaluations((int) p.lastStep())
                + " gradient evaluations (" + p.lastStep() + " steps)"
                : "f < " + num(c.tol()) + " after " + p.gradientEvaluations((int) n) + " gradient evaluations (step " + n + ")";
    }

    static String reach(long n, Claim c) {
        return n >= 0 ? "f < " + num(c.tol()) + " at step " + n : "f < " + num(c.tol()) + " not reached in " + c.steps() + " steps";
    }

    static String lastLoss(RunPath p) {
        int last = (int) p.lastStep();
        return " (f = " + num(p.loss(last)) + " at step " + last + ")";
    }

    static String bounds(Claim c) {
        if (c.atLeast() != null && c.atMost() != null) {
            return num(c.atLeast()) + "…" + num(c.atMost());
        }
        return c.atLeast() != null ? "≥ " + num(c.atLeast()) : "≤ " + num(c.atMost());
    }

    /** Four significant digits, plain for everyday sizes. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e7) ? String.format(Locale.ROOT, "%.2e", v).replaceFirst("\\.?0+e", "e") : String.format(Locale.ROOT, "%.4g", v).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
    }
}
