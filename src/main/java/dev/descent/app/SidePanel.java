package dev.descent.app;

import dev.descent.render.PlotPainter;
import atlantafx.base.theme.Styles;
import dev.descent.session.ConfigChecks;
import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.session.SessionController;
import dev.descent.session.Sessions;
import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import dev.descent.math.SurfaceKind;
import dev.descent.math.Surfaces;
import dev.descent.optim.OptimizerKind;
import dev.descent.optim.Optimizers;
import dev.descent.optim.ScheduleKind;
import dev.descent.optim.Schedules;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The side panel: the surface and its parameters, the runs (add, remove, duplicate, show/hide,
 * select, rename, recolour, live numbers), and the selected run's optimizer, hyperparameters,
 * schedule, noise and start — all built from the specs, never from knowledge of an optimizer.
 */
final class SidePanel extends VBox {

    private final SessionController ctl;
    private final Consumer<String> message;

    private final ComboBox<SurfaceKind> surfaceBox = new ComboBox<>();
    private final Label surfaceDescription = new Label();
    private final Label surfaceFormula = new Label();
    private final VBox surfaceParams = new VBox(6);
    private String builtSurface;

    private final VBox runRows = new VBox(4);
    private final List<RunRow> rows = new ArrayList<>();
    private final Button addButton = iconButton("mdi2p-plus", "Add a run (at most 8)");
    private final Button duplicateButton = iconButton("mdi2c-content-copy", "Duplicate the selected run");
    private final Button removeButton = iconButton("mdi2d-delete-outline", "Remove the selected run");

    private final VBox runEditor = new VBox(8);
    private final Label runTitle = new Label();
    private int builtFor = -2;
    private String builtOptimizer;
    private String builtSchedule;
    private boolean building;
    private Runnable focusHome = () -> { };

    /** Where a dragged hyperparameter's ghost path goes: run i with {@code name} set to v (name null: none). */
    interface GhostSink {
        void preview(int run, String name, Object value);
    }

    private GhostSink ghost = (i, n, v) -> { };

    void setGhostSink(GhostSink g) {
        ghost = g;
    }

    SidePanel(SessionController ctl, Consumer<String> message) {
        this.ctl = ctl;
        this.message = message;
        setSpacing(10);
        setPadding(new Insets(12, 14, 16, 14));
        getStyleClass().add("side-panel");

        // ---- surface
        surfaceBox.setId("surface");
        surfaceBox.getItems().setAll(Surfaces.all());
        surfaceBox.setMaxWidth(Double.MAX_VALUE);
        surfaceBox.setVisibleRowCount(6); // two-line items: ten of them run off a 1000 px screen
        surfaceBox.setCellFactory(l -> new KindCell<>(SurfaceKind::title, Sessions::describe));
        surfaceBox.setButtonCell(new KindCell<>(SurfaceKind::title, k -> ""));
        surfaceBox.valueProperty().addListener((o, a, b) -> {
            if (!building && b != null && !b.id().equals(ctl.session().surface())) {
                ctl.setSurface(b.id()).ifPresent(message);
                focusHome.run();
            }
        });
        surfaceDescription.setWrapText(true);
        surfaceDescription.getStyleClass().add(Styles.TEXT_MUTED);
        surfaceFormula.setWrapText(true);
        surfaceFormula.getStyleClass().addAll("formula");
        getChildren().addAll(header("Surface"), surfaceBox, surfaceDescription, surfaceFormula, surfaceParams);

        // ---- runs
        addButton.setId("addRun");
        duplicateButton.setId("duplicateRun");
        removeButton.setId("removeRun");
        addButton.setOnAction(e -> ctl.addRun().ifPresent(message));
        duplicateButton.setOnAction(e -> {
            if (ctl.selected() >= 0) {
                ctl.duplicateRun(ctl.selected()).ifPresent(message);
            }
        });
        removeButton.setOnAction(e -> {
            if (ctl.selected() >= 0) {
                ctl.removeRun(ctl.selected());
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox runsHeader = new HBox(4, header("Runs"), gap, addButton, duplicateButton, removeButton);
        runsHeader.setAlignment(Pos.CENTER_LEFT);
        runRows.setId("runs");
        getChildren().addAll(new Separator(), runsHeader, runRows);

        // ---- the selected run
        runTitle.getStyleClass().add(Styles.TITLE_4);
        runEditor.setId("runEditor");
        getChildren().addAll(new Separator(), runEditor);

        ctl.addListener(c -> {
            switch (c) {
                case LOADED -> rebuildAll();
                case SURFACE -> {
                    rebuildSurface();
                    if (!ctl.session().surface().equals(builtSurfaceRuns)) {
                        rebuildRunEditor(true);
                    }
                    refreshRows();
                }
                case RUNS -> {
                    rebuildRows();
                    rebuildRunEditor(true);
                }
                case SELECTION -> {
                    refreshRows();
                    rebuildRunEditor(false);
                }
                case RUN -> {
                    refreshRows();
                    rebuildRunEditor(false);
                }
                default -> {
                }
            }
        });
        rebuildAll();
    }

    /** Where the keyboard goes after a choice or a rebuild: the plot, so Space and R reach it. */
    void setFocusHome(Runnable r) {
        focusHome = r;
    }

    /**
     * Before {@code container}'s children are replaced: when one of them has the focus, the plot
     * takes it first. Otherwise JavaFX hands it to the next control in the window (the toolbar),
     * where the next Space would type into a field nobody aimed at.
     */
    private void releaseFocusFrom(Node container) {
        if (getScene() == null) {
            return;
        }
        for (Node n = getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == container) {
                focusHome.run();
                return;
            }
        }
    }

    private String builtSurfaceRuns;
    private TextField startX;
    private TextField startY;

    private void rebuildAll() {
        builtSurface = null;
        rebuildSurface();
        rebuildRows();
        rebuildRunEditor(true);
    }

    static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TITLE_4, "section-header");
        return l;
    }

    static Button iconButton(String icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Tips.set(b, tip);
        return b;
    }

    // ---- surface ------------------------------------------------------------------------------

    private void rebuildSurface() {
        SessionConfig s = ctl.session();
        SurfaceKind kind = Surfaces.find(s.surface());
        building = true;
        try {
            surfaceBox.setValue(kind);
        } finally {
            building = false;
        }
        surfaceDescription.setText(ctl.surface().description());
        surfaceFormula.setText(ctl.surface().formula());
        if (kind.id().equals(builtSurface)) {
            return;
        }
        builtSurface = kind.id();
        releaseFocusFrom(surfaceParams);
        surfaceParams.getChildren().clear();
        Params values = ctl.surface().parameters();
        for (ParamSpec p : kind.params()) {
            Object v = values.asMap().containsKey(p.name()) ? values.get(p.name()) : p.defaultValue();
            ParamEditor ed = new ParamEditor(p, v, "surface-", kind.title(), val -> ctl.setSurfaceParam(p.name(), val));
            surfaceParams.getChildren().add(ed.node());
        }
    }

    // ---- runs list ----------------------------------------------------------------------------

    private void rebuildRows() {
        rows.clear();
        releaseFocusFrom(runRows);
        runRows.getChildren().clear();
        for (int i = 0; i < ctl.runs().size(); i++) {
            RunRow row = new RunRow(i);
            rows.add(row);
            runRows.getChildren().add(row);
        }
        if (rows.isEmpty()) {
            Label empty = new Label("No runs. Add one with +.");
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            runRows.getChildren().add(empty);
        }
        addButton.setDisable(!ctl.canAddRun());
        duplicateButton.setDisable(!ctl.canAddRun() || ctl.selected() < 0);
        removeButton.setDisable(ctl.selected() < 0);
        refreshRows();
    }

    private void refreshRows() {
        if (rows.size() != ctl.runs().size()) {
            rebuildRows();
            return;
        }
        for (RunRow r : rows) {
            r.refresh();
        }
    }

    /** Live numbers: step, loss, ‖∇f‖ and the status badge of every run. */
    void updateStats(Frame f) {
        for (RunRow r : rows) {
            r.stats(ctl.frameOf(f, r.index));
        }
    }

    private final class RunRow extends HBox {
        final int index;
        final Circle swatch = new Circle(7);
        final Button eye = new Button();
        final Label name = new Label();
        final Label numbers = new Label();
        final Label badge = new Label();

        RunRow(int index) {
            this.index = index;
            setId("run-" + index);
            getStyleClass().add("run-row");
            setAlignment(Pos.CENTER_LEFT);
            setSpacing(8);
            setPadding(new Insets(5, 8, 5, 8));
            eye.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            eye.setId("visible-" + index);
            Tips.set(eye, "Show or hide this run's path (it keeps running)");
            eye.setOnAction(e -> ctl.updateRunLook(index, r -> r.withVisible(!r.shown())));
            name.getStyleClass().add(Styles.TEXT_BOLD);
            numbers.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "run-numbers");
            badge.getStyleClass().addAll("badge");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            VBox text = new VBox(1, name, numbers);
            HBox.setHgrow(text, Priority.ALWAYS);
            getChildren().addAll(swatch, text, badge, eye);
            setOnMouseClicked(e -> ctl.select(index));
        }

        void refresh() {
            RunConfig m = ctl.run(index);
            swatch.setFill(Color.web(m.color()));
            swatch.setStroke(Color.gray(0.2, 0.6));
            name.setText(m.name());
            eye.setGraphic(new FontIcon(m.shown() ? "mdi2e-eye-outline" : "mdi2e-eye-off-outline"));
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), index == ctl.selected());
        }

        void stats(RunFrame r) {
            if (r == null) {
                numbers.setText("");
                badge.setText("");
                return;
            }
            numbers.setText("step " + r.step() + "  f " + PlotPainter.shortNumber(r.loss())
                    + "  ‖∇f‖ " + PlotPainter.shortNumber(r.gradNorm())
                    + (r.uphillSteps() > 0 ? "  ↑" + r.uphillSteps() : ""));
            String b = switch (r.status()) {
                case CONVERGED -> "minimum";
                case STALLED -> "stalled";
                case ESCAPED -> "escaped";
                case DIVERGED -> "diverged";
                case FINISHED -> "step limit";
                case RUNNING -> "";
            };
            if (!b.equals(badge.getText())) {
                badge.setText(b);
                badge.setTooltip(b.isEmpty() ? null : new javafx.scene.control.Tooltip(switch (r.status()) {
                    case CONVERGED -> "Converged to a minimum: ‖∇f‖ and the step are tiny and the Hessian is positive definite";
                    case STALLED -> "Stalled: ‖∇f‖ and the step are tiny, but at a saddle or a degenerate point, not a minimum";
                    case ESCAPED -> "Escaped: left far outside the view going downhill; the surface is unbounded below";
                    case DIVERGED -> "Diverged: the run became non-finite or flew off uphill";
                    default -> "Reached the step limit while still moving";
                }));
                badge.getStyleClass().removeAll("badge-converged", "badge-diverged", "badge-finished", "badge-stalled",
                        "badge-escaped");
                if (!b.isEmpty()) {
                    badge.getStyleClass().add("badge-" + r.status().name().toLowerCase(Locale.ROOT));
                }
                badge.setId(b.isEmpty() ? null : "badge-" + index);
            }
        }
    }

    // ---- the selected run ---------------------------------------------------------------------

    /** Whether the run editor is built whole; at start-up it is built to the optimizer's rule only. */
    private boolean complete;

    /**
     * Builds the run editor whole: its hyperparameters, schedule, noise and start, which the first
     * frame does not show (they lie below the fold), are built after the first plot is drawn.
     */
    void buildRest() {
        if (!complete) {
            complete = true;
            rebuildRunEditor(true);
        }
    }

    /** Whether {@link #buildRest} has run. */
    boolean isComplete() {
        return complete;
    }

    private void rebuildRunEditor(boolean force) {
        int i = ctl.selected();
        RunConfig r = i >= 0 ? ctl.run(i) : null;
        boolean same = i == builtFor && r != null && optimizerShape(r).equals(builtOptimizer) && r.schedule().equals(builtSchedule);
        if (!force && same) {
            if (r != null) {
                runTitle.setText(r.name());
                if (startX != null && !startX.isFocused()) {
                    startX.setText(Params.format(r.x0()));
                    startX.pseudoClassStateChanged(Styles.STATE_DANGER, false);
                }
                if (startY != null && !startY.isFocused()) {
                    startY.setText(Params.format(r.y0()));
                    startY.pseudoClassStateChanged(Styles.STATE_DANGER, false);
                }
            }
            return;
        }
        builtFor = i;
        builtSurfaceRuns = ctl.session().surface();
        releaseFocusFrom(runEditor);
        runEditor.getChildren().clear();
        if (r == null) {
            builtOptimizer = null;
            builtSchedule = null;
            return;
        }
        builtOptimizer = optimizerShape(r);
        builtSchedule = r.schedule();
        runTitle.setText(r.name());

        // name and colour
        TextField nameField = new TextField(r.name());
        nameField.setId("runName");
        nameField.setPromptText("name");
        HBox.setHgrow(nameField, Priority.ALWAYS);
        Runnable rename = () -> {
            if (!nameField.getText().isBlank() && !nameField.getText().equals(ctl.run(i).name())) {
                ctl.updateRunLook(i, m -> m.withName(nameField.getText().trim()));
            }
        };
        nameField.setOnAction(e -> rename.run());
        nameField.focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                rename.run();
            }
        });
        ColorPicker picker = new ColorPicker(Color.web(r.color()));
        picker.setId("runColor");
        picker.getStyleClass().add(ColorPicker.STYLE_CLASS_BUTTON);
        picker.getCustomColors().setAll(dev.descent.session.Palette.RUN_COLORS.stream().map(Color::web).toList());
        Tips.set(picker, "Colour of this run");
        picker.setOnAction(e -> ctl.updateRunLook(i, m -> m.withColor(hex(picker.getValue()))));
        HBox nameRow = new HBox(8, nameField, picker);
        nameRow.setAlignment(Pos.CENTER_LEFT);

        // optimizer
        OptimizerKind kind;
        try {
            kind = Optimizers.find(r.optimizer());
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        ComboBox<OptimizerKind> optBox = new ComboBox<>();
        optBox.setId("optimizer");
        optBox.getItems().setAll(Optimizers.all());
        optBox.setCellFactory(l -> new KindCell<>(SidePanel::optimizerTitle, OptimizerKind::rule));
        optBox.setButtonCell(new KindCell<>(SidePanel::optimizerTitle, k -> ""));
        optBox.setValue(kind);
        optBox.setMaxWidth(Double.MAX_VALUE);
        optBox.setVisibleRowCount(6); // every optimizer, L-BFGS too, is reachable by scrolling
        optBox.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.id().equals(ctl.run(i).optimizer())) {
                ctl.changeOptimizer(i, b.id()).ifPresent(message);
            }
        });
        runEditor.getChildren().addAll(header("Selected run"), nameRow, sub("Optimizer"), optBox);
        if (kind != null) {
            Label rule = new Label(kind.rule());
            rule.setWrapText(true);
            rule.getStyleClass().addAll("formula", Styles.TEXT_SMALL);
            runEditor.getChildren().add(rule);
            if (!complete) { // start-up: what lies below the fold waits for the first plot (buildRest)
                startX = null;
                startY = null;
                return;
            }
            OptimizerKind shown = kind.forValues(r.hyperparameters()); // a wrapper's: around its chosen inner optimizer
            Params values = Params.resolve(kind.title(), shown.params(), r.hyperparameters()); // display only: no optimizer is built
            String context = (kind.torchName() == null ? kind.title() : kind.source()) + ": " + kind.rule();
            OptimizerKind k = kind;
            for (ParamSpec p : values.specs()) { // a wrapper's: its own and its chosen inner optimizer's
                ParamEditor ed = new ParamEditor(p, values.get(p.name()), "param-", context,
                        v -> ctl.updateRun(i, m -> withHyperparameter(k, m, p.name(), v)))
                        .withPreview(v -> ghost.preview(i, p.name(), v), () -> ghost.preview(i, null, null));
                runEditor.getChildren().add(ed.node());
            }
        }

        // schedule
        ComboBox<ScheduleKind> schedBox = new ComboBox<>();
        schedBox.setId("schedule");
        schedBox.getItems().setAll(Schedules.all());
        schedBox.setCellFactory(l -> new KindCell<>(SidePanel::scheduleTitle, ScheduleKind::description));
        schedBox.setButtonCell(new KindCell<>(SidePanel::scheduleTitle, k -> ""));
        ScheduleKind sk = Schedules.all().stream().filter(k -> k.id().equals(r.schedule())).findFirst().orElse(null);
        schedBox.setValue(sk);
        schedBox.setMaxWidth(Double.MAX_VALUE);
        schedBox.setVisibleRowCount(6);
        schedBox.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.id().equals(ctl.run(i).schedule())) {
                ctl.updateRun(i, m -> m.withSchedule(b.id())).ifPresent(message);
            }
        });
        runEditor.getChildren().addAll(sub("Learning-rate schedule"), schedBox);
        if (sk != null && !sk.params().isEmpty()) {
            Params values = sk.create(r.scheduleParams()).parameters();
            for (ParamSpec p : sk.params()) {
                ParamEditor ed = new ParamEditor(p, values.asMap().getOrDefault(p.name(), p.defaultValue()), "schedule-",
                        sk.description(), v -> ctl.updateRun(i, m -> m.withScheduleParam(p.name(), v)));
                runEditor.getChildren().add(ed.node());
            }
        }

        // noise
        ComboBox<String> noiseBox = new ComboBox<>();
        noiseBox.setId("noise");
        boolean fromData = ctl.surface() instanceof dev.descent.math.DataSurface;
        int dataSize = fromData ? ((dev.descent.math.DataSurface) ctl.surface()).size() : 0;
        noiseBox.getItems().setAll("none", "additive", "multiplicative");
        if (fromData) {
            noiseBox.getItems().add("minibatch");
        }
        noiseBox.setValue(r.noise().toLowerCase(Locale.ROOT));
        noiseBox.setTooltip(new Tooltip("additive: g + σ·ξ;  multiplicative: g·(1 + σ·ξ);  ξ ~ N(0, 1) per coordinate and step"
                + (fromData ? ";  minibatch: the mean gradient over the next B points of a seeded shuffle" : "")));
        noiseBox.valueProperty().addListener((o, a, b) -> {
            RunConfig m = ctl.run(i);
            if ("minibatch".equals(b)) {
                int size = m.batchSize() != null ? m.batchSize() : Math.min(10, dataSize);
                ctl.updateRun(i, x -> x.withNoise(b, 0, m.seed()).withBatchSize(size)).ifPresent(message);
            } else {
                ctl.updateRun(i, x -> x.withNoise(b, m.sigma() == 0 && !"none".equals(b) ? ConfigChecks.DEFAULT_SIGMA : m.sigma(), m.seed())
                        .withBatchSize(null)).ifPresent(message);
            }
            rebuildRunEditor(true);
        });
        runEditor.getChildren().addAll(sub(fromData ? "Gradient: full batch, minibatch or noise" : "Gradient noise"), noiseBox);
        if (fromData) {
            Label policy = new Label("Line-search and second-order methods (BFGS, L-BFGS, CG, Newton, Levenberg–Marquardt) "
                    + "use the full batch: they refuse minibatches smaller than N = " + dataSize + ".");
            policy.setId("batch-policy");
            policy.setWrapText(true);
            policy.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            runEditor.getChildren().add(policy);
        }
        if ("minibatch".equalsIgnoreCase(r.noise())) {
            ParamSpec batch = ParamSpec.integer("batch_size", "B", Math.min(10, Math.max(1, dataSize)), 1, Math.max(1, dataSize),
                    "points per minibatch: 1 is SGD, N = " + dataSize + " the full batch");
            ParamSpec seed = ParamSpec.integer("seed", "seed", 0, 0, 1000, "the same seed gives the same shuffles");
            runEditor.getChildren().add(new ParamEditor(batch, r.batchSize() == null ? 1 : r.batchSize(), "batch-", null,
                    v -> ctl.updateRun(i, x -> x.withBatchSize(((Number) v).intValue()))).node());
            runEditor.getChildren().add(new ParamEditor(seed, (int) r.seed(), "batch-", null, v -> {
                RunConfig m = ctl.run(i);
                return ctl.updateRun(i, x -> x.withNoise(m.noise(), m.sigma(), ((Number) v).longValue()));
            }).node());
        } else if (!"none".equalsIgnoreCase(r.noise())) {
            ParamSpec sigma = ParamSpec.real("sigma", "σ", ConfigChecks.DEFAULT_SIGMA, 1e-3, 100, ParamSpec.Scale.LOG,
                    "standard deviation of the gradient noise");
            ParamSpec seed = ParamSpec.integer("seed", "seed", 0, 0, 1000, "the same seed gives the same path");
            runEditor.getChildren().add(new ParamEditor(sigma, r.sigma(), "noise-", null, v -> {
                RunConfig m = ctl.run(i);
                return ctl.updateRun(i, x -> x.withNoise(m.noise(), ((Number) v).doubleValue(), m.seed()));
            }).node());
            runEditor.getChildren().add(new ParamEditor(seed, (int) r.seed(), "noise-", null, v -> {
                RunConfig m = ctl.run(i);
                return ctl.updateRun(i, x -> x.withNoise(m.noise(), m.sigma(), ((Number) v).longValue()));
            }).node());
        }

        // start
        ParamSpec sx = ParamSpec.real("x0", "x₀", 0, -1e9, 1e9, ParamSpec.Scale.LINEAR, "start x (or click the plot)");
        ParamSpec sy = ParamSpec.real("y0", "y₀", 0, -1e9, 1e9, ParamSpec.Scale.LINEAR, "start y (or click the plot)");
        TextField fx = startField(sx, r.x0(), v -> ctl.moveStart(i, v, ctl.run(i).y0()));
        TextField fy = startField(sy, r.y0(), v -> ctl.moveStart(i, ctl.run(i).x0(), v));
        startX = fx;
        startY = fy;
        HBox startRow = new HBox(8, new Label("x₀"), fx, new Label("y₀"), fy);
        startRow.setAlignment(Pos.CENTER_LEFT);
        Label startHint = new Label("Click the plot to move every start; shift-click moves this run's.");
        startHint.setWrapText(true);
        startHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        CheckBox fromHere = new CheckBox("Apply changes from the current point");
        fromHere.setId("applyFromCurrent");
        fromHere.setSelected(ctl.session().applyFromCurrentPoint());
        fromHere.setTooltip(new Tooltip("Off: a changed setting restarts the run from its start.\n"
                + "On: the run goes on from where it is, with fresh optimizer state."));
        fromHere.selectedProperty().addListener((o, a, b) -> ctl.setApplyFromCurrentPoint(b));
        CheckBox restartAll = new CheckBox("A change restarts every run");
        restartAll.setId("restartAll");
        restartAll.setSelected(ctl.restartAllOnChange());
        restartAll.setTooltip(new Tooltip("On: changing one run starts all of them again together,\n"
                + "so their step counters stay aligned for comparison."));
        restartAll.selectedProperty().addListener((o, a, b) -> ctl.setRestartAllOnChange(b));
        fromHere.disableProperty().bind(restartAll.selectedProperty());
        runEditor.getChildren().addAll(sub("Start"), startRow, startHint, new Separator(), fromHere, restartAll);
    }

    private TextField startField(ParamSpec spec, double value, java.util.function.Function<Double, Optional<String>> apply) {
        TextField f = new TextField(Params.format(value));
        f.setId("start-" + spec.name());
        f.setPrefColumnCount(6);
        f.setTooltip(new Tooltip(spec.help()));
        Runnable commit = () -> {
            try {
                double v = (Double) spec.convert(f.getText());
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Invalid " + spec.symbol() + ": must be a finite number");
                }
                Optional<String> r = apply.apply(v);
                f.pseudoClassStateChanged(Styles.STATE_DANGER, r.isPresent());
                r.ifPresent(message);
            } catch (IllegalArgumentException e) {
                f.pseudoClassStateChanged(Styles.STATE_DANGER, true);
                message.accept(e.getMessage());
            }
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                commit.run();
                if (f.getPseudoClassStates().contains(Styles.STATE_DANGER) && ctl.selected() >= 0) {
                    // the refused text goes; the start in force comes back (the status bar keeps the reason)
                    RunConfig m = ctl.run(ctl.selected());
                    f.setText(Params.format(spec.name().equals("x0") ? m.x0() : m.y0()));
                    f.pseudoClassStateChanged(Styles.STATE_DANGER, false);
                }
            }
        });
        return f;
    }

    private static Label sub(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("subheader", Styles.TEXT_BOLD);
        return l;
    }

    /** What decides the run's hyperparameter controls: the optimizer and, for a wrapper, its inner choice. */
    private static String optimizerShape(RunConfig r) {
        return r.optimizer() + "/" + r.hyperparameters().getOrDefault("inner", "");
    }

    /**
     * The run with one hyperparameter changed, keeping only the settings its optimizer then takes (a
     * wrapper's {@code inner} change drops what only the previous inner optimizer had).
     */
    private static RunConfig withHyperparameter(OptimizerKind kind, RunConfig m, String name, Object value) {
        Map<String, Object> next = new java.util.LinkedHashMap<>(m.hyperparameters());
        next.put(name, value);
        RunConfig out = m.withOptimizer(m.optimizer());
        for (Map.Entry<String, Object> e : kind.retain(next).entrySet()) {
            out = out.withHyperparameter(e.getKey(), e.getValue());
        }
        return out;
    }

    static String optimizerTitle(OptimizerKind k) {
        return k.torchName() == null || k.torchName().equals(k.title()) ? k.title() : k.title() + "  (" + k.torchName() + ")";
    }

    static String scheduleTitle(ScheduleKind k) {
        return k.torchName() == null ? k.title() : k.title() + "  (" + k.torchName() + ")";
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    /**
     * A list cell with a title and a quieter second line. Its labels and tooltip are made once and
     * given each item's text: a list measures every item through one cell, and a tooltip is a popup
     * window with its own scene, so one per item made the first showing of each combo box slow.
     */
    static final class KindCell<T> extends ListCell<T> {
        private final java.util.function.Function<T, String> title;
        private final java.util.function.Function<T, String> detail;
        private Label titleLabel;
        private Label detailLabel;
        private VBox lines;
        private Tooltip tip;

        KindCell(java.util.function.Function<T, String> title, java.util.function.Function<T, String> detail) {
            this.title = title;
            this.detail = detail;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String d = detail.apply(item);
            if (d == null || d.isBlank()) {
                setText(title.apply(item));
                setGraphic(null);
                return;
            }
            if (lines == null) {
                titleLabel = new Label();
                titleLabel.getStyleClass().add(Styles.TEXT_BOLD);
                detailLabel = new Label();
                detailLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                detailLabel.setWrapText(true);
                detailLabel.setMaxWidth(340);
                lines = new VBox(1, titleLabel, detailLabel);
                tip = new Tooltip();
                tip.setShowDelay(Duration.millis(400));
            }
            titleLabel.setText(title.apply(item));
            detailLabel.setText(d);
            tip.setText(d);
            setText(null);
            setGraphic(lines);
            setTooltip(tip);
        }
    }

    @SuppressWarnings("unused")
    private static Node spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
