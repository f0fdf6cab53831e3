package dev.descent.app;

import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import dev.descent.render.Camera3D;
import dev.descent.render.ColorMap;
import dev.descent.render.Relief;
import dev.descent.render.ReliefDrawing;
import dev.descent.render.Style;
import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.session.SessionController;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;

/**
 * The 3-D view in the plot's place (View → 3-D view, key 3): the surface over the plot's view as a
 * relief ({@link Relief}) with the runs' paths on it, updated as they run. Drag turns it, the wheel
 * zooms, a double click (or 0) turns it back. The picture is drawn with Java2D on a thread of its
 * own and shown as the plot is, in tiles of which only the changed ones are repainted, so it looks
 * the same on every graphics pipeline and the pulse stays short.
 */
final class ReliefView extends Region {

    /** Nodes per side of the relief's mesh. */
    static final int GRID = 96;
    /** Degrees a drag of one pixel turns the relief by. */
    static final double DEGREES_PER_PIXEL = 0.4;

    private final SessionController ctl;
    private final PlotTiles tiles = new PlotTiles();
    private Camera3D camera = Camera3D.DEFAULT;
    private boolean dark;
    private double fontScale = 1;
    private BufferedImage picture;
    private long shownSerial = -1;
    private final Painter painter = new Painter();
    private final java.util.concurrent.atomic.AtomicBoolean painting = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicReference<Painted> finished = new java.util.concurrent.atomic.AtomicReference<>();
    private boolean dirty = true;
    /** The basin map to drape over the relief while the map is on (null: none). */
    private java.util.function.Supplier<dev.descent.export.MapUnderlay.Picture> basins = () -> null;
    private dev.descent.export.MapUnderlay.Picture basinsOrdered;
    private double pressX;
    private double pressY;
    private Camera3D pressCamera;

    ReliefView(SessionController ctl) {
        this.ctl = ctl;
        setId("relief");
        getStyleClass().add("relief");
        getChildren().add(tiles);
        setMinSize(0, 0);
        setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
            pressCamera = camera;
            requestFocus();
        });
        setOnMouseDragged(e -> {
            if (pressCamera != null) {
                setCamera(pressCamera.turned(-(e.getX() - pressX) * DEGREES_PER_PIXEL, (e.getY() - pressY) * DEGREES_PER_PIXEL));
            }
        });
        setOnMouseReleased(e -> pressCamera = null);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                setCamera(Camera3D.DEFAULT);
            }
        });
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                setCamera(camera.zoomed(Math.pow(1.1, e.getDeltaY() / 40)));
            }
            e.consume();
        });
        // a change while paused (a colour, the selection, the colour map, a run hidden) brings no new frame
        ctl.addListener(c -> dirty = true);
        widthProperty().addListener((o, a, b) -> dirty = true);
        heightProperty().addListener((o, a, b) -> dirty = true);
    }

    Camera3D camera() {
        return camera;
    }

    void setCamera(Camera3D c) {
        if (!c.equals(camera)) {
            camera = c;
            dirty = true;
        }
    }

    /** Presenter mode's type size (1 otherwise): the labels, ticks and legend grow with it. */
    void setScale(double s) {
        if (s != fontScale) {
            fontScale = s;
            dirty = true;
        }
    }

    /** Where the basin map comes from: it is draped over the relief while it is on. */
    void setBasins(java.util.function.Supplier<dev.descent.export.MapUnderlay.Picture> b) {
        basins = b;
    }

    void setDark(boolean d) {
        if (d != dark) {
            dark = d;
            dirty = true;
        }
    }

    /** The picture as last shown (tests read its pixels), or null before the first. */
    BufferedImage picture() {
        return picture;
    }

    @Override
    protected void layoutChildren() {
        tiles.relocate(0, 0);
    }

    /**
     * Shows the last finished picture, then, when the frame or the look changed and the painter is
     * free, hands it the next one. The relief is sampled and drawn, and the runs painted, on the
     * painter's thread: the pulse only copies pixels.
     */
    void pulse(Frame frame) {
        Painted done = finished.getAndSet(null);
        if (done != null) {
            show(done.image());
        }
        if (!isVisible() || getWidth() < 2 || getHeight() < 2) {
            return;
        }
        dev.descent.export.MapUnderlay.Picture map = basins.get();
        if (map != basinsOrdered) { // a map finished, or it was turned off
            dirty = true;
        }
        if (!dirty && frame.serial() == shownSerial || !painting.compareAndSet(false, true)) {
            return;
        }
        if (finished.get() != null) { // finished since the pulse began: shown first, as the painter reuses its picture
            painting.set(false);
            return;
        }
        double scale = outputScale();
        int w = (int) Math.ceil(getWidth() * scale);
        int h = (int) Math.ceil(getHeight() * scale);
        SessionConfig s = ctl.session();
        Order order = new Order(ctl.surface(), ctl.viewport(), ColorMap.orDefault(s.colorMap()), s.contourLines(), dark, camera, w, h,
                Style.forSize(w, h, scale * fontScale, dark), runs(frame, s), map);
        basinsOrdered = map;
        shownSerial = frame.serial();
        dirty = false;
        PAINTER.execute(() -> {
            try {
                finished.set(new Painted(painter.paint(order)));
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            } finally {
                painting.set(false);
            }
        });
    }

    private double outputScale() {
        return getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
    }

    /** Copies a finished picture into the pixels the window shows. */
    private void show(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (picture == null || picture.getWidth() != w || picture.getHeight() != h) {
            picture = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
            tiles.resize(w, h);
            double scale = outputScale(); // drawn in the screen's pixels (HiDPI: more than the layout's)
            if (scale == 1) {
                tiles.getTransforms().clear();
            } else {
                tiles.getTransforms().setAll(new javafx.scene.transform.Scale(1 / scale, 1 / scale, 0, 0));
            }
        }
        int[] from = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int[] to = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
        System.arraycopy(from, 0, to, 0, to.length);
        // as the plot: only the tiles that changed are repainted (a run's new steps touch a few)
        tiles.show(to);
    }

    /** What the painter is asked to draw: everything it reads, taken on the JavaFX thread. */
    private record Order(Surface surface, Viewport view, ColorMap map, boolean lines, boolean dark, Camera3D camera,
                         int width, int height, Style style, List<Shown> runs, dev.descent.export.MapUnderlay.Picture basins) {
    }

    /**
     * A shown run as the frame has it: its history is an immutable snapshot, read (x, y and f copied
     * out) on the painter's thread, not in the pulse.
     */
    private record Shown(java.awt.Color color, String label, dev.descent.sim.History.Snapshot history, int from, double x0,
                         double y0, boolean selected, boolean diverged) {
    }

    private record Painted(BufferedImage image) {
    }

    /**
     * The painter's own state, touched only on its thread: the relief (sampled again when the surface,
     * the view or the colour map change), its drawing (again when the camera, the size or the look
     * change).
     */
    private static final class Painter {
        private Relief relief;
        private ReliefDrawing drawing;
        private Order drawn;
        private BufferedImage img;
        /** Each shown run's x, y and f, copied from its history into arrays kept from frame to frame. */
        private final List<double[][]> points = new ArrayList<>();

        BufferedImage paint(Order o) {
            if (relief == null || relief.surface() != o.surface() || !relief.view().equals(o.view()) || o.map() != drawn.map()) {
                relief = Relief.of(o.surface(), o.view(), o.map(), GRID);
                drawing = null;
            }
            if (drawing == null || drawing.width() != o.width() || drawing.height() != o.height() || o.lines() != drawn.lines()
                    || o.dark() != drawn.dark() || !o.camera().equals(drawn.camera()) || o.basins() != drawn.basins()) {
                drawing = relief.draw(o.camera(), o.width(), o.height(), o.lines(), o.dark(),
                        o.basins() == null ? null : dev.descent.export.MapUnderlay.drape(o.basins()));
            }
            drawn = o;
            if (img == null || img.getWidth() != o.width() || img.getHeight() != o.height()) {
                img = new BufferedImage(o.width(), o.height(), BufferedImage.TYPE_INT_ARGB_PRE);
            }
            // the JavaFX thread has copied the last picture before it orders the next
            drawing.paint(runs(o.runs()), o.style(), img);
            return img;
        }

        private List<Relief.Run> runs(List<Shown> shown) {
            List<Relief.Run> out = new ArrayList<>(shown.size());
            for (int i = 0; i < shown.size(); i++) {
                Shown r = shown.get(i);
                int rows = r.history().rows();
                if (points.size() <= i) {
                    points.add(new double[3][0]);
                }
                double[][] xyf = points.get(i);
                for (int c = 0; c < 3; c++) {
                    if (xyf[c].length < rows) {
                        xyf[c] = new double[Math.max(rows, 2 * xyf[c].length)];
                    }
                    r.history().copy(c + 1, xyf[c]); // channels 1, 2, 3: x, y, f
                }
                out.add(new Relief.Run(r.color(), r.label(), xyf[0], xyf[1], xyf[2], rows, r.from(), r.x0(), r.y0(),
                        r.selected(), r.diverged()));
            }
            return out;
        }
    }

    /** One thread paints every 3-D view; it never keeps the program from quitting. */
    private static final java.util.concurrent.Executor PAINTER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "descent-relief");
        t.setDaemon(true);
        return t;
    });

    /** The shown runs as they are at the frame, within the trail the session keeps. */
    private List<Shown> runs(Frame frame, SessionConfig s) {
        List<Shown> out = new ArrayList<>();
        for (int i = 0; i < s.runs().size(); i++) {
            RunConfig m = s.runs().get(i);
            RunFrame r = ctl.frameOf(frame, i);
            if (r == null || !m.shown()) {
                continue;
            }
            int rows = r.history().rows();
            int from = s.trail() > 0 ? Math.max(0, rows - s.trail()) : 0;
            out.add(new Shown(PlotView.color(m.color()), PlotView.label(m, r), r.history(), from, r.spec().x0(), r.spec().y0(),
                    i == ctl.selected(), r.status() == dev.descent.sim.RunStatus.DIVERGED));
        }
        return out;
    }
}
