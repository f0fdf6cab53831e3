package dev.descent.render;

import dev.descent.math.CriticalPoint;

import dev.descent.math.Viewport;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Composes a frame: the cached {@link StaticLayer} of a {@link Scene}, then the runs' trajectories
 * and markers, then the legend, into any {@link Graphics2D} (a {@code BufferedImage}'s for export
 * and tests, FXGraphics2D over a JavaFX canvas for the window).
 *
 * <p>Typical use:
 * <pre>{@code
 * // export: one layer, many frames
 * StaticLayer layer = StaticLayer.render(new Scene(surface, viewport, 1280, 720, settings));
 * BufferedImage frame = ScenePainter.renderFrame(layer, runs, OverlaySettings.DEFAULT);
 *
 * // window: recompute the layer off the FX thread when the scene changes,
 * // paint every pulse with the newest layer ready
 * ScenePainter painter = new ScenePainter();
 * painter.prepareAsync(scene, backgroundExecutor);                  // on change
 * ScenePainter.paintFrame(fxg2d, painter.latest(), viewNow, runs, overlay); // on pulse
 * }</pre>
 *
 * The static methods are pure; an instance only caches the newest layer (thread-safe).
 */
public final class ScenePainter {

    private final AtomicReference<StaticLayer> latest = new AtomicReference<>();
    private final AtomicReference<Scene> pending = new AtomicReference<>();

    /** The most recently computed layer, or null before the first. */
    public StaticLayer latest() {
        return latest.get();
    }

    /**
     * The layer for this scene: the cached one when the scene is unchanged, else computed now on
     * the calling thread (and cached).
     */
    public StaticLayer layer(Scene scene) {
        StaticLayer l = latest.get();
        if (l != null && l.scene().equals(scene)) {
            return l;
        }
        StaticLayer fresh = StaticLayer.render(scene);
        latest.set(fresh);
        return fresh;
    }

    /**
     * Computes the scene's layer on the executor (unless it is already the cached one) and caches
     * it when done, unless a newer scene was asked for meanwhile. The future gives the layer
     * computed for this scene, or null when a newer request superseded it before it started (then
     * nothing was computed).
     */
    public CompletableFuture<StaticLayer> prepareAsync(Scene scene, Executor executor) {
        Objects.requireNonNull(scene, "scene");
        StaticLayer l = latest.get();
        if (l != null && l.scene().equals(scene)) {
            return CompletableFuture.completedFuture(l);
        }
        pending.set(scene);
        return CompletableFuture.supplyAsync(() -> {
            if (pending.get() != scene) {
                return null; // superseded before it started
            }
            StaticLayer fresh = StaticLayer.render(scene);
            if (pending.get() == scene) {
                latest.set(fresh);
            }
            return fresh;
        }, executor);
    }

    /** Computes (or reuses) the layer and paints a whole frame. */
    public void paint(Graphics2D g, Scene scene, List<TrajectorySnapshot> runs, OverlaySettings overlay) {
        paintFrame(g, layer(scene), runs, overlay);
    }

    /** A new opaque image of the frame: the export path. */
    public static BufferedImage renderFrame(StaticLayer layer, List<TrajectorySnapshot> runs, OverlaySettings overlay) {
        BufferedImage img = new BufferedImage(layer.width(), layer.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = DirectPixels.createGraphics(img);
        try {
            paintFrame(g, layer, runs, overlay);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Paints the layer, then the runs and the legend on top. */
    public static void paintFrame(Graphics2D g, StaticLayer layer, List<TrajectorySnapshot> runs, OverlaySettings overlay) {
        g.drawImage(layer.image(), 0, 0, null);
        paintOverlay(g, layer.transform(), layer.style(), runs, overlay);
    }

    /**
     * Paints a frame for the viewport the user sees now, which may differ from the layer's while a
     * new layer is being computed (dragging, zooming): the layer's plot is stretched to where its
     * viewport falls in the current one, the axes are drawn for the current viewport, and the runs
     * are placed exactly. With {@code current} null or equal to the layer's viewport this is
     * {@link #paintFrame(Graphics2D, StaticLayer, List, OverlaySettings)}.
     */
    public static void paintFrame(Graphics2D g, StaticLayer layer, Viewport current, List<TrajectorySnapshot> runs,
            OverlaySettings overlay) {
        if (current == null || current.equals(layer.viewport())) {
            paintFrame(g, layer, runs, overlay);
            return;
        }
        PlotTransform old = layer.transform();
        PlotTransform now = old.withViewport(current);
        Style s = layer.style();
        Saved saved = new Saved(g);
        try {
            Style.applyHints(g);
            g.setColor(s.background());
            g.fillRect(0, 0, layer.width(), layer.height());
            if (layer.colorBar() != null) {
                // the bar and its labels, unchanged, from the old layer
                int x0 = (int) Math.floor(layer.colorBar().getX() - s.px(2));
                BufferedImage right = layer.image().getSubimage(x0, 0, layer.width() - x0, layer.height());
                g.drawImage(right, x0, 0, null);
            }
            g.clip(now.plotArea());
            g.setColor(new java.awt.Color(ColorMap.BAD_ARGB));
            g.fill(now.plotArea());
            // old pixel → data → new pixel is a scale and a shift
            double kx = now.scaleX() / old.scaleX();
            double ky = now.scaleY() / old.scaleY();
            Rectangle2D src = old.plotArea();
            double dx = now.toPixelX(old.toDataX(src.getX()));
            double dy = now.toPixelY(old.toDataY(src.getY()));
            AffineTransform at = new AffineTransform(kx, 0, 0, ky, dx, dy);
            BufferedImage plot = layer.image().getSubimage((int) src.getX(), (int) src.getY(), (int) src.getWidth(), (int) src.getHeight());
            g.drawImage(plot, at, null);
            g.setClip(saved.clip);
            if (layer.scene().settings().axes()) {
                AxesPainter.paint(g, now, s, layer.scene().surface().axisLabels());
            }
        } finally {
            saved.restore(g);
        }
        paintOverlay(g, now, s, runs, overlay);
    }

    /**
     * Paints only the moving parts over an already drawn background: trajectories (in list order,
     * later runs on top), their markers, and the legend. Restores the Graphics2D's hints, clip,
     * paint, stroke and font.
     */
    public static void paintOverlay(Graphics2D g, PlotTransform t, Style s, List<TrajectorySnapshot> runs,
            OverlaySettings overlay) {
        paintOverlay(g, t, s, runs, overlay, -1);
    }

    /**
     * As {@link #paintOverlay(Graphics2D, PlotTransform, Style, List, OverlaySettings)}, with run
     * {@code selected} (an index into {@code runs}, or -1) drawn last and thicker, so the run being
     * tuned stays visible in a crowded race; the legend keeps the list order.
     */
    public static void paintOverlay(Graphics2D g, PlotTransform t, Style s, List<TrajectorySnapshot> runs,
            OverlaySettings overlay, int selected) {
        paintOverlay(g, t, s, runs, overlay, selected, null);
    }

    /**
     * As {@link #paintOverlay(Graphics2D, PlotTransform, Style, List, OverlaySettings, int)}, with
     * runs whose paths are already traced: {@code traced} is parallel to {@code runs}, a null list or
     * entry meaning "trace the snapshot's points now". A traced path is drawn as it is (the trail
     * length does not apply to it).
     */
    public static void paintOverlay(Graphics2D g, PlotTransform t, Style s, List<TrajectorySnapshot> runs,
            OverlaySettings overlay, int selected, List<PathTracer> traced) {
        paintOverlay(g, t, s, runs, overlay, selected, traced, null);
    }

    /**
     * As {@link #paintOverlay(Graphics2D, PlotTransform, Style, List, OverlaySettings, int, List)},
     * drawing each traced line only from stored point {@code linesFrom[i]} on: the window keeps the
     * finished part of every line in a cached layer under this overlay. Null: whole lines.
     */
    public static void paintOverlay(Graphics2D g, PlotTransform t, Style s, List<TrajectorySnapshot> runs,
            OverlaySettings overlay, int selected, List<PathTracer> traced, int[] linesFrom) {
        paintOverlay(g, t, s, runs, overlay, selected, traced, linesFrom, null, null);
    }

    /**
     * As {@link #paintOverlay(Graphics2D, PlotTransform, Style, List, OverlaySettings, int, List, int[])},
     * the legend with a key to the plot's marks: the stationary points {@code marks} shown on the plot
     * and the run marks drawn (null: no key, as exported frames have it), and the
     * legend placed at {@code legendAt} (its top-left corner as fractions of the plot area; null: the
     * corner that hides least of the paths).
     *
     * @return the legend's box, or null when none was drawn
     */
    public static Rectangle2D paintOverlay(Graphics2D g, PlotTransform t, Style s, List<TrajectorySnapshot> runs,
            OverlaySettings overlay, int selected, List<PathTracer> traced, int[] linesFrom,
            List<CriticalPoint.Kind> marks, java.awt.geom.Point2D legendAt) {
        if (runs == null || runs.isEmpty()) {
            return null;
        }
        Rectangle2D legendBox = null;
        OverlaySettings o = overlay == null ? OverlaySettings.DEFAULT : overlay;
        Saved saved = new Saved(g);
        try {
            Style.applyHints(g);
            TrajectoryPainter.Markers markers = new TrajectoryPainter.Markers(o.startMarkers(), o.headMarkers());
            boolean[] diverged = new boolean[runs.size()];
            boolean uphill = false;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < runs.size(); i++) {
                    if ((i == selected) != (pass == 1)) {
                        continue;
                    }
                    TrajectorySnapshot run = runs.get(i);
                    PathTracer path = traced == null ? null : traced.get(i);
                    TrajectorySnapshot r = o.trailLength() > 0 && path == null ? run.withTrail(o.trailLength()) : run;
                    float width = lineWidth(o, i == selected);
                    int from = path != null && linesFrom != null ? linesFrom[i] : 0;
                    PathTracer drawn = path != null ? path : TrajectoryPainter.traced(t, r);
                    diverged[i] = TrajectoryPainter.paint(g, t, r, drawn, from, width, markers, s);
                    uphill |= drawn.uphillMarks().count() > 0;
                }
            }
            List<double[]> pixels = null;
            if (selected >= 0 && selected < runs.size() && runs.size() > 1) {
                // a run on the same path as the selected one would vanish under its thicker line:
                // draw it again, dashed, on top, so both show
                pixels = pathPixels(t, runs, traced);
                for (int i = 0; i < runs.size(); i++) {
                    if (i != selected && samePath(pixels.get(i), pixels.get(selected))) {
                        TrajectoryPainter.paintDashed(g, t, runs.get(i), traced == null ? null : traced.get(i),
                                lineWidth(o, false), s);
                    }
                }
            }
            if (o.legend()) {
                List<LegendPainter.Entry> entries = new ArrayList<>(runs.size());
                for (int i = 0; i < runs.size(); i++) {
                    TrajectorySnapshot run = runs.get(i);
                    if (!run.label().isBlank()) {
                        entries.add(new LegendPainter.Entry(run.color(), run.label(), diverged[i]));
                    }
                }
                if (!entries.isEmpty()) {
                    List<MarkerPainter.Glyph> keys = marks == null ? List.of() : keys(marks, o, diverged, uphill);
                    LegendPainter.Corner corner = legendAt != null ? o.legendCorner()
                            : LegendPainter.leastCovered(g, t.plotArea(), entries, keys, o.legendCorner(), s,
                                    pixels != null ? pixels : pathPixels(t, runs, traced));
                    legendBox = LegendPainter.paint(g, t.plotArea(), entries, keys, corner, legendAt, s);
                }
            }
        } finally {
            saved.restore(g);
        }
        return legendBox;
    }

    /** What the legend's key explains: the kinds of stationary points shown, then the run marks drawn. */
    static List<MarkerPainter.Glyph> keys(List<CriticalPoint.Kind> marks, OverlaySettings o, boolean[] diverged,
            boolean uphill) {
        java.util.EnumSet<MarkerPainter.Glyph> set = java.util.EnumSet.noneOf(MarkerPainter.Glyph.class);
        for (CriticalPoint.Kind k : marks) {
            set.add(MarkerPainter.Glyph.of(k));
        }
        if (o.startMarkers()) {
            set.add(MarkerPainter.Glyph.START);
        }
        if (o.headMarkers()) {
            set.add(MarkerPainter.Glyph.HEAD);
        }
        if (uphill) {
            set.add(MarkerPainter.Glyph.UPHILL);
        }
        for (boolean d : diverged) {
            if (d) {
                set.add(MarkerPainter.Glyph.DIVERGED);
            }
        }
        return List.copyOf(set);
    }

    /** The kinds of the layer's stationary points marked inside viewport {@code t} (none when they are not drawn). */
    public static List<CriticalPoint.Kind> marksInView(StaticLayer layer, PlotTransform t) {
        if (!layer.scene().settings().criticalPoints()) {
            return List.of();
        }
        List<CriticalPoint.Kind> out = new ArrayList<>();
        for (CriticalPoint p : layer.scene().surface().criticalPoints()) {
            if (t.viewport().contains(p.x(), p.y()) && !out.contains(p.kind())) {
                out.add(p.kind());
            }
        }
        return out;
    }

    /** Whether two runs' pixel paths ({@link #pathPixels}) coincide within half a pixel. */
    static boolean samePath(double[] a, double[] b) {
        if (a.length != b.length || a.length <= 2) {
            return false;
        }
        for (int k = 0; k < a.length; k++) {
            if (!(Math.abs(a[k] - b[k]) <= 0.5)) {
                return false;
            }
        }
        return true;
    }

    /** Every run's drawn points and start in pixels, for placing the legend where it hides least. */
    private static List<double[]> pathPixels(PlotTransform t, List<TrajectorySnapshot> runs, List<PathTracer> traced) {
        List<double[]> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            TrajectorySnapshot run = runs.get(i);
            PathTracer path = traced == null ? null : traced.get(i);
            double[] xy;
            if (path != null) {
                xy = new double[2 * path.stored() + 2];
                for (int k = 0; k < path.stored(); k++) {
                    xy[2 * k] = path.storedX(k);
                    xy[2 * k + 1] = path.storedY(k);
                }
            } else {
                int all = Math.max(0, run.count() - run.from());
                int stride = Math.max(1, all / 4096); // a sample is enough to compare corners
                int n = all / stride;
                xy = new double[2 * n + 2];
                for (int k = 0; k < n; k++) {
                    xy[2 * k] = t.toPixelX(run.xs()[run.from() + k * stride]);
                    xy[2 * k + 1] = t.toPixelY(run.ys()[run.from() + k * stride]);
                }
            }
            xy[xy.length - 2] = t.toPixelX(run.startX());
            xy[xy.length - 1] = t.toPixelY(run.startY());
            out.add(xy);
        }
        return out;
    }

    /** The width a run's line is drawn with: the selected run's is thicker. */
    public static float lineWidth(OverlaySettings o, boolean selected) {
        return selected ? o.lineWidth() * 1.6f : o.lineWidth();
    }

    /**
     * The state the painters change, saved and restored by hand rather than through
     * {@code Graphics.create()}, which FXGraphics2D copies only partly (it shares one JavaFX
     * GraphicsContext, whose clip lives on a save/restore stack).
     */
    private static final class Saved {
        final Shape clip;
        final java.awt.RenderingHints hints;
        final java.awt.Paint paint;
        final java.awt.Stroke stroke;
        final java.awt.Font font;

        Saved(Graphics2D g) {
            clip = g.getClip();
            hints = g.getRenderingHints();
            paint = g.getPaint();
            stroke = g.getStroke();
            font = g.getFont();
        }

        void restore(Graphics2D g) {
            g.setClip(clip);
            if (hints != null) {
                g.setRenderingHints(hints);
            }
            g.setPaint(paint);
            g.setStroke(stroke);
            g.setFont(font);
        }
    }
}
