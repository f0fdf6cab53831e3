package dev.descent.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a lesson consists of: the surface, the runs ({@link RunConfig}), playback and view
 * settings. Plain, immutable data with no JavaFX, written and read as JSON (the remembered session,
 * presets, session files) and built from the command line ({@code cli.RunOptions}). Missing values
 * take sensible defaults in the compact constructor; {@link ConfigChecks#session} lists every problem.
 *
 * <p>Room to grow: lessons (beats), overlays and export annotations are further components, each
 * with its default here, a {@code with...} method and its check in {@link ConfigChecks}.
 *
 * @param title        a lesson title (presets), may be null
 * @param description  what the lesson shows, one or two sentences, may be null
 * @param surface      a surface id
 * @param surfaceParams the surface's parameter values
 * @param runs         up to {@link #MAX_RUNS} runs
 * @param speed        steps per second while playing
 * @param stepLimit    runs stop after this many steps
 * @param view         the visible part of the plane; null means the surface's default view
 * @param colorMap     colour map name (viridis, cividis, magma, inferno, grey)
 * @param contourLines whether contour lines are drawn over the filled contours
 * @param gradientField whether the gradient-field arrows are drawn
 * @param trail        how many recent steps of each path are drawn; 0 = the whole path
 * @param applyFromCurrentPoint whether setting changes go on from the current point instead of restarting
 * @param basinMap     the basin map drawn under the plot, or null for none
 */
public record SessionConfig(String title, String description, String surface, Map<String, Object> surfaceParams,
                      List<RunConfig> runs, double speed, long stepLimit, ViewBox view, String colorMap,
                      Boolean contourLines, Boolean gradientField, int trail, Boolean applyFromCurrentPoint,
                      BasinMapConfig basinMap) {

    public static final int MAX_RUNS = 8;

    public SessionConfig {
        surface = surface == null || surface.isBlank() ? "rosenbrock" : surface;
        surfaceParams = surfaceParams == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(surfaceParams));
        runs = runs == null ? List.of() : List.copyOf(runs);
        speed = speed > 0 && Double.isFinite(speed) ? speed : 100;
        stepLimit = stepLimit > 0 ? stepLimit : 10_000;
        colorMap = colorMap == null || colorMap.isBlank() ? "viridis" : colorMap;
        contourLines = contourLines == null ? Boolean.TRUE : contourLines;
        gradientField = gradientField == null ? Boolean.FALSE : gradientField;
        trail = Math.max(0, trail);
        applyFromCurrentPoint = applyFromCurrentPoint == null ? Boolean.FALSE : applyFromCurrentPoint;
        basinMap = basinMap == null ? null : basinMap.fitTo(runs.size());
    }

    /** A session without a basin map. */
    public SessionConfig(String title, String description, String surface, Map<String, Object> surfaceParams,
                         List<RunConfig> runs, double speed, long stepLimit, ViewBox view, String colorMap,
                         Boolean contourLines, Boolean gradientField, int trail, Boolean applyFromCurrentPoint) {
        this(title, description, surface, surfaceParams, runs, speed, stepLimit, view, colorMap, contourLines, gradientField,
                trail, applyFromCurrentPoint, null);
    }

    public SessionConfig withRuns(List<RunConfig> r) {
        return new SessionConfig(title, description, surface, surfaceParams, r, speed, stepLimit, view, colorMap, contourLines,
                gradientField, trail, applyFromCurrentPoint, basinMap);
    }

    public SessionConfig withSurface(String id, Map<String, Object> params, List<RunConfig> r, ViewBox v) {
        return new SessionConfig(title, description, id, params, r, speed, stepLimit, v, colorMap, contourLines,
                gradientField, trail, applyFromCurrentPoint, basinMap);
    }

    public SessionConfig withSpeed(double s) {
        return new SessionConfig(title, description, surface, surfaceParams, runs, s, stepLimit, view, colorMap, contourLines,
                gradientField, trail, applyFromCurrentPoint, basinMap);
    }

    public SessionConfig withStepLimit(long s) {
        return new SessionConfig(title, description, surface, surfaceParams, runs, speed, s, view, colorMap, contourLines,
                gradientField, trail, applyFromCurrentPoint, basinMap);
    }

    public SessionConfig withView(ViewBox v) {
        return new SessionConfig(title, description, surface, surfaceParams, runs, speed, stepLimit, v, colorMap, contourLines,
                gradientField, trail, applyFromCurrentPoint, basinMap);
    }

    public SessionConfig withLook(String map, boolean lines, boolean field, int trailSteps) {
        return new SessionConfig(title, description, surface, surfaceParams, runs, speed, stepLimit, view, map, lines,
                field, trailSteps, applyFromCurrentPoint, basinMap);
    }

    public SessionConfig withApplyFromCurrentPoint(boolean b) {
        return new SessionConfig(title, description, surface, surfaceParams, runs, speed, stepLimit, view, colorMap, contourLines,
                gradientField, trail, b, basinMap);
    }

    public SessionConfig withTitle(String t, String d) {
        return new SessionConfig(t, d, surface, surfaceParams, runs, speed, stepLimit, view, colorMap, contourLines,
                gradientField, trail, applyFromCurrentPoint, basinMap);
    }

    /** The session with this basin map under its plot; null: none. */
    public SessionConfig withBasinMap(BasinMapConfig m) {
        return new SessionConfig(title, description, surface, surfaceParams, runs, speed, stepLimit, view, colorMap, contourLines,
                gradientField, trail, applyFromCurrentPoint, m);
    }
}
