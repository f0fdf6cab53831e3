package dev.descent.app;

import atlantafx.base.theme.Styles;
import dev.descent.app.model.LessonPlayer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The lesson above the plot: its title, "beat k of n", Back and Next, and the beat's caption in
 * large type. Shown only while a lesson with beats is open; the caption stays until the beat changes.
 */
final class LessonPanel extends VBox {

    LessonPanel(LessonPlayer player, javafx.beans.value.ObservableBooleanValue presenting) {
        setId("lessonPanel");
        getStyleClass().add("lesson-panel");
        Label title = new Label();
        title.getStyleClass().add(Styles.TEXT_MUTED);
        title.setMinWidth(0);
        Label beat = new Label();
        beat.setId("lessonBeat");
        beat.getStyleClass().add(Styles.TEXT_MUTED);
        beat.setMinWidth(Region.USE_PREF_SIZE);
        Button back = new Button("Back", new FontIcon("mdi2c-chevron-left"));
        back.setId("lessonBack");
        Tips.set(back, "Previous beat (← or Page Up)");
        back.setFocusTraversable(false);
        back.setOnAction(e -> player.back());
        Button next = new Button("Next", new FontIcon("mdi2c-chevron-right"));
        next.setId("lessonNext");
        Tips.set(next, "Next beat (→ or Page Down)");
        next.setFocusTraversable(false);
        next.setOnAction(e -> player.next());
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.setId("lessonClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Tips.set(close, "Close the lesson panel (the runs stay)");
        close.setFocusTraversable(false);
        close.setOnAction(e -> player.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, title, gap, beat, back, next, close);
        top.setAlignment(Pos.CENTER_LEFT);
        Label caption = new Label();
        caption.setId("lessonCaption");
        caption.getStyleClass().add("lesson-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.textProperty().bind(player.captionProperty());
        getChildren().addAll(top, caption);
        setSpacing(4);
        setPadding(new Insets(8, 12, 10, 12));

        // hidden in presenter mode, which shows the caption large on the plot instead
        visibleProperty().bind(player.lessonProperty().isNotNull().and(Bindings.not(presenting)));
        managedProperty().bind(visibleProperty());
        title.textProperty().bind(Bindings.createStringBinding(
                () -> player.lessonProperty().get() == null ? "" : player.lessonProperty().get().title(), player.lessonProperty()));
        beat.textProperty().bind(Bindings.createStringBinding(() -> player.beatProperty().get() == 0
                ? "Introduction · " + player.beatCount() + " beats · press →"
                : "Beat " + player.beatProperty().get() + " of " + player.beatCount(), player.beatProperty(), player.lessonProperty()));
        back.disableProperty().bind(player.beatProperty().isEqualTo(0));
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> player.beatProperty().get() >= player.beatCount(),
                player.beatProperty(), player.lessonProperty()));
    }
}
