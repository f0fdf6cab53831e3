package dev.descent.app;

import dev.descent.render.charts.ChartExport;
import dev.descent.render.charts.ChartFormat;
import dev.descent.render.charts.StepChart;
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
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
        readout.setManaged(false);
        readout.setMouseTransparent(true);
        readout.setVisible(false);
        overlay.getChildren().addAll(crosshair, readout);
        readoutLayer = overlay;
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
