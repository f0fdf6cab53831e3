package dev.descent.session;

import dev.descent.math.Surface;
import dev.descent.math.SurfaceKind;
import dev.descent.math.Surfaces;
import dev.descent.math.Viewport;
import dev.descent.sim.Command;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import dev.descent.sim.RunSpec;
import dev.descent.sim.RunStatus;
import dev.descent.sim.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The session the window shows and the one way to change it: every change is validated by building
 * what the simulation needs, then kept in the (immutable) {@link SessionConfig} and sent to the
 * {@link Simulation} as a command. An invalid change is refused with the validating code's message
 * and changes nothing. No JavaFX: views call the command methods and listen.
 *
 * <p>Called from one thread (the FX thread in the window); listeners run on that thread.
 */
public final class SessionController {

    /** What changed, for listeners that only care about part of it. */
    public enum Change {
        /** a new session: surface, runs and settings may all be different */
        LOADED,
        /** the surface or its parameters */
        SURFACE,
        /** runs added, removed or reordered */
        RUNS,
        /** one run's settings */
        RUN,
        /** the selected run */
        SELECTION,
        /** view, colour map, overlays, trail */
        VIEW,
        /** speed, step limit, apply mode */
        PLAYBACK,
        /** the step the plot shows (a chart was clicked) or back to the newest */
        SCRUB
    }

    public interface Listener {
        void changed(Change change);
    }

    private final Simulation simulation;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private SessionConfig session;
    private Surface surface;
    private final List<Integer> ids = new ArrayList<>();
    private int nextId = 1;
    private int selected = -1;
    private long scrub = -1;
    private final SessionHistory history = new SessionHistory();
    private boolean restartAllOnChange;

    private final List<String> openingProblems;

    public SessionController(Simulation simulation, SessionConfig initial) {
        this.simulation = simulation;
        openingProblems = List.copyOf(load(initial));
    }

    /** What opening the first session left out (runs this build cannot make), empty when all went well. */
    public List<String> openingProblems() {
        return openingProblems;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    private void fire(Change c) {
        for (Listener l : listeners) {
            l.changed(c);
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    public SessionConfig session() {
        return session;
    }

    public Surface surface() {
        return surface;
    }

    public Simulation simulation() {
        return simulation;
    }

    /** The newest frame; never blocks. */
    public Frame latest() {
        return simulation.latest();
    }

    public List<RunConfig> runs() {
        return session.runs();
    }

    public RunConfig run(int index) {
        return session.runs().get(index);
    }

    /** The simulation id of the run at {@code index}. */
    public int id(int index) {
        return ids.get(index);
    }

    /** The run's part of a frame, or null when the frame does not have it yet. */
    public RunFrame frameOf(Frame f, int index) {
        return f == null || index < 0 || index >= ids.size() ? null : f.run(ids.get(index));
    }

    public int indexOfId(int id) {
        return ids.indexOf(id);
    }

    /** Index of the selected run, or -1 when there are none. */
    public int selected() {
        return selected;
    }

    public Viewport viewport() {
        return session.view() == null ? surface.defaultViewport() : session.view().toViewport();
    }

    // ---- whole sessions -----------------------------------------------------------------------

    /**
     * Replaces everything with {@code s} (a preset, the remembered session, the default lesson).
     *
     * @return problems found while opening (runs left out), empty when all went well
     * @throws IllegalArgumentException when the session's surface cannot be built; nothing changes then
     */
    public List<String> load(SessionConfig s) {
        clearScrub();
        Sessions.Opened opened = Sessions.open(s);
        SessionConfig o = opened.session();
        history.clear();
        // the run a saved basin map maps is the selected one, as when it was saved
        install(o, opened.surface(), opened.specs(), o.runs().isEmpty() ? -1 : o.basinMap() != null ? o.basinMap().run() : 0);
        fire(Change.LOADED);
        return opened.problems();
    }

    /** Puts {@code o} in force: the simulation gets its surface and runs again, every run from its start. */
    private void install(SessionConfig o, Surface sf, int select) {
        install(o, sf, o.runs().stream().map(r -> r.toRunSpec(sf)).toList(), select);
    }

    /** As {@link #install(SessionConfig, Surface, int)} with each run's spec already built. */
    private void install(SessionConfig o, Surface sf, List<RunSpec> specs, int select) {
        session = o;
        surface = sf;
        ids.clear();
        List<Command.RunConfig> configs = new ArrayList<>();
        for (RunSpec spec : specs) {
            int id = nextId++;
            ids.add(id);
            configs.add(new Command.RunConfig(id, spec));
        }
        selected = Math.min(select, o.runs().size() - 1);
        double[] p = sf.suggestedStart();
        simulation.submit(new Command.SetSurface(sf, p[0], p[1]));
        simulation.submit(new Command.Load(configs));
        simulation.submit(new Command.SetSpeed(o.speed()));
        simulation.submit(new Command.SetStepLimit(o.stepLimit()));
    }

    // ---- undo, redo and unsaved changes ------------------------------------------------------

    /** Whether a change to the runs or the surface can be undone. */
    public boolean canUndo() {
        return history.canUndo();
    }

    public boolean canRedo() {
        return history.canRedo();
    }

    /** Takes back the last change to the runs, their starts or the surface; false when there is none. */
    public boolean undo() {
        return restore(history.undo(session));
    }

    /** Does again what {@link #undo()} took back; false when there is nothing to redo. */
    public boolean redo() {
        return restore(history.redo(session));
    }

    private boolean restore(SessionConfig s) {
        if (s == null) {
            return false;
        }
        clearScrub();
        // undo is about runs and surfaces: the view, look and playback stay as they are now
        SessionConfig now = session;
        SessionConfig r = s.withSpeed(now.speed()).withStepLimit(now.stepLimit())
                .withLook(now.colorMap(), now.contourLines(), now.gradientField(), now.trail())
                .withApplyFromCurrentPoint(now.applyFromCurrentPoint())
                .withBasinMap(now.basinMap());
        if (r.surface().equals(now.surface()) && r.surfaceParams().equals(now.surfaceParams())) {
            r = r.withView(now.view());
        }
        install(r, Sessions.surface(r), selected < 0 ? 0 : selected);
        fire(Change.LOADED);
        return true;
    }

    /** True when the runs or the surface changed since the session was opened or saved. */
    public boolean hasUnsavedChanges() {
        return history.dirty();
    }

    /** The session as it is now has been written to a file. */
    public void markSaved() {
        history.markSaved();
    }

    // ---- the surface --------------------------------------------------------------------------

    /** Another surface with its default parameters and view; every run starts again at its suggested start. */
    public Optional<String> setSurface(String id) {
        clearScrub();
        try {
            SurfaceKind kind = Surfaces.find(id);
            Surface sf = kind.create();
            double[] p = sf.suggestedStart();
            List<RunConfig> runs = new ArrayList<>();
            List<RunSpec> specs = new ArrayList<>();
            for (RunConfig r : session.runs()) {
                RunConfig m = fitBatch(r.withStart(p[0], p[1]), sf);
                specs.add(m.toRunSpec(sf));
                runs.add(m);
            }
            history.record(session, "surface");
            session = session.withSurface(kind.id(), Map.of(), runs, null);
            surface = sf;
            simulation.submit(new Command.SetSurface(sf, p[0], p[1]));
            fire(Change.SURFACE);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** One surface parameter; the runs keep their starts and start again. */
    public Optional<String> setSurfaceParam(String name, Object value) {
        clearScrub();
        try {
            Map<String, Object> params = new LinkedHashMap<>(session.surfaceParams());
            params.put(name, Values.toJson(value));
            Surface sf = Surfaces.find(session.surface()).create(params);
            // a formula undefined where a run starts would only show NaN and "diverged" badges: say so here
            for (RunConfig r : session.runs()) {
                double f = sf.value(r.x0(), r.y0());
                if (!Double.isFinite(f)) {
                    return Optional.of(sf.formula() + " is not defined at the start (" + dev.descent.math.Params.format(r.x0())
                            + ", " + dev.descent.math.Params.format(r.y0()) + ") of " + r.name() + " (f = " + f
                            + "). Move the starts first, or write a formula defined there.");
                }
            }
            List<RunSpec> specs = new ArrayList<>();
            List<RunConfig> runs = new ArrayList<>();
            for (RunConfig r : session.runs()) {
                RunConfig m = fitBatch(r, sf);
                specs.add(m.toRunSpec(sf));
                runs.add(m);
            }
            history.record(session, "surface:" + name);
            session = session.withSurface(session.surface(), params, runs, session.view());
            surface = sf;
            double[] p = session.runs().isEmpty() ? sf.suggestedStart() : session.runs().get(0).start();
            simulation.submit(new Command.SetSurface(sf, p[0], p[1]));
            for (int i = 0; i < specs.size(); i++) {
                simulation.submit(new Command.UpdateRun(ids.get(i), specs.get(i), true));
            }
            fire(Change.SURFACE);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * A run's minibatches on another surface: none on a surface that is not made from data, and a batch
     * size of at most the new N.
     */
    private static RunConfig fitBatch(RunConfig m, Surface sf) {
        if (!"minibatch".equalsIgnoreCase(m.noise())) {
            return m;
        }
        if (!(sf instanceof dev.descent.math.MinibatchSource data)) {
            return m.withNoise("none", 0, m.seed()).withBatchSize(null);
        }
        return m.batchSize() != null && m.batchSize() > data.size() ? m.withBatchSize(data.size()) : m;
    }

    // ---- runs ---------------------------------------------------------------------------------

    public boolean canAddRun() {
        return session.runs().size() < SessionConfig.MAX_RUNS;
    }

    /** A new run: SGD, or a copy of the selected run's optimizer settings in the next colour. */
    public Optional<String> addRun() {
        if (!canAddRun()) {
            return Optional.of("At most " + SessionConfig.MAX_RUNS + " runs can race at once.");
        }
        double[] p = selected >= 0 ? run(selected).start() : surface.suggestedStart();
        RunConfig r = RunConfig.of(null, nextColor(), "sgd", Map.of(), p[0], p[1]);
        r = r.withName(uniqueName("SGD"));
        return insert(r);
    }

    /** A copy of the run at {@code index}, in the next colour. */
    public Optional<String> duplicateRun(int index) {
        if (!canAddRun()) {
            return Optional.of("At most " + SessionConfig.MAX_RUNS + " runs can race at once.");
        }
        RunConfig r = run(index);
        return insert(r.withColor(nextColor()).withName(uniqueName(r.name())));
    }

    private Optional<String> insert(RunConfig r) {
        RunSpec spec;
        try {
            spec = r.toRunSpec(surface);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        List<RunConfig> runs = new ArrayList<>(session.runs());
        runs.add(r);
        history.record(session, null);
        session = session.withRuns(runs);
        int id = nextId++;
        ids.add(id);
        selected = runs.size() - 1;
        simulation.submit(new Command.AddRun(new Command.RunConfig(id, spec)));
        fire(Change.RUNS);
        return Optional.empty();
    }

    public void removeRun(int index) {
        if (index < 0 || index >= session.runs().size()) {
            return;
        }
        List<RunConfig> runs = new ArrayList<>(session.runs());
        runs.remove(index);
        history.record(session, null);
        session = session.withRuns(runs);
        int id = ids.remove(index);
        if (selected >= runs.size()) {
            selected = runs.size() - 1;
        }
        simulation.submit(new Command.RemoveRun(id));
        fire(Change.RUNS);
    }

    public void select(int index) {
        int i = index < -1 || index >= session.runs().size() ? selected : index;
        if (i != selected) {
            selected = i;
            fire(Change.SELECTION);
        }
    }

    private String nextColor() {
        return Palette.next(session.runs().stream().map(RunConfig::color).toList(), session.runs().size());
    }

    private String uniqueName(String base) {
        return uniqueName(base, -1);
    }

    /** {@code base}, or "base (2)", … : a name no other run than {@code except} has. */
    private String uniqueName(String base, int except) {
        String b = base == null || base.isBlank() ? "Run" : base.replaceFirst(" \\(\\d+\\)$", "");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < session.runs().size(); i++) {
            if (i != except) {
                names.add(session.runs().get(i).name());
            }
        }
        if (!names.contains(b)) {
            return b;
        }
        for (int k = 2; ; k++) {
            String n = b + " (" + k + ")";
            if (!names.contains(n)) {
                return n;
            }
        }
    }

    /**
     * Changes a setting of one run that the simulation depends on (optimizer, hyperparameter,
     * schedule, noise). The run restarts, or goes on from its current point when the session says so.
     *
     * @return the reason when the new settings are invalid; the run then keeps its settings
     */
    public Optional<String> updateRun(int index, UnaryOperator<RunConfig> change) {
        clearScrub();
        RunConfig old = run(index);
        RunConfig r;
        RunSpec spec;
        try {
            r = change.apply(old);
            spec = r.toRunSpec(surface);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        replace(index, r, "run:" + index);
        simulation.submit(new Command.UpdateRun(ids.get(index), spec, restartAllOnChange || !session.applyFromCurrentPoint()));
        if (restartAllOnChange) {
            simulation.submit(new Command.Reset()); // every run from its start: the step counters stay aligned
        }
        fire(Change.RUN);
        return Optional.empty();
    }

    /**
     * Another optimizer for the run at {@code index}. A run still named after its optimizer ("Adam",
     * "Adam (2)") is renamed after the new one; η is carried over when both have one and the new
     * optimizer accepts it, otherwise the new optimizer's default is used and the answer says so.
     *
     * @return a note for the user (η reset) or the reason the change was refused
     */
    public Optional<String> changeOptimizer(int index, String optimizerId) {
        RunConfig old = run(index);
        dev.descent.optim.OptimizerKind from;
        dev.descent.optim.OptimizerKind to;
        try {
            to = dev.descent.optim.Optimizers.find(optimizerId);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        try {
            from = dev.descent.optim.Optimizers.find(old.optimizer());
        } catch (IllegalArgumentException e) {
            from = null;
        }
        String name = old.name();
        if (from != null && name != null && name.matches(java.util.regex.Pattern.quote(from.title()) + "( \\(\\d+\\))?")) {
            name = uniqueName(to.title(), index);
        }
        RunConfig changed = old.withOptimizer(to.id()).withName(name);
        Object lr = lrOf(from, old);
        boolean hasLr = to.params().stream().anyMatch(p -> p.name().equals("lr"));
        String note = null;
        if (lr != null && hasLr) {
            RunConfig carried = changed.withHyperparameter("lr", lr);
            try {
                carried.toRunSpec(surface);
                changed = carried;
            } catch (IllegalArgumentException e) {
                note = "η = " + lr + " does not suit " + to.title() + "; η is reset to its default "
                        + dev.descent.math.Params.format(to.param("lr").defaultValue()) + ".";
            }
        }
        RunConfig result = changed;
        Optional<String> refused = updateRun(index, m -> result);
        return refused.isPresent() ? refused : Optional.ofNullable(note);
    }

    /** The run's η (set or the optimizer's default), or null when its optimizer has none. */
    private static Object lrOf(dev.descent.optim.OptimizerKind kind, RunConfig r) {
        if (kind == null || kind.params().stream().noneMatch(p -> p.name().equals("lr"))) {
            return null;
        }
        Object v = r.hyperparameters().get("lr");
        return v != null ? v : kind.param("lr").defaultValue();
    }

    /** Name, colour, visibility: what only the drawing depends on. */
    public Optional<String> updateRunLook(int index, UnaryOperator<RunConfig> change) {
        RunConfig r = change.apply(run(index));
        if (r.name() == null || r.name().isBlank()) {
            return Optional.of("A run needs a name");
        }
        if (!ConfigChecks.isColor(r.color())) {
            return Optional.of("Invalid colour: " + (r.color() == null ? "none" : "'" + r.color() + "'") + " (expected #rrggbb)");
        }
        replace(index, r, "look:" + index);
        fire(Change.RUN);
        return Optional.empty();
    }

    private void replace(int index, RunConfig r, String key) {
        history.record(session, key);
        List<RunConfig> runs = new ArrayList<>(session.runs());
        runs.set(index, r);
        session = session.withRuns(runs);
    }

    /**
     * Moves the start of every run ({@code index} null) or of one run, and restarts what moved.
     */
    public Optional<String> moveStart(Integer index, double x, double y) {
        clearScrub();
        try {
            ConfigChecks.start(new double[] {x, y});
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        List<RunConfig> runs = new ArrayList<>(session.runs());
        for (int i = 0; i < runs.size(); i++) {
            if (index == null || index == i) {
                runs.set(i, runs.get(i).withStart(x, y));
            }
        }
        history.record(session, "start:" + index);
        session = session.withRuns(runs);
        simulation.submit(new Command.MoveStart(index == null ? null : ids.get(index), x, y));
        fire(Change.RUN);
        return Optional.empty();
    }

    /** Moves the start of the runs at these indices. */
    public void moveStarts(List<Integer> indices, double x, double y) {
        clearScrub();
        if (!Double.isFinite(x) || !Double.isFinite(y) || indices.isEmpty()) {
            return;
        }
        List<RunConfig> runs = new ArrayList<>(session.runs());
        for (int i : indices) {
            runs.set(i, runs.get(i).withStart(x, y));
        }
        history.record(session, "start:" + indices);
        session = session.withRuns(runs);
        if (indices.size() == runs.size()) {
            simulation.submit(new Command.MoveStart(null, x, y));
        } else {
            for (int i : indices) {
                simulation.submit(new Command.MoveStart(ids.get(i), x, y));
            }
        }
        fire(Change.RUN);
    }

    // ---- playback -----------------------------------------------------------------------------

    /** Plays; when every run has already stopped, starts them again first. */
    public void play() {
        clearScrub();
        Frame f = latest();
        boolean anyCanMove = f.runs().stream().anyMatch(r -> r.status() == RunStatus.RUNNING && r.step() < f.stepLimit());
        if (!anyCanMove && !f.runs().isEmpty()) {
            simulation.submit(new Command.Reset());
        }
        simulation.submit(new Command.Play());
    }

    public void pause() {
        simulation.submit(new Command.Pause());
    }

    /** Plays or pauses, after what the newest frame says. */
    public void togglePlay() {
        if (latest().playing()) {
            pause();
        } else {
            play();
        }
    }

    public void stepOnce() {
        clearScrub();
        simulation.submit(new Command.StepOnce());
    }

    public void reset() {
        clearScrub();
        simulation.submit(new Command.Pause());
        simulation.submit(new Command.Reset());
    }

    public Optional<String> setSpeed(double stepsPerSecond) {
        try {
            ConfigChecks.speed(stepsPerSecond);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        session = session.withSpeed(stepsPerSecond);
        simulation.submit(new Command.SetSpeed(stepsPerSecond));
        fire(Change.PLAYBACK);
        return Optional.empty();
    }

    public Optional<String> setStepLimit(long steps) {
        try {
            ConfigChecks.stepLimit(steps);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        session = session.withStepLimit(steps);
        simulation.submit(new Command.SetStepLimit(steps));
        fire(Change.PLAYBACK);
        return Optional.empty();
    }

    /**
     * The step the plot shows instead of the newest one (a chart was clicked there), or -1 when the
     * plot follows the runs.
     */
    public long scrubStep() {
        return scrub;
    }

    /**
     * Shows the runs as they were at {@code step} (pausing them); play, step, reset and any change
     * that restarts runs go back to the newest step. A negative step does that at once.
     */
    public void scrubTo(long step) {
        if (step < 0) {
            clearScrub();
            return;
        }
        if (latest().playing()) {
            pause();
        }
        if (step != scrub) {
            scrub = step;
            fire(Change.SCRUB);
        }
    }

    /** Back to showing the newest step. */
    public void clearScrub() {
        if (scrub >= 0) {
            scrub = -1;
            fire(Change.SCRUB);
        }
    }

    /** Whether a change to one run restarts every run, so all step counters stay aligned for comparison. */
    public boolean restartAllOnChange() {
        return restartAllOnChange;
    }

    public void setRestartAllOnChange(boolean b) {
        restartAllOnChange = b;
        fire(Change.PLAYBACK);
    }

    public void setApplyFromCurrentPoint(boolean b) {
        session = session.withApplyFromCurrentPoint(b);
        fire(Change.PLAYBACK);
    }

    // ---- view ---------------------------------------------------------------------------------

    /** The visible part of the plane; null goes back to the surface's default view. */
    public void setView(Viewport v) {
        session = session.withView(v == null ? null : ViewBox.of(v));
        fire(Change.VIEW);
    }

    public void setLook(String colorMap, boolean contourLines, boolean gradientField, int trail) {
        session = session.withLook(colorMap, contourLines, gradientField, trail);
        fire(Change.VIEW);
    }

    /** The basin map under the plot (null: none); part of the session, so it is saved and opened with it. */
    public void setBasinMap(BasinMapConfig m) {
        if (!java.util.Objects.equals(m, session.basinMap())) {
            session = session.withBasinMap(m);
            fire(Change.VIEW);
        }
    }
}
