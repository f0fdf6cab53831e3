package dev.descent.session;

import dev.descent.math.GradientNoise;
import dev.descent.math.Surface;
import dev.descent.sim.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one validator of run and session settings, whichever way they came in (the window, a session
 * file, a preset, the command line, a golden header). Each single check says what is wrong in one
 * style, torch's: {@code Invalid <setting>: <value> (<what is allowed>)}. {@link #session} and
 * {@link #run} return every problem, each addressed by its field.
 *
 * <p>Optimizer hyperparameters and schedules are checked where they are declared (in {@code optim});
 * their messages reach the user here unchanged, under the run's {@code hyperparameters} field.
 */
public final class ConfigChecks {

    /** The highest speed (steps per second) and step limit anything may ask for. */
    public static final double MAX_SPEED = 1e7;
    public static final long MAX_STEP_LIMIT = 1_000_000_000L;

    /**
     * The gradient noise σ a run gets when noise is switched on without one (window, file, CLI): 0.1,
     * the command line's long-standing default, small against the built-in surfaces' gradients.
     */
    public static final double DEFAULT_SIGMA = 0.1;

    /**
     * The colour maps a session may name (render's {@code ColorMap} draws exactly these; a test holds
     * the two lists equal). "gray" is read as "grey".
     */
    public static final List<String> COLOR_MAPS = List.of("viridis", "cividis", "magma", "inferno", "grey");

    private ConfigChecks() {
    }

    // ---- single settings -------------------------------------------------------------------------

    /** Whether {@code c} is a {@code #rrggbb} colour. */
    public static boolean isColor(String c) {
        return c != null && c.matches("#[0-9a-fA-F]{6}");
    }

    /** @throws IllegalArgumentException unless {@code c} is {@code #rrggbb} */
    public static String color(String c) {
        if (!isColor(c)) {
            throw new IllegalArgumentException("Invalid colour: " + quoted(c) + " (expected #rrggbb)");
        }
        return c;
    }

    /** @throws IllegalArgumentException unless {@code 0 < s <= MAX_SPEED} */
    public static double speed(double s) {
        if (!(s > 0) || s > MAX_SPEED) {
            throw new IllegalArgumentException("Invalid speed: " + s + " (steps per second, more than 0 and at most "
                    + (long) MAX_SPEED + ")");
        }
        return s;
    }

    /** @throws IllegalArgumentException unless {@code 1 <= n <= MAX_STEP_LIMIT} */
    public static long stepLimit(long n) {
        if (n < 1 || n > MAX_STEP_LIMIT) {
            throw new IllegalArgumentException("Invalid step limit: " + n + " (a whole number from 1 to " + MAX_STEP_LIMIT + ")");
        }
        return n;
    }

    /** @throws IllegalArgumentException unless σ is a finite number {@code >= 0} */
    public static double sigma(double s) {
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("Invalid noise sigma: " + s + " (a finite number >= 0)");
        }
        return s;
    }

    /** The noise kind named {@code s}, any case. @throws IllegalArgumentException naming the known kinds */
    public static GradientNoise.Kind noiseKind(String s) {
        try {
            return GradientNoise.Kind.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid noise kind: " + quoted(s) + " (known: none, additive, multiplicative, minibatch)");
        }
    }

    /** The colour map's name as a session stores it. @throws IllegalArgumentException naming the known maps */
    public static String colorMap(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (key.equals("gray")) {
            key = "grey";
        }
        if (!COLOR_MAPS.contains(key)) {
            throw new IllegalArgumentException("Invalid colour map: " + quoted(name) + " (known: " + String.join(", ", COLOR_MAPS) + ")");
        }
        return key;
    }

    /** @throws IllegalArgumentException unless {@code p} is two finite numbers */
    public static double[] start(double[] p) {
        if (p == null || p.length != 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
            String v = p == null ? "none" : p.length == 2 ? "(" + p[0] + ", " + p[1] + ")" : java.util.Arrays.toString(p);
            throw new IllegalArgumentException("Invalid start: " + v + " (must be two finite numbers)");
        }
        return p;
    }

    /**
     * Parses a start point typed as {@code X,Y} (the command line, the start fields).
     *
     * @throws IllegalArgumentException naming the text
     */
    public static double[] parseStart(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("Invalid start: " + quoted(text) + " (expected X,Y such as -1.5,2)");
        }
        double[] p = new double[2];
        for (int i = 0; i < 2; i++) {
            try {
                p[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid start: " + quoted(parts[i].trim()) + " is not a number (expected X,Y such as -1.5,2)");
            }
            if (!Double.isFinite(p[i])) {
                throw new IllegalArgumentException("Invalid start: " + quoted(text) + " (both numbers must be finite)");
            }
        }
        return p;
    }

    private static String quoted(String s) {
        return s == null ? "none" : "'" + s + "'";
    }

    // ---- whole configurations --------------------------------------------------------------------

    /**
     * Every problem of a session, addressed by field. The surface is built once; each run's
     * optimizer once (through {@link RunConfig#toRunSpec}).
     */
    public static List<Problem> session(SessionConfig s) {
        List<Problem> out = new ArrayList<>();
        Surface surface = null;
        try {
            surface = Sessions.surface(s);
        } catch (IllegalArgumentException e) {
            out.add(new Problem("surface", e.getMessage()));
        }
        check(out, "speed", () -> speed(s.speed()));
        check(out, "stepLimit", () -> stepLimit(s.stepLimit()));
        check(out, "colorMap", () -> colorMap(s.colorMap()));
        if (s.view() != null) {
            check(out, "view", () -> s.view().toViewport());
        }
        if (s.runs().size() > SessionConfig.MAX_RUNS) {
            out.add(new Problem("runs", "Invalid number of runs: " + s.runs().size() + " (at most " + SessionConfig.MAX_RUNS + ")"));
        }
        for (int i = 0; i < s.runs().size(); i++) {
            out.addAll(run(runField(i, s.runs().get(i).name()), surface, s.runs().get(i)).problems());
        }
        if (s.basinMap() != null) {
            check(out, "basinMap.steps", () -> mapSteps(s.basinMap().steps()));
        }
        return out;
    }

    /** @throws IllegalArgumentException unless 1 ≤ n ≤ {@link BasinMapConfig#MAX_STEPS} */
    public static int mapSteps(long n) {
        if (n < 1 || n > BasinMapConfig.MAX_STEPS) {
            throw new IllegalArgumentException("Invalid map steps: " + n + " (a whole number from 1 to " + BasinMapConfig.MAX_STEPS + ")");
        }
        return (int) n;
    }

    /** A run's problems and, when it has none, its spec: what checking it built, so nothing builds it again. */
    public record Checked(RunSpec spec, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Every problem of one run, addressed under {@code prefix} ({@link #runField}); a missing start or
     * colour is not a problem (opening fills them in). With a surface, the run is also built — its
     * optimizer, schedule and noise, once — and the spec is returned.
     */
    public static Checked run(String prefix, Surface surface, RunConfig r) {
        List<Problem> out = new ArrayList<>();
        if (r.optimizer() == null || r.optimizer().isBlank()) {
            out.add(new Problem(prefix + ".optimizer", "Invalid optimizer: none given"));
        }
        if (r.color() != null) {
            check(out, prefix + ".color", () -> color(r.color()));
        }
        if (r.start() != null) {
            check(out, prefix + ".start", () -> start(r.start()));
        }
        check(out, prefix + ".noise", () -> noiseKind(r.noise()));
        check(out, prefix + ".sigma", () -> sigma(r.sigma()));
        if (r.clipNorm() != null) {
            check(out, prefix + ".clipNorm", () -> dev.descent.math.GradientClip.check(r.clipNorm()));
        }
        if (r.batchSize() != null && r.batchSize() < 1) {
            out.add(new Problem(prefix + ".batchSize", "Invalid batch size: " + r.batchSize() + " (must be at least 1)"));
        }
        RunSpec spec = null;
        if (out.isEmpty() && surface != null) {
            try {
                spec = r.toRunSpec(surface);
            } catch (IllegalArgumentException e) {
                out.add(new Problem(prefix, e.getMessage()));
            }
        }
        return new Checked(spec, List.copyOf(out));
    }

    /** How a run is addressed in problems: {@code run 2 ('Adam')}, counting from 1 as the window does. */
    public static String runField(int index, String name) {
        return "run " + (index + 1) + (name == null || name.isBlank() ? "" : " ('" + name + "')");
    }

    /** All problems in one message, one per line. */
    public static String describe(List<Problem> problems) {
        return String.join("\n", problems.stream().map(Problem::toString).toList());
    }

    /** Runs one check; its refusal becomes a problem of {@code field}. Modified: {@code out}. */
    static void check(List<Problem> out, String field, Runnable c) {
        try {
            c.run();
        } catch (IllegalArgumentException e) {
            out.add(new Problem(field, e.getMessage()));
        }
    }
}
