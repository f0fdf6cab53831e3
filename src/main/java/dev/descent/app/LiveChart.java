package dev.descent.app;

import dev.descent.render.charts.ChartExport;
import dev.descent.render.charts.ChartFormat;
import dev.descent.render.charts.StepChart;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.File;
import java.io.IOException;
import java.nio.IntBuffer;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartRenderingInfo;

/**
 * One {@link StepChart} on screen: the chart as a picture JFreeChart draws off the JavaFX thread
 * (no zooming or panning: the data moves), a crosshair with a read-out of every line's exact value
 * at the step under the pointer, a click or drag that scrubs to a step, and a context menu that
 * saves the chart as PNG or SVG and switches the log scale.
 *
 * <p>Why a picture: JFreeChart-FX's viewer draws on the JavaFX thread whenever the chart changes,
 * and the renderer then replays its canvas; under the software pipeline one loss chart cost 10–25 ms
 * of a pulse that way. Here one painter thread draws every chart with Java2D (as the PNG export
 * does) and the pulse only hands the finished pixels over. The chart is edited on the JavaFX thread
 * and drawn on the painter's; {@link #tryEdit()} and {@link #edit} keep the two apart.
 */
public final class LiveChart extends StackPane {

    /** The one thread that draws every chart, one at a time, below the JavaFX thread's priority. */
    private static final Executor PAINTER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "descent-charts");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    /** Nanoseconds the painter has spent drawing, all charts together. */
    private static final AtomicLong DRAWING = new AtomicLong();

    private final StepChart chart;
    /** Held while the chart is edited (JavaFX thread) or drawn (painter). */
    private final ReentrantLock lock = new ReentrantLock();
    private final ImageView image = new ImageView();
    private final ContextMenu menu;
    private volatile boolean dirty = true;
    private volatile boolean inDraw;
    private final AtomicBoolean drawing = new AtomicBoolean();
    private final AtomicReference<Picture> ready = new AtomicReference<>();
    /** The painter's canvas, reused while the size stays. */
    private BufferedImage canvas;
    /** JavaFX thread: the pixels shown and the data area of the picture they hold. */
    private PixelBuffer<IntBuffer> shown;
    private Rectangle2D shownArea;
    /** JavaFX thread: the output scale the last drawing was asked for (a window moved to another screen draws anew). */
    private double drawnScale = 1;
    private final Pane overlay = new Pane();
    private final Line crosshair = new Line();
    private final VBox readout = new VBox(1);
    private Pane readoutLayer;
    private final CheckMenuItem logItem = new CheckMenuItem("Log scale");
    private LongConsumer onStep = s -> { };
    private Runnable onLogChanged = () -> { };
    private Consumer<String> message = m -> { };
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;

    public LiveChart(String id, StepChart chart) {
        this.chart = chart;
        setId(id);
        getStyleClass().add("live-chart");
        // a change made while the painter draws is the drawing's own (JFreeChart fires some): not new
        chart.chart().addChangeListener(e -> {
            if (!inDraw) {
                dirty = true;
            }
        });
        image.setManaged(false);
        StackPane.setAlignment(image, Pos.TOP_LEFT);
        widthProperty().addListener((o, a, b) -> resized());
        heightProperty().addListener((o, a, b) -> resized());

        MenuItem png = new MenuItem("Save as PNG…");
        png.setOnAction(e -> saveWithDialog(ChartExport.Format.PNG));
        MenuItem svg = new MenuItem("Save as SVG…");
        svg.setOnAction(e -> saveWithDialog(ChartExport.Format.SVG));
        logItem.setSelected(chart.isLog());
        logItem.setOnAction(e -> setLog(logItem.isSelected()));
        menu = new ContextMenu(png, svg, new SeparatorMenuItem(), logItem);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));

        crosshair.getStyleClass().add("chart-crosshair");
        crosshair.setVisible(false);
        crosshair.setManaged(false);
        readout.getStyleClass().add("chart-readout");
        readout.setManaged(false);
        readout.setMouseTransparent(true);
        readout.setVisible(false);
        overlay.getChildren().addAll(crosshair, readout);
        readoutLayer = overlay;
        overlay.setMouseTransparent(true);
        getChildren().addAll(image, overlay);

        setMinSize(150, 110);
        setPrefSize(300, 190);

        addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointer(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> pointer(Double.NaN, Double.NaN));
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::scrubEvent);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            scrubEvent(e);
            pointer(e.getX(), e.getY());
        });
    }

    public StepChart chart() {
        return chart;
    }

    /** The picture of the chart on screen (tests read its pixels). */
    public ImageView picture() {
        return image;
    }

    // ---- drawing ------------------------------------------------------------------------------

    /** A drawn chart: the canvas, the size it was drawn for (in layout units) and its data area. */
    private record Picture(BufferedImage pixels, double width, double height, Rectangle2D dataArea) {
    }

    /**
     * Called every pulse (JavaFX thread): shows the picture the painter finished, then, when the chart
     * changed and is {@code visible}, has it drawn again. Never waits for the painter.
     */
    public void pulse(boolean visible) {
        boolean idle = !drawing.get(); // read before the picture: a finished drawing has put it there
        Picture p = ready.getAndSet(null);
        if (p != null) {
            show(p);
        }
        double w = getWidth();
        double h = getHeight();
        if (!idle || !visible || getScene() == null || getScene().getWindow() == null || w < 1 || h < 1) {
            return;
        }
        double scale = getScene().getWindow().getOutputScaleX();
        if (!dirty && scale == drawnScale) {
            return;
        }
        drawnScale = scale;
        dirty = false;
        drawing.set(true);
        PAINTER.execute(() -> draw(w, h, scale));
    }

    /** The painter's part: the chart drawn into its canvas at {@code scale} pixels per unit. */
    private void draw(double w, double h, double scale) {
        long t0 = System.nanoTime();
        try {
            int pw = (int) Math.ceil(w * scale);
            int ph = (int) Math.ceil(h * scale);
            if (canvas == null || canvas.getWidth() != pw || canvas.getHeight() != ph) {
                canvas = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
            }
            ChartRenderingInfo info = new ChartRenderingInfo();
            Graphics2D g = canvas.createGraphics();
            lock.lock();
            inDraw = true;
            try {
                ChartExport.prepare(g, scale);
                chart.chart().draw(g, new Rectangle2D.Double(0, 0, w, h), info);
            } finally {
                inDraw = false;
                lock.unlock();
                g.dispose();
            }
            Rectangle2D area = info.getPlotInfo() == null ? null : info.getPlotInfo().getDataArea();
            ready.set(new Picture(canvas, w, h, area == null ? null : (Rectangle2D) area.clone()));
        } finally { // a drawing that throws leaves the last picture and is tried again at the next change
            drawing.set(false);
            DRAWING.addAndGet(System.nanoTime() - t0);
        }
    }

    /** JavaFX thread: the finished picture's pixels handed to the screen. */
    private void show(Picture p) {
        int pw = p.pixels().getWidth();
        int ph = p.pixels().getHeight();
        if (shown == null || shown.getWidth() != pw || shown.getHeight() != ph) {
            shown = new PixelBuffer<>(pw, ph, IntBuffer.allocate(pw * ph), PixelFormat.getIntArgbPreInstance());
            image.setImage(new WritableImage(shown));
        }
        int[] src = ((DataBufferInt) p.pixels().getRaster().getDataBuffer()).getData();
        System.arraycopy(src, 0, shown.getBuffer().array(), 0, pw * ph);
        shown.updateBuffer(b -> null);
        image.setFitWidth(p.width());
        image.setFitHeight(p.height());
        shownArea = p.dataArea();
        refreshReadout();
    }

    private void resized() {
        dirty = true;
        if (image.getImage() != null) { // stretched until drawn at the new size
            image.setFitWidth(getWidth());
            image.setFitHeight(getHeight());
        }
    }

    /** Whether the picture shown is the chart as it is: nothing changed, nothing being drawn or waiting to be shown. */
    boolean isCurrent() {
        return !dirty && !drawing.get() && ready.get() == null;
    }

    /** Nanoseconds the painter has spent drawing charts since start (the update interval adapts to it). */
    public static long drawingNanos() {
        return DRAWING.get();
    }

    /**
     * Takes the chart for an edit on the JavaFX thread unless the painter is drawing it; on true,
     * {@link #endEdit()} must follow.
     */
    public boolean tryEdit() {
        return lock.tryLock();
    }

    public void endEdit() {
        lock.unlock();
    }

    /** Edits the chart, waiting for a drawing under way (user actions, which are rare). */
    public void edit(Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }

    /** Told the step a click or drag on the data area points at. */
    public void setOnStep(LongConsumer c) {
        onStep = c;
    }

    /** Told after the log scale was switched from the context menu (the owner refeeds the lines). */
    public void setOnLogChanged(Runnable r) {
        onLogChanged = r;
    }

    /** Where errors of saving go (the status bar). */
    public void setMessage(Consumer<String> m) {
        message = m;
    }

    public void setLog(boolean log) {
        logItem.setSelected(log);
        if (log != chart.isLog()) {
            edit(() -> chart.setLog(log));
            onLogChanged.run();
        }
    }

    /** Redraws the read-out after new data (the values under a still pointer change while playing). */
    public void refreshReadout() {
        if (!Double.isNaN(pointerX)) {
            pointer(pointerX, pointerY);
        }
    }

    // ---- geometry -----------------------------------------------------------------------------

    /** The plot's data area in this node's coordinates, from the last drawing; null before it. */
    public Rectangle2D dataArea() {
        Rectangle2D a = shownArea;
        return a == null || a.getWidth() <= 0 || a.getHeight() <= 0 ? null : a;
    }

    /** The step under {@code x} (this node's coordinates), or -1 outside the data area. */
    public long stepAt(double x, double y) {
        Rectangle2D a = dataArea();
        if (a == null || x < a.getMinX() - 1 || x > a.getMaxX() + 1 || y < a.getMinY() || y > a.getMaxY()) {
            return -1;
        }
        return Math.max(0, Math.round(chart.stepAt(x, a)));
    }

    /** The screen point over {@code step}, halfway up the data area (tests click there). */
    public Point2D screenPointOf(double step) {
        Rectangle2D a = dataArea();
        if (a == null) {
            return null;
        }
        return localToScreen(chart.xOf(step, a), a.getCenterY());
    }

    // ---- pointer ------------------------------------------------------------------------------

    private void scrubEvent(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.isPopupTrigger()) {
            return;
        }
        long step = stepAt(e.getX(), e.getY());
        if (step >= 0) {
            onStep.accept(step);
        }
    }

    private void pointer(double x, double y) {
        pointerX = x;
        pointerY = y;
        long step = Double.isNaN(x) ? -1 : stepAt(x, y);
        Rectangle2D a = dataArea();
        if (step < 0 || a == null || chart.lines().isEmpty() || getScene() == null) {
            crosshair.setVisible(false);
            readout.setVisible(false);
            return;
        }
        double px = chart.xOf(step, a);
        crosshair.setStartX(px);
        crosshair.setEndX(px);
        crosshair.setStartY(a.getMinY());
        crosshair.setEndY(a.getMaxY());
        crosshair.setVisible(true);

        // the read-out floats on a layer above all charts: it may be taller than a small chart
        java.awt.Color bg = chart.theme().background();
        java.awt.Color fg = chart.theme().foreground();
        java.awt.Color muted = chart.theme().muted();
        java.awt.Color border = chart.theme().border();
        readout.setStyle("-fx-background-color: " + css(bg) + "; -fx-border-color: " + css(border)
                + "; -fx-background-radius: 5; -fx-border-radius: 5; -fx-padding: 4 8 4 8;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);");
        readout.getChildren().clear();
        Label head = new Label("step " + ChartFormat.step(step));
        head.setStyle("-fx-font-weight: bold; -fx-font-size: 11px; -fx-text-fill: " + css(fg) + ";");
        readout.getChildren().add(head);
        int shown = 0;
        for (StepChart.Line l : chart.lines()) {
            if (++shown > 10) {
                break;
            }
            double v = l.readout().applyAsDouble(step);
            Circle dot = new Circle(4, Color.rgb(l.color().getRed(), l.color().getGreen(), l.color().getBlue()));
            Label name = new Label(l.label());
            name.setStyle("-fx-font-size: 11px; -fx-text-fill: " + css(fg) + ";");
            Label value = new Label(ChartFormat.number(v, 5));
            value.setStyle("-fx-font-size: 11px; -fx-font-family: 'DejaVu Sans Mono', monospace; -fx-text-fill: "
                    + css(muted) + ";");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(5, dot, name, gap, value);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            readout.getChildren().add(row);
        }
        if (readout.getParent() != readoutLayer) {
            if (readout.getParent() instanceof Pane old) {
                old.getChildren().remove(readout);
            }
            readoutLayer.getChildren().add(readout);
        }
        readout.setVisible(true);
        readout.applyCss();
        readout.autosize();
        double w = readout.getWidth();
        double h = readout.getHeight();
        Point2D right = readoutLayer.sceneToLocal(localToScene(px + 14, y));
        Point2D left = readoutLayer.sceneToLocal(localToScene(px - 14, y));
        Point2D edge = readoutLayer.sceneToLocal(localToScene(a.getMaxX(), 0));
        double rx = right.getX() + w > Math.min(edge.getX(), readoutLayer.getWidth()) ? left.getX() - w : right.getX();
        double ry = right.getY() - h / 2;
        rx = Math.max(0, Math.min(rx, readoutLayer.getWidth() - w));
        ry = Math.max(0, Math.min(ry, readoutLayer.getHeight() - h));
        readout.relocate(rx, ry);
    }

    /**
     * Where the read-out is drawn: a mouse-transparent pane over all charts (so it is not cut by the
     * chart's bounds); this chart's own overlay by default.
     */
    public void setReadoutLayer(Pane layer) {
        readoutLayer = layer == null ? overlay : layer;
    }

    private static String css(java.awt.Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Whether the hover read-out is showing (tests). */
    public boolean isReadoutShowing() {
        return readout.isVisible() && readout.getParent() != null;
    }

    /** The read-out's lines of text (tests). */
    public java.util.List<String> readoutText() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (javafx.scene.Node n : readout.getChildren()) {
            if (n instanceof Label l) {
                out.add(l.getText());
            } else if (n instanceof HBox row) {
                StringBuilder sb = new StringBuilder();
                for (javafx.scene.Node c : row.getChildren()) {
                    if (c instanceof Label l) {
                        sb.append(sb.length() == 0 ? "" : " ").append(l.getText());
                    }
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    // ---- saving -------------------------------------------------------------------------------

    /** Size of a saved chart: as on screen, at least 640 × 400. */
    private int[] saveSize() {
        return new int[] {(int) Math.max(640, getWidth()), (int) Math.max(400, getHeight())};
    }

    /** Writes the chart to {@code file} (.png or .svg) as it is now; the file name decides the format. */
    public void save(File file) throws IOException {
        int[] s = saveSize();
        lock.lock();
        try {
            ChartExport.write(chart, file, s[0], s[1]);
        } finally {
            lock.unlock();
        }
    }

    private void saveWithDialog(ChartExport.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart as " + format.name());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
        chooser.setInitialFileName(fileName(getId() != null ? getId() : chart.title()) + "." + format.extension());
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return;
        }
        if (ChartExport.Format.of(f) == null) {
            f = new File(f.getPath() + "." + format.extension());
        }
        try {
            save(f);
            message.accept("Saved " + f.getName());
        } catch (IOException | RuntimeException ex) {
            message.accept("Could not save " + f.getName() + ": " + ex.getMessage());
        }
    }

    /** A file name from a chart title: "Step size ‖Δθ‖" → "step-size". */
    static String fileName(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "chart" : s;
    }
}
