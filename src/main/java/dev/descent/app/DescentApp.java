package dev.descent.app;

import dev.descent.export.SettingsStore;
import dev.descent.session.WindowOptions;
import dev.descent.session.Presets;
import dev.descent.session.SessionConfig;
import dev.descent.session.SessionController;
import dev.descent.session.Sessions;
import dev.descent.math.Surfaces;
import dev.descent.sim.Simulation;
import dev.descent.render.PlotPainter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: reopens the remembered session (or the default lesson on a first start),
 * shows the {@link MainView}, and remembers the session on exit.
 */
public class DescentApp extends Application {

    private Simulation simulation;
    private MainView view;
    private SettingsStore store;
    private Stage stage;

    /**
     * Opens the window. What it opens with is read on a thread of its own while the JavaFX toolkit
     * starts ({@link Opening#read}): the remembered window and session, the command line's lesson, the
     * controller over its started simulation; then the plot's coarse first raster at the size the
     * plot had when the window was last closed, and the lessons for the menus. The JavaFX thread
     * waits only for the first part, in {@link #start(Stage)}.
     */
    public static void launchWindow(String[] args) {
        List<String> list = List.of(args);
        CompletableFuture<Opening> opening = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            Opening o;
            try {
                o = Opening.read(list);
                opening.complete(o);
            } catch (Throwable e) {
                opening.completeExceptionally(e);
                return;
            }
            o.prepareFirstLayer();
            try { // only the menus need them: after the first full plot, not beside the window's first work
                o.rest.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                Presets.all();
                StartupTrace.mark("lessons read (start-up thread)");
            } catch (RuntimeException e) {
                // the Lessons menu says why when it asks again
            }
            MainView v = o.holder.get();
            if (v != null) {
                Platform.runLater(v::fillLessons);
            }
        }, "start-up");
        t.setDaemon(true);
        t.start();
        early = new Early(list, opening);
        Application.launch(DescentApp.class, args);
    }

    /** The opening being read for {@code args} by {@link #launchWindow}'s thread, taken by {@link #start}. */
    private record Early(List<String> args, CompletableFuture<Opening> opening) {
    }

    private static volatile Early early;

    /**
     * What the window opens with, read without JavaFX (any thread): the store, the remembered window
     * settings, the command line's options, the controller over the session to show and its started
     * simulation, and the problems to tell. {@link #firstLayer} is the plot's coarse first raster when
     * the plot's last size is remembered (not in presenter mode).
     */
    static final class Opening {
        final SettingsStore store;
        final Properties ui;
        final WindowOptions options;
        /** The session file the command line named, read; null when none was (or it was refused). */
        final FileActions.Opened opened;
        final List<String> problems;
        final SessionController ctl;
        final AtomicReference<MainView> holder = new AtomicReference<>();
        final boolean dark;
        /** The plot's size when the window was last closed, {w, h}; null when unknown. */
        final int[] plotSize;
        final CompletableFuture<PlotPainter.Layer> firstLayer = new CompletableFuture<>();
        /** Released once the window has built the rest of start-up, after the first full plot. */
        final java.util.concurrent.CountDownLatch rest = new java.util.concurrent.CountDownLatch(1);
        // read on the thread that built the controller, before anything else uses it
        private final dev.descent.math.Surface surface;
        private final dev.descent.math.Viewport viewport;
        private final PlotPainter.Look look;

        private Opening(List<String> args) {
            store = SettingsStore.fromSystem();
            ui = store.loadWindow();
            problems = new java.util.ArrayList<>();
            options = WindowOptions.parse(args, problems);
            opened = open(options.file(), problems);
            SessionConfig session = options.lesson() != null ? options.lesson().session()
                    : opened != null ? opened.session()
                    : store.loadSession().orElseGet(Sessions::defaultSession);
            ctl = controller(session, m -> {
                MainView v = holder.get();
                if (v != null) {
                    v.showMessage(m);
                }
            }, problems);
            dark = Boolean.parseBoolean(ui.getProperty("dark", "false"));
            int pw = (int) parse(ui.getProperty("plotWidth"), 0, 0);
            int ph = (int) parse(ui.getProperty("plotHeight"), 0, 0);
            plotSize = pw >= 64 && ph >= 64 && !options.presenter() ? new int[] {pw, ph} : null;
            surface = ctl.surface();
            viewport = ctl.viewport();
            SessionConfig s = ctl.session();
            look = new PlotPainter.Look(s.colorMap(), s.contourLines(), s.gradientField(), dark, 1);
        }

        /** The command line's file read, or null (none, or refused: then {@code problems} says why). */
        private static FileActions.Opened open(java.nio.file.Path file, List<String> problems) {
            if (file == null) {
                return null;
            }
            try {
                return FileActions.Opened.read(file);
            } catch (IllegalArgumentException e) {
                problems.add("Cannot open the session: " + e.getMessage() + "; here is the remembered session.");
                return null;
            }
        }

        static Opening read(List<String> args) {
            Opening o = new Opening(args);
            StartupTrace.mark("session read, simulation started");
            return o;
        }

        /** Computes {@link #firstLayer} (null when the plot's size is not known); this thread. */
        void prepareFirstLayer() {
            if (plotSize == null) {
                firstLayer.complete(null);
                return;
            }
            try {
                firstLayer.complete(PlotPainter.prepare(surface, viewport, plotSize[0], plotSize[1], look, true));
                StartupTrace.mark("coarse first raster computed (start-up thread)");
            } catch (RuntimeException e) {
                // the plot computes its own
            } finally {
                firstLayer.complete(null); // failed: the plot computes its own (no-op when made)
            }
        }
    }

    public static void main(String[] args) {
        launchWindow(args);
    }

    /**
     * Builds a controller over a started simulation for {@code session}, falling back to the default
     * lesson when the session cannot be opened.
     *
     * @param errors told on the FX thread when the simulation refuses a command
     */
    public static SessionController controller(SessionConfig session, Consumer<String> errors, List<String> problems) {
        AtomicReference<Consumer<String>> sink = new AtomicReference<>(errors);
        Simulation sim = new Simulation(Surfaces.create("rosenbrock"), m -> Platform.runLater(() -> sink.get().accept(m)));
        sim.start();
        try {
            SessionController c = new SessionController(sim, session);
            problems.addAll(c.openingProblems());
            return c;
        } catch (RuntimeException e) {
            problems.add("The last session could not be opened (" + e.getMessage() + "); here is the default lesson.");
            return new SessionController(sim, Sessions.defaultSession());
        }
    }

    private boolean stopped;

    /** Whether the 3-D view was shown at the last quit, and its camera (azimuth,elevation,zoom). */
    static final String VIEW_3D = "view3d";
    static final String CAMERA = "camera";

    /** The camera remembered as "azimuth,elevation,zoom", or the first one when there is none or it is unreadable. */
    static dev.descent.render.Camera3D camera(String text) {
        try {
            return text == null ? dev.descent.render.Camera3D.DEFAULT : dev.descent.render.Camera3D.parse(text);
        } catch (IllegalArgumentException e) {
            return dev.descent.render.Camera3D.DEFAULT;
        }
    }

    /** The remembered state of the selected run's chart row, when the user chose one. */
    static final String SELECTED_RUN_CHARTS = "selectedRunCharts";

    /**
     * Whether the selected run's chart row starts open in a window {@code height} px high: two rows of
     * charts need ~300 px, and under 1000 px the second was a sliver, so it starts folded there (its
     * header naming the run) and the runs' charts take the room.
     */
    static boolean selectedRunChartsOpen(double height) {
        return height >= 1000;
    }

    @Override
    public void start(Stage stage) {
        start(stage, getParameters() == null ? List.of() : getParameters().getRaw());
    }

    /** Starts with the window's command line {@code args} ({@link WindowOptions}). */
    void start(Stage stage, List<String> args) {
        StartupTrace.mark("JavaFX started (Application.start)");
        this.stage = stage;
        Early pre = early;
        early = null;
        Opening opening;
        boolean threaded = pre != null && pre.args().equals(args);
        if (threaded) {
            try {
                opening = pre.opening().join();
            } catch (java.util.concurrent.CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException r ? r : failed;
            }
        } else { // started without launchWindow (tests): read here, the first raster computed meanwhile
            opening = Opening.read(args);
            Thread t = new Thread(opening::prepareFirstLayer, "start-up");
            t.setDaemon(true);
            t.start();
        }
        store = opening.store;
        Properties ui = opening.ui;
        List<String> problems = opening.problems;
        WindowOptions options = opening.options;
        SessionController ctl = opening.ctl;
        simulation = ctl.simulation();
        StartupTrace.mark("simulation started");
        MainView.theme(opening.dark); // before the first control: JavaFX then never loads its own theme
        view = new MainView(ctl, opening.dark);
        if (threaded) { // the start-up thread reads the lessons once the rest of start-up is built
            view.lessonsComing();
            view.onRestBuilt(opening.rest::countDown);
        }
        if (opening.plotSize != null) {
            view.plot().firstLayer(opening.plotSize[0], opening.plotSize[1], opening.firstLayer);
        }
        StartupTrace.mark("window's content built");
        opening.holder.set(view);
        view.setOnQuit(this::quit);
        if (!problems.isEmpty()) {
            view.showMessage(String.join("  ", problems));
        }
        // never larger than the screen (a 1280×720 projector), and on a short screen the plot gets the height
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double w = Math.min(parse(ui.getProperty("width"), 1440, 600), screen.getWidth());
        double h = Math.min(parse(ui.getProperty("height"), 900, 600), screen.getHeight());
        if (h < 800) {
            view.charts().setShown(false);
            if (problems.isEmpty()) {
                view.showMessage("The charts are hidden to give the plot the room: View → Charts (Ctrl+Shift+C) shows them.");
            }
        } else {
            // the user's choice when the last quit remembered one, else open only where it has the room
            String remembered = ui.getProperty(SELECTED_RUN_CHARTS);
            view.charts().probesPane().setExpanded(remembered != null ? Boolean.parseBoolean(remembered)
                    : selectedRunChartsOpen(h));
        }
        if (opening.opened != null) {
            view.files().opened(opening.opened);
        }
        if (options.lesson() != null) { // its beats too, so → / PgDn play them; before the first layout,
            view.openLessonScript(options.lesson()); // so the plot's first raster has the size beside the lesson's panel
        }
        Scene scene = new Scene(view, w, h);
        stage.titleProperty().bind(view.titleProperty());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> { // the window's close button quits as fast as Ctrl+Q
            e.consume();
            quit();
        });
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        if (Boolean.parseBoolean(ui.getProperty("maximized", "false"))) {
            stage.setMaximized(true);
        }
        stage.show();
        StartupTrace.mark("window shown");
        view.plot().requestFocus();
        view.start();
        view.relief3d().setCamera(camera(ui.getProperty(CAMERA)));
        if (Boolean.parseBoolean(ui.getProperty(VIEW_3D, "false"))) {
            view.show3d(true, false);
        }
        if (options.presenter()) {
            view.setPresenting(true);
        }
        if (Boolean.getBoolean("descent.autoplay")) {
            ctl.play();
        }
        // screenshots and slides: -Ddescent.steps=N takes N single steps, -Ddescent.select=I selects run I,
        // -Ddescent.arrows=selected|all, -Ddescent.curvature=true,
        // -Ddescent.worked=true opens the worked step
        for (int k = Integer.getInteger("descent.steps", 0); k > 0; k--) {
            ctl.stepOnce();
        }
        if (Integer.getInteger("descent.select") != null) {
            ctl.select(Integer.getInteger("descent.select"));
        }
        if (System.getProperty("descent.arrows") != null) {
            view.setArrowMode(System.getProperty("descent.arrows"));
        }
        if (Boolean.getBoolean("descent.curvature")) {
            view.plot().setCurvature(true, null);
        }
        String what = System.getProperty("descent.ghost"); // name=value: the selected run's ghost path
        if (what != null && what.contains("=")) {
            // once the queued steps are taken
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
            later.setOnFinished(e -> view.ghostOf(ctl.selected(), what.substring(0, what.indexOf('=')),
                    Double.parseDouble(what.substring(what.indexOf('=') + 1))));
            later.play();
        }
        if (Boolean.getBoolean("descent.worked")) {
            view.showWorkedStep(true);
        }
        if (System.getProperty("descent.lesson") != null) { // open on a lesson's beat (slides, screenshots)
            view.openLesson(System.getProperty("descent.lesson"), Integer.getInteger("descent.beat", 0));
        }
        Integer select = Integer.getInteger("descent.select"); // the selected run (screenshots)
        if (select != null && select >= 0 && select < ctl.runs().size()) {
            ctl.select(select);
        }
        if (Boolean.getBoolean("descent.batchContours")) {
            view.setBatchContours(true);
        }
    }

    /** The window's content, once started. */
    MainView view() {
        return view;
    }

    private static double parse(String s, double def, double min) {
        try {
            return s == null ? def : Math.max(min, Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return def;
        }
    }

    /**
     * File → Quit (Ctrl+Q): saves what is remembered, then ends the process at once. Closing the
     * stage first would wait for the frame being drawn to finish, which took seconds on a busy
     * software pipeline.
     */
    private void quit() {
        stop();
        System.exit(0);
    }

    @Override
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (view != null) {
            view.stop();
            store.saveSession(view.controller().session());
            Properties ui = new Properties();
            ui.setProperty("dark", Boolean.toString(view.isDark()));
            ui.setProperty(VIEW_3D, Boolean.toString(view.relief3d().isVisible()));
            ui.setProperty(CAMERA, view.relief3d().camera().text());
            if (stage != null) {
                ui.setProperty("maximized", Boolean.toString(stage.isMaximized()));
                if (!stage.isMaximized() && stage.getScene() != null) {
                    ui.setProperty("width", Double.toString(stage.getScene().getWidth()));
                    ui.setProperty("height", Double.toString(stage.getScene().getHeight()));
                }
                double h = stage.getScene() == null ? 0 : stage.getScene().getHeight();
                boolean open = view.charts().probesPane().isExpanded();
                if (view.charts().isShown() && open != selectedRunChartsOpen(h)) {
                    ui.setProperty(SELECTED_RUN_CHARTS, Boolean.toString(open)); // the user folded or unfolded it
                }
                if (!view.isPresenting()) { // the size of the plot's first raster at the next start
                    ui.setProperty("plotWidth", Integer.toString((int) Math.floor(view.plot().getWidth())));
                    ui.setProperty("plotHeight", Integer.toString((int) Math.floor(view.plot().getHeight())));
                }
            }
            store.saveWindow(ui);
        }
        if (simulation != null) {
            simulation.close();
        }
    }
}
