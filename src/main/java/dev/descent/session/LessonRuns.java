package dev.descent.session;

import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A lesson's runs by name, simulated headless on demand and kept for the claims and beats that read them. */
public final class LessonRuns {

    /** As the engine's bound (sim.Engine.BOUND_FACTOR, package-private there). */
    static final double BOUND_FACTOR = 100;

    private final SessionConfig session;
    private final Surface surface;
    private final Viewport view;
    private final Map<String, RunConfig> byName = new LinkedHashMap<>();
    private final Map<String, RunPath> paths = new HashMap<>();

    public LessonRuns(SessionConfig session) {
        this.session = session;
        this.surface = Sessions.surface(session);
        this.view = session.view() == null ? surface.defaultViewport() : session.view().toViewport();
        for (RunConfig r : session.runs()) {
            byName.put(r.name(), r);
        }
    }

    public SessionConfig session() {
        return session;
    }

    /** The part of the plane the lesson shows. */
    public Viewport view() {
        return view;
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** @throws IllegalArgumentException naming the run when the lesson has no run of that name */
    public RunConfig model(String name) {
        RunConfig r = byName.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no run named '" + name + "' (runs: " + String.join(", ", byName.keySet()) + ")");
        }
        return r;
    }

    /** The run's path over {@code steps} steps (fewer when it diverges). */
    public RunPath path(String name, long steps) {
        RunPath p = paths.get(name);
        if (p == null || (p.lastStep() < steps && p.firstNonFinite() < 0)) {
            p = RunPath.simulate(model(name).toRunSpec(surface), steps);
            paths.put(name, p);
        }
        return p.upTo(steps);
    }

    /**
     * The first step at which the run has diverged as the window's engine decides it: a non-finite
     * value, or farther than {@value #BOUND_FACTOR} view sizes from the centre of the surface's
     * default view. -1 when it has not.
     */
    public long firstDiverged(RunPath p) {
        Viewport v = surface.defaultViewport();
        double cx = (v.xMin() + v.xMax()) / 2;
        double cy = (v.yMin() + v.yMax()) / 2;
        double bound = BOUND_FACTOR * Math.max(v.width(), v.height());
        for (int i = 0; i < p.rows(); i++) {
            if (!p.finite(i) || Math.abs(p.x(i) - cx) > bound || Math.abs(p.y(i) - cy) > bound) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The same run on the surface rotated by {@code angle} degrees about the origin, its start
     * rotated with it: the same problem in other coordinates.
     */
    public RunPath rotated(String name, double angle, long steps) {
        Map<String, Object> params = new LinkedHashMap<>(session.surfaceParams());
        Object base = params.getOrDefault("angle", 0.0);
        double baseAngle = base instanceof Number n ? n.doubleValue() : 0;
        params.put("angle", baseAngle + angle);
        Surface turned = Sessions.surface(session.withSurface(session.surface(), params, session.runs(), session.view()));
        RunConfig m = model(name);
        double rad = Math.toRadians(angle);
        double x = m.x0() * Math.cos(rad) - m.y0() * Math.sin(rad);
        double y = m.x0() * Math.sin(rad) + m.y0() * Math.cos(rad);
        return RunPath.simulate(m.withStart(x, y).toRunSpec(turned), steps);
    }
}
