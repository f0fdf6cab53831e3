package dev.descent.app;

import dev.descent.export.session.RunModel;
import dev.descent.export.session.Session;
import dev.descent.app.model.SessionController;
import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import dev.descent.sim.RunStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.jfree.fx.FXGraphics2D;

/**
 * The plot: two canvases drawn through {@link PlotPainter} with FXGraphics2D. The back canvas holds
 * the static layer (contours, axes, colour bar), redrawn only when the view changes; the front one
 * the trajectories, redrawn when a new frame arrives. Static layers are computed on a background
 * thread; until the new one is ready the old one is shown stretched, so zooming and panning never
 * wait and the animation never stalls.
 *
 * <p>Mouse: click sets the start of every run (shift-click: the selected run); dragging a start
 * marker moves those runs' start; dragging elsewhere pans; the wheel zooms about the pointer.
 */
public final class PlotView extends Region {

    private final SessionController ctl;
    private final Canvas back = new Canvas();
    private final Canvas front = new Canvas();
    private final FXGraphics2D gBack;
    private final FXGraphics2D gFront;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "contours");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final ReadOnlyStringWrapper pointer = new ReadOnlyStringWrapper("");

    private PlotPainter.Layer layer;
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

    private final Map<Integer, double[][]> buffers = new HashMap<>();
    private final Map<Integer, double[]> heads = new HashMap<>();
    private long shownScrub = -1;

    public PlotView(SessionController ctl) {
        this.ctl = ctl;
        getStyleClass().add("plot");
        gBack = new FXGraphics2D(back.getGraphicsContext2D());
        gFront = new FXGraphics2D(front.getGraphicsContext2D());
        front.setMouseTransparent(true);
        getChildren().addAll(back, front);
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

    public void setDark(boolean d) {
        if (d != dark) {
            dark = d;
            backDirty = true;
        }
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
        Session s = ctl.session();
        return new PlotPainter.Look(s.colorMap(), s.contourLines(), s.gradientField(), dark);
    }

    @Override
    protected void layoutChildren() {
        int w = width();
        int h = height();
        if (back.getWidth() != w || back.getHeight() != h) {
            back.setWidth(w);
            back.setHeight(h);
            front.setWidth(w);
            front.setHeight(h);
            backDirty = true;
            frontDirty = true;
        }
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
        if ((layer == null || !layer.matches(surface, view, w, h, look)) && !pending) {
            requestLayer(surface, view, w, h, look);
        }
        if (mapOverlay != null && layer != null && mapOverlay.update(geometry())) {
            backDirty = true;
        }
        if (backDirty && layer != null) {
            boolean sameSurface = layer.surface() == surface && layer.look().equals(look);
            PlotPainter.Geometry now = geometry();
            if (sameSurface) {
                PlotPainter.paintBackground(gBack, layer, now, w, h, dark);
                if (mapOverlay != null) {
                    mapOverlay.paint(gBack, layer, now);
                }
            } else {
                back.getGraphicsContext2D().clearRect(0, 0, w, h);
            }
            backDirty = false;
            frontDirty = true;
        }
        if (frame != null && (frame != shown || frontDirty)) {
            paintFront(frame, w, h);
            shown = frame;
            frontDirty = false;
        }
    }

    private void requestLayer(Surface surface, Viewport view, int w, int h, PlotPainter.Look look) {
        long ticket = ++requested;
        pending = true;
        worker.execute(() -> {
            PlotPainter.Layer made;
            try {
                made = PlotPainter.prepare(surface, view, w, h, look);
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

    private void paintFront(Frame frame, int w, int h) {
        front.getGraphicsContext2D().clearRect(0, 0, w, h);
        if (layer == null) {
            return;
        }
        Session s = ctl.session();
        long scrub = ctl.scrubStep();
        heads.clear();
        List<PlotPainter.Trail> trails = new ArrayList<>();
        int n = s.runs().size();
        for (int i = 0; i < n; i++) {
            RunModel m = s.runs().get(i);
            RunFrame r = ctl.frameOf(frame, i);
            if (r == null || !m.shown()) {
                continue;
            }
            int rows = r.history().rows();
            boolean scrubbed = scrub >= 0 && rows > 0;
            if (scrubbed) {
                // a chart was clicked: the run as it was then, its path up to that step
                rows = Math.max(1, dev.descent.app.charts.Steps.rowAtOrBefore(r.history(), scrub) + 1);
            }
            int from = s.trail() > 0 ? Math.max(0, rows - s.trail() - 1) : 0;
            int count = rows - from;
            double[][] buf = buffers.computeIfAbsent(r.id(), k -> new double[2][0]);
            if (buf[0].length < count) {
                int cap = Math.max(count, buf[0].length * 2);
                buf[0] = new double[cap];
                buf[1] = new double[cap];
            }
            var hist = r.history();
            for (int k = 0; k < count; k++) {
                buf[0][k] = hist.get(1, from + k);
                buf[1][k] = hist.get(2, from + k);
            }
            String label = label(m, r);
            boolean diverged = r.status() == RunStatus.DIVERGED && (!scrubbed || rows == hist.rows());
            trails.add(new PlotPainter.Trail(color(m.color()), label, buf[0], buf[1], count,
                    r.spec().x0(), r.spec().y0(), diverged, r.lastX(), r.lastY(),
                    i == ctl.selected()));
            if (count > 0) {
                heads.put(i, diverged ? new double[] {r.lastX(), r.lastY()} : new double[] {buf[0][count - 1], buf[1][count - 1]});
            }
        }
        shownScrub = scrub;
        PlotPainter.paintOverlay(gFront, layer, geometry(), trails);
    }

    /** The legend label: the run's name when it says something, then {@code Optimizer.label()}. */
    static String label(RunModel m, RunFrame r) {
        String opt = r.spec().optimizer().label();
        String name = m.name() == null ? "" : m.name().trim();
        if (name.isEmpty() || opt.startsWith(name)) {
            return opt;
        }
        return name + ": " + opt;
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
        List<RunModel> runs = ctl.runs();
        for (int i = 0; i < runs.size(); i++) {
            RunModel r = runs.get(i);
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
        if (e.getButton() != MouseButton.PRIMARY || pressGeometry == null) {
            return;
        }
        boolean click = dragging.isEmpty() && !panning;
        if (click && pressGeometry.area().contains(e.getX(), e.getY())) {
            PlotPainter.Geometry g = geometry();
            double x = g.dataX(e.getX());
            double y = g.dataY(e.getY());
            if (e.isShiftDown() && ctl.selected() >= 0) {
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
        setCursor(startsAt(e.getX(), e.getY(), e.isShiftDown()).isEmpty() ? Cursor.CROSSHAIR : Cursor.OPEN_HAND);
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
