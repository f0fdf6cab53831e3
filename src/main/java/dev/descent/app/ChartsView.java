package dev.descent.app;

import atlantafx.base.theme.Styles;
import dev.descent.render.charts.ChartFormat;
import dev.descent.render.charts.ChartTheme;
import dev.descent.render.charts.ProbeGroups;
import dev.descent.render.charts.LossScale;
import dev.descent.render.charts.SeriesStore;
import dev.descent.render.charts.StepChart;
import dev.descent.render.charts.Steps;
import dev.descent.session.RunConfig;
import dev.descent.session.SessionController;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The chart area below the plot: charts of every run (loss, step size, gradient norm, step length,
 * gradient evaluations, and the minibatch ones) and charts of the selected run's probes, grouped by
 * {@link ProbeGroups}. Fed from the newest frame on the JavaFX thread, one chart a pulse, at most ~30
 * times a second (less when feeding and drawing take long), only for the sections that are open; each
 * {@link LiveChart} is drawn on the painter thread. The series come from a {@link SeriesStore}, so the
 * cost per update follows the new rows, not the length of the runs. Clicking a chart scrubs the plot
 * to that step.
 */
public final class ChartsView extends StackPane {

    /** The charts of every run: history channel, id, title, log axis by default. */
    record RunChart(int channel, String id, String title, boolean log) {
    }

    static final List<RunChart> RUN_CHARTS = List.of(
            new RunChart(SeriesStore.LOSS, "chart-loss", "Loss f(θ)", true),
            new RunChart(SeriesStore.STEP_NORM, "chart-step", "Step size ‖Δθ‖", true),
            new RunChart(SeriesStore.GRAD_NORM, "chart-grad", "Gradient norm ‖∇f‖", true),
            new RunChart(SeriesStore.LR, "chart-lr", "Step length η · t", true),
            new RunChart(dev.descent.sim.Engine.GRADIENT_EVALUATIONS, "chart-evals", "∇f evaluations per step", false),
            new RunChart(dev.descent.sim.Engine.BATCH_LOSS, "chart-batch-loss", "Minibatch loss", true),
            new RunChart(dev.descent.sim.Engine.GRAD_ERROR, "chart-grad-error", "‖g_batch − ∇f‖", true));

    /** The charts only runs that draw minibatches fill: shown while some run does. */
    static boolean minibatchOnly(RunChart rc) {
        return rc.channel() == dev.descent.sim.Engine.BATCH_LOSS || rc.channel() == dev.descent.sim.Engine.GRAD_ERROR;
    }

    /** The x axes the charts offer: steps, or gradient evaluations (the work a line search or L-BFGS row hides). */
    static final List<String> X_AXES = List.of("x: steps", "x: ∇f evaluations");

    /** Shortest time between two updates. */
    static final long MIN_INTERVAL_NANOS = 33_000_000L;

    private final SessionController ctl;
    private final Consumer<String> message;
    private final SeriesStore store = new SeriesStore();
    private final List<LiveChart> runCharts = new ArrayList<>();
    private final List<LiveChart> probeCharts = new ArrayList<>();
    private final List<ProbeGroups.Group> groups = new ArrayList<>();
    private final Map<String, Boolean> probeLog = new HashMap<>();
    private final HBox runRow = new HBox(6);
    private final HBox probeRow = new HBox(6);
    private ScrollPane probeScroll;
    private final TitledPane runsPane;
    private final TitledPane probesPane;
    private final Label noProbes = new Label();
    private final VBox sections = new VBox();
    private final Pane readoutLayer = new Pane();
    private final CheckMenuItem menuItem = new CheckMenuItem("Charts");
    private final javafx.scene.control.ChoiceBox<String> xAxis = new javafx.scene.control.ChoiceBox<>();
    private SplitPane split;
    private double divider = 0.72; // the plot keeps at least half the window at 1920×1080
    private boolean shown = true;
    private ChartTheme theme = ChartTheme.LIGHT;
    private Frame lastFrame;
    private long lastUpdate = Long.MIN_VALUE / 2;
    private long interval = MIN_INTERVAL_NANOS;
    private boolean dirty = true;
    private String probeKey = "";
    private String probeDot;
    private boolean autoLog;
    private boolean scrubPending = true;
    private long updates;
    private long lastCost;
    /** The painter's total drawing time when the last rotation ended. */
    private long drawnBefore;

    public ChartsView(SessionController ctl, Consumer<String> message) {
        this.ctl = ctl;
        this.message = message;
        setId("charts");
        getStyleClass().add("charts");
        for (RunChart rc : RUN_CHARTS) {
            LiveChart c = chart(rc.id(), new StepChart(rc.title(), rc.log(), false));
            HBox.setHgrow(c, Priority.ALWAYS);
            if (minibatchOnly(rc)) {
                c.setVisible(false);
                c.setManaged(false);
            }
            if (RUN_CHARTS.size() > 5) { // seven charts must still fit a 1600-pixel window beside the side panel
                c.setMinWidth(110);
            }
            runCharts.add(c);
        }
        runRow.getChildren().addAll(runCharts);
        runRow.getStyleClass().add("chart-row");
        runsPane = new TitledPane("All runs", runRow);
        runsPane.setId("chartsRuns");
        xAxis.getItems().addAll(X_AXES);
        xAxis.getSelectionModel().select(0);
        xAxis.setId("chartsXAxis");
        xAxis.getStyleClass().add(Styles.SMALL);
        Tips.set(xAxis, "Plot against steps, or against gradient evaluations: one CG, BFGS or L-BFGS step may evaluate many times");
        xAxis.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            store.setXChannel(b.intValue() == 1 ? dev.descent.sim.Engine.GRADIENT_EVALUATIONS_TOTAL : SeriesStore.STEP);
            dirty = true;
            lastUpdate = Long.MIN_VALUE / 2;
            scrubPending |= !showScrub();
        });
        runsPane.setGraphic(xAxis);

        probeRow.getStyleClass().add("chart-row");
        noProbes.getStyleClass().add(Styles.TEXT_MUTED);
        probeScroll = LiveScroll.uncached(new ScrollPane(probeRow));
        probeScroll.setFitToWidth(true);
        probeScroll.setFitToHeight(true);
        probeScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        probeScroll.getStyleClass().add("chart-scroll");
        probeRow.minWidthProperty().bind(probeScroll.widthProperty().subtract(2));
        probesPane = new TitledPane("Selected run", probeScroll);
        probesPane.setId("chartsProbes");

        for (TitledPane p : new TitledPane[] {runsPane, probesPane}) {
            p.setAnimated(false);
            p.getStyleClass().addAll(Styles.DENSE, "chart-section");
            p.setMaxHeight(Double.MAX_VALUE);
            VBox.setVgrow(p, Priority.ALWAYS);
            p.expandedProperty().addListener((o, a, b) -> {
                VBox.setVgrow(p, b ? Priority.ALWAYS : Priority.NEVER);
                fitSplit();
                dirty = true;
            });
        }
        sections.getChildren().addAll(runsPane, probesPane);
        readoutLayer.setMouseTransparent(true);
        readoutLayer.setPickOnBounds(false);
        // the sections join the scene at the first update (after the plot's first full drawing at
        // start-up), so the window's first CSS pass does not create their skins
        getChildren().add(readoutLayer);
        setMinHeight(0);

        menuItem.setId("chartsItem");
        menuItem.setSelected(true);
        menuItem.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        menuItem.setOnAction(e -> setShown(menuItem.isSelected()));

        ctl.addListener(c -> {
            switch (c) {
                case SCRUB -> {
                    // markers move with the next update: a drag along a chart costs one drawing per update
                    scrubPending = true;
                    dirty = true;
                }
                case LOADED -> {
                    scrubPending = true;
                    dirty = true;
                }
                default -> dirty = true;
            }
        });
    }

    private LiveChart chart(String id, StepChart sc) {
        LiveChart c = new LiveChart(id, sc);
        sc.setTheme(theme);
        c.setOnStep(x -> ctl.scrubTo(stepOf(x)));
        c.setOnLogChanged(() -> {
            dirty = true;
            lastUpdate = Long.MIN_VALUE / 2;
        });
        c.setMessage(message);
        c.setReadoutLayer(readoutLayer);
        c.setMaxWidth(Double.MAX_VALUE);
        c.setMaxHeight(Double.MAX_VALUE);
        return c;
    }

    // ---- placing ------------------------------------------------------------------------------

    /** The plot with the charts below it, the split between them movable. */
    public SplitPane around(Node plot) {
        split = new SplitPane(plot);
        split.setOrientation(Orientation.VERTICAL);
        split.getStyleClass().add("charts-split");
        if (shown) {
            split.getItems().add(this);
            split.setDividerPositions(divider);
        }
        return split;
    }

    /** View menu item: show or hide the charts. */
    public CheckMenuItem menuItem() {
        return menuItem;
    }

    public boolean isShown() {
        return shown;
    }

    public void setShown(boolean s) {
        menuItem.setSelected(s);
        if (s == shown) {
            return;
        }
        shown = s;
        if (split != null) {
            if (s) {
                split.getItems().add(this);
                split.setDividerPositions(divider);
                fitSplit();
            } else {
                if (!split.getDividers().isEmpty()) {
                    divider = split.getDividers().get(0).getPosition();
                }
                split.getItems().remove(this);
            }
        }
        dirty = true;
        lastUpdate = Long.MIN_VALUE / 2;
    }

    /** With both sections folded the area shrinks to their headers; unfolded, it gets its share back. */
    private void fitSplit() {
        boolean open = runsPane.isExpanded() || probesPane.isExpanded();
        setMaxHeight(open ? Double.MAX_VALUE : Region.USE_PREF_SIZE);
        if (split == null || !split.getItems().contains(this) || split.getDividers().isEmpty()) {
            return;
        }
        if (!open) {
            divider = split.getDividers().get(0).getPosition();
            split.setDividerPositions(1.0);
        } else if (split.getDividers().get(0).getPosition() > 0.9) {
            split.setDividerPositions(divider);
        }
    }

    public void setDark(boolean dark) {
        theme = ChartTheme.of(dark);
        for (LiveChart c : runCharts) {
            c.edit(() -> c.chart().setTheme(theme));
        }
        for (LiveChart c : probeCharts) {
            c.edit(() -> c.chart().setTheme(theme));
        }
        dirty = true;
        lastUpdate = Long.MIN_VALUE / 2;
    }

    public List<LiveChart> runCharts() {
        return List.copyOf(runCharts);
    }

    public List<LiveChart> probeCharts() {
        return List.copyOf(probeCharts);
    }

    public TitledPane runsPane() {
        return runsPane;
    }

    public TitledPane probesPane() {
        return probesPane;
    }

    /** Whether the sections are in the scene (they join it at the first update). */
    public boolean hasContent() {
        return sections.getParent() != null;
    }

    /** Updates so far (tests wait on it). */
    public long updates() {
        return updates;
    }

    /** Nanoseconds the last update took, drawing included (the interval adapts to it). */
    public long lastUpdateNanos() {
        return lastCost;
    }

    /** The frame the charts show (null before the first update). */
    public Frame shownFrame() {
        return lastFrame;
    }

    // ---- feeding ------------------------------------------------------------------------------

    /**
     * Called on every pulse with the newest frame; updates the charts when due, one chart a pulse
     * (a rotation over the charts shows one frame), so that no pulse pays for every chart at once.
     * Never blocks.
     */
    public void pulse(Frame frame, long now) {
        if (!shown || frame == null || getScene() == null) {
            rotation = null;
            return;
        }
        if (sections.getParent() == null) {
            getChildren().add(0, sections); // laid out and styled in this pulse, fed from the next
            return;
        }
        for (LiveChart c : runCharts) {
            c.pulse(runsPane.isExpanded() && c.isVisible());
        }
        for (LiveChart c : probeCharts) {
            c.pulse(probesPane.isExpanded());
        }
        if (rotation == null) {
            if (now - lastUpdate < interval || (frame == lastFrame && !dirty)) {
                return;
            }
            rotation = frame;
            turn = 0;
            begun = false;
            rotationCost = 0;
            lastUpdate = now;
            dirty = false;
        }
        long t0 = System.nanoTime();
        Turn result = updateTurn(rotation, turn);
        rotationCost += System.nanoTime() - t0;
        if (result == Turn.BUSY) {
            return; // the painter is drawing this turn's chart: fed at the next pulse
        }
        turn++;
        if (result == Turn.MORE) {
            return;
        }
        long drawn = LiveChart.drawingNanos();
        long drawCost = drawn - drawnBefore;
        drawnBefore = drawn;
        lastCost = rotationCost + drawCost;
        // feeding (JavaFX thread) and drawing (the painter) may take about a quarter of the time
        interval = Math.max(MIN_INTERVAL_NANOS, Math.min(4 * lastCost, 500_000_000L));
        lastFrame = rotation;
        rotation = null;
        updates++;
    }

    /** The frame of the rotation under way (null between rotations). */
    private Frame rotation;
    private int turn;
    private long rotationCost;

    /** What a turn did: fed its chart and more follow, fed the last, or found its chart being drawn. */
    private enum Turn { MORE, DONE, BUSY }

    /**
     * One turn of a rotation: turn 0 starts it, the run charts come one a turn, then the selected
     * run's probe charts one a turn.
     */
    private Turn updateTurn(Frame frame, int k) {
        if (k == 0 && !begun) {
            begun = true;
            if (scrubPending) {
                scrubPending = !showScrub();
            }
            store.begin(frame);
        }
        int runTurns = runsPane.isExpanded() ? RUN_CHARTS.size() : 0;
        Turn result;
        if (k < runTurns) {
            result = updateRunCharts(frame, k) ? Turn.MORE : Turn.BUSY;
        } else {
            int groupsDrawn = updateProbeCharts(frame, probesPane.isExpanded(), k - runTurns);
            result = groupsDrawn < 0 ? Turn.BUSY : k - runTurns + 1 >= groupsDrawn ? Turn.DONE : Turn.MORE;
        }
        if (result == Turn.DONE) {
            store.end();
            begun = false;
        }
        return result;
    }

    /** Whether the rotation under way has begun the store's update. */
    private boolean begun;

    private Color runColor(RunConfig m) {
        return theme.runColor(ChartTheme.parse(m.color()));
    }

    /**
     * Feeds run chart {@code only} (its visibility is kept for every chart). Returns false when the
     * painter is drawing that chart, and nothing was fed.
     */
    private boolean updateRunCharts(Frame frame, int only) {
        List<RunConfig> runs = ctl.runs();
        int sel = ctl.selected();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (i != sel) {
                order.add(i);
            }
        }
        if (sel >= 0 && sel < runs.size()) {
            order.add(sel); // the selected run is drawn last, on top
        }
        boolean batches = runs.stream().anyMatch(m -> "minibatch".equalsIgnoreCase(m.noise()));
        for (int k = 0; k < RUN_CHARTS.size(); k++) {
            RunChart rc = RUN_CHARTS.get(k);
            LiveChart c = runCharts.get(k);
            if (minibatchOnly(rc)) {
                c.setVisible(batches);
                c.setManaged(batches);
                if (!batches) {
                    continue;
                }
            }
            if (k != only) {
                continue;
            }
            if (!c.tryEdit()) {
                return false;
            }
            try {
                feedRunChart(frame, rc, c, runs, sel, order);
            } finally {
                c.endEdit();
            }
        }
        return true;
    }

    private void feedRunChart(Frame frame, RunChart rc, LiveChart c, List<RunConfig> runs, int sel,
                              List<Integer> order) {
        // only the chart fed this turn reads the history for its epoch marks
        c.chart().setEpochStarts(rc.channel() == SeriesStore.LOSS || minibatchOnly(rc) ? epochStarts(frame, sel) : new double[0]);
        boolean log = c.chart().isLog();
        // the loss goes through a scale that shows f ≤ 0 (gap to f*, or symmetric log)
        LossScale scale = rc.channel() == SeriesStore.LOSS ? LossScale.of(ctl.surface(), log) : null;
        if (scale != null) {
            c.chart().setScale(scale);
            log = scale.logAxis();
        }
        List<StepChart.Line> lines = new ArrayList<>();
        for (int i : order) {
            RunConfig m = runs.get(i);
            RunFrame r = ctl.frameOf(frame, i);
            if (r == null || !m.shown()) {
                continue;
            }
            int channel = rc.channel();
            int x = store.xChannel();
            lines.add(new StepChart.Line(m.name(), store.series(r, channel, log, scale), runColor(m),
                    i == sel ? 2.4f : 1.5f, StepChart.Dash.SOLID, s -> Steps.valueAt(r.history(), x, channel, s)));
        }
        if (scale != null && sel >= 0 && sel < runs.size() && runs.get(sel).shown()) {
            StepChart.Line rate = rateLine(runs.get(sel), ctl.frameOf(frame, sel), scale);
            if (rate != null) {
                lines.add(rate);
            }
        }
        c.chart().setLines(lines);
        if (scale != null) {
            // the steps that raised f, marked on the loss lines
            List<dev.descent.render.charts.Points> up = new ArrayList<>();
            List<java.awt.Color> upColors = new ArrayList<>();
            for (int i : order) {
                RunFrame r = ctl.frameOf(frame, i);
                if (r != null && runs.get(i).shown()) {
                    up.add(store.uphill(r, scale));
                    upColors.add(runColor(runs.get(i)));
                }
            }
            c.chart().setMarks(up, upColors);
        }
        c.refreshReadout();
    }

    private RunConfig rateRun;
    private java.util.Optional<Double> rate = java.util.Optional.empty();

    /**
     * On the quadratic, for gradient descent and heavy ball: the textbook rate (f₀ − f*)·ρ^{2t} as a
     * dashed line beside the selected run's loss, so theory and run can be compared; null elsewhere.
     */
    private StepChart.Line rateLine(RunConfig m, RunFrame r, LossScale scale) {
        if (r == null) {
            return null;
        }
        if (m != rateRun) {
            rateRun = m;
            try {
                rate = dev.descent.sim.QuadraticRate.rho(ctl.surface(), m.toRunSpec(ctl.surface()).optimizer());
            } catch (IllegalArgumentException e) {
                rate = java.util.Optional.empty();
            }
        }
        if (rate.isEmpty() || !(rate.get() < 1) || r.step() < 1) {
            return null;
        }
        double rho = rate.get();
        double fStar = scale.fStar();
        double gap0 = r.history().get(SeriesStore.LOSS, 0) - (Double.isFinite(fStar) ? fStar : 0);
        int n = (int) Math.min(r.step(), 400);
        double[] xs = new double[n + 1];
        double[] ys = new double[n + 1];
        int k = 0;
        for (int j = 0; j <= n; j++) {
            double t = (double) j * r.step() / n;
            double gap = gap0 * Math.pow(rho, 2 * t);
            if (!(gap > 1e-300)) {
                break;
            }
            xs[k] = t; // one gradient a step: the same on the steps and the evaluations axis
            ys[k++] = scale.map((Double.isFinite(fStar) ? fStar : 0) + gap);
        }
        if (k < 2) {
            return null;
        }
        double a = gap0;
        double base = Double.isFinite(fStar) ? fStar : 0;
        return new StepChart.Line(String.format(java.util.Locale.ROOT, "rate ρ^2t, ρ = %.4g", rho),
                dev.descent.render.charts.Points.of(java.util.Arrays.copyOf(xs, k), java.util.Arrays.copyOf(ys, k)),
                java.awt.Color.GRAY, 1.6f, StepChart.Dash.DASHED, t -> base + a * Math.pow(rho, 2 * t));
    }

    /** Where the selected run's epochs begin (x on the charts' axis), when it draws minibatches; else none. */
    private double[] epochStarts(Frame frame, int sel) {
        if (sel < 0 || sel >= ctl.runs().size() || !"minibatch".equalsIgnoreCase(ctl.run(sel).noise())) {
            return new double[0];
        }
        RunFrame r = ctl.frameOf(frame, sel);
        if (r == null) {
            return new double[0];
        }
        dev.descent.sim.History.Snapshot h = r.history();
        int x = store.xChannel();
        java.util.ArrayList<Double> out = new java.util.ArrayList<>();
        for (int i = 1; i < h.rows(); i++) {
            double e = h.get(dev.descent.sim.Engine.EPOCH, i);
            double prev = h.get(dev.descent.sim.Engine.EPOCH, i - 1);
            if (e > 0 && e != prev) {
                out.add(h.get(x, i));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Feeds probe chart {@code only} of the selected run, first rebuilding the charts when the run or
     * its probes changed; the first turn also names the run. Returns how many turns the probe charts
     * take (at least 1), or -1 when the painter is drawing the chart and nothing was fed.
     */
    private int updateProbeCharts(Frame frame, boolean open, int only) {
        int sel = ctl.selected();
        RunFrame r = ctl.frameOf(frame, sel);
        if (only == 0) {
            RunConfig m = sel >= 0 && sel < ctl.runs().size() ? ctl.run(sel) : null;
            String title = m == null ? "Selected run" : "Selected run: " + m.name()
                    + (r == null ? "" : "  ·  " + r.spec().optimizer().label());
            probesPane.setText(title);
            String dot = m == null ? null : m.color();
            if (!java.util.Objects.equals(dot, probeDot)) {
                probeDot = dot;
                probesPane.setGraphic(dot == null ? null : new Circle(5, javafx.scene.paint.Color.web(dot)));
            }
        }
        // checked every turn: the selection can change between the turns of one rotation
        String key = r == null ? "" : r.id() + ":" + r.probeNames();
        if (!key.equals(probeKey)) {
            rebuildProbeCharts(r);
            probeKey = key;
        }
        if (!open || r == null || groups.isEmpty()) {
            return 1;
        }
        for (int g = only; g < Math.min(only + 1, groups.size()); g++) {
            LiveChart c = probeCharts.get(g);
            if (!c.tryEdit()) {
                return -1;
            }
            try {
                feedProbeChart(r, groups.get(g), c);
            } finally {
                c.endEdit();
            }
        }
        return groups.size();
    }

    private void feedProbeChart(RunFrame r, ProbeGroups.Group group, LiveChart c) {
        boolean log = c.chart().isLog();
        boolean allScalar = group.members().stream().allMatch(mm -> store.isScalar(r, mm.probe()));
        List<StepChart.Line> lines = new ArrayList<>();
        int mains = 0;
        for (int j = 0; j < group.members().size(); j++) {
            ProbeGroups.Member mm = group.members().get(j);
            StepChart.Dash dash;
            float width;
            if (mm.role() == ProbeGroups.Role.RAW) {
                dash = StepChart.Dash.DASHED;
                width = 1.4f;
            } else {
                // members told apart by colour (scalars) are all solid; else the second is dotted
                dash = mains++ == 0 || allScalar ? StepChart.Dash.SOLID : StepChart.Dash.DOTTED;
                width = dash == StepChart.Dash.DOTTED ? 2.2f : 1.8f;
            }
            boolean scalar = store.isScalar(r, mm.probe());
            for (int coord = 0; coord < (scalar ? 1 : 2); coord++) {
                int channel = SeriesStore.probeChannel(mm.probe(), coord);
                Color color = allScalar ? theme.coordinate(j) : scalar ? theme.coordinate(2) : theme.coordinate(coord);
                String label = scalar ? mm.symbol()
                        : mm.symbol() + " (" + dev.descent.optim.Probe.components(r.probeNames().get(mm.probe())).get(coord) + ")";
                int x = store.xChannel();
                lines.add(new StepChart.Line(label, store.series(r, channel, log), color, width, dash,
                        s -> Steps.valueAt(r.history(), x, channel, s)));
            }
        }
        c.chart().setLines(lines);
        c.refreshReadout();
        boolean signed = group.members().stream().anyMatch(mm -> dev.descent.optim.Probe.isSpectrum(r.probeNames().get(mm.probe())));
        if (!log && !signed && !probeLog.containsKey(group.stem()) && spansDecades(lines)) {
            // positive values over many orders of magnitude (v, v̂ early on): a log axis, until the user says otherwise
            autoLog = true;
            c.setLog(true);
            autoLog = false;
        }
    }

    /** Whether every value drawn is positive and the largest is over a thousand times the smallest. */
    static boolean spansDecades(List<StepChart.Line> lines) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (StepChart.Line l : lines) {
            double[] r = l.points().valueRange(false);
            if (r != null) {
                lo = Math.min(lo, r[0]);
                hi = Math.max(hi, r[1]);
            }
        }
        return lo > 0 && hi > 1e3 * lo;
    }

    /**
     * The probes holding a line search's trial points: the plot marks them at the run's head, and
     * charted they were sixteen coordinates in one chart that said nothing.
     */
    private static java.util.Set<String> trialPoints(RunFrame r) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (dev.descent.optim.RoleVector v : r.spec().optimizer().newStepper(2).vectors()) {
            if (v.role() == dev.descent.optim.RoleVector.Role.TRIAL) {
                out.add(v.probe());
            }
        }
        return out;
    }

    private void rebuildProbeCharts(RunFrame r) {
        probeCharts.clear();
        groups.clear();
        probeRow.getChildren().clear();
        if (r == null) {
            return;
        }
        groups.addAll(ProbeGroups.of(r.probeNames(), r.probeSymbols(), trialPoints(r)));
        for (ProbeGroups.Group g : groups) {
            StepChart sc = new StepChart(g.title(), probeLog.getOrDefault(g.stem(), false), true);
            LiveChart c = chart("probe-" + g.stem(), sc);
            c.setOnLogChanged(() -> {
                if (!autoLog) {
                    probeLog.put(g.stem(), sc.isLog()); // the user's choice holds for this kind of probe
                }
                dirty = true;
                lastUpdate = Long.MIN_VALUE / 2;
            });
            // at most four charts across: the rest scroll sideways instead of squeezing every chart
            c.minWidthProperty().bind(probeScroll.widthProperty().subtract(2 + 3 * 6 + 4).divide(4).map(w -> Math.max(125, w.doubleValue())));
            c.setPrefWidth(240);
            HBox.setHgrow(c, Priority.ALWAYS);
            probeCharts.add(c);
            sc.setScrub(scrubMarker());
        }
        probeRow.getChildren().addAll(probeCharts);
        if (groups.isEmpty()) {
            noProbes.setText(r.spec().optimizer().label() + " exposes no probes.");
            probeRow.getChildren().add(noProbes);
        }
    }

    private double scrubMarker() {
        long s = ctl.scrubStep();
        if (s < 0) {
            return Double.NaN;
        }
        RunFrame r = axisRun();
        return store.xChannel() == SeriesStore.STEP || r == null ? s
                : Steps.valueAt(r.history(), SeriesStore.STEP, store.xChannel(), s);
    }

    /** The run whose evaluations translate between steps and the x axis: the selected one. */
    private RunFrame axisRun() {
        return lastFrame == null ? null : ctl.frameOf(lastFrame, Math.max(0, ctl.selected()));
    }

    /** The step at x on the charts' axis (x itself when the axis is steps). */
    private long stepOf(long x) {
        RunFrame r = axisRun();
        if (store.xChannel() == SeriesStore.STEP || r == null) {
            return x;
        }
        double step = Steps.valueAt(r.history(), store.xChannel(), SeriesStore.STEP, x);
        return Double.isNaN(step) ? 0 : (long) step;
    }

    /** Moves every chart's scrub marker; false when the painter was drawing one of them (tried again later). */
    private boolean showScrub() {
        double s = scrubMarker();
        boolean all = true;
        for (List<LiveChart> charts : List.of(runCharts, probeCharts)) {
            for (LiveChart c : charts) {
                if (c.tryEdit()) {
                    try {
                        c.chart().setScrub(s);
                    } finally {
                        c.endEdit();
                    }
                } else {
                    all = false;
                }
            }
        }
        runsPane.setText(Double.isNaN(s) ? "All runs"
                : "All runs  ·  the plot shows step " + ChartFormat.step(s) + " (Space plays on)");
        return all;
    }
}
