package dev.descent.app;

import dev.descent.export.BasinMapOverlay;
import dev.descent.render.PlotPainter;
import dev.descent.session.RunConfig;
import dev.descent.session.SessionController;
import dev.descent.session.SessionConfig;
import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import dev.descent.math.DataSurface;
import dev.descent.render.MinibatchPainter;
import dev.descent.render.PathTracer;
import dev.descent.render.TrailsLayer;
import dev.descent.render.PlotTransform;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import dev.descent.sim.RunStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Cursor;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The plot: one picture, shown through {@link PlotTiles} (only the tiles a frame changed are
 * repainted). Behind it, kept apart: the static layer (contours, axes, colour bar), painted only
 * when the view changes, with the finished part of every line ({@link TrailsLayer}) composed over it
 * only where lines grew. Each frame copies that into the picture shown and paints what moves over it
 * with the Java2D painters ({@link PlotPainter}: heads, markers, the legend, arrows), so the renderer
 * has one layer to draw a pulse instead of three. Static layers are computed on a background
 * thread; until the new one is ready the old one is shown stretched, so zooming and panning never
 * wait and the animation never stalls.
 *
 * <p>Mouse: click sets the start of every run (shift-click: the selected run); dragging a start
 * marker moves those runs' start; dragging elsewhere pans; the wheel zooms about the pointer.
 */
public final class PlotView extends Region {

    private final SessionController ctl;
    // the finished part of every line, cached (TrailsLayer) and composed over the static part
    private final TrailsLayer trailsLayer = new TrailsLayer();
    // the static part (Java2D, premultiplied ARGB) and the picture shown: the static part with the
    // trails over it and the moving parts over those, handed to the screen's tiles each frame
    private final PlotTiles tiles = new PlotTiles();
    private BufferedImage base;
    private int[] basePixels;
    private BufferedImage composite;
    private int[] compositePixels;
    private BufferedImage shownImage;
    private int[] shownPixels;
    private java.awt.Rectangle recompose;
    /** What the moving parts are painted with: the shown image's, during a frame. */
    private Graphics2D gFront;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "contours");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final ReadOnlyStringWrapper pointer = new ReadOnlyStringWrapper("");

    private PlotPainter.Layer layer;
    private double scale = 1;
    // the legend: where the user dragged it (top-left, fractions of the plot area; null: automatic),
    // kept while the window is open; the box last drawn, for grabbing it
    private java.awt.geom.Point2D legendAt;
    private java.awt.geom.Rectangle2D legendBox;
    private double legendGrabX = Double.NaN;
    private double legendGrabY;
    private BasinMapOverlay mapOverlay;
    private long requested;
    private boolean pending;
    private boolean backDirty = true;
    private boolean frontDirty = true;
    private boolean dark;
    private Frame shown;
    private long layersMade;

    // mouse state
    private double pressX;
    private double pressY;
    private Viewport pressView;
    private PlotPainter.Geometry pressGeometry;
    private List<Integer> dragging = List.of();
    private boolean panning;

    private final Map<Integer, RunPath> paths = new HashMap<>();
    private final Map<Integer, double[]> heads = new HashMap<>();
    private long shownScrub = -1;
    private boolean batchContours;
    private final MinibatchPainter batchPainter = new MinibatchPainter();

    public PlotView(SessionController ctl) {
        this.ctl = ctl;
        getStyleClass().add("plot");
        getChildren().add(tiles);
        setMinSize(200, 160);
        setPrefSize(900, 700);
        setFocusTraversable(true);
        setCursor(Cursor.CROSSHAIR);
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnMouseMoved(this::moved);
        setOnMouseExited(e -> pointer.set(""));
        setOnScroll(this::scrolled);
        ctl.addListener(c -> {
            switch (c) {
                case LOADED, SURFACE, VIEW -> {
                    backDirty = true;
                    frontDirty = true;
                }
                default -> frontDirty = true;
            }
        });
    }

    /** "x = …, y = …, f = …" under the pointer, empty when the pointer is elsewhere. */
    public ReadOnlyStringProperty pointerProperty() {
        return pointer.getReadOnlyProperty();
    }

    /** Paints everything again at the next pulse (back from the 3-D view, which took the basin map's news). */
    void redraw() {
        backDirty = true;
        frontDirty = true;
    }

    public void setDark(boolean d) {
        if (d != dark) {
            dark = d;
            backDirty = true;
        }
    }

    /**
     * Multiplies the plot's type, line widths and markers (presenter mode's + / −, 1× to 3×; 1 in the
     * normal window): the next layer is drawn at that scale and the paths and legend follow its style.
     */
    public void setScale(double k) {
        if (k != scale) {
            scale = k;
            backDirty = true;
            frontDirty = true;
        }
    }

    /** The style the plot is drawn with now (its layer's), or null before the first layer. */
    public dev.descent.render.Style style() {
        return layer == null ? null : layer.layer().style();
    }

    /** Where the legend's top-left corner was dragged to, as fractions of the plot area; null while it is placed automatically. */
    public java.awt.geom.Point2D legendPosition() {
        return legendAt;
    }

    /** The legend's box as last drawn (canvas pixels), or null when no legend is shown. */
    public java.awt.geom.Rectangle2D legendBox() {
        return legendBox;
    }

    /** A basin map painted under the contours (null: none). */
    public void setMapOverlay(BasinMapOverlay overlay) {
        mapOverlay = overlay;
        backDirty = true;
    }

    /** The frame whose positions the plot shows now (null before the first paint). */
    public Frame shownFrame() {
        return shown;
    }

    /** Where the head marker of the run at {@code index} was last drawn, {x, y}; null when it was not. */
    public double[] shownHead(int index) {
        double[] h = heads.get(index);
        return h == null ? null : h.clone();
    }

    /** The scrubbed step the last paint showed, -1 for the newest. */
    public long shownScrub() {
        return shownScrub;
    }

    /** Whether the full (not the coarse first) field has been painted once: start-up's later parts wait for it. */
    public boolean drawnFull() {
        return drawnFull;
    }

    private boolean drawnFull;

    /** Whether the coarse first field was painted before the full one (something to see sooner at start-up). */
    public boolean drawnCoarseFirst() {
        return drawnCoarseFirst;
    }

    private boolean drawnCoarseFirst;

    /** Static layers computed so far (tests wait on it). */
    public long layersMade() {
        return layersMade;
    }

    /** The plot area and the viewport shown, at the current size. */
    public PlotPainter.Geometry geometry() {
        return PlotPainter.geometry(layer, ctl.viewport(), width(), height());
    }

    private int width() {
        return Math.max(1, (int) Math.floor(getWidth()));
    }

    private int height() {
        return Math.max(1, (int) Math.floor(getHeight()));
    }

    private PlotPainter.Look look() {
        SessionConfig s = ctl.session();
        return new PlotPainter.Look(s.colorMap(), s.contourLines(), s.gradientField(), dark, scale);
    }

    @Override
    protected void layoutChildren() {
        int w = width();
        int h = height();
        if (layer == null && !pending && w >= 64 && h >= 64) {
            // start-up: the first layout knows the plot's size while the window is still being shown;
            // the coarse first look is computed meanwhile instead of after the first pulse, or was
            // computed already when the plot has the size it had when the window was last closed
            if (first != null && first.width() == w && first.height() == h) {
                takeFirst(first.layer());
            } else {
                requestLayer(ctl.surface(), ctl.viewport(), w, h, look());
            }
            first = null;
        }
    }

    /** A first layer computed before the plot had its size, for a plot of that size. */
    private record FirstLayer(int width, int height, CompletableFuture<PlotPainter.Layer> layer) {
    }

    private FirstLayer first;

    /**
     * Start-up: the coarse first layer being computed elsewhere (before the window is shown) for a
     * plot of {@code width × height}. Taken at the plot's first layout when the plot has that size,
     * instead of computing one; a null result, or another size, and the plot computes its own.
     */
    public void firstLayer(int width, int height, CompletableFuture<PlotPainter.Layer> made) {
        if (layer == null && !pending) {
            first = new FirstLayer(width, height, made);
        }
    }

    private void takeFirst(CompletableFuture<PlotPainter.Layer> made) {
        long ticket = ++requested;
        PlotPainter.Layer now = made.getNow(null);
        if (now != null) {
            showFirst(now);
            return;
        }
        pending = true;
        made.whenComplete((result, failed) -> Platform.runLater(() -> {
            pending = false; // a null result: the next pulse asks for a layer
            if (result != null && ticket == requested) {
                showFirst(result);
            }
        }));
    }

    /** Takes the offered first layer; the next pulse paints it. */
    private void showFirst(PlotPainter.Layer made) {
        layer = made;
        layersMade++;
        firstTaken = true;
        backDirty = true;
    }

    private boolean firstTaken;

    /** Whether the plot showed a first layer it was offered ({@link #firstLayer}) rather than computing its own. */
    public boolean firstLayerTaken() {
        return firstTaken;
    }

    /** Called on every pulse with the newest frame; paints what changed. Never blocks. */
    public void pulse(Frame frame) {
        int w = width();
        int h = height();
        if (w < 64 || h < 64) {
            return;
        }
        Surface surface = ctl.surface();
        Viewport view = ctl.viewport();
        PlotPainter.Look look = look();
        // a coarse layer not yet painted is painted first: its frame is rendered before the full
        // layer's computation takes both cores (asked for at the next pulse)
        boolean coarseToPaint = layer != null && layer.coarse() && backDirty && !drawnFull;
        if ((layer == null || !layer.matches(surface, view, w, h, look)) && !pending && !coarseToPaint) {
            requestLayer(surface, view, w, h, look);
        }
        if (mapOverlay != null && layer != null && mapOverlay.update(geometry())) {
            backDirty = true;
        }
        if (base == null || base.getWidth() != w || base.getHeight() != h) {
            allocate(w, h);
        }
        if (backDirty && layer != null) {
            boolean sameSurface = layer.surface() == surface && layer.look().equals(look);
            PlotPainter.Geometry now = geometry();
            java.util.Arrays.fill(basePixels, 0);
            if (sameSurface) {
                Graphics2D gBack = base.createGraphics();
                try {
                    PlotPainter.paintBackground(gBack, layer, now, w, h, dark);
                    if (mapOverlay != null) {
                        mapOverlay.paint(gBack, layer, now);
                    }
                } finally {
                    gBack.dispose();
                }
                StartupTrace.plotDrawn(layer.coarse());
                if (!layer.coarse()) {
                    drawnFull = true;
                } else if (!drawnFull) {
                    drawnCoarseFirst = true;
                }
            }
            backDirty = false;
            dirty(new java.awt.Rectangle(0, 0, w, h));
            frontDirty = true;
        }
        if (frame != null && (frame != shown || frontDirty || trailsLayer.piecewise())) {
            paintFront(frame, w, h);
            shown = frame;
            frontDirty = false;
        } else if (recompose != null) {
            show(); // the static part changed before any frame
        }
    }

    /** The static part, the picture shown and the screen's image over it, for a new size. */
    private void allocate(int w, int h) {
        base = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        basePixels = ((DataBufferInt) base.getRaster().getDataBuffer()).getData();
        composite = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        compositePixels = ((DataBufferInt) composite.getRaster().getDataBuffer()).getData();
        shownPixels = new int[w * h];
        DataBufferInt data = new DataBufferInt(shownPixels, shownPixels.length);
        java.awt.image.DirectColorModel pre = (java.awt.image.DirectColorModel) base.getColorModel();
        shownImage = new BufferedImage(pre, java.awt.image.Raster.createWritableRaster(
                pre.createCompatibleSampleModel(w, h), data, null), true, null);
        tiles.resize(w, h);
        backDirty = true;
        frontDirty = true;
    }

    /** Marks a rectangle of the picture shown to be composed again at the end of the pulse. */
    private void dirty(java.awt.Rectangle r) {
        if (r != null && !r.isEmpty()) {
            recompose = recompose == null ? new java.awt.Rectangle(r) : recompose.union(r);
        }
    }

    /**
     * Brings the static part with the trails over it up to date, copies it into the shared image and
     * returns a Graphics2D over that image for the moving parts (the caller disposes of it and calls
     * {@link #publish()}).
     */
    private Graphics2D beginShown() {
        if (recompose != null) {
            compose(recompose);
            recompose = null;
        }
        System.arraycopy(compositePixels, 0, shownPixels, 0, shownPixels.length);
        Graphics2D g = dev.descent.render.DirectPixels.createGraphics(shownImage);
        dev.descent.render.Style.applyHints(g);
        return g;
    }

    /** Shows the picture: the tiles it changed. */
    private void publish() {
        tiles.show(shownPixels);
    }

    /** The static part with the trails, nothing over it. */
    private void show() {
        beginShown().dispose();
        publish();
    }

    /** The static part with the trails over it, in rectangle {@code r}. */
    private void compose(java.awt.Rectangle r) {
        int w = base.getWidth();
        java.awt.Rectangle c = r.intersection(new java.awt.Rectangle(0, 0, w, base.getHeight()));
        if (c.isEmpty()) {
            return;
        }
        for (int y = c.y; y < c.y + c.height; y++) {
            System.arraycopy(basePixels, y * w + c.x, compositePixels, y * w + c.x, c.width);
        }
        BufferedImage trails = trailsLayer.image();
        if (trails != null && trails.getWidth() == w && trails.getHeight() == base.getHeight()) {
            Graphics2D g = composite.createGraphics();
            try {
                g.clipRect(c.x, c.y, c.width, c.height);
                g.drawImage(trails, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
    }

    private void requestLayer(Surface surface, Viewport view, int w, int h, PlotPainter.Look look) {
        long ticket = ++requested;
        pending = true;
        // at start-up, a coarse field first: something to see a moment sooner, the full layer right after
        boolean coarse = layer == null;
        worker.execute(() -> {
            PlotPainter.Layer made;
            try {
                made = PlotPainter.prepare(surface, view, w, h, look, coarse);
            } catch (RuntimeException e) {
                made = null;
            }
            PlotPainter.Layer result = made;
            Platform.runLater(() -> {
                pending = false;
                if (result != null && ticket == requested) {
                    layer = result;
                    layersMade++;
                    backDirty = true;
                }
            });
        });
    }

    /** Which runs show the arrows of their last step. */
    public enum ArrowMode { OFF, SELECTED, ALL }

    private ArrowMode arrowMode = ArrowMode.OFF;
    private dev.descent.render.ArrowPainter.Settings arrowKinds = dev.descent.render.ArrowPainter.Settings.ALL;
    /** Each optimizer's declared vectors, by optimizer (a fresh stepper per frame would allocate). */
    private final java.util.Map<dev.descent.optim.Optimizer, List<dev.descent.optim.RoleVector>> declared = new java.util.HashMap<>();
    /** The arrows drawn in the last frame, one list per run drawn (tests read them). */
    private List<List<dev.descent.sim.HeadArrows.Arrow>> arrowsShown = List.of();

    public void setArrows(ArrowMode mode, dev.descent.render.ArrowPainter.Settings kinds) {
        arrowMode = mode;
        arrowKinds = kinds;
        frontDirty = true;
    }

    public ArrowMode arrowMode() {
        return arrowMode;
    }

    public dev.descent.render.ArrowPainter.Settings arrowKinds() {
        return arrowKinds;
    }

    /** The arrows of the last painted frame, one list per run with arrows. */
    public List<List<dev.descent.sim.HeadArrows.Arrow>> arrowsShown() {
        return arrowsShown;
    }

    /** A what-if path: where a run would have gone with the value a dragged slider shows. */
    public record Ghost(double[] xs, double[] ys, int count, java.awt.Color color) {
    }

    private Ghost ghost;

    /** Shows a ghost path beside the runs (null: none). */
    public void setGhost(Ghost g) {
        ghost = g;
        frontDirty = true;
    }

    public Ghost ghost() {
        return ghost;
    }

    private void paintGhost(PlotTransform t) {
        Ghost g = ghost;
        if (g == null || g.count() < 1) {
            return;
        }
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        int drawn = 0;
        for (int k = 0; k < g.count(); k++) {
            double px = t.toPixelX(g.xs()[k]);
            double py = t.toPixelY(g.ys()[k]);
            if (!Double.isFinite(px) || !Double.isFinite(py) || Math.abs(px) > 1e6 || Math.abs(py) > 1e6) {
                break;
            }
            if (drawn++ == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        var oldClip = gFront.getClip();
        var oldStroke = gFront.getStroke();
        gFront.clip(t.plotArea());
        gFront.setStroke(new java.awt.BasicStroke(5.5f, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
        gFront.setColor(new java.awt.Color(0, 0, 0, 150));
        gFront.draw(path);
        gFront.setStroke(new java.awt.BasicStroke(2.2f, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND, 10,
                new float[] {7, 5}, 0));
        java.awt.Color c = g.color();
        gFront.setColor(new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), 230));
        gFront.draw(path);
        java.awt.geom.Point2D end = path.getCurrentPoint();
        if (end != null) {
            gFront.setStroke(new java.awt.BasicStroke(2f));
            gFront.draw(new java.awt.geom.Ellipse2D.Double(end.getX() - 6, end.getY() - 6, 12, 12));
        }
        gFront.setClip(oldClip);
        gFront.setStroke(oldStroke);
    }

    private java.util.function.Predicate<String> reveal;

    /** Sub-step mode: only arrows whose quantity (probe name, "theta" for the step) passes are drawn (null: all). */
    public void setReveal(java.util.function.Predicate<String> p) {
        reveal = p;
        frontDirty = true;
    }

    private boolean curvature;
    private double[] curvatureAt;
    private dev.descent.math.LocalQuadratic curvatureShown;
    private dev.descent.render.CurvaturePainter.Gauge gaugeShown;
    private final java.util.Map<dev.descent.optim.Optimizer, java.util.Optional<dev.descent.optim.StabilityBound>> bounds =
            new java.util.HashMap<>();
    private Runnable curvatureListener = () -> { };

    /**
     * Shows the curvature overlay at the selected run's head ({@code at} null) or at a point the user
     * Alt+clicked, or hides it.
     */
    public void setCurvature(boolean on, double[] at) {
        curvature = on;
        curvatureAt = on ? at : null;
        frontDirty = true;
        curvatureListener.run();
    }

    public boolean curvature() {
        return curvature;
    }

    /** Told when the overlay is switched on or off (the menu's check mark). */
    void onCurvatureChange(Runnable r) {
        curvatureListener = r;
    }

    /** The local model drawn in the last frame (tests), or null. */
    public dev.descent.math.LocalQuadratic curvatureShown() {
        return curvatureShown;
    }

    /** The stability gauge drawn in the last frame (tests), or null. */
    public dev.descent.render.CurvaturePainter.Gauge gaugeShown() {
        return gaugeShown;
    }

    private List<dev.descent.sim.HeadArrows.Arrow> arrowsOf(RunFrame r, int rows) {
        var optimizer = r.spec().optimizer();
        if (declared.size() > 64) {
            declared.clear();
        }
        List<dev.descent.optim.RoleVector> v = declared.computeIfAbsent(optimizer, o -> o.newStepper(2).vectors());
        if (reveal != null) {
            v = v.stream().filter(d -> reveal.test(d.probe() == null ? "theta" : d.probe())).toList();
        }
        return dev.descent.sim.HeadArrows.atRow(v, r, rows - 1);
    }

    private void paintCurvature(Frame frame, PlotTransform transform) {
        curvatureShown = null;
        gaugeShown = null;
        if (!curvature) {
            return;
        }
        int sel = ctl.selected();
        RunFrame r = sel >= 0 ? ctl.frameOf(frame, sel) : null;
        double[] at = curvatureAt != null ? curvatureAt : heads.get(sel);
        if (at == null) {
            return;
        }
        var q = dev.descent.math.LocalQuadratic.at(ctl.surface(), at[0], at[1]);
        dev.descent.render.CurvaturePainter.Gauge gauge = null;
        if (r != null) {
            var optimizer = r.spec().optimizer();
            var bound = bounds.computeIfAbsent(optimizer, o -> java.util.Optional.ofNullable(o.newStepper(2).stabilityBound()));
            if (bound.isPresent()) {
                double lr = r.history().rows() > 1 ? r.history().get(4, r.history().rows() - 1) : optimizer.lr();
                if (!Double.isFinite(lr)) {
                    lr = optimizer.lr();
                }
                gauge = new dev.descent.render.CurvaturePainter.Gauge(bound.get().value(lr, q.lambdaMax()), bound.get().limit(),
                        bound.get().formula());
            }
        }
        curvatureShown = q;
        gaugeShown = gauge;
        dev.descent.render.CurvaturePainter.paint(gFront, transform, layer.layer().style(), q, gauge);
    }

    private void paintFront(Frame frame, int w, int h) {
        if (layer == null) {
            show();
            return;
        }
        SessionConfig s = ctl.session();
        long scrub = ctl.scrubStep();
        PlotTransform transform = geometry().transform();
        heads.clear();
        List<PlotPainter.Trail> trails = new ArrayList<>();
        List<List<dev.descent.sim.HeadArrows.Arrow>> arrows = new ArrayList<>();
        int n = s.runs().size();
        java.util.Set<Integer> live = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            RunConfig m = s.runs().get(i);
            RunFrame r = ctl.frameOf(frame, i);
            if (r == null || !m.shown()) {
                continue;
            }
            var hist = r.history();
            int rows = hist.rows();
            boolean scrubbed = scrub >= 0 && rows > 0;
            if (scrubbed) {
                // a chart was clicked: the run as it was then, its path up to that step
                rows = Math.max(1, dev.descent.render.charts.Steps.rowAtOrBefore(hist, scrub) + 1);
            }
            live.add(r.id());
            RunPath path = paths.get(r.id());
            if (path == null || !path.tracer.transform().equals(transform)) {
                path = new RunPath(new PathTracer(transform));
                paths.put(r.id(), path);
            }
            path.feed(r, rows, s.trail());
            String label = path.label(m, r);
            boolean diverged = r.status() == RunStatus.DIVERGED && (!scrubbed || rows == hist.rows());
            trails.add(new PlotPainter.Trail(color(m.color()), label, path.tracer,
                    r.spec().x0(), r.spec().y0(), diverged, r.lastX(), r.lastY(),
                    i == ctl.selected()));
            if (arrowMode == ArrowMode.ALL || (arrowMode == ArrowMode.SELECTED && i == ctl.selected())) {
                arrows.add(arrowsOf(r, rows));
            }
            if (rows > 0) {
                heads.put(i, diverged ? new double[] {r.lastX(), r.lastY()} : new double[] {hist.get(1, rows - 1), hist.get(2, rows - 1)});
            }
        }
        paths.keySet().retainAll(live);
        shownScrub = scrub;
        int[] linesFrom = updateTrails(trails, transform, w, h);
        gFront = beginShown();
        try {
            if (ctl.surface() instanceof DataSurface data) {
                paintMinibatchAids(frame, data, transform, scrub);
            }
            legendBox = PlotPainter.paintOverlay(gFront, layer, geometry(), trails, linesFrom, legendAt);
            paintGhost(transform);
            arrowsShown = List.copyOf(arrows);
            paintCurvature(frame, transform);
            if (!arrows.isEmpty()) {
                dev.descent.render.ArrowPainter.paint(gFront, transform, layer.layer().style(), arrows, arrowKinds);
            }
        } finally {
            gFront.dispose();
            gFront = null;
        }
        publish();
    }

    /** Faint contours of the selected run's minibatch loss (when switched on). */
    public void setBatchContours(boolean on) {
        batchContours = on;
        frontDirty = true;
    }

    public boolean batchContours() {
        return batchContours;
    }

    /**
     * On a loss from data: the selected run's minibatch contours (when switched on), epoch marks on
     * every minibatch path, and the spread of the minibatch gradient at the selected run's head.
     */
    private void paintMinibatchAids(Frame frame, DataSurface data, PlotTransform transform, long scrub) {
        SessionConfig s = ctl.session();
        int sel = ctl.selected();
        for (int i = 0; i < s.runs().size(); i++) {
            RunConfig m = s.runs().get(i);
            RunFrame r = ctl.frameOf(frame, i);
            if (r == null || !m.shown() || !"minibatch".equalsIgnoreCase(m.noise())) {
                continue;
            }
            var hist = r.history();
            int rows = hist.rows();
            if (scrub >= 0 && rows > 0) {
                rows = Math.max(1, dev.descent.render.charts.Steps.rowAtOrBefore(hist, scrub) + 1);
            }
            if (i == sel && batchContours && scrub < 0) {
                batchPainter.paintBatchContours(gFront, transform, data, r.batch(),
                        dark ? new java.awt.Color(255, 255, 255, 120) : new java.awt.Color(255, 255, 255, 150));
            }
            MinibatchPainter.paintEpochMarks(gFront, transform, hist.channel(1), hist.channel(2),
                    hist.channel(dev.descent.sim.Engine.EPOCH), rows, color(m.color()));
            if (i == sel && rows > 0 && m.batchSize() != null && m.batchSize() < data.size()) {
                MinibatchPainter.paintSpread(gFront, transform, data, hist.get(1, rows - 1), hist.get(2, rows - 1),
                        m.batchSize(), color(m.color()));
            }
        }
    }

    /**
     * Draws what is new of every line into the cached layer and copies the changed rectangle to the
     * screen; returns, per trail, where the overlay's part of its line starts.
     */
    private int[] updateTrails(List<PlotPainter.Trail> trails, PlotTransform transform, int w, int h) {
        List<TrailsLayer.Line> lines = new ArrayList<>(trails.size());
        boolean several = trails.size() > 1;
        for (PlotPainter.Trail t : trails) {
            lines.add(new TrailsLayer.Line(t.path(), t.color(), t.selected() && several));
        }
        dirty(trailsLayer.update(w, h, transform, layer.layer().style(), lines));
        int[] from = new int[trails.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = trailsLayer.drawn(i);
        }
        return from;
    }

    /**
     * One run's traced path, kept between frames so that each frame feeds only the rows that are new
     * since the last one. It continues from the last row fed when that row (same step, same point) is
     * still in the history, which holds across the history thinning its older half; anything else (a
     * reset, new settings, scrubbing back, a trail) traces again from the rows it needs.
     */
    private static final class RunPath {
        final PathTracer tracer;
        Object spec;
        int trail = -1;
        double step = Double.NaN;
        double x;
        double y;

        private String labelName;
        private Object labelOptimizer;
        private String label;

        RunPath(PathTracer tracer) {
            this.tracer = tracer;
        }

        /** The legend label, made again only when the run's name or optimizer changed: not every frame. */
        String label(RunConfig m, RunFrame r) {
            Object optimizer = r.spec().optimizer();
            if (label == null || optimizer != labelOptimizer || !java.util.Objects.equals(m.name(), labelName)) {
                label = PlotView.label(m, r);
                labelName = m.name();
                labelOptimizer = optimizer;
            }
            return label;
        }

        void feed(RunFrame r, int rows, int trailLength) {
            var hist = r.history();
            int next = 0;
            if (trailLength <= 0 && trail <= 0 && spec == r.spec() && tracer.fed() > 0 && rows > 0) {
                int k = dev.descent.render.charts.Steps.rowAtOrBefore(hist, step);
                if (k >= 0 && k < rows && hist.get(0, k) == step && same(hist.get(1, k), x) && same(hist.get(2, k), y)) {
                    next = k + 1;
                }
            }
            int from = trailLength > 0 ? Math.max(0, rows - trailLength - 1) : 0;
            if (next == 0) {
                tracer.reset();
                next = from;
            }
            for (int k = next; k < rows; k++) {
                tracer.add(hist.get(1, k), hist.get(2, k), hist.get(dev.descent.sim.Engine.UPHILL, k) == 1);
            }
            spec = r.spec();
            trail = trailLength;
            if (rows > 0) {
                step = hist.get(0, rows - 1);
                x = hist.get(1, rows - 1);
                y = hist.get(2, rows - 1);
            } else {
                step = Double.NaN;
            }
        }

        private static boolean same(double a, double b) {
            return Double.compare(a, b) == 0;
        }
    }

    /** The legend label: the run's name when it says something, then {@code Optimizer.label()}. */
    static String label(RunConfig m, RunFrame r) {
        return PlotPainter.legendLabel(m.name(), r.spec().optimizer().label());
    }

    static java.awt.Color color(String hex) {
        try {
            return java.awt.Color.decode(hex);
        } catch (RuntimeException e) {
            return java.awt.Color.WHITE;
        }
    }

    // ---- mouse ----------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (legendBox != null && legendBox.contains(e.getX(), e.getY())) {
            if (e.getClickCount() == 2) {
                legendAt = null; // double-click: back to automatic placement
            } else {
                legendGrabX = e.getX() - legendBox.getX();
                legendGrabY = e.getY() - legendBox.getY();
                setCursor(Cursor.CLOSED_HAND);
            }
            frontDirty = true;
            e.consume();
            return;
        }
        pressX = e.getX();
        pressY = e.getY();
        pressView = geometry().viewport();
        pressGeometry = geometry();
        panning = false;
        dragging = startsAt(e.getX(), e.getY(), e.isShiftDown());
    }

    /** The runs whose start marker is under the pointer (shift: only the selected run). */
    List<Integer> startsAt(double px, double py, boolean shift) {
        PlotPainter.Geometry g = geometry();
        List<Integer> hit = new ArrayList<>();
        List<RunConfig> runs = ctl.runs();
        for (int i = 0; i < runs.size(); i++) {
            RunConfig r = runs.get(i);
            if (!r.shown() || (shift && i != ctl.selected())) {
                continue;
            }
            if (Math.hypot(g.px(r.x0()) - px, g.py(r.y0()) - py) <= 9) {
                hit.add(i);
            }
        }
        return hit;
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && !Double.isNaN(legendGrabX)) {
            java.awt.geom.Rectangle2D area = geometry().area();
            legendAt = new java.awt.geom.Point2D.Double((e.getX() - legendGrabX - area.getX()) / area.getWidth(),
                    (e.getY() - legendGrabY - area.getY()) / area.getHeight());
            frontDirty = true;
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY || pressGeometry == null) {
            return;
        }
        double dx = e.getX() - pressX;
        double dy = e.getY() - pressY;
        if (!dragging.isEmpty()) {
            PlotPainter.Geometry g = geometry();
            ctl.moveStarts(dragging, g.dataX(e.getX()), g.dataY(e.getY()));
            setCursor(Cursor.CLOSED_HAND);
            return;
        }
        if (!panning && Math.hypot(dx, dy) < 4) {
            return;
        }
        panning = true;
        setCursor(Cursor.MOVE);
        double ux = dx * pressView.width() / pressGeometry.width();
        double uy = dy * pressView.height() / pressGeometry.height();
        ctl.setView(new Viewport(pressView.xMin() - ux, pressView.xMax() - ux, pressView.yMin() + uy, pressView.yMax() + uy));
    }

    private void released(MouseEvent e) {
        if (!Double.isNaN(legendGrabX)) {
            legendGrabX = Double.NaN; // a legend drag never moves a start
            setCursor(Cursor.OPEN_HAND);
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY || pressGeometry == null) {
            return;
        }
        boolean click = dragging.isEmpty() && !panning;
        if (click && pressGeometry.area().contains(e.getX(), e.getY())) {
            PlotPainter.Geometry g = geometry();
            double x = g.dataX(e.getX());
            double y = g.dataY(e.getY());
            if (e.isAltDown()) {
                // Alt+click: the curvature there (a second Alt+click elsewhere moves it)
                setCurvature(true, new double[] {x, y});
            } else if (e.isShiftDown() && ctl.selected() >= 0) {
                ctl.moveStart(ctl.selected(), x, y);
            } else {
                ctl.moveStart(null, x, y);
            }
        }
        dragging = List.of();
        panning = false;
        pressGeometry = null;
        setCursor(Cursor.CROSSHAIR);
    }

    private void moved(MouseEvent e) {
        PlotPainter.Geometry g = geometry();
        if (!g.area().contains(e.getX(), e.getY())) {
            pointer.set("");
            setCursor(Cursor.DEFAULT);
            return;
        }
        boolean grab = !startsAt(e.getX(), e.getY(), e.isShiftDown()).isEmpty()
                || (legendBox != null && legendBox.contains(e.getX(), e.getY()));
        setCursor(grab ? Cursor.OPEN_HAND : Cursor.CROSSHAIR);
        double x = g.dataX(e.getX());
        double y = g.dataY(e.getY());
        double f = ctl.surface().value(x, y);
        pointer.set(String.format(java.util.Locale.ROOT, "x = %s   y = %s   f = %s",
                PlotPainter.shortNumber(x), PlotPainter.shortNumber(y), PlotPainter.shortNumber(f)));
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        zoom(Math.exp(-e.getDeltaY() * 0.004), e.getX(), e.getY());
        e.consume();
    }

    /** Zooms by {@code factor} (below 1: in) keeping the point under (px, py) in place. */
    public void zoom(double factor, double px, double py) {
        PlotPainter.Geometry g = geometry();
        Viewport v = g.viewport();
        double cx = g.dataX(px);
        double cy = g.dataY(py);
        double w = v.width() * factor;
        if (w < 1e-9 || w > 1e7) {
            return;
        }
        ctl.setView(new Viewport(cx - (cx - v.xMin()) * factor, cx + (v.xMax() - cx) * factor,
                cy - (cy - v.yMin()) * factor, cy + (v.yMax() - cy) * factor));
    }

    /** Zooms about the centre of the plot. */
    public void zoomCentre(double factor) {
        PlotPainter.Geometry g = geometry();
        zoom(factor, g.left() + g.width() / 2, g.top() + g.height() / 2);
    }

    public void dispose() {
        worker.shutdownNow();
    }
}
