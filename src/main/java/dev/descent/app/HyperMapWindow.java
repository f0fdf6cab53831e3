package dev.descent.app;

import dev.descent.render.PlotPainter;
import dev.descent.session.SessionController;
import dev.descent.session.RunConfig;
import dev.descent.session.Sessions;
import dev.descent.math.ParamSpec;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerKind;
import dev.descent.render.HyperMapPainter;
import dev.descent.render.MapColors;
import dev.descent.render.Style;
import dev.descent.sim.BasinMap;
import dev.descent.sim.HyperAxis;
import dev.descent.sim.HyperMap;
import dev.descent.sim.MapResult;
import dev.descent.sim.RunSpec;
import dev.descent.sim.StabilityTheory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.fx.FXGraphics2D;

/**
 * The hyperparameter map of the selected run in a window of its own: two of its optimizer's
 * hyperparameters over a grid (log axes for lr and ε, near-one for betas and momentum), every cell
 * run from the run's start; the current setting ringed; on the quadratic, SGD's stability boundary
 * drawn over it. Click a cell to adopt its values. Recomputed, coarse then fine, whenever the run or
 * the choices change.
 */
public final class HyperMapWindow {

    private final SessionController ctl;
    private final Consumer<String> message;
    private final Stage stage = new Stage();
    private final Canvas canvas = new Canvas(760, 620);
    private final FXGraphics2D g2 = new FXGraphics2D(canvas.getGraphicsContext2D());

    {
        canvas.getGraphicsContext2D().setImageSmoothing(false); // one sharp square per cell
    }
    private final ComboBox<String> xBox = new ComboBox<>();
    private final ComboBox<String> yBox = new ComboBox<>();
    private final ComboBox<String> colorBox = new ComboBox<>();
    private final ComboBox<Integer> gridBox = new ComboBox<>();
    private final ComboBox<Integer> stepsBox = new ComboBox<>();
    private final Label status = new Label();
    private final ExecutorService coordinator = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hyper-map");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private boolean updatingChoices;
    private String optimizerShown;
    private HyperMap.Request shownRequest;
    private MapResult shownResult;
    private HyperMapPainter.Decor shownDecor;
    private long mapsMade;

    public HyperMapWindow(SessionController ctl, Window owner, Consumer<String> message) {
        this.ctl = ctl;
        this.message = message;
        stage.initOwner(owner);
        stage.setTitle("Hyperparameter map — Descent");
        colorBox.getItems().addAll("ending", "final loss", "steps to a minimum");
        colorBox.setValue("ending");
        gridBox.getItems().addAll(32, 64, 128);
        gridBox.setValue(64);
        stepsBox.getItems().addAll(100, 300, 1000);
        stepsBox.setValue(300);
        xBox.setId("hyperX");
        yBox.setId("hyperY");
        for (ComboBox<?> b : List.of(xBox, yBox, colorBox, gridBox, stepsBox)) {
            b.setOnAction(e -> {
                if (!updatingChoices) {
                    recompute();
                }
            });
        }
        HBox bar = new HBox(8, new Label("x:"), xBox, new Label("y:"), yBox, new Label("colour:"), colorBox,
                new Label("grid:"), gridBox, new Label("steps:"), stepsBox);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        Pane holder = new Pane(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> repaint());
        canvas.heightProperty().addListener((o, a, b) -> repaint());
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseClicked(this::clicked);
        status.setPadding(new Insets(4, 8, 8, 8));
        BorderPane root = new BorderPane(holder, bar, null, status, null);
        stage.setScene(new Scene(root, 900, 720));
        ctl.addListener(c -> {
            switch (c) {
                case RUN, SELECTION, SURFACE, LOADED, RUNS -> {
                    if (stage.isShowing()) {
                        Platform.runLater(this::recompute);
                    }
                }
                default -> {
                }
            }
        });
        stage.setOnHidden(e -> generation.incrementAndGet());
    }

    public void show() {
        stage.show();
        stage.toFront();
        recompute();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public Stage stage() {
        return stage;
    }

    /** Maps finished so far (tests wait on it). */
    public long mapsMade() {
        return mapsMade;
    }

    public MapResult result() {
        return shownResult;
    }

    public HyperMap.Request request() {
        return shownRequest;
    }

    private int selected() {
        return ctl.selected() >= 0 ? Math.min(ctl.selected(), ctl.runs().size() - 1) : 0;
    }

    /** Fills the axis choices with the optimizer's sweepable hyperparameters when it changed. */
    private void updateChoices(OptimizerKind kind) {
        if (kind.id().equals(optimizerShown)) {
            return;
        }
        optimizerShown = kind.id();
        List<String> names = new ArrayList<>();
        for (ParamSpec p : kind.params()) {
            if (p.type() == ParamSpec.Type.PAIR && p.name().equals("betas")) {
                names.add("beta1");
                names.add("beta2");
            } else if (HyperAxis.sweepable(kind, p.name())) {
                names.add(p.name());
            }
        }
        updatingChoices = true;
        xBox.getItems().setAll(names);
        yBox.getItems().setAll(names);
        String x = names.contains("lr") ? "lr" : names.isEmpty() ? null : names.get(0);
        String y = null;
        for (String preferred : new String[] {"momentum", "beta1", "alpha", "rho", "eps"}) {
            if (names.contains(preferred) && !preferred.equals(x)) {
                y = preferred;
                break;
            }
        }
        if (y == null) {
            y = names.stream().filter(n -> !n.equals(xBox.getValue())).findFirst().orElse(null);
        }
        xBox.setValue(x);
        yBox.setValue(y);
        updatingChoices = false;
    }

    private void recompute() {
        if (!stage.isShowing() || ctl.runs().isEmpty()) {
            return;
        }
        RunConfig run = ctl.run(selected());
        RunSpec spec;
        try {
            spec = run.toRunSpec(ctl.surface());
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        updateChoices(spec.optimizer().kind());
        String xName = xBox.getValue();
        String yName = yBox.getValue();
        if (xName == null || yName == null || xName.equals(yName)) {
            status.setText(spec.optimizer().kind().title() + " needs two different real hyperparameters for a map");
            return;
        }
        OptimizerKind kind = spec.optimizer().kind();
        HyperMap.Request full;
        try {
            full = new HyperMap.Request(spec, HyperAxis.overSliderRange(kind, xName), HyperAxis.overSliderRange(kind, yName),
                    gridBox.getValue(), gridBox.getValue(), stepsBox.getValue(), 1e-2);
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        long gen = generation.incrementAndGet();
        BooleanSupplier cancelled = () -> generation.get() != gen;
        String name = run.name();
        status.setText("computing the map of " + name + "…");
        int threads = Runtime.getRuntime().availableProcessors();
        coordinator.execute(() -> {
            try {
                for (int div : new int[] {4, 1}) {
                    if (cancelled.getAsBoolean()) {
                        return;
                    }
                    HyperMap.Request req = full.withSize(Math.max(4, full.cols() / div), Math.max(4, full.rows() / div));
                    MapResult r = HyperMap.compute(req, threads, cancelled);
                    var decor = new HyperMapPainter.Decor(name + ": " + spec.optimizer().label() + " from ("
                            + PlotPainter.shortNumber(spec.x0()) + ", " + PlotPainter.shortNumber(spec.y0()) + "), "
                            + req.steps() + " steps" + (div > 1 ? " (refining…)" : ""),
                            HyperMap.valueOf(spec.optimizer(), xName), HyperMap.valueOf(spec.optimizer(), yName),
                            StabilityTheory.boundary(req));
                    Platform.runLater(() -> {
                        if (cancelled.getAsBoolean()) {
                            return;
                        }
                        shownRequest = req;
                        shownResult = r;
                        shownDecor = decor;
                        mapsMade++;
                        status.setText("Click a cell to give " + name + " its values.");
                        repaint();
                    });
                }
            } catch (BasinMap.Cancelled c) {
                // a newer request took over
            } catch (IllegalArgumentException | IllegalStateException e) {
                Platform.runLater(() -> status.setText(e.getMessage()));
            }
        });
    }

    private MapColors.Mode mode() {
        return switch (colorBox.getValue()) {
            case "final loss" -> MapColors.Mode.LOSS;
            case "steps to a minimum" -> MapColors.Mode.STEPS;
            default -> MapColors.Mode.ENDING;
        };
    }

    private Style style() {
        return Style.forSize((int) canvas.getWidth(), (int) canvas.getHeight(), 1.0, false);
    }

    private void repaint() {
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        if (w < 64 || h < 64 || shownResult == null) {
            return;
        }
        HyperMapPainter.paint(g2, w, h, shownResult, shownRequest.x(), shownRequest.y(), mode(), shownDecor, style());
    }

    private int[] cellAt(MouseEvent e) {
        if (shownResult == null) {
            return null;
        }
        var plot = HyperMapPainter.plotArea((int) canvas.getWidth(), (int) canvas.getHeight(), style());
        return HyperMapPainter.cellAt(plot, shownResult, e.getX(), e.getY());
    }

    private void hover(MouseEvent e) {
        int[] c = cellAt(e);
        if (c == null) {
            return;
        }
        HyperMap.Request req = shownRequest;
        MapResult r = shownResult;
        int k = r.index(c[0], c[1]);
        status.setText(String.format(Locale.ROOT, "%s = %s, %s = %s: %s, loss %s after %d steps — click to adopt",
                req.x().name(), PlotPainter.shortNumber(req.x().value(c[0], r.cols())), req.y().name(),
                PlotPainter.shortNumber(req.y().value(c[1], r.rows())), r.ends().describe(r.end()[k]),
                PlotPainter.shortNumber(r.loss()[k]), r.steps()[k]));
    }

    private void clicked(MouseEvent e) {
        int[] c = cellAt(e);
        if (c == null) {
            return;
        }
        adopt(c[0], c[1]);
    }

    /** Gives the selected run the values of cell (i, j); a refused pair leaves the run as it was. */
    public void adopt(int i, int j) {
        HyperMap.Request req = shownRequest;
        if (req == null) {
            return;
        }
        double vx = req.x().value(i, shownResult.cols());
        double vy = req.y().value(j, shownResult.rows());
        int index = selected();
        var problem = ctl.updateRun(index, r -> set(set(r, req.spec().optimizer(), req.x().name(), vx), req.spec().optimizer(),
                req.y().name(), vy));
        problem.ifPresentOrElse(p -> status.setText("Not adopted: " + p),
                () -> message.accept(String.format(Locale.ROOT, "%s = %s, %s = %s from the hyperparameter map",
                        req.x().name(), PlotPainter.shortNumber(vx), req.y().name(), PlotPainter.shortNumber(vy))));
    }

    private static RunConfig set(RunConfig r, Optimizer o, String name, double v) {
        if (name.equals("beta1") || name.equals("beta2")) {
            double[] betas = o.hyperparameters().pair("betas");
            Object current = r.hyperparameters().get("betas");
            if (current instanceof List<?> l && l.size() == 2) {
                betas = new double[] {((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue()};
            } else if (current instanceof double[] d && d.length == 2) {
                betas = d.clone();
            }
            betas[name.equals("beta1") ? 0 : 1] = v;
            return r.withHyperparameter("betas", betas);
        }
        return r.withHyperparameter(name, v);
    }

    public void dispose() {
        generation.incrementAndGet();
        coordinator.shutdownNow();
    }
}
