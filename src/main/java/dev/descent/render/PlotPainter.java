package dev.descent.render;

import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the window meets the {@code dev.descent.render} painters, the same ones export uses: it
 * prepares the static layer off the FX thread and paints the background and the moving parts into
 * any {@link Graphics2D} (an FXGraphics2D over the plot's canvases). No JavaFX in here.
 */
public final class PlotPainter {

    /**
     * How the static layer looks; {@code scale} multiplies the plot's type, line widths and markers
     * (presenter mode's + / −, 1 otherwise): the layer's {@link Style} carries it to every painter.
     */
    public record Look(String colorMap, boolean contourLines, boolean gradientField, boolean dark, double scale) {
        public Look(String colorMap, boolean contourLines, boolean gradientField, boolean dark) {
            this(colorMap, contourLines, gradientField, dark, 1.0);
        }

        public SceneSettings settings() {
            return SceneSettings.DEFAULT.withColorMap(ColorMap.orDefault(colorMap)).withContourLines(contourLines).withGradientField(gradientField)
                    .withEqualAspect(true).withDark(dark).withFontScale(scale);
        }
    }

    /** What a frame shows of one run: its path, traced so far by the plot's tracer for this run. */
    public record Trail(Color color, String label, PathTracer path, double startX, double startY,
                        boolean diverged, double lastX, double lastY, boolean selected) {
    }

    /** Data ↔ pixel mapping of a plot area, y up. */
    public record Geometry(Viewport viewport, double left, double top, double width, double height) {
        public double px(double x) {
            return left + (x - viewport.xMin()) * width / viewport.width();
        }

        public double py(double y) {
            return top + (viewport.yMax() - y) * height / viewport.height();
        }

        public double dataX(double px) {
            return viewport.xMin() + (px - left) * viewport.width() / width;
        }

        public double dataY(double py) {
            return viewport.yMax() - (py - top) * viewport.height() / height;
        }

        public Rectangle2D area() {
            return new Rectangle2D.Double(left, top, width, height);
        }

        public Geometry withViewport(Viewport v) {
            return new Geometry(v, left, top, width, height);
        }

        public PlotTransform transform() {
            return new PlotTransform(viewport, left, top, width, height);
        }
    }

    /** A prepared static layer for a requested scene. Immutable. */
    public record Layer(Surface surface, Viewport requested, int width, int height, Look look, StaticLayer layer,
                        boolean coarse) {
        /** Whether this is the layer to show for the scene, coarse layers being only a first look. */
        public boolean matches(Surface s, Viewport v, int w, int h, Look l) {
            return !coarse && surface == s && requested.equals(v) && width == w && height == h && look.equals(l);
        }
    }

    private static final double[] NO_POINTS = new double[0];

    /** Margins used for the mapping only until the first layer of a size exists. */
    private static final double LEFT = 64;
    private static final double RIGHT = 110;
    private static final double TOP = 24;
    private static final double BOTTOM = 52;

    private PlotPainter() {
    }

    /**
     * The plot area and the viewport shown for the requested viewport at a canvas size: the layer's
     * plot area when the layer is for this size, with the viewport widened along one axis so that one
     * unit is as long on x as on y.
     */
    public static Geometry geometry(Layer layer, Viewport requested, int width, int height) {
        double left;
        double top;
        double w;
        double h;
        if (layer != null && layer.width() == width && layer.height() == height) {
            PlotTransform t = layer.layer().transform();
            left = t.left();
            top = t.top();
            w = t.width();
            h = t.height();
        } else {
            left = LEFT;
            top = TOP;
            w = Math.max(16, width - LEFT - RIGHT);
            h = Math.max(16, height - TOP - BOTTOM);
        }
        return new Geometry(PlotTransform.fitAspect(requested, w, h), left, top, w, h);
    }

    /** Computes the static layer. Any thread; allocates its own image. */
    public static Layer prepare(Surface surface, Viewport requested, int width, int height, Look look) {
        return prepare(surface, requested, width, height, look, false);
    }

    /**
     * Computes the static layer, or with {@code coarse} a quick first look at it: the field sampled on
     * a grid a quarter of the pixels across, without contour lines (the window shows it at start-up
     * while the full layer is computed).
     */
    public static Layer prepare(Surface surface, Viewport requested, int width, int height, Look look, boolean coarse) {
        SceneSettings settings = look.settings();
        if (coarse) {
            settings = settings.withGridResolution(Math.max(32, Math.min(width, height) / 4)).withContourLines(false);
        }
        StaticLayer layer = StaticLayer.render(new Scene(surface, requested, width, height, settings));
        return new Layer(surface, requested, width, height, look, layer, coarse);
    }

    /**
     * Paints the static part for the view shown now: the layer as it is when it matches, otherwise
     * stretched to where its viewport falls (while a new layer is being computed), with axes for the
     * current view.
     */
    public static void paintBackground(Graphics2D g, Layer layer, Geometry now, int width, int height, boolean dark) {
        StaticLayer l = layer.layer();
        g.setColor(l.style().background());
        g.fillRect(0, 0, width, height);
        ScenePainter.paintFrame(g, l, now.viewport(), List.of(), OverlaySettings.DEFAULT);
    }

    /** Paints the moving parts over the background: trajectories, start and head markers, the legend. */
    public static void paintOverlay(Graphics2D g, Layer layer, Geometry now, List<Trail> trails) {
        paintOverlay(g, layer, now, trails, null);
    }

    /**
     * As {@link #paintOverlay(Graphics2D, Layer, Geometry, List)}, each line drawn only from stored
     * point {@code linesFrom[i]} of its path on: the part before is in the plot's cached layer.
     */
    public static void paintOverlay(Graphics2D g, Layer layer, Geometry now, List<Trail> trails, int[] linesFrom) {
        paintOverlay(g, layer, now, trails, linesFrom, null);
    }

    /**
     * As {@link #paintOverlay(Graphics2D, Layer, Geometry, List, int[])}, the legend (with its key to
     * the plot's marks) at {@code legendAt}, its top-left corner as fractions of the plot area, or
     * where it hides least of the paths for null.
     *
     * @return the legend's box, or null
     */
    public static Rectangle2D paintOverlay(Graphics2D g, Layer layer, Geometry now, List<Trail> trails, int[] linesFrom,
            java.awt.geom.Point2D legendAt) {
        List<TrajectorySnapshot> runs = new ArrayList<>(trails.size());
        List<PathTracer> paths = new ArrayList<>(trails.size());
        int selected = -1;
        for (Trail t : trails) {
            if (t.selected() && trails.size() > 1) {
                selected = runs.size();
            }
            runs.add(new TrajectorySnapshot(t.color(), t.label(), NO_POINTS, NO_POINTS, 0, 0, t.startX(), t.startY(),
                    t.diverged()));
            paths.add(t.path());
        }
        PlotTransform t = now.transform();
        return ScenePainter.paintOverlay(g, t, layer.layer().style(), runs, OverlaySettings.DEFAULT, selected, paths, linesFrom,
                ScenePainter.marksInView(layer.layer(), t), legendAt);
    }

    /**
     * A run's line in the legend: its optimizer with the settings that differ from the defaults
     * ({@code optimizerLabel}), after the run's name when the name says something else.
     */
    public static String legendLabel(String name, String optimizerLabel) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || optimizerLabel.startsWith(n)) {
            return optimizerLabel;
        }
        return n + ": " + optimizerLabel;
    }

    /** A number in at most about four significant digits, for the pointer readout. */
    public static String shortNumber(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.3e", v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
