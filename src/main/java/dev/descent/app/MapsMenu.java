package dev.descent.app;

import dev.descent.export.BasinMapOverlay;
import dev.descent.session.SessionController;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/** The Maps menu: the basin map under the plot, its step count and comparison, the hyperparameter map. */
final class MapsMenu {

    private final SessionController ctl;
    private final BasinMapOverlay overlay;
    private final Supplier<Window> owner;
    private final Consumer<String> message;
    private HyperMapWindow hyper;

    MapsMenu(SessionController ctl, PlotView plot, Supplier<Window> owner, Consumer<String> message) {
        this.ctl = ctl;
        this.overlay = new BasinMapOverlay(ctl);
        this.owner = owner;
        this.message = message;
        plot.setMapOverlay(overlay);
    }

    BasinMapOverlay overlay() {
        return overlay;
    }

    /** The hyperparameter map window, made on first use. */
    HyperMapWindow hyperWindow() {
        if (hyper == null) {
            hyper = new HyperMapWindow(ctl, owner.get(), message);
        }
        return hyper;
    }

    Menu menu() {
        Menu maps = new Menu("_Maps");
        CheckMenuItem basin = new CheckMenuItem("Basin map of the selected run");
        basin.setId("basinMap");
        basin.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN));
        basin.setOnAction(e -> {
            overlay.setEnabled(basin.isSelected());
            message.accept(basin.isSelected()
                    ? "Basin map: each pixel's colour is the critical point a run from there reaches (darker: more steps; "
                            + "grey: not converged; black: diverged). Click to start the runs there."
                    : "Basin map off");
        });
        Menu steps = new Menu("Map steps");
        ToggleGroup stepGroup = new ToggleGroup();
        for (int n : new int[] {100, 300, 1000}) {
            RadioMenuItem item = new RadioMenuItem(n + " steps");
            item.setToggleGroup(stepGroup);
            item.setSelected(n == overlay.steps());
            item.setOnAction(e -> overlay.setSteps(n));
            steps.getItems().add(item);
        }
        steps.setOnShowing(e -> steps.getItems().forEach(i -> ((RadioMenuItem) i).setSelected(
                i.getText().equals(overlay.steps() + " steps"))));
        basin.setSelected(overlay.enabled());
        // the map is part of the session: opening one with (or without) a map turns it on (or off)
        ctl.addListener(c -> basin.setSelected(overlay.enabled()));
        Menu compare = new Menu("Compare with run");
        compare.setOnShowing(e -> fillCompare(compare));
        compare.getItems().add(new MenuItem("(none)"));
        MenuItem hyperItem = new MenuItem("Hyperparameter map…");
        hyperItem.setId("hyperMap");
        hyperItem.setAccelerator(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        hyperItem.setOnAction(e -> hyperWindow().show());
        MenuItem png = new MenuItem("Save basin map as PNG…");
        png.setOnAction(e -> save("png", os -> javax.imageio.ImageIO.write(
                overlay.still(ctl.session().colorMap(), false), "png", os)));
        MenuItem csv = new MenuItem("Save basin map as CSV…");
        csv.setOnAction(e -> save("csv", overlay::writeCsv));
        maps.getItems().addAll(basin, steps, compare, png, csv, new SeparatorMenuItem(), hyperItem);
        return maps;
    }

    private void save(String ext, dev.descent.export.AtomicOutput.Body body) {
        if (overlay.result() == null || !overlay.enabled()) {
            message.accept("No basin map to save: turn it on first (Maps → Basin map, Ctrl+B)");
            return;
        }
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.setTitle("Save basin map");
        fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(ext.toUpperCase(java.util.Locale.ROOT), "*." + ext));
        fc.setInitialFileName("basin-map." + ext);
        java.io.File f = fc.showSaveDialog(owner.get());
        if (f == null) {
            return;
        }
        java.nio.file.Path path = f.toPath();
        if (!path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + ext)) {
            path = path.resolveSibling(path.getFileName() + "." + ext);
        }
        try {
            dev.descent.export.AtomicOutput.write(path, body, () -> false);
            message.accept("Saved " + path);
        } catch (java.io.IOException | IllegalStateException ex) {
            message.accept("Could not save the basin map: " + ex.getMessage());
        }
    }

    private void fillCompare(Menu compare) {
        compare.getItems().clear();
        ToggleGroup g = new ToggleGroup();
        RadioMenuItem none = new RadioMenuItem("(none: a plain basin map)");
        none.setToggleGroup(g);
        none.setSelected(overlay.compareWith() < 0);
        none.setOnAction(e -> overlay.setCompareWith(-1));
        compare.getItems().add(none);
        for (int i = 0; i < ctl.runs().size(); i++) {
            int index = i;
            RadioMenuItem item = new RadioMenuItem(ctl.run(i).name());
            item.setToggleGroup(g);
            item.setSelected(overlay.compareWith() == i);
            item.setOnAction(e -> {
                overlay.setCompareWith(index);
                message.accept("Difference map: where the selected run's optimizer and " + ctl.run(index).name()
                        + "'s end differently (turn the basin map on with Ctrl+B)");
            });
            compare.getItems().add(item);
        }
    }

    void dispose() {
        overlay.dispose();
        if (hyper != null) {
            hyper.dispose();
        }
    }
}
