package dev.descent.session;

import dev.descent.math.Surface;
import dev.descent.math.SurfaceKind;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizers;
import dev.descent.sim.RunSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading, writing and resolving sessions: JSON, defaults, and run specs for the simulation. */
public final class Sessions {

    /** The preset that a first start and "Reset to default" open. */
    public static final String DEFAULT_PRESET = "rosenbrock-race";

    private Sessions() {
    }

    /** The session as JSON with the format version (see {@link SessionFiles}). */
    public static String toJson(SessionConfig s) {
        return SessionFiles.toJson(s);
    }

    /**
     * Reads a session leniently (the window's remembered session): unknown fields are ignored and
     * unusable runs are left out later by {@link #open}. Session files and presets are read
     * strictly by {@link SessionFiles#read(Path)}.
     */
    public static SessionConfig read(InputStream in) throws IOException {
        return SessionFiles.readLenient(in);
    }

    /** The default lesson: the Rosenbrock race preset, or a single SGD run when it cannot be read. */
    public static SessionConfig defaultSession() {
        try {
            return Presets.load(DEFAULT_PRESET).session();
        } catch (RuntimeException e) {
            Surface s = Surfaces.create("rosenbrock");
            double[] p = s.suggestedStart();
            return new SessionConfig("Rosenbrock", null, "rosenbrock", Map.of(),
                    List.of(RunConfig.of("SGD", Palette.RUN_COLORS.get(0), "sgd", Map.of("lr", 0.001), p[0], p[1])),
                    200, 10_000, null, null, null, null, 0, null);
        }
    }

    /**
     * What opening a session found: the session to use (with unusable runs left out), its surface,
     * each kept run's spec (built once, here, and handed to the simulation as it is) and why runs
     * were left out.
     */
    public record Opened(SessionConfig session, Surface surface, List<RunSpec> specs, List<String> problems) {
        public Opened {
            specs = List.copyOf(specs);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Makes a session ready to use: fills in starts, colours and names, and leaves out (with a
     * message) runs that cannot be built — an optimizer this version does not have, an invalid
     * value — so that one bad run never keeps a lesson from opening.
     *
     * @throws IllegalArgumentException when the surface itself cannot be built
     */
    public static Opened open(SessionConfig s) {
        Surface surface = surface(s);
        List<String> problems = new ArrayList<>();
        List<RunConfig> runs = new ArrayList<>();
        List<RunSpec> specs = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (RunConfig r : s.runs()) {
            if (runs.size() == SessionConfig.MAX_RUNS) {
                problems.add("Only " + SessionConfig.MAX_RUNS + " runs are shown; the rest were left out.");
                break;
            }
            RunConfig m = r;
            if (m.start() == null) {
                double[] p = surface.suggestedStart();
                m = m.withStart(p[0], p[1]);
            }
            if (!ConfigChecks.isColor(m.color())) {
                m = m.withColor(Palette.next(used, runs.size()));
            }
            try {
                RunSpec spec = m.toRunSpec(surface);
                if (m.name() == null || m.name().isBlank()) {
                    m = m.withName(Optimizers.find(m.optimizer()).title());
                }
                runs.add(m);
                specs.add(spec);
                used.add(m.color());
            } catch (RuntimeException e) {
                problems.add("Left out run '" + (r.name() == null ? r.optimizer() : r.name()) + "': " + e.getMessage());
            }
        }
        ViewBox view = s.view();
        if (view != null) {
            try {
                view.toViewport();
            } catch (IllegalArgumentException e) {
                view = null;
            }
        }
        return new Opened(s.withRuns(runs).withView(view), surface, specs, problems);
    }

    /**
     * Fills in what a checked session may leave out, without building any run: a missing start is
     * the surface's suggested one, a missing colour the next free palette colour, a missing name the
     * optimizer's title.
     */
    public static SessionConfig fillIn(SessionConfig s, Surface surface) {
        List<RunConfig> runs = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (RunConfig r : s.runs()) {
            RunConfig m = r;
            if (m.start() == null) {
                double[] p = surface.suggestedStart();
                m = m.withStart(p[0], p[1]);
            }
            if (!ConfigChecks.isColor(m.color())) {
                m = m.withColor(Palette.next(used, runs.size()));
            }
            if (m.name() == null || m.name().isBlank()) {
                m = m.withName(Optimizers.find(m.optimizer()).title());
            }
            runs.add(m);
            used.add(m.color());
        }
        return s.withRuns(runs);
    }

    /** @throws IllegalArgumentException for an unknown surface or an invalid parameter */
    public static Surface surface(SessionConfig s) {
        return Surfaces.find(s.surface()).create(s.surfaceParams());
    }

    /** The surface's title and description for pickers. */
    public static String describe(SurfaceKind k) {
        try {
            return k.create().description();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
