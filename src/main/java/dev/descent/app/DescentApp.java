package dev.descent.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application. */
public class DescentApp extends Application {

    public static void launchWindow(String[] args) {
        Application.launch(DescentApp.class, args);
    }

    public static void main(String[] args) {
        launchWindow(args);
    }

    @Override
    public void start(Stage stage) {
        StackPane root = new StackPane(new Label("Descent — the window is being built. Try: java -jar target/descent.jar --help"));
        stage.setTitle("Descent");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
