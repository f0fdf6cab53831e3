package dev.descent.export.session;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading, writing and resolving sessions: JSON, defaults, and run specs for the simulation. */
public final class Sessions {

    /** The preset that a first start and "Reset to default" open. */
    public static final String DEFAULT_PRESET = "rosenbrock-race";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Sessions() {
    }

    public static String toJson(Session s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a session */
    public static Session fromJson(String text) {
        try {
            return JSON.readValue(text, Session.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a Descent session: " + e.getMessage(), e);
        }
    }

    public static Session read(InputStream in) throws IOException {
        return JSON.readValue(in, Session.class);
    }

    public static void write(Session s, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson(s));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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
        GradientNoise noise = new GradientNoise(noiseKind(r.noise()), r.sigma(), r.seed());
        double[] p = r.start() == null ? surface.suggestedStart() : r.start();
        return new RunSpec(surface, noise, o, schedule, p[0], p[1]);
    }

    public static GradientNoise.Kind noiseKind(String s) {
        try {
            return GradientNoise.Kind.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown noise kind '" + s + "'; known: none, additive, multiplicative");
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
