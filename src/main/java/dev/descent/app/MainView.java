package dev.descent.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.descent.export.BasinMapOverlay;
import dev.descent.render.ColorMap;
import dev.descent.session.Presets;
import dev.descent.session.SessionConfig;
import dev.descent.app.model.LessonPlayer;
import dev.descent.session.SessionController;
import dev.descent.session.Sessions;
import dev.descent.session.Lessons;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's content: menus and transport bar on top, the plot in the centre, the side panel on
 * the right, a status bar below. Everything goes through the {@link SessionController}; an
 * {@link AnimationTimer} takes the newest frame on every pulse and never waits for the simulation.
 */
public final class MainView extends BorderPane {

    /** Keyboard shortcuts, as the Help menu lists them. */
    static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Space", "play / pause"},
            new String[] {"→", "one step; in a lesson, the next beat (also Page Down); in sub-step mode, the next line"},
            new String[] {"← / Page Up", "in a lesson, the previous beat"},
            new String[] {"R or Home", "reset every run to its start"},
            new String[] {"A", "arrows of the last step: off, selected run, all runs"},
            new String[] {"W", "the worked step of the selected run (its update with the numbers)"},
            new String[] {"K", "curvature at the selected run's head: eigen-directions, the model's level ellipse, κ, stability gauge"},
            new String[] {"Alt+click", "curvature at that point"},
            new String[] {"0", "reset the view (in the 3-D view, turn it back)"},
            new String[] {"3", "3-D view: the surface as a relief with the runs on it; drag turns it, the wheel zooms"},
            new String[] {"+ / −", "zoom in / out"},
            new String[] {"Ctrl+Z", "undo a change to the runs or the surface"},
            new String[] {"Ctrl+Shift+Z, Ctrl+Y", "redo"},
            new String[] {"Ctrl+O / Ctrl+S", "open / save a session file"},
            new String[] {"Ctrl+E", "export an animation (GIF, MP4, PNG frames)"},
            new String[] {"Ctrl+N", "add a run"},
            new String[] {"Ctrl+Shift+D", "duplicate the selected run"},
            new String[] {"Ctrl+T", "light / dark theme"},
            new String[] {"F5", "presenter mode; there: + / − type size, B blank, C caption, D side panel, → / PgDn next beat (or one step), ← / PgUp back, Esc leaves"},
            new String[] {"Ctrl+Shift+C", "show / hide the charts"},
            new String[] {"Ctrl+B", "basin map of the selected run under the plot"},
            new String[] {"Ctrl+Shift+H", "hyperparameter map of the selected run"},
            new String[] {"click a chart", "show the runs at that step (Space plays on)"},
            new String[] {"Ctrl+Q", "quit"},
            new String[] {"click", "move the start of every run"},
            new String[] {"Shift+click", "move the start of the selected run"},
            new String[] {"drag a start ring", "move that start"},
            new String[] {"drag / wheel", "pan / zoom about the pointer"});

    static final String HINT = "Space plays · → steps · click the plot to move the start · drag pans · wheel zooms";

    private final SessionController ctl;
    private final PlotView plot;
    private final ReliefView relief3d;
    private final CheckMenuItem reliefItem = new CheckMenuItem("3-D view   (3)");
    /** What only the plot draws (greyed out while the 3-D view is shown). */
    private List<MenuItem> plotTools = List.of();
    private final SidePanel side;
    private final FileActions files;
    private final ChartsView charts;
    private final WorkedStepPanel worked;
    private final CheckMenuItem workedItem = new CheckMenuItem("Worked step   (W)");
    private final CheckMenuItem subStepsItem = new CheckMenuItem("Sub-steps: → reveals the worked step line by line");
    private final CheckMenuItem curvatureItem = new CheckMenuItem("Curvature   (K; Alt+click a point)");
    private final MapsMenu mapsMenu;
    private final Button playButton = new Button();
    private final Label stepLabel = new Label("step 0");
    private final Label speedLabel = new Label();
    private final Slider speedSlider = new Slider(0, 4, 2);
    private final TextField stepLimitField = new TextField();
    private final Label messageLabel = new Label(HINT);
    private final Label pointerLabel = new Label();
    private final Label lessonLabel = new Label();
    private final Label playHint = new Label("Press Space to play");
    private final ToggleButton themeButton = new ToggleButton();
    private final ToggleButton reliefButton = new ToggleButton();
    private final CheckMenuItem darkItem = new CheckMenuItem("Dark theme (projectors)");
    private final CheckMenuItem linesItem = new CheckMenuItem("Contour lines");
    private final CheckMenuItem fieldItem = new CheckMenuItem("Gradient field");
    private final CheckMenuItem batchItem = new CheckMenuItem("Minibatch contours (loss from data)");
    private final ToggleButton fieldButton = new ToggleButton();
    private final ToggleGroup mapGroup = new ToggleGroup();
    private final ToggleGroup trailGroup = new ToggleGroup();
    private final PauseTransition messageTimeout = new PauseTransition(Duration.seconds(8));
    private final AnimationTimer timer;
    private final DataPanel dataPanel;
    private boolean dark;
    private boolean playing;
    private long lastStats;
    /** Pulses the charts wait at most for the full plot at start-up. */
    private static final int STARTUP_PULSES = 60;
    private int startupPulses;
    private boolean restBuilt;
    private boolean updatingControls;
    private boolean everPlayed;
    private Runnable onQuit = Platform::exit;
    private String lessonSurface;

    // presenter mode (F5): the plot fills the screen, large type drawn over it
    private final javafx.scene.canvas.Canvas presenterCanvas = new javafx.scene.canvas.Canvas();
    private final org.jfree.fx.FXGraphics2D presenterGraphics = new org.jfree.fx.FXGraphics2D(presenterCanvas.getGraphicsContext2D());
    private final Button presenterButton = toolButton("presenter", "mdi2p-presentation-play",
            "Presenter mode: full screen, large type, clicker keys (F5; Esc leaves)");
    private VBox topBars;
    private ScrollPane sideScroll;
    private HBox statusBar;
    private boolean presenting;
    private boolean blank;
    private boolean drawer;
    private boolean chartsBefore;
    private double presenterScale = 1.25;
    private final javafx.beans.property.BooleanProperty presentingState = new javafx.beans.property.SimpleBooleanProperty();
    private boolean caption = true;
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;
    private final LessonPlayer lessons;

    public MainView(SessionController ctl, boolean dark) {
        this.ctl = ctl;
        this.lessons = new LessonPlayer(ctl);
        this.plot = new PlotView(ctl);
        this.relief3d = new ReliefView(ctl);
        relief3d.setVisible(false);
        reliefItem.setId("reliefItem");
        reliefItem.setOnAction(e -> show3d(reliefItem.isSelected()));
        this.side = new SidePanel(ctl, this::showMessage);
        this.files = new FileActions(ctl, this::load, this::showMessage, () -> getScene() == null ? null : getScene().getWindow(),
                () -> new double[] {plot.getWidth(), plot.getHeight()});
        files.setDark(this::isDark);
        files.setArrows(() -> plot.arrowMode() == PlotView.ArrowMode.OFF ? null : plot.arrowKinds());
        files.setCamera(() -> relief3d.isVisible() ? relief3d.camera() : null);
        this.charts = new ChartsView(ctl, this::showMessage);
        this.worked = new WorkedStepPanel(ctl);
        worked.setVisible(false);
        workedItem.setId("workedItem");
        workedItem.setOnAction(e -> showWorkedStep(workedItem.isSelected()));
        subStepsItem.setId("subStepsItem");
        subStepsItem.setOnAction(e -> setSubSteps(subStepsItem.isSelected()));
        curvatureItem.setId("curvatureItem");
        curvatureItem.setOnAction(e -> plot.setCurvature(curvatureItem.isSelected(), null));
        plot.onCurvatureChange(() -> curvatureItem.setSelected(plot.curvature()));
        this.dataPanel = new DataPanel(ctl);
        dataPanel.setDark(dark);
        files.setMayReplace(this::mayReplaceSession);
        files.takeDrops(this);
        files.setOnFile(this::updateTitle);
        side.setFocusHome(plot::requestFocus);
        side.setGhostSink(this::ghost);
        // the charts leave the window: a focused chart hands the keys to the plot first
        charts.menuItem().selectedProperty().addListener((o, a, b) -> {
            if (!b && getScene() != null) {
                for (javafx.scene.Node n = getScene().getFocusOwner(); n != null; n = n.getParent()) {
                    if (n == charts) {
                        plot.requestFocus();
                        break;
                    }
                }
            }
        });
        this.mapsMenu = new MapsMenu(ctl, plot, () -> getScene() == null ? null : getScene().getWindow(), this::showMessage);
        relief3d.setBasins(() -> mapsMenu.overlay().picture());
        getStyleClass().add("descent");
        getStylesheets().add(MainView.class.getResource("descent.css").toExternalForm());

        topBars = new VBox(menuBar(), toolBar());
        setTop(topBars);
        StackPane centre = new StackPane(plot, relief3d, playHint, presenterCanvas);
        presenterCanvas.setMouseTransparent(true);
        presenterCanvas.setVisible(false);
        presenterCanvas.setManaged(false);
        centre.widthProperty().addListener((o, a, b) -> presenterCanvas.setWidth(b.doubleValue()));
        centre.heightProperty().addListener((o, a, b) -> presenterCanvas.setHeight(b.doubleValue()));
        centre.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> pointerAt(e.getX(), e.getY()));
        centre.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, e -> pointerAt(e.getX(), e.getY()));
        centre.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> pointerAt(Double.NaN, Double.NaN));
        playHint.getStyleClass().add("play-hint");
        playHint.setMouseTransparent(true);
        StackPane.setAlignment(playHint, Pos.TOP_LEFT);
        StackPane.setMargin(playHint, new Insets(24, 0, 0, 72));
        centre.getStyleClass().add("plot-pane");
        HBox plotAndData = new HBox(centre, dataPanel);
        HBox.setHgrow(centre, Priority.ALWAYS);
        VBox.setVgrow(plotAndData, Priority.ALWAYS);
        setCenter(charts.around(new VBox(new LessonPanel(lessons, presentingState), plotAndData)));
        ScrollPane scroll = LiveScroll.uncached(new ScrollPane(side));
        sideScroll = scroll;
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(380);
        scroll.setMinWidth(320);
        scroll.getStyleClass().add("side-scroll");
        setRight(scroll);
        statusBar = statusBar();
        setBottom(statusBar);

        messageTimeout.setOnFinished(e -> setMessage(HINT, false));
        // Enter in a field commits it (its own handler ran first) and, when accepted, gives the keys back to the plot
        addEventHandler(javafx.event.ActionEvent.ACTION, e -> {
            if (e.getTarget() instanceof TextField tf && !tf.getPseudoClassStates().contains(Styles.STATE_DANGER)) {
                plot.requestFocus();
            }
        });
        ctl.addListener(c -> {
            updateTitle();
            switch (c) {
                case LOADED -> {
                    refreshControls();
                    updateLesson();
                }
                case SURFACE -> updateLesson();
                case VIEW, PLAYBACK -> refreshControls();
                default -> {
                }
            }
        });
        updateTitle();
        // a beat may show the relief from its own camera; the next beat without one shows the plot again
        lessons.reliefProperty().addListener((o, was, now) -> {
            if (now != null) {
                relief3d.setCamera(dev.descent.export.LessonAnimation.camera(now));
                show3d(true, false);
            } else if (was != null) {
                show3d(false, false);
            }
        });
        lessonSurface = ctl.session().surface();
        refreshControls();
        updateLesson();
        setDark(dark);

        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                s.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
                s.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), this::redo);
                s.focusOwnerProperty().addListener((fo, before, now) -> focusMoved(before, now));
                Platform.runLater(plot::requestFocus);
            }
        });
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
    }

    private Menu lessonsMenu;
    private ComboBox<Presets.Preset> lessonsBox;
    private boolean lessonsFilled;
    private boolean lessonsComing;

    /**
     * The lessons are being read on another thread, which calls {@link #fillLessons} when they are:
     * the rest of start-up then does not read them on the JavaFX thread.
     */
    void lessonsComing() {
        lessonsComing = true;
    }

    private Runnable onRestBuilt = () -> { };

    /** Runs {@code r} once start-up's deferred parts are built (after the first full plot). */
    void onRestBuilt(Runnable r) {
        onRestBuilt = r;
    }

    /**
     * Fills the Lessons menu and the toolbar's lesson box, once: with the rest of start-up, after the
     * first full plot (or once the window's start-up thread has read them after it,
     * {@code DescentApp.launchWindow}), or when the menu or the box is opened before that. Nothing in
     * the first frame needs them, and an empty menu makes the menu bar's skin cheaper.
     */
    void fillLessons() {
        if (lessonsFilled) {
            return;
        }
        lessonsFilled = true;
        try {
            List<Presets.Preset> all = Presets.all();
            for (Presets.Preset p : all) {
                MenuItem item = new MenuItem(p.title());
                item.setId("preset-" + p.id());
                item.setOnAction(e -> openPreset(p));
                lessonsMenu.getItems().add(item);
            }
            lessonsBox.getItems().setAll(all);
        } catch (RuntimeException e) {
            lessonsMenu.getItems().add(new MenuItem("(lessons could not be read: " + e.getMessage() + ")"));
        }
    }

    /**
     * Whether start-up's deferred parts are built (the run editor whole, the charts' content once
     * shown): they follow the first full plot. Tests wait for it.
     */
    public boolean startupComplete() {
        return restBuilt && (!charts.isShown() || charts.hasContent());
    }

    public SessionController controller() {
        return ctl;
    }

    public PlotView plot() {
        return plot;
    }

    /** The open lesson's beats. */
    public LessonPlayer lessons() {
        return lessons;
    }

    /** The current beat's caption, empty when no lesson with beats is open (presenter mode shows it). */
    public ReadOnlyStringProperty lessonCaptionProperty() {
        return lessons.captionProperty();
    }

    /** The basin map under the plot. */
    public BasinMapOverlay basinMap() {
        return mapsMenu.overlay();
    }

    /** The hyperparameter map window (made on first use, not shown). */
    public HyperMapWindow hyperMap() {
        return mapsMenu.hyperWindow();
    }

    /** SessionConfig files, recent files and exports. */
    FileActions files() {
        return files;
    }

    public ChartsView charts() {
        return charts;
    }

    public boolean isDark() {
        return dark;
    }

    public void setOnQuit(Runnable r) {
        onQuit = r;
    }

    /** Starts drawing frames. */
    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
        plot.dispose();
        mapsMenu.dispose();
    }

    // ---- the pulse ----------------------------------------------------------------------------

    private void pulse(long now) {
        Frame f = ctl.latest();
        worked.pulse(f, now); // first: in sub-step mode the plot's arrows follow the lines it shows
        if (relief3d.isVisible()) {
            mapsMenu.overlay().update(plot.geometry()); // the basin map is made as for the plot, then draped over the relief
            relief3d.pulse(f);
        } else {
            plot.pulse(f);
        }
        dataPanel.pulse(f, now);
        if (!restBuilt && startupPulses < STARTUP_PULSES && !plot.drawnFull() && relief3d.picture() == null) {
            // start-up: what the first frame does not need (the run editor below the fold, the charts'
            // content) waits until the full plot is drawn, or about a second of pulses should it not come
            startupPulses++;
        } else {
            if (!restBuilt) {
                restBuilt = true;
                side.buildRest();
                if (!lessonsComing || Presets.isRead()) {
                    fillLessons();
                }
                onRestBuilt.run();
            }
            charts.pulse(f, now);
        }
        if (f.playing() != playing) {
            playing = f.playing();
            playButton.setGraphic(new FontIcon(playing ? "mdi2p-pause" : "mdi2p-play"));
            playButton.setText(playing ? "Pause" : "Play");
            Tips.set(playButton, playing ? "Pause (Space)" : "Play (Space)");
            if (playing && !everPlayed) {
                everPlayed = true;
                playHint.setVisible(false);
            }
        }
        if (now - lastStats > 80_000_000L) {
            lastStats = now;
            long max = 0;
            for (RunFrame r : f.runs()) {
                max = Math.max(max, r.step());
            }
            stepLabel.setText("step " + max + " / " + f.stepLimit());
            side.updateStats(f);
        }
        if (presenting) {
            paintPresenter(f);
        }
    }

    // ---- presenter mode -----------------------------------------------------------------------

    public boolean isPresenting() {
        return presenting;
    }

    /** The size of the presenter's type and marks, 1× to 3×. */
    public double presenterScale() {
        return presenterScale;
    }

    public boolean isBlank() {
        return blank;
    }

    /** F5: full screen, the plot alone with a large step counter and the lesson's caption; Esc leaves. */
    public void setPresenting(boolean on) {
        if (on == presenting) {
            return;
        }
        presenting = on;
        presentingState.set(on);
        blank = false;
        drawer = false;
        javafx.stage.Stage stage = getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage st ? st : null;
        if (on) {
            chartsBefore = charts.isShown();
            charts.setShown(false);
            setTop(null);
            setRight(null);
            setBottom(null);
            playHint.setVisible(false);
            if (stage != null) {
                stage.setFullScreenExitHint("");
                stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is ours: it leaves presenter mode
                stage.setFullScreen(true);
            }
        } else {
            setTop(topBars);
            setRight(sideScroll);
            setBottom(statusBar);
            charts.setShown(chartsBefore);
            if (stage != null && stage.isFullScreen()) {
                stage.setFullScreen(false);
            }
        }
        plot.setScale(on ? presenterScale : 1);
        relief3d.setScale(on ? presenterScale : 1);
        presenterCanvas.setVisible(on);
        presenterCanvas.getGraphicsContext2D().clearRect(0, 0, presenterCanvas.getWidth(), presenterCanvas.getHeight());
        plot.requestFocus();
    }

    /** + / − in presenter mode. */
    public void scalePresenter(double delta) {
        presenterScale = dev.descent.render.PresenterPainter.clampScale(presenterScale + delta);
        if (presenting) {
            plot.setScale(presenterScale); // the plot's own ticks, lines and markers too, not only the overlay
            relief3d.setScale(presenterScale);
        }
    }

    private void pointerAt(double x, double y) {
        pointerX = relief3d.isVisible() ? Double.NaN : x;
        pointerY = relief3d.isVisible() ? Double.NaN : y;
    }

    /**
     * View → 3-D view (3): the relief in the plot's place, or the plot back. The plot's tools (the
     * start, arrows, curvature, the ghost) stay with the plot.
     */
    public void show3d(boolean on) {
        show3d(on, true);
    }

    /** {@link #show3d(boolean)}, saying how to turn it ({@code tell}) or not (at start-up, where other news may wait). */
    void show3d(boolean on, boolean tell) {
        relief3d.setVisible(on);
        plot.setVisible(!on);
        reliefItem.setSelected(on);
        reliefButton.setSelected(on);
        plotTools.forEach(item -> item.setDisable(on));
        fieldButton.setDisable(on);
        if (on) {
            relief3d.requestFocus();
            if (tell) {
                showMessage("3-D view: drag turns it, the wheel zooms, a double click or 0 turns it back; 3 returns to the plot");
            }
        } else {
            plot.redraw();
            plot.requestFocus();
        }
    }

    /** 0, View → Reset view, the toolbar's button: the plot's view, or the relief's first camera while it is shown. */
    private void resetView() {
        if (relief3d.isVisible()) {
            relief3d.setCamera(dev.descent.render.Camera3D.DEFAULT);
        } else {
            ctl.setView(null);
        }
    }

    /** + / −: the plot's view, or the relief's camera while it is shown. */
    private void zoomIn(double factor) {
        if (relief3d.isVisible()) {
            relief3d.setCamera(relief3d.camera().zoomed(factor));
        } else {
            plot.zoomCentre(1 / factor);
        }
    }

    /** The 3-D view (shown or not). */
    ReliefView relief3d() {
        return relief3d;
    }

    private void paintPresenter(Frame f) {
        int w = (int) presenterCanvas.getWidth();
        int h = (int) presenterCanvas.getHeight();
        presenterCanvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        if (w < 10 || h < 10) {
            return;
        }
        long max = 0;
        for (RunFrame r : f.runs()) {
            max = Math.max(max, r.step());
        }
        SessionConfig s = ctl.session();
        boolean lesson = s.title() != null && s.surface().equals(lessonSurface);
        dev.descent.render.PresenterPainter.paint(presenterGraphics, w, h, plot.geometry().transform().plotArea(),
                new dev.descent.render.PresenterPainter.Overlay(
                max, f.stepLimit(), !caption ? null : lesson ? s.title() : ctl.surface().title(),
                !caption ? null : lessons.isActive() && !lessons.captionProperty().get().isEmpty()
                        ? lessons.captionProperty().get() : lesson ? s.description() : ctl.surface().formula(),
                presenterScale, dark, blank, pointerX, pointerY));
    }

    /** Keys that mean something else in presenter mode; true when {@code e} was one of them. */
    private boolean presenterKey(KeyEvent e) {
        switch (e.getCode()) {
            case ESCAPE -> setPresenting(false);
            case B, PERIOD -> blank = !blank; // clickers send B or "."
            case C -> caption = !caption;
            case D -> {
                drawer = !drawer;
                setRight(drawer ? sideScroll : null);
            }
            case PLUS, EQUALS, ADD -> scalePresenter(dev.descent.render.PresenterPainter.SCALE_STEP);
            case MINUS, SUBTRACT -> scalePresenter(-dev.descent.render.PresenterPainter.SCALE_STEP);
            case PAGE_DOWN -> {
                if (!lessons.next()) {
                    // sub-step mode reveals the worked step's next line first
                    if (!(worked.isVisible() && worked.revealNext())) {
                        ctl.stepOnce(); // no lesson, or its last beat: one step
                    }
                    if (worked.subSteps()) {
                        plot.setReveal(worked::isRevealed); // redraw the arrows revealed so far
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    // ---- menus and bars -----------------------------------------------------------------------

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        MenuItem resetDefault = new MenuItem("Reset to default lesson");
        resetDefault.setId("resetDefault");
        resetDefault.setOnAction(e -> {
            if (mayReplaceSession()) {
                try {
                    openLessonPreset(Presets.load(Sessions.DEFAULT_PRESET));
                } catch (RuntimeException ex) {
                    load(Sessions.defaultSession());
                }
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> onQuit.run());
        file.getItems().addAll(files.menuItems());
        file.getItems().addAll(resetDefault, new SeparatorMenuItem(), quit);

        Menu edit = new Menu("_Edit");
        MenuItem undo = new MenuItem("Undo");
        undo.setId("undo");
        undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.setOnAction(e -> undo());
        MenuItem redo = new MenuItem("Redo");
        redo.setId("redo");
        redo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        redo.setOnAction(e -> redo());
        edit.setOnShowing(e -> {
            undo.setDisable(!ctl.canUndo());
            redo.setDisable(!ctl.canRedo());
        });
        MenuItem copySession = new MenuItem("Copy session as text");
        copySession.setId("copySession");
        copySession.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN));
        copySession.setOnAction(e -> files.copySession());
        MenuItem pasteSession = new MenuItem("Paste session");
        pasteSession.setId("pasteSession");
        pasteSession.setAccelerator(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN));
        pasteSession.setOnAction(e -> files.pasteSession());
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), copySession, pasteSession);

        Menu presets = new Menu("_Lessons");
        presets.setId("presetsMenu");
        lessonsMenu = presets;
        presets.setOnShowing(e -> fillLessons()); // opened before the rest of start-up

        Menu runs = new Menu("_Runs");
        MenuItem add = new MenuItem("Add run");
        add.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        add.setOnAction(e -> ctl.addRun().ifPresent(this::showMessage));
        MenuItem dup = new MenuItem("Duplicate selected run");
        dup.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        dup.setOnAction(e -> {
            if (ctl.selected() >= 0) {
                ctl.duplicateRun(ctl.selected()).ifPresent(this::showMessage);
            }
        });
        MenuItem remove = new MenuItem("Remove selected run");
        remove.setOnAction(e -> ctl.removeRun(ctl.selected()));
        MenuItem play = new MenuItem("Play / pause   (Space)");
        play.setOnAction(e -> ctl.togglePlay());
        MenuItem step = new MenuItem("Step   (→)");
        step.setOnAction(e -> ctl.stepOnce());
        MenuItem reset = new MenuItem("Reset   (R)");
        reset.setOnAction(e -> ctl.reset());
        runs.getItems().addAll(play, step, reset, new SeparatorMenuItem(), add, dup, remove);

        Menu view = new Menu("_View");
        Menu maps = new Menu("Colour map");
        for (ColorMap cm : ColorMap.all()) {
            String m = cm.name();
            RadioMenuItem item = new RadioMenuItem(m);
            item.setId("map-" + m);
            item.setToggleGroup(mapGroup);
            item.setUserData(m);
            item.setOnAction(e -> setLook(m, null, null, null));
            maps.getItems().add(item);
        }
        linesItem.setOnAction(e -> setLook(null, linesItem.isSelected(), null, null));
        fieldItem.setOnAction(e -> setLook(null, null, fieldItem.isSelected(), null));
        Menu trail = new Menu("Trail");
        for (int n : new int[] {0, 20, 100, 500}) {
            RadioMenuItem item = new RadioMenuItem(n == 0 ? "Whole path" : "Last " + n + " steps");
            item.setToggleGroup(trailGroup);
            item.setUserData(n);
            item.setOnAction(e -> setLook(null, null, null, n));
            trail.getItems().add(item);
        }
        MenuItem resetView = new MenuItem("Reset view   (0)");
        resetView.setOnAction(e -> resetView());
        darkItem.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        darkItem.setOnAction(e -> setDark(darkItem.isSelected()));
        batchItem.setId("batchContoursItem");
        batchItem.setOnAction(e -> plot.setBatchContours(batchItem.isSelected()));
        Menu arrows = arrowsMenu();
        plotTools = List.of(fieldItem, batchItem, arrows, curvatureItem);
        view.getItems().addAll(maps, linesItem, fieldItem, batchItem, trail, arrows, workedItem, subStepsItem, curvatureItem,
                charts.menuItem(), reliefItem, new SeparatorMenuItem(), resetView, darkItem);

        Menu help = new Menu("_Help");
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setId("shortcuts");
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        keys.setOnAction(e -> showShortcuts());
        MenuItem about = new MenuItem("About Descent");
        about.setOnAction(e -> info("About Descent", "Descent",
                "Watch gradient-based optimizers work on 2-D loss surfaces.\n"
                        + "Trajectories match torch.optim; the same run on the command line gives the same numbers."));
        help.getItems().addAll(keys, about);
        MenuBar bar = new MenuBar(file, edit, presets, runs, view, mapsMenu.menu(), help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private ToolBar toolBar() {
        playButton.setId("play");
        playButton.setGraphic(new FontIcon("mdi2p-play"));
        Tips.set(playButton, "Play (Space)");
        playButton.getStyleClass().add("play-button");
        playButton.setText("Play");
        playButton.setMinWidth(Region.USE_PREF_SIZE);
        playButton.setPrefWidth(100); // the same for Play and Pause, so the bar does not jump
        playButton.setFocusTraversable(false);
        playButton.setOnAction(e -> ctl.togglePlay());
        Button step = toolButton("step", "mdi2s-step-forward", "One step (→)");
        step.setOnAction(e -> ctl.stepOnce());
        Button reset = toolButton("reset", "mdi2r-restart", "Reset every run to its start (R, Home)");
        reset.setOnAction(e -> ctl.reset());

        speedSlider.setId("speed");
        speedSlider.setPrefWidth(72);
        speedSlider.setFocusTraversable(false);
        Tips.set(speedSlider, "Steps per second, 1 to 10 000 (logarithmic)");
        speedSlider.valueProperty().addListener((o, a, b) -> {
            if (updatingControls) {
                return;
            }
            double sps = Math.round(Math.pow(10, b.doubleValue()));
            ctl.setSpeed(Math.max(1, sps));
        });
        speedLabel.setMinWidth(84);
        speedLabel.getStyleClass().add("mono");

        stepLimitField.setId("stepLimit");
        stepLimitField.setPrefColumnCount(5);
        Tips.set(stepLimitField, "Runs stop after this many steps");
        Runnable commitLimit = () -> {
            String t = stepLimitField.getText().trim().replace("_", "").replace(",", "");
            Optional<String> r;
            try {
                r = ctl.setStepLimit(Long.parseLong(t));
            } catch (NumberFormatException ex) {
                r = Optional.of("Invalid step limit: '" + t + "' is not a whole number");
            }
            stepLimitField.pseudoClassStateChanged(Styles.STATE_DANGER, r.isPresent());
            r.ifPresent(this::showMessage);
        };
        stepLimitField.setOnAction(e -> commitLimit.run());
        stepLimitField.focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                commitLimit.run();
                if (stepLimitField.getPseudoClassStates().contains(Styles.STATE_DANGER)) {
                    // the refused text goes; the limit in force comes back (the status bar keeps the reason)
                    stepLimitField.setText(Long.toString(ctl.session().stepLimit()));
                    stepLimitField.pseudoClassStateChanged(Styles.STATE_DANGER, false);
                }
            }
        });
        // reached by a click, never by focus wandering from a rebuilt panel
        stepLimitField.setFocusTraversable(false);
        stepLabel.setId("stepCounter");
        stepLabel.getStyleClass().add("mono");
        stepLabel.setMinWidth(120);

        ComboBox<Presets.Preset> lessons = new ComboBox<>();
        lessons.setId("presets");
        lessons.setPromptText("Lesson…"); // short: the box gives way at 1280 px, its prompt must not be cut
        Tips.set(lessons, "Open a lesson");
        lessonsBox = lessons;
        lessons.setOnShowing(e -> fillLessons());
        lessons.setCellFactory(l -> new SidePanel.KindCell<>(Presets.Preset::title, p -> p.session().description()));
        lessons.setButtonCell(new SidePanel.KindCell<>(Presets.Preset::title, p -> ""));
        lessons.setPrefWidth(124);
        lessons.setMinWidth(110); // "Lesson…" whole
        lessons.setVisibleRowCount(6); // the list fits a small screen and scrolls
        lessons.setFocusTraversable(false);
        lessons.setOnAction(e -> {
            Presets.Preset p = lessons.getValue();
            if (p != null) {
                openPreset(p);
                Platform.runLater(() -> lessons.getSelectionModel().clearSelection());
            }
        });

        Button fit = toolButton("resetView", "mdi2a-arrow-expand-all", "Reset the view (0)");
        fit.setOnAction(e -> resetView());
        fieldButton.setId("gradientField");
        fieldButton.setGraphic(new FontIcon("mdi2a-arrow-top-right"));
        fieldButton.getStyleClass().add(Styles.BUTTON_ICON);
        Tips.set(fieldButton, "Gradient field: arrows along −∇f");
        fieldButton.setFocusTraversable(false);
        fieldButton.setOnAction(e -> setLook(null, null, fieldButton.isSelected(), null));
        reliefButton.setId("reliefButton");
        reliefButton.setGraphic(new FontIcon("mdi2c-cube-outline"));
        reliefButton.getStyleClass().add(Styles.BUTTON_ICON);
        Tips.set(reliefButton, "3-D view: the surface as a relief, the runs on it (3)");
        reliefButton.setFocusTraversable(false);
        reliefButton.setOnAction(e -> show3d(reliefButton.isSelected()));
        themeButton.setId("theme");
        themeButton.getStyleClass().add(Styles.BUTTON_ICON);
        Tips.set(themeButton, "Dark theme, good for projectors (Ctrl+T)");
        themeButton.setFocusTraversable(false);
        themeButton.setOnAction(e -> setDark(themeButton.isSelected()));

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // an icon instead of the word: the toolbar keeps every control at 1280 px
        Label speedTitle = new Label(null, new FontIcon("mdi2s-speedometer"));
        Tips.set(speedTitle, "Speed: steps per second");
        Label limitTitle = new Label("Limit");
        // labels keep their text: at 1280 px the lesson box gives way instead
        for (Region r : List.of(speedTitle, limitTitle, speedLabel, stepLabel)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        ToolBar bar = new ToolBar(playButton, step, reset, new Separator(Orientation.VERTICAL),
                speedTitle, speedSlider, speedLabel, new Separator(Orientation.VERTICAL),
                limitTitle, stepLimitField, stepLabel, gap, lessons, new Separator(Orientation.VERTICAL),
                fit, fieldButton, reliefButton, themeButton, presenterButton);
        presenterButton.setOnAction(e -> setPresenting(true));
        bar.getItems().addAll(bar.getItems().indexOf(gap) + 1, files.toolbarNodes());
        bar.getStyleClass().add("transport");
        return bar;
    }

    private static Button toolButton(String id, String icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add(Styles.BUTTON_ICON);
        Tips.set(b, tip);
        b.setFocusTraversable(false);
        return b;
    }

    private HBox statusBar() {
        messageLabel.setId("message");
        messageLabel.getStyleClass().add("status-message");
        messageLabel.setMaxWidth(Double.MAX_VALUE);
        messageLabel.setMinWidth(0);
        HBox.setHgrow(messageLabel, Priority.ALWAYS);
        pointerLabel.textProperty().bind(plot.pointerProperty());
        pointerLabel.getStyleClass().addAll("mono", Styles.TEXT_MUTED);
        pointerLabel.setMinWidth(Region.USE_PREF_SIZE);
        lessonLabel.setId("lessonTitle");
        lessonLabel.getStyleClass().add(Styles.TEXT_MUTED);
        lessonLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(16, messageLabel, pointerLabel, lessonLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    // ---- actions ------------------------------------------------------------------------------

    /** Opens the lesson {@code id} and goes to beat {@code beat} (0 = its introduction); a message names a wrong id. */
    public void openLesson(String id, int beat) {
        try {
            if (!mayReplaceSession()) {
                return;
            }
            openLessonPreset(Presets.load(id));
            for (int k = 0; k < beat && lessons.next(); k++) {
                // each beat plays on from where the previous one ended
            }
        } catch (IllegalArgumentException e) {
            showMessage(e.getMessage());
        }
    }

    /** Opens a preset as a lesson: its session, and its beats in the lesson panel. */
    private void openPreset(Presets.Preset p) {
        if (mayReplaceSession()) {
            openLessonPreset(p);
        }
    }

    /** Opens a preset as a lesson without asking (the window's {@code --lesson ID}). */
    void openLessonScript(Presets.Preset p) {
        openLessonPreset(p);
    }

    /** Opens a preset as a lesson without asking: its session, and its beats in the lesson panel. */
    private void openLessonPreset(Presets.Preset p) {
        try {
            lessons.open(Lessons.of(p));
            playHint.setVisible(!lessons.isActive());
            everPlayed = false;
            showMessage(p.title());
        } catch (RuntimeException e) {
            load(p.session()); // a broken script still leaves the session usable
        }
    }

    void undo() {
        showMessage(ctl.undo() ? "Undone (Ctrl+Shift+Z or Ctrl+Y redoes it)" : "Nothing to undo");
    }

    void redo() {
        showMessage(ctl.redo() ? "Redone" : "Nothing to redo");
    }

    private final javafx.beans.property.ReadOnlyStringWrapper title = new javafx.beans.property.ReadOnlyStringWrapper("Descent");

    /**
     * The window's title: the session's file (else its title), then "Descent"; "• " in front while
     * the runs or the surface have changed since the session was opened or saved.
     */
    public javafx.beans.property.ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    private void updateTitle() {
        java.nio.file.Path f = files.currentFile();
        String name = f != null ? f.getFileName().toString() : ctl.session().title();
        String t = (name == null || name.isBlank() ? "" : name + " — ") + "Descent";
        title.set(ctl.hasUnsavedChanges() ? "• " + t : t);
    }

    /**
     * Before another session replaces this one: when it has unsaved changes, asks whether to save
     * them, discard them or stay. True when the replacement may go ahead.
     */
    boolean mayReplaceSession() {
        if (!ctl.hasUnsavedChanges()) {
            return true;
        }
        ButtonType save = new ButtonType("Save…", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard changes", ButtonBar.ButtonData.NO);
        ButtonType stay = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Save them before another session replaces this one?", save, discard, stay);
        a.setTitle("Unsaved changes");
        a.setHeaderText("The runs or the surface have changed since the session was opened or saved.");
        a.getDialogPane().lookupButton(save).setId("saveChanges");
        a.getDialogPane().lookupButton(discard).setId("discardChanges");
        a.getDialogPane().lookupButton(stay).setId("keepSession");
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        ButtonType answer = a.showAndWait().orElse(stay);
        if (answer == save) {
            return files.save();
        }
        return answer == discard;
    }

    /** Opens a session (a preset, the default lesson); says what was left out, if anything. */
    public void load(SessionConfig s) {
        try {
            lessonSurface = s.surface();
            List<String> problems = ctl.load(s);
            if (problems.isEmpty()) {
                showMessage((s.title() == null ? "Opened" : s.title()) + (s.description() == null ? "" : " — " + s.description()));
            } else {
                showMessage(String.join("  ", problems));
            }
            playHint.setVisible(true);
            everPlayed = false;
        } catch (IllegalArgumentException e) {
            showMessage("Could not open: " + e.getMessage());
        }
    }

    private void setLook(String map, Boolean lines, Boolean field, Integer trail) {
        SessionConfig s = ctl.session();
        ctl.setLook(map == null ? s.colorMap() : map, lines == null ? s.contourLines() : lines,
                field == null ? s.gradientField() : field, trail == null ? s.trail() : trail);
    }

    /** Switches the faint contours of the selected run's minibatch loss on or off. */
    public void setBatchContours(boolean on) {
        batchItem.setSelected(on);
        plot.setBatchContours(on);
    }

    /**
     * Sets the application's theme (AtlantaFX Primer, light or dark). Called before the first control
     * is made, it also spares JavaFX loading its default theme (Modena) only to replace it.
     */
    static void theme(boolean d) {
        Application.setUserAgentStylesheet(d ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    public void setDark(boolean d) {
        dark = d;
        theme(d);
        plot.setDark(d);
        relief3d.setDark(d);
        charts.setDark(d);
        worked.setDark(d);
        dataPanel.setDark(d);
        themeButton.setSelected(d);
        themeButton.setGraphic(new FontIcon(d ? "mdi2w-white-balance-sunny" : "mdi2w-weather-night"));
        darkItem.setSelected(d);
    }

    /** Shows a message in the status bar for a few seconds. */
    public void showMessage(String text) {
        setMessage(text, true);
    }

    private void setMessage(String text, boolean timed) {
        messageLabel.setText(text);
        messageLabel.setTooltip(new Tooltip(text));
        if (timed) {
            messageTimeout.playFromStart();
        }
    }

    private void refreshControls() {
        SessionConfig s = ctl.session();
        updatingControls = true;
        try {
            speedSlider.setValue(Math.log10(s.speed()));
            speedLabel.setText(String.format(Locale.ROOT, "%,d steps/s", Math.round(s.speed())));
            if (!stepLimitField.isFocused()) {
                stepLimitField.setText(Long.toString(s.stepLimit()));
                stepLimitField.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            }
            linesItem.setSelected(s.contourLines());
            fieldItem.setSelected(s.gradientField());
            fieldButton.setSelected(s.gradientField());
            mapGroup.getToggles().forEach(t -> t.setSelected(s.colorMap().equals(t.getUserData())));
            trailGroup.getToggles().forEach(t -> t.setSelected(Integer.valueOf(s.trail()).equals(t.getUserData())));
        } finally {
            updatingControls = false;
        }
    }

    private void updateLesson() {
        SessionConfig s = ctl.session();
        // once the surface is changed, the lesson's title no longer describes what is shown
        boolean lesson = s.title() != null && s.surface().equals(lessonSurface);
        lessonLabel.setText(lesson ? s.title() : ctl.surface().title());
    }

    /**
     * When the focused control is taken away (the side panel or the charts rebuild), JavaFX hands
     * focus to the next control in the window, the toolbar's Limit field, where the next Space would
     * wipe the limit. The plot takes it back instead.
     */
    private void focusMoved(javafx.scene.Node before, javafx.scene.Node now) {
        boolean removed = before != null && (before.getScene() == null || !isShowing(before));
        if (removed || now == null) {
            plot.requestFocus();
        }
    }

    private static boolean isShowing(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void key(KeyEvent e) {
        Scene scene = getScene();
        var focus = scene == null ? null : scene.getFocusOwner();
        if (focus instanceof TextInputControl) {
            if (e.getCode() == KeyCode.ESCAPE) {
                plot.requestFocus();
                e.consume();
            }
            return;
        }
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        if (e.getCode() == KeyCode.F5) {
            setPresenting(!presenting);
            e.consume();
            return;
        }
        if (presenting && presenterKey(e)) {
            e.consume();
            return;
        }
        boolean navigating = focus instanceof Slider;
        switch (e.getCode()) {
            case SPACE -> ctl.togglePlay();
            case RIGHT -> {
                if (navigating) {
                    return;
                }
                if (!lessons.next()) {
                    // sub-step mode reveals the worked step's next line first
                    if (!(worked.isVisible() && worked.revealNext())) {
                        ctl.stepOnce(); // no lesson, or its last beat: one step
                    }
                    if (worked.subSteps()) {
                        plot.setReveal(worked::isRevealed); // redraw the arrows revealed so far
                    }
                }
            }
            case PAGE_DOWN -> {
                if (!lessons.isActive()) {
                    return;
                }
                lessons.next();
            }
            case LEFT, PAGE_UP -> {
                if (navigating || !lessons.isActive()) {
                    return;
                }
                lessons.back();
            }
            case R, HOME -> ctl.reset();
            case A -> {
                if (relief3d.isVisible()) {
                    return; // the plot's tool: not drawn on the relief
                }
                cycleArrows();
            }
            case K -> {
                if (relief3d.isVisible()) {
                    return;
                }
                plot.setCurvature(!plot.curvature(), null);
            }
            case W -> showWorkedStep(!worked.isVisible());
            case DIGIT0, NUMPAD0 -> resetView();
            case DIGIT3, NUMPAD3 -> show3d(!relief3d.isVisible());
            case PLUS, EQUALS, ADD -> zoomIn(1.25);
            case MINUS, SUBTRACT -> zoomIn(1 / 1.25);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /**
     * View ▸ Arrows: off, the selected run's, or every run's arrows of the last step (gradient,
     * velocity, step, ...), each kind switchable. A (the key) cycles off → selected → all.
     */
    private Menu arrowsMenu() {
        Menu menu = new Menu("Arrows");
        menu.setId("arrows");
        ToggleGroup group = new ToggleGroup();
        for (PlotView.ArrowMode mode : PlotView.ArrowMode.values()) {
            RadioMenuItem item = new RadioMenuItem(switch (mode) {
                case OFF -> "None";
                case SELECTED -> "Selected run   (A)";
                case ALL -> "All runs";
            });
            item.setId("arrows-" + mode.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(group);
            item.setUserData(mode);
            item.setSelected(mode == plot.arrowMode());
            item.setOnAction(e -> plot.setArrows(mode, plot.arrowKinds()));
            menu.getItems().add(item);
        }
        arrowGroup = group;
        menu.getItems().add(new SeparatorMenuItem());
        for (dev.descent.optim.RoleVector.Role role : dev.descent.optim.RoleVector.Role.values()) {
            CheckMenuItem item = new CheckMenuItem(role.symbol() + "  " + role.meaning());
            item.setId("arrow-" + role.id());
            item.setSelected(plot.arrowKinds().shows(role));
            item.setOnAction(e -> {
                java.util.Set<dev.descent.optim.RoleVector.Role> kinds = java.util.EnumSet.noneOf(dev.descent.optim.RoleVector.Role.class);
                kinds.addAll(plot.arrowKinds().shown());
                if (item.isSelected()) {
                    kinds.add(role);
                } else {
                    kinds.remove(role);
                }
                plot.setArrows(plot.arrowMode(), new dev.descent.render.ArrowPainter.Settings(kinds));
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    /** The most steps a ghost path takes (a drag must stay smooth). */
    static final long GHOST_STEPS = 20_000;

    /**
     * While a hyperparameter slider is dragged: run i's path from its start with {@code name} = v, up
     * to the step it has reached, drawn as a ghost beside it (name null, or a refused value: none).
     */
    void ghostOf(int i, String name, Object v) {
        ghost(i, name, v);
    }

    private void ghost(int i, String name, Object v) {
        if (name == null || i < 0 || i >= ctl.runs().size()) {
            plot.setGhost(null);
            return;
        }
        try {
            dev.descent.session.RunConfig m = ctl.runs().get(i).withHyperparameter(name, v);
            dev.descent.sim.RunFrame r = ctl.frameOf(ctl.latest(), i);
            int steps = (int) Math.min(r == null ? 0 : r.step(), GHOST_STEPS);
            dev.descent.sim.Run run = new dev.descent.sim.Run(m.toRunSpec(ctl.surface()));
            double[] xs = new double[steps + 1];
            double[] ys = new double[steps + 1];
            xs[0] = run.x();
            ys[0] = run.y();
            int n = 1;
            while (n <= steps && run.step()) {
                xs[n] = run.x();
                ys[n] = run.y();
                n++;
            }
            java.awt.Color c;
            try {
                c = java.awt.Color.decode(m.color());
            } catch (RuntimeException e) {
                c = java.awt.Color.GRAY;
            }
            plot.setGhost(new PlotView.Ghost(xs, ys, n, c));
        } catch (RuntimeException e) {
            plot.setGhost(null); // a value the optimizer refuses: no ghost (releasing shows why)
        }
    }

    /** Sub-step mode: → reveals the worked step's lines, and their arrows, one by one (opens the panel). */
    void setSubSteps(boolean on) {
        worked.setSubSteps(on);
        subStepsItem.setSelected(on);
        plot.setReveal(on ? worked::isRevealed : null);
        if (on) {
            showWorkedStep(true);
        }
    }

    /** Shows or hides the worked-step panel on the left (the W key). */
    void showWorkedStep(boolean show) {
        worked.setVisible(show);
        workedItem.setSelected(show);
        setLeft(show ? worked : null);
    }

    /** The worked-step panel (tests). */
    WorkedStepPanel workedStep() {
        return worked;
    }

    /** "off", "selected" or "all" (ignored otherwise). */
    void setArrowMode(String mode) {
        for (PlotView.ArrowMode m : PlotView.ArrowMode.values()) {
            if (m.name().equalsIgnoreCase(mode)) {
                plot.setArrows(m, plot.arrowKinds());
                if (arrowGroup != null) {
                    arrowGroup.getToggles().stream().filter(t -> t.getUserData() == m).findFirst().ifPresent(t -> t.setSelected(true));
                }
            }
        }
    }

    /** Off → selected run → all runs → off (the A key). */
    void cycleArrows() {
        PlotView.ArrowMode[] modes = PlotView.ArrowMode.values();
        PlotView.ArrowMode next = modes[(plot.arrowMode().ordinal() + 1) % modes.length];
        plot.setArrows(next, plot.arrowKinds());
        if (arrowGroup != null) {
            arrowGroup.getToggles().stream().filter(t -> t.getUserData() == next).findFirst().ifPresent(t -> t.setSelected(true));
        }
    }

    private ToggleGroup arrowGroup;

    private void showShortcuts() {
        // a grid, not padded text: "→", "−" and "Ctrl+Shift+Z" have different widths in any font
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setId("shortcutTable");
        grid.setHgap(18);
        grid.setVgap(4);
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label key = new Label(SHORTCUTS.get(i)[0]);
            key.getStyleClass().add(Styles.TEXT_BOLD);
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(SHORTCUTS.get(i)[1]);
            what.setWrapText(true);
            what.setMaxWidth(460);
            grid.addRow(i, key, what);
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard and mouse");
        a.getDialogPane().setContent(grid);
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        a.show();
    }

    private void info(String title, String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        a.setTitle(title);
        a.setHeaderText(header);
        Label body = new Label(text);
        body.getStyleClass().add("mono");
        a.getDialogPane().setContent(body);
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        a.show();
    }
}
