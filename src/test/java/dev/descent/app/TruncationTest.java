package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.optim.Optimizers;
import dev.descent.session.SessionController;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every symbol and label in the toolbar and the side panel shows whole, at 1280×720 and 1920×1080. */
@ExtendWith(ApplicationExtension.class)
class TruncationTest {

    private MainView view;
    private SessionController ctl;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctl = DescentApp.controller(WindowTest.bowl(0.02), m -> { }, new ArrayList<>());
        view = new MainView(ctl, false);
        stage.setScene(new Scene(view, 1280, 720));
        stage.show();
        view.start();
    }

    @BeforeEach
    void startupDone() throws Exception {
        Startup.await(view);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> view.stop());
        ctl.simulation().close();
    }

    /** The labels whose skin shows less than their text ("t…", "η_…"). */
    static List<String> truncated(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && !t.getText().equals(l.getText()) && !l.getText().contains("\n")
                        && t.getText().endsWith(l.getEllipsisString())) {
                    out.add("'" + l.getText() + "' shown as '" + t.getText() + "' (" + l.getClass().getSimpleName()
                            + (l.getId() == null ? "" : " #" + l.getId()) + ")");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    private List<String> truncatedFor(FxRobot robot, List<String> optimizers) throws Exception {
        List<String> all = new ArrayList<>();
        @SuppressWarnings("unchecked")
        ComboBox<Object> box = (ComboBox<Object>) view.lookup("#optimizer");
        for (String id : optimizers) {
            robot.interact(() -> box.setValue(Optimizers.find(id)));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> view.applyCss());
            robot.interact(() -> view.layout());
            WaitForAsyncUtils.waitForFxEvents();
            List<String> bad = new ArrayList<>();
            robot.interact(() -> {
                bad.addAll(truncated(view.getTop()));
                bad.addAll(truncated(view.getRight()));
            });
            for (String b : bad) {
                all.add(id + ": " + b);
            }
        }
        return all;
    }

    private static final List<String> OPTIMIZERS = List.of("adam", "sgd", "newton", "lookahead", "adabelief");

    @Test
    void nothingIsCutAt1280By720(FxRobot robot) throws Exception {
        assertEquals(List.of(), truncatedFor(robot, OPTIMIZERS));
        // no toolbar button hides behind the overflow »
        assertEquals(0, robot.lookup(".tool-bar-overflow-button").queryAll().stream().filter(Node::isVisible).count());
    }

    @Test
    void nothingIsCutAt1920By1080(FxRobot robot) throws Exception {
        // the headless screen is smaller than 1920×1080: lay the window out in a scene of that size
        robot.interact(() -> {
            view.getScene().setRoot(new javafx.scene.Group());
            new Scene(view, 1920, 1080);
            view.resize(1920, 1080);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), truncatedFor(robot, OPTIMIZERS));
        assertEquals(1920, view.getWidth(), "laid out at 1920 px");
    }
}
