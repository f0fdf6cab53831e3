package dev.descent.export;

import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.session.SessionFiles;
import dev.descent.session.Sessions;
import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import dev.descent.render.PlotPainter;
import dev.descent.sim.Command;
import dev.descent.sim.Engine;
import dev.descent.sim.History;
import dev.descent.sim.RunFrame;
import dev.descent.sim.RunStatus;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's runs simulated for an export by the window's own {@link Engine}, so the numbers (and
 * where a run stops: converged, diverged, step limit) are the window's and {@code trace}'s. Every
 * run of the session is simulated; {@link #shown()} are the visible ones.
 */
public final class ExportRuns {

    /** The most steps an export simulates (the engine keeps every row up to here). */
    public static final long MAX_STEPS = 200_000;

    private final SessionConfig session;
    private final Surface surface;
    private final Viewport viewport;
    private final long steps;
    private final List<SimulatedRun> runs;

    private ExportRuns(SessionConfig session, Surface surface, Viewport viewport, long steps, List<SimulatedRun> runs) {
        this.session = session;
        this.surface = surface;
        this.viewport = viewport;
        this.steps = steps;
        this.runs = runs;
    }

    /**
     * Validates the session (as a session file is validated) and simulates every run for
     * {@code steps} steps.
     *
     * @throws IllegalArgumentException naming what is wrong with the session or the step count
     */
    public static ExportRuns simulate(SessionConfig session, long steps) {
        if (steps < 0 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be between 0 and " + MAX_STEPS + ", got " + steps);
        }
        Sessions.Opened opened = Sessions.open(SessionFiles.validate(session)); // each run built once
        SessionConfig s = opened.session();
        Surface surface = opened.surface();
        Viewport view = s.view() == null ? surface.defaultViewport() : s.view().toViewport();
        List<Command.RunConfig> configs = new ArrayList<>();
        for (int i = 0; i < s.runs().size(); i++) {
            configs.add(new Command.RunConfig(i + 1, opened.specs().get(i)));
        }
        // a history long enough never to thin: row i is step i in frames and in the CSV
        Engine engine = new Engine(surface, (int) steps + 2);
        engine.apply(new Command.Load(configs));
        engine.apply(new Command.SetStepLimit(Math.max(1, steps)));
        if (steps > 0) {
            engine.step(steps);
        }
        List<RunFrame> frames = engine.frame().runs();
        List<SimulatedRun> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            RunFrame f = frames.get(i);
            RunConfig m = s.runs().get(i);
            History.Snapshot h = f.history();
            int rows = h.rows();
            int first = Engine.CHANNELS.size();
            double[][] probes = new double[2 * f.probeNames().size()][];
            for (int c = 0; c < probes.length; c++) {
                probes[c] = h.channel(first + c);
            }
            double[][] costs = {h.channel(Engine.UPHILL), h.channel(Engine.FUNCTION_EVALUATIONS),
                    h.channel(Engine.GRADIENT_EVALUATIONS), h.channel(Engine.BATCH_LOSS), h.channel(Engine.GRAD_ERROR),
                    h.channel(Engine.EPOCH)};
            out.add(new SimulatedRun(m, Color.decode(m.color()), m.name(), h.channel(1), h.channel(2), h.channel(3), rows,
                    f.status() == RunStatus.DIVERGED, f.probeNames(), probes, f.status(), costs,
                    PlotPainter.legendLabel(m.name(), configs.get(i).spec().optimizer().label())));
        }
        return new ExportRuns(s, surface, view, steps, List.copyOf(out));
    }

    /** The validated session, with starts, colours and names filled in. */
    public SessionConfig session() {
        return session;
    }

    public Surface surface() {
        return surface;
    }

    public Viewport viewport() {
        return viewport;
    }

    public long steps() {
        return steps;
    }

    /** Every run, in the session's order. */
    public List<SimulatedRun> all() {
        return runs;
    }

    /** The visible runs, in the session's order. */
    public List<SimulatedRun> shown() {
        return runs.stream().filter(r -> r.model().shown()).toList();
    }
}
