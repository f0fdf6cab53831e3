package dev.descent.export.session;

import dev.descent.math.GradientNoise;
import dev.descent.math.Surface;
import dev.descent.math.SurfaceKind;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerKind;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedule;
import dev.descent.optim.Schedules;
import dev.descent.sim.RunSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading, writing and resolving sessions: JSON, defaults, and run specs for the simulation. */
public final class Sessions {

    /** The preset that a first start and "Reset to default" open. */
    public static final String DEFAULT_PRESET = "rosenbrock-race";

    private Sessions() {
    }

    /** The session as JSON with the format version (see {@link SessionFiles}). */
    public static String toJson(Session s) {
        return SessionFiles.toJson(s);
    }

    /**
     * Reads a session leniently (the window's remembered session): unknown fields are ignored and
     * unusable runs are left out later by {@link #open}. Session files and presets are read
     * strictly by {@link SessionFiles#read(Path)}.
     */
    public static Session read(InputStream in) throws IOException {
        return SessionFiles.readLenient(in);
    }

    /** Writes through a temporary file and an atomic move. */
    public static void write(Session s, Path file) throws IOException {
        SessionFiles.write(s, file);
    }

    /** The default lesson: the Rosenbrock race preset, or a single SGD run when it cannot be read. */
    public static Session defaultSession() {
        try {
            return Presets.load(DEFAULT_PRESET).session();
        } catch (RuntimeException e) {
            Surface s = Surfaces.create("rosenbrock");
            double[] p = s.suggestedStart();
            return new Session("Rosenbrock", null, "rosenbrock", Map.of(),
                    List.of(RunModel.of("SGD", Palette.RUN_COLORS.get(0), "sgd", Map.of("lr", 0.001), p[0], p[1])),
                    200, 10_000, null, null, null, null, 0, null);
        }
    }

    /** What opening a session found: the session to use (with unusable runs left out) and why they were left out. */
    public record Opened(Session session, List<String> problems) {
    }

    /**
     * Makes a session ready to use: fills in starts, colours and names, and leaves out (with a
     * message) runs that cannot be built — an optimizer this version does not have, an invalid
     * value — so that one bad run never keeps a lesson from opening.
     *
     * @throws IllegalArgumentException when the surface itself cannot be built
     */
    public static Opened open(Session s) {
        Surface surface = surface(s);
        List<String> problems = new ArrayList<>();
        List<RunModel> runs = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (RunModel r : s.runs()) {
            if (runs.size() == Session.MAX_RUNS) {
                problems.add("Only " + Session.MAX_RUNS + " runs are shown; the rest were left out.");
                break;
            }
            RunModel m = r;
            if (m.start() == null) {
                double[] p = surface.suggestedStart();
                m = m.withStart(p[0], p[1]);
            }
            if (m.color() == null || !m.color().matches("#[0-9a-fA-F]{6}")) {
                m = m.withColor(Palette.next(used, runs.size()));
            }
            try {
                spec(surface, m);
                if (m.name() == null || m.name().isBlank()) {
                    m = m.withName(Optimizers.find(m.optimizer()).title());
                }
                runs.add(m);
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
        return new Opened(s.withRuns(runs).withView(view), problems);
    }

    /** @throws IllegalArgumentException for an unknown surface or an invalid parameter */
    public static Surface surface(Session s) {
        return Surfaces.find(s.surface()).create(s.surfaceParams());
    }

    /**
     * The simulation's spec of a run on a surface.
     *
     * @throws IllegalArgumentException with the validating code's message for anything invalid
     */
    public static RunSpec spec(Surface surface, RunModel r) {
        if (r.optimizer() == null) {
            throw new IllegalArgumentException("No optimizer given");
        }
        OptimizerKind kind = Optimizers.find(r.optimizer());
        Optimizer o = kind.create(r.hyperparameters());
        o.checkObjective(surface);
        Schedule schedule = Schedules.find(r.schedule()).create(r.scheduleParams());
        GradientNoise.Kind nk = noiseKind(r.noise());
        if (nk == GradientNoise.Kind.MINIBATCH && r.batchSize() == null) {
            throw new IllegalArgumentException("Noise minibatch needs a batch size (batchSize)");
        }
        GradientNoise noise = nk == GradientNoise.Kind.MINIBATCH ? GradientNoise.minibatch(r.batchSize(), r.seed())
                : new GradientNoise(nk, r.sigma(), r.seed());
        double[] p = r.start() == null ? surface.suggestedStart() : r.start();
        return new RunSpec(surface, noise, o, schedule, p[0], p[1], r.clipNorm() == null ? 0 : r.clipNorm());
    }

    public static GradientNoise.Kind noiseKind(String s) {
        try {
            return GradientNoise.Kind.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown noise kind '" + s + "'; known: none, additive, multiplicative, minibatch");
        }
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
