package dev.descent.app;

import dev.descent.app.charts.ChartExport;
import dev.descent.app.charts.ChartFormat;
import dev.descent.app.charts.StepChart;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;

/**
 * One {@link StepChart} on screen: a JFreeChart-FX {@link ChartViewer} without zooming or panning
 * (the data moves), a crosshair with a read-out of every line's exact value at the step under the
 * pointer, a click or drag that scrubs to a step, and a context menu that saves the chart as PNG or
 * SVG and switches the log scale.
 */
public final class LiveChart extends StackPane {

    private final StepChart chart;
    private final ChartViewer viewer;
    private final Pane overlay = new Pane();
    private final Line crosshair = new Line();
    private final VBox readout = new VBox(1);
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
        viewer = new ChartViewer(chart.chart());
        ChartCanvas canvas = viewer.getCanvas();
        // the data moves under the pointer: no zooming, panning, JFreeChart tooltips or anchors
        for (String h : new String[] {"zoom", "pan"}) {
            if (canvas.getMouseHandler(h) != null) {
                canvas.removeMouseHandler(canvas.getMouseHandler(h));
            }
        }
        for (String h : new String[] {"tooltip", "scroll", "anchor", "dispatch"}) {
            if (canvas.getMouseHandler(h) != null) {
                canvas.removeAuxiliaryMouseHandler(canvas.getMouseHandler(h));
            }
        }
        canvas.setTooltipEnabled(false);
        canvas.setDomainZoomable(false);
        canvas.setRangeZoomable(false);
        viewer.setFocusTraversable(false);

        MenuItem png = new MenuItem("Save as PNG…");
        png.setOnAction(e -> saveWithDialog(ChartExport.Format.PNG));
        MenuItem svg = new MenuItem("Save as SVG…");
        svg.setOnAction(e -> saveWithDialog(ChartExport.Format.SVG));
        logItem.setSelected(chart.isLog());
        logItem.setOnAction(e -> setLog(logItem.isSelected()));
        viewer.getContextMenu().getItems().setAll(png, svg, new SeparatorMenuItem(), logItem);

        crosshair.getStyleClass().add("chart-crosshair");
        crosshair.setVisible(false);
        crosshair.setManaged(false);
        readout.getStyleClass().add("chart-readout");
        readout.setVisible(false);
        readout.setManaged(false);
        overlay.getChildren().addAll(crosshair, readout);
        overlay.setMouseTransparent(true);
        getChildren().addAll(viewer, overlay);

        setMinSize(150, 110);
        setPrefSize(300, 190);
        viewer.setMinSize(0, 0);
        viewer.setPrefSize(300, 190);

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

    public ChartViewer viewer() {
        return viewer;
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
            chart.setLog(log);
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
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return null;
        }
        Rectangle2D a = info.getPlotInfo().getDataArea();
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
        if (step < 0 || a == null || chart.lines().isEmpty()) {
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

        readout.getChildren().clear();
        Label head = new Label("step " + ChartFormat.step(step));
        head.getStyleClass().add("chart-readout-head");
        readout.getChildren().add(head);
        int shown = 0;
        for (StepChart.Line l : chart.lines()) {
            if (++shown > 8) {
                readout.getChildren().add(new Label("…"));
                break;
            }
            double v = l.readout().applyAsDouble(step);
            Circle dot = new Circle(4, Color.rgb(l.color().getRed(), l.color().getGreen(), l.color().getBlue()));
            Label name = new Label(l.label());
            name.getStyleClass().add("chart-readout-name");
            Label value = new Label(ChartFormat.number(v, 5));
            value.getStyleClass().add("chart-readout-value");
            HBox row = new HBox(5, dot, name, value);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            readout.getChildren().add(row);
        }
        readout.setPadding(new Insets(4, 7, 4, 7));
        readout.setVisible(true);
        readout.applyCss();
        readout.autosize();
        double w = readout.getWidth();
        double h = readout.getHeight();
        double rx = px + 12 + w > a.getMaxX() ? px - 12 - w : px + 12;
        double ry = Math.max(a.getMinY() + 2, Math.min(y - h / 2, a.getMaxY() - h - 2));
        readout.relocate(Math.max(0, rx), Math.max(0, ry));
    }

    // ---- saving -------------------------------------------------------------------------------

    /** Size of a saved chart: as on screen, at least 640 × 400. */
    private int[] saveSize() {
        return new int[] {(int) Math.max(640, getWidth()), (int) Math.max(400, getHeight())};
    }

    /** Writes the chart to {@code file} (.png or .svg) as it is now; the file name decides the format. */
    public void save(File file) throws IOException {
        int[] s = saveSize();
        ChartExport.write(chart, file, s[0], s[1]);
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
