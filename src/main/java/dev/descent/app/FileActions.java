package dev.descent.app;

import dev.descent.export.SettingsStore;
import atlantafx.base.theme.Styles;
import dev.descent.export.SessionFileOutput;
import dev.descent.session.SessionController;
import dev.descent.export.ExportCancelledException;
import dev.descent.export.ExportException;
import dev.descent.export.ExportOptions;
import dev.descent.export.EmbeddedSession;
import dev.descent.export.Exporter;
import dev.descent.session.SessionConfig;
import dev.descent.session.SessionFiles;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The File menu's session and export commands and their toolbar buttons: open and save session
 * files (strictly validated; a refused file changes nothing), recent files (remembered in the
 * settings folder), and exports (animation, still, CSV) on a background task with a progress bar,
 * an estimate and Cancel, so the window stays usable. The export itself is {@link Exporter}: it
 * simulates the session's runs again, so the file does not depend on the window.
 */
final class FileActions {

    static final int MAX_RECENT = 8;

    private final SessionController ctl;
    private final Consumer<SessionConfig> open;
    private final Consumer<String> message;
    private final Supplier<Window> window;
    private final Supplier<double[]> plotSize;
    private final Path recentFile;
    private final Menu recentMenu = new Menu("Open recent");
    private final HBox progressBox = new HBox(8);
    private final ProgressBar progressBar = new ProgressBar(0);
    private final Label progressLabel = new Label();
    private final Button cancelButton = new Button("Cancel");
    private Path current;
    private java.util.function.BooleanSupplier mayReplace = () -> true;
    private Runnable onFile = () -> { };
    private Task<Exporter.Result> running;

    private java.util.function.BooleanSupplier dark = () -> false;
    private Supplier<dev.descent.render.ArrowPainter.Settings> arrows = () -> null;
    private Supplier<dev.descent.render.Camera3D> camera = () -> null;

    FileActions(SessionController ctl, Consumer<SessionConfig> open, Consumer<String> message, Supplier<Window> window,
            Supplier<double[]> plotSize) {
        this.ctl = ctl;
        this.open = open;
        this.message = message;
        this.window = window;
        this.plotSize = plotSize;
        this.recentFile = SettingsStore.fromSystem().dir().resolve("recent.txt");
        recentMenu.setId("recentMenu");
        progressBar.setId("exportProgress");
        progressBar.setPrefWidth(160);
        cancelButton.setId("cancelExport");
        cancelButton.getStyleClass().add(Styles.SMALL);
        cancelButton.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        progressBox.getChildren().addAll(progressLabel, progressBar, cancelButton);
        progressBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        progressBox.setVisible(false);
        progressBox.setManaged(false);
        refreshRecent();
    }

    // ---- what MainView places -------------------------------------------------------------------

    /** Items for the top of the File menu. */
    List<MenuItem> menuItems() {
        MenuItem openItem = item("openSession", "Open session…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openDialog);
        MenuItem save = item("saveSession", "Save session", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        MenuItem saveAs = item("saveSessionAs", "Save session as…",
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::saveAs);
        Menu export = new Menu("Export");
        export.setId("exportMenu");
        export.getItems().addAll(
                item("exportAnimation", "Animation (GIF, MP4, PNG frames)…", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::exportAnimation),
                item("exportStill", "Still image (PNG, SVG)…", null, this::exportStill),
                item("exportCsv", "Trajectories (CSV)…", null, this::exportCsv));
        return List.of(openItem, recentMenu, save, saveAs, new SeparatorMenuItem(), export, new SeparatorMenuItem());
    }

    /** Toolbar buttons: save, export; and the progress of a running export. */
    List<Node> toolbarNodes() {
        Button save = MainViewButtons.icon("saveButton", "mdi2c-content-save", "Save the session (Ctrl+S)");
        save.setOnAction(e -> save());
        Button export = MainViewButtons.icon("exportButton", "mdi2m-movie-open-outline", "Export an animation: GIF, MP4, PNG frames (Ctrl+E)");
        export.setOnAction(e -> exportAnimation());
        return List.of(save, export, progressBox);
    }

    private static MenuItem item(String id, String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    // ---- sessions -----------------------------------------------------------------------------------

    private FileChooser chooser(String title, String description, String... extensions) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        for (String ext : extensions) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description(ext, description), "*." + ext));
        }
        if (current != null && current.getParent() != null && Files.isDirectory(current.getParent())) {
            fc.setInitialDirectory(current.getParent().toFile());
        }
        return fc;
    }

    private static String description(String ext, String fallback) {
        return switch (ext) {
            case "gif" -> "Animated GIF";
            case "mp4" -> "MP4 video (H.264)";
            case "webm" -> "WebM video (VP9)";
            case "png" -> "PNG image";
            case "svg" -> "SVG drawing";
            case "csv" -> "CSV table";
            case "json" -> "Descent session";
            default -> fallback;
        };
    }

    /** Asked before another session replaces this one (it may offer to save unsaved changes). */
    void setMayReplace(java.util.function.BooleanSupplier b) {
        mayReplace = b;
    }

    private void openDialog() {
        if (!mayReplace.getAsBoolean()) {
            return;
        }
        FileChooser fc = chooser("Open session", "Descent session", "json");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Exported by Descent (PNG, GIF, MP4, WebM, SVG)",
                "*.png", "*.gif", "*.mp4", "*.webm", "*.svg"));
        File f = fc.showOpenDialog(window.get());
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /**
     * A session read from a file: a session file, or the session embedded in a PNG, GIF, MP4, WebM or SVG
     * that Descent exported ({@code exported}).
     */
    record Opened(Path file, SessionConfig session, boolean exported) {

        /**
         * Reads {@code f} on any thread.
         *
         * @throws IllegalArgumentException when the file is refused or cannot be read, saying why
         */
        static Opened read(Path f) {
            try {
                java.util.Optional<SessionConfig> embedded = Files.isRegularFile(f) ? EmbeddedSession.read(f) : java.util.Optional.empty();
                return embedded.isPresent() ? new Opened(f, embedded.get(), true) : new Opened(f, SessionFiles.read(f), false);
            } catch (SessionFiles.SessionFileException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(f + " cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Opens a session file, or the session embedded in a PNG, GIF, MP4 or SVG that Descent
     * exported; a file that is refused changes nothing and says why.
     */
    void openFile(Path f) {
        Opened o;
        try {
            o = Opened.read(f);
        } catch (IllegalArgumentException e) {
            error("Cannot open the session", e.getMessage());
            return;
        }
        open.accept(o.session());
        opened(o);
    }

    /**
     * Makes an opened file the one Save writes to and the first of the recent files. An exported file
     * never becomes the file Save writes to (that would overwrite the picture with JSON).
     */
    void opened(Opened o) {
        if (o.exported()) {
            current = null;
            message.accept("Opened the session inside " + o.file().getFileName() + "; Save asks for a session file");
        } else {
            current = o.file();
        }
        remember(o.file());
        onFile.run();
    }

    /** The endings of the files a session is opened from: session files and Descent's exports. */
    private static final List<String> SESSION_ENDINGS = List.of(".json", ".png", ".gif", ".mp4", ".webm", ".svg");

    /**
     * Lets a session file, or a picture or video Descent exported, be dropped on {@code target} to open
     * it, as File → Open does (unsaved changes are asked about first). One file at a time.
     */
    void takeDrops(javafx.scene.Node target) {
        target.setOnDragOver(e -> {
            if (sessionFile(e.getDragboard().getFiles()) != null) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            Path f = sessionFile(e.getDragboard().getFiles());
            e.setDropCompleted(f != null);
            e.consume();
            if (f != null) { // after the drop has finished: the question about unsaved changes is modal
                javafx.application.Platform.runLater(() -> openDropped(f));
            }
        });
    }

    /** The one file of {@code files} when a session may be opened from it (by its ending), else null. */
    static Path sessionFile(List<File> files) {
        if (files == null || files.size() != 1) {
            return null;
        }
        File f = files.get(0);
        String name = f.getName().toLowerCase(java.util.Locale.ROOT);
        return SESSION_ENDINGS.stream().anyMatch(name::endsWith) ? f.toPath() : null;
    }

    /** Opens a dropped file once unsaved changes have been dealt with. */
    void openDropped(Path f) {
        if (mayReplace.getAsBoolean()) {
            openFile(f);
        }
    }

    /** Told when the session's file changes or the session is saved (the window's title says both). */
    void setOnFile(Runnable r) {
        onFile = r;
    }

    /** The session file Save writes to, or null when Save asks for one. */
    Path currentFile() {
        return current;
    }

    /** Edit → Copy session as text: the share string on the clipboard. */
    void copySession() {
        String text = EmbeddedSession.shareString(ctl.session());
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        c.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        message.accept("Copied the session as text (" + text.length() + " characters): paste it into Descent with Edit → Paste session");
    }

    /** Edit → Paste session: opens the share string (or session JSON) on the clipboard. */
    void pasteSession() {
        javafx.scene.input.Clipboard cb = javafx.scene.input.Clipboard.getSystemClipboard();
        pasteSession(cb.hasString() ? cb.getString() : null);
    }

    /** Opens a pasted share string; refused text changes nothing and says why. */
    void pasteSession(String text) {
        SessionConfig s;
        try {
            s = EmbeddedSession.parseShareString(text);
        } catch (SessionFiles.SessionFileException e) {
            error("Cannot paste the session", e.getMessage());
            return;
        }
        if (!mayReplace.getAsBoolean()) {
            return;
        }
        open.accept(s);
        current = null;
        onFile.run();
        message.accept("Pasted a session");
    }

    /** Saves to the current file, or asks for one; true when the session was written. */
    boolean save() {
        if (current == null) {
            return saveAs();
        }
        return saveTo(current);
    }

    private boolean saveAs() {
        FileChooser fc = chooser("Save session", "Descent session", "json");
        fc.setInitialFileName(current != null ? current.getFileName().toString() : "session.json");
        File f = fc.showSaveDialog(window.get());
        return f != null && saveTo(withExtension(f.toPath(), "json"));
    }

    /** Saves the session as it is now (atomically; a failure leaves any old file as it was). */
    boolean saveTo(Path f) {
        try {
            SessionFileOutput.write(ctl.session(), f);
            ctl.markSaved();
            current = f;
            remember(f);
            onFile.run();
            message.accept("Saved " + f.getFileName());
            return true;
        } catch (IOException e) {
            error("Cannot save the session", e.getMessage());
            return false;
        }
    }

    private static Path withExtension(Path p, String ext) {
        String n = p.getFileName().toString();
        return n.toLowerCase(Locale.ROOT).endsWith("." + ext) ? p : p.resolveSibling(n + "." + ext);
    }

    // ---- recent files -------------------------------------------------------------------------------

    List<Path> recent() {
        try {
            if (!Files.isRegularFile(recentFile)) {
                return List.of();
            }
            return Files.readAllLines(recentFile, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private void remember(Path f) {
        List<String> list = new ArrayList<>();
        list.add(f.toAbsolutePath().toString());
        for (Path p : recent()) {
            String s = p.toAbsolutePath().toString();
            if (!list.contains(s) && list.size() < MAX_RECENT) {
                list.add(s);
            }
        }
        try {
            Files.createDirectories(recentFile.getParent());
            Files.write(recentFile, list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the list is a convenience
        }
        refreshRecent();
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent()) {
            MenuItem m = new MenuItem(p.getFileName() + "   —   " + (p.getParent() == null ? "" : p.getParent()));
            m.setMnemonicParsing(false);
            m.setOnAction(e -> {
                if (mayReplace.getAsBoolean()) {
                    openFile(p);
                }
            });
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // ---- exports ------------------------------------------------------------------------------------

    /** The newest step any run has reached in the window. */
    private long currentStep() {
        Frame f = ctl.latest();
        long max = 0;
        if (f != null) {
            for (RunFrame r : f.runs()) {
                max = Math.max(max, r.step());
            }
        }
        return max;
    }

    private void exportAnimation() {
        long last = currentStep() > 0 ? currentStep() : Math.min(300, ctl.session().stepLimit());
        Optional<ExportOptions> o = new ExportDialog(plotSize.get(), last, true).showAndWait(window.get());
        if (o.isEmpty()) {
            return;
        }
        FileChooser fc = chooser("Export animation", "", "gif", "mp4", "webm");
        fc.setInitialFileName(baseName() + ".gif");
        File f = fc.showSaveDialog(window.get());
        if (f == null) {
            return;
        }
        Path p = f.toPath();
        Exporter.Format format;
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".mp4")) {
            format = Exporter.Format.MP4;
        } else if (n.endsWith(".webm")) {
            format = Exporter.Format.WEBM;
        } else if (n.endsWith(".gif")) {
            format = Exporter.Format.GIF;
        } else {
            // any other name: a folder of PNG frames
            format = Exporter.Format.PNG_SEQUENCE;
        }
        run(format, o.get(), p);
    }

    private void exportStill() {
        double[] size = plotSize.get();
        FileChooser fc = chooser("Export still image", "", "png", "svg");
        fc.setInitialFileName(baseName() + ".png");
        File f = fc.showSaveDialog(window.get());
        if (f == null) {
            return;
        }
        Path p = f.toPath();
        boolean svg = p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        long step = currentStep();
        run(svg ? Exporter.Format.SVG : Exporter.Format.PNG,
                new ExportOptions(clampSize(size[0]), clampSize(size[1]), 30, 1, step, step, false), svg ? p : withExtension(p, "png"));
    }

    private void exportCsv() {
        FileChooser fc = chooser("Export trajectories", "", "csv");
        fc.setInitialFileName(baseName() + ".csv");
        File f = fc.showSaveDialog(window.get());
        if (f == null) {
            return;
        }
        long step = Math.max(currentStep(), 1);
        run(Exporter.Format.CSV, new ExportOptions(640, 480, 30, 1, step, step, false), withExtension(f.toPath(), "csv"));
    }

    static int clampSize(double v) {
        return (int) Math.max(ExportOptions.MIN_SIZE, Math.min(ExportOptions.MAX_SIZE, Math.round(v)));
    }

    private String baseName() {
        if (current != null) {
            return current.getFileName().toString().replaceFirst("\\.json$", "");
        }
        String t = ctl.session().title() == null ? ctl.surface().title() : ctl.session().title();
        String s = t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "descent" : s;
    }

    /** Whether the window is dark now: exports look like the window ("export what I see"). */
    void setDark(java.util.function.BooleanSupplier d) {
        dark = d;
    }

    /** The arrows the window draws now (null: none): exports draw them too. */
    void setArrows(Supplier<dev.descent.render.ArrowPainter.Settings> a) {
        arrows = a;
    }

    /** The 3-D view's camera while it is shown (else null): exports then show the 3-D view too. */
    void setCamera(Supplier<dev.descent.render.Camera3D> c) {
        camera = c;
    }

    /** Runs an export on a background thread with progress, an estimate and Cancel. */
    void run(Exporter.Format format, ExportOptions given, Path out) {
        ExportOptions themed = given.withDark(dark.getAsBoolean()).withCamera(camera.get());
        ExportOptions o = themed.arrows() == null ? themed.withArrows(arrows.get()) : themed;
        if (running != null && running.isRunning()) {
            message.accept("An export is already running");
            return;
        }
        SessionConfig session = ctl.session();
        long t0 = System.nanoTime();
        Task<Exporter.Result> task = new Task<>() {
            @Override
            protected Exporter.Result call() throws Exception {
                return Exporter.export(session, format, o, out, (done, total) -> {
                    updateProgress(done, total);
                    double s = (System.nanoTime() - t0) / 1e9;
                    updateMessage(String.format(Locale.ROOT, "Exporting %d/%d, about %.0f s left", done, total,
                            done == 0 ? 0 : s * (total - done) / done));
                }, this::isCancelled);
            }
        };
        running = task;
        progressBar.progressProperty().bind(task.progressProperty());
        progressLabel.textProperty().bind(task.messageProperty());
        progressBox.setVisible(true);
        progressBox.setManaged(true);
        task.setOnSucceeded(e -> {
            done();
            Exporter.Result r = task.getValue();
            message.accept(String.format(Locale.ROOT, "Exported %s (%s, %,d bytes) in %.1f s", r.path().getFileName(),
                    r.frames() > 1 ? r.frames() + " frames" : format.label(), r.bytes(), r.seconds()));
        });
        task.setOnCancelled(e -> {
            done();
            message.accept("Export cancelled; nothing was written");
        });
        task.setOnFailed(e -> {
            done();
            Throwable x = task.getException();
            if (x instanceof ExportCancelledException) {
                message.accept("Export cancelled; nothing was written");
            } else if (x instanceof ExportException || x instanceof IllegalArgumentException) {
                error("Export failed", x.getMessage());
            } else {
                error("Export failed", String.valueOf(x));
            }
        });
        Thread t = new Thread(task, "descent-export");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    private void done() {
        progressBar.progressProperty().unbind();
        progressLabel.textProperty().unbind();
        progressBox.setVisible(false);
        progressBox.setManaged(false);
    }

    private void error(String header, String text) {
        message.accept(header + ": " + text);
        if (Boolean.getBoolean("testfx.headless")) {
            return; // tests read the status bar; a modal alert would block them
        }
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.setHeaderText(header);
        if (window.get() != null) {
            a.initOwner(window.get());
        }
        a.show();
    }

    // ---- the export settings dialog ------------------------------------------------------------------

    /** Size, fps, steps per frame, first/last step, charts. */
    static final class ExportDialog {
        private final Dialog<ExportOptions> dialog = new Dialog<>();

        ExportDialog(double[] windowSize, long lastStep, boolean animated) {
            dialog.setTitle("Export animation");
            dialog.setHeaderText("Frames are drawn off-screen: the file does not depend on the window.");
            ComboBox<String> size = new ComboBox<>();
            String win = clampSize(windowSize[0]) + "x" + clampSize(windowSize[1]);
            size.getItems().addAll("720p (1280x720)", "1080p (1920x1080)", "Window size (" + win + ")", "Custom");
            size.getSelectionModel().select(0);
            TextField custom = new TextField(win);
            custom.setId("exportSize");
            custom.setPrefColumnCount(9);
            custom.disableProperty().bind(size.valueProperty().isNotEqualTo("Custom"));
            TextField fps = field("exportFps", "30");
            TextField spf = field("exportStepsPerFrame", "1");
            TextField first = field("exportFirstStep", "0");
            TextField last = field("exportLastStep", Long.toString(lastStep));
            CheckBox charts = new CheckBox("Loss chart beside the plot");
            charts.setId("exportCharts");
            CheckBox stepBox = new CheckBox("Step counter");
            stepBox.setId("exportStep");
            CheckBox titleBox = new CheckBox("Title and caption");
            titleBox.setId("exportTitle");
            CheckBox legendBox = new CheckBox("Legend");
            legendBox.setId("exportLegend");
            for (CheckBox c : List.of(stepBox, titleBox, legendBox)) {
                c.setSelected(true);
            }
            Label error = new Label();
            error.getStyleClass().add(Styles.DANGER);
            error.setWrapText(true);
            error.setMaxWidth(420);
            Label frames = new Label();
            GridPane g = new GridPane();
            g.setHgap(10);
            g.setVgap(8);
            g.setPadding(new Insets(10));
            int r = 0;
            g.addRow(r++, new Label("Size"), new HBox(8, size, custom));
            g.addRow(r++, new Label("Frames per second"), fps);
            g.addRow(r++, new Label("Steps per frame"), spf);
            g.addRow(r++, new Label("First step"), first);
            g.addRow(r++, new Label("Last step"), last);
            g.addRow(r++, new Label(""), charts);
            g.addRow(r++, new Label("On every frame"), new HBox(10, stepBox, titleBox, legendBox));
            g.addRow(r++, new Label(""), frames);
            dialog.getDialogPane().setContent(new VBox(6, g, error));
            ButtonType ok = new ButtonType("Choose file…", ButtonBar.ButtonData.OK_DONE);
            dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
            Supplier<ExportOptions> parse = () -> {
                int[] wh = switch (size.getSelectionModel().getSelectedIndex()) {
                    case 0 -> new int[] {1280, 720};
                    case 1 -> new int[] {1920, 1080};
                    case 2 -> ExportOptions.parseSize(win);
                    default -> ExportOptions.parseSize(custom.getText());
                };
                return new ExportOptions(wh[0], wh[1], number("Frames per second", fps.getText()), (int) whole("Steps per frame", spf.getText()),
                        whole("First step", first.getText()), whole("Last step", last.getText()), charts.isSelected(),
                        new dev.descent.export.Overlays(stepBox.isSelected(), titleBox.isSelected(), legendBox.isSelected(), true));
            };
            Runnable validate = () -> {
                try {
                    ExportOptions o = parse.get();
                    error.setText("");
                    frames.setText(String.format(Locale.ROOT, "%d frames, %.1f s", o.frames(), o.frames() / o.fps()));
                    dialog.getDialogPane().lookupButton(ok).setDisable(false);
                } catch (IllegalArgumentException e) {
                    error.setText(e.getMessage());
                    frames.setText("");
                    dialog.getDialogPane().lookupButton(ok).setDisable(true);
                }
            };
            for (TextField f : List.of(custom, fps, spf, first, last)) {
                f.textProperty().addListener((obs, a, b) -> validate.run());
            }
            size.valueProperty().addListener((obs, a, b) -> validate.run());
            charts.selectedProperty().addListener((obs, a, b) -> validate.run());
            validate.run();
            dialog.setResultConverter(b -> b == ok ? parse.get() : null);
        }

        private static TextField field(String id, String text) {
            TextField f = new TextField(text);
            f.setId(id);
            f.setPrefColumnCount(8);
            return f;
        }

        private static double number(String what, String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": '" + text.trim() + "' is not a number");
            }
        }

        private static long whole(String what, String text) {
            try {
                return Long.parseLong(text.trim().replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": '" + text.trim() + "' is not a whole number");
            }
        }

        Optional<ExportOptions> showAndWait(Window owner) {
            if (owner != null) {
                dialog.initOwner(owner);
            }
            return dialog.showAndWait();
        }
    }

    /** Small helpers shared with MainView's toolbar style. */
    static final class MainViewButtons {
        private MainViewButtons() {
        }

        static Button icon(String id, String icon, String tip) {
            Button b = new Button(null, new FontIcon(icon));
            b.setId(id);
            b.getStyleClass().add(Styles.BUTTON_ICON);
            Tips.set(b, tip);
            b.setFocusTraversable(false);
            return b;
        }
    }
}
