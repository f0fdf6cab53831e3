package dev.descent.export;

import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import dev.descent.render.BasinMapPainter;
import dev.descent.render.ColorMap;
import dev.descent.render.LegendPainter;
import dev.descent.render.MapColors;
import dev.descent.render.PlotTransform;
import dev.descent.render.StaticLayer;
import dev.descent.session.BasinMapConfig;
import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.sim.BasinMap;
import dev.descent.sim.MapResult;
import dev.descent.sim.RunSpec;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A session's basin map as the window draws it under the plot: computed once (it depends on the
 * surface, the mapped run's settings and the view, not on the step) and painted under the contours,
 * the critical points and the runs, with its legend and counts. One builder serves the window's
 * overlay ({@link BasinMapOverlay}) and exported frames ({@link SceneFrames}).
 */
public final class MapUnderlay {

    /** How opaque the map is over the field (the window's). */
    public static final float OPACITY = 0.88f;

    /** Exported maps have at most this many cells a side (a 4K still is not 8 million starts). */
    public static final int MAX_CELLS = 1024;

    /**
     * A computed map ready to paint.
     *
     * @param view   the grid's span: the cells' centres, both ends included
     * @param result the plain map's cells, or the mapped run's when comparing
     * @param cells  the map as an image, a pixel a cell
     * @param legend the legend's rows
     * @param title  the legend's title
     */
    public record Picture(Viewport view, MapResult result, BufferedImage cells, List<BasinMapPainter.Entry> legend, String title) {
    }

    private MapUnderlay() {
    }

    /**
     * Whether the run's map (and the other's) can be batched: elementwise optimizers without
     * noise or clipping step all starts at once; others go start by start (slower).
     */
    public static boolean batched(RunSpec spec, RunSpec other) {
        return fast(spec) && (other == null || fast(other));
    }

    private static boolean fast(RunSpec s) {
        return s.optimizer().isElementwise() && s.noise().isNone() && s.clipNorm() == 0;
    }

    /**
     * Computes the map of {@code run}'s optimizer (compared with {@code other}'s when not null) on
     * a {@code cols}×{@code rows} grid spanning {@code view}.
     *
     * @param refining whether a finer map follows (the title says so)
     * @throws BasinMap.Cancelled when {@code cancelled} turns true
     */
    public static Picture compute(Surface surface, RunConfig run, RunConfig other, Viewport view, int cols, int rows, int steps,
                                  boolean refining, int threads, BooleanSupplier cancelled) {
        RunSpec spec = run.toRunSpec(surface);
        MapResult a = BasinMap.compute(BasinMap.Request.live(spec, view, cols, rows, steps), threads, cancelled);
        String name = run.name();
        if (other != null) {
            RunSpec os = other.toRunSpec(surface);
            MapResult b = BasinMap.compute(BasinMap.Request.live(os, view, cols, rows, steps), threads, cancelled);
            return new Picture(view, a, MapColors.differenceImage(a, b), BasinMapPainter.differenceEntries(a, b, name, other.name()),
                    "Where " + name + " and " + other.name() + " end differently, " + steps + " steps");
        }
        return new Picture(view, a, MapColors.image(a, MapColors.Mode.ENDING, ColorMap.VIRIDIS), BasinMapPainter.entries(a),
                "Basin map of " + name + ": " + spec.optimizer().label() + ", " + steps + " steps" + (refining ? " (refining…)" : ""));
    }

    /**
     * The session's map for a plot drawn as {@code layer}: a start per pixel of the plot (a start
     * per 4×4 pixels for optimizers that go start by start, at most {@link #MAX_CELLS} a side), or
     * null when the session has no map.
     */
    public static Picture of(SessionConfig session, Surface surface, StaticLayer layer, int threads) {
        Rectangle area = layer.transform().plotArea().getBounds();
        return of(session, surface, layer.viewport(), area.width, area.height, threads);
    }

    /** The session's map over {@code view} for a picture {@code width × height} pixels big, or null without a map. */
    public static Picture of(SessionConfig session, Surface surface, Viewport view, int width, int height, int threads) {
        BasinMapConfig m = session.basinMap();
        if (m == null || session.runs().isEmpty()) {
            return null;
        }
        RunConfig run = session.runs().get(m.run());
        RunConfig other = m.compareWith() == null ? null : session.runs().get(m.compareWith());
        boolean batch = batched(run.toRunSpec(surface), other == null ? null : other.toRunSpec(surface));
        int d = batch ? 1 : 4;
        int cols = Math.max(8, Math.min(MAX_CELLS, width / d));
        int rows = Math.max(8, Math.min(MAX_CELLS, height / d));
        return compute(surface, run, other, view, cols, rows, m.steps(), false, threads, () -> false);
    }

    /** The map draped over the 3-D view's relief, painted as on the plot. */
    public static dev.descent.render.ReliefDrape drape(Picture p) {
        return new dev.descent.render.ReliefDrape(p.cells(), p.view(), OPACITY, p.legend(), p.result().cells(), p.title());
    }

    /** Paints the map under the layer's contours and critical points (over its field), and the legend. */
    public static void paint(Graphics2D g, StaticLayer layer, PlotTransform t, Picture p, LegendPainter.Corner corner) {
        paint(g, layer, t, p, t.plotArea(), corner);
    }

    /** As above with the legend in a corner of {@code legendArea}. */
    public static void paint(Graphics2D g, StaticLayer layer, PlotTransform t, Picture p, java.awt.geom.Rectangle2D legendArea,
                             LegendPainter.Corner corner) {
        BasinMapPainter.paint(g, layer, t, p.view(), p.result(), p.cells(), OPACITY, false);
        BasinMapPainter.paintLegend(g, legendArea, p.legend(), p.result().cells(), layer.style(), p.title(), corner);
    }

    /** The layer's image with the map painted in: the background of every exported frame. */
    public static BufferedImage background(StaticLayer layer, Picture p, LegendPainter.Corner corner) {
        BufferedImage img = new BufferedImage(layer.width(), layer.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            dev.descent.render.Style.applyHints(g);
            g.drawImage(layer.image(), 0, 0, null);
            paint(g, layer, layer.transform(), p, corner);
        } finally {
            g.dispose();
        }
        return img;
    }
}
