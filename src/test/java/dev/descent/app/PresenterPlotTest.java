package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.render.Style;
import dev.descent.session.SessionController;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The plot itself in a room: presenter mode's + / − reach its ticks, lines and markers; its legend can be moved. */
@ExtendWith(ApplicationExtension.class)
class PresenterPlotTest {

    private MainView view;
    private SessionController ctl;

    @Start
    void start(Stage stage) {
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

    private static void waitFor(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, c);
    }

    private Style style() {
        return view.plot().style();
    }

    @Test
    void presenterPlusAndMinusScaleThePlotsTicksLinesAndMarkers(FxRobot robot) throws Exception {
        waitFor(() -> style() != null);
        double normalTick = style().tickFont().getSize2D();
        robot.interact(() -> view.setPresenting(true));
        double scale = view.presenterScale();
        waitFor(() -> style() != null && Math.abs(style().unit() / scale - unitAtOne()) < 1e-9
                && style().unit() > unitAtOne());
        Style at = style();
        robot.interact(() -> view.scalePresenter(+0.5));
        double bigger = view.presenterScale();
        assertEquals(scale + 0.5, bigger, 1e-12);
        waitFor(() -> style() != at);
        waitFor(() -> Math.abs(style().unit() - at.unit() * bigger / scale) < 1e-9);
        assertEquals(at.tickFont().getSize2D() * bigger / scale, style().tickFont().getSize2D(), 1e-3,
                "tick labels grow with + (the plot's own type, not only the overlay)");
        assertEquals(at.px(2.2) * bigger / scale, style().px(2.2), 1e-3, "and so do path widths and markers");

        robot.interact(() -> view.setPresenting(false));
        waitFor(() -> Math.abs(style().tickFont().getSize2D() - normalTick) < 1e-3);
    }

    /** The unit the plot's canvas would have at scale 1: the style grows with the smaller side. */
    private double unitAtOne() {
        return Style.forSize((int) view.plot().getWidth(), (int) view.plot().getHeight(), 1).unit();
    }

    @Test
    void theLegendIsDraggedWhereTheUserWantsItAndADoubleClickPutsItBack(FxRobot robot) throws Exception {
        waitFor(() -> view.plot().legendBox() != null);
        java.awt.geom.Rectangle2D before = view.plot().legendBox();
        var startBefore = java.util.List.of(ctl.run(0).x0(), ctl.run(0).y0());
        javafx.geometry.Point2D grab = view.plot().localToScreen(before.getCenterX(), before.getCenterY());
        javafx.geometry.Point2D area = view.plot().localToScreen(view.plot().geometry().area().getCenterX(),
                view.plot().geometry().area().getCenterY());
        robot.moveTo(grab).press(javafx.scene.input.MouseButton.PRIMARY)
                .moveBy((area.getX() - grab.getX()) / 2, (area.getY() - grab.getY()) / 2)
                .moveTo(area).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> view.plot().legendBox() != null && !view.plot().legendBox().equals(before));
        java.awt.geom.Rectangle2D after = view.plot().legendBox();
        javafx.geometry.Point2D centre = view.plot().screenToLocal(area);
        assertEquals(centre.getX(), after.getCenterX(), 2, "the legend follows the pointer");
        assertEquals(centre.getY(), after.getCenterY(), 2);
        assertEquals(startBefore, java.util.List.of(ctl.run(0).x0(), ctl.run(0).y0()), "dragging the legend moves no start");
        assertTrue(view.plot().legendPosition() != null);

        // it stays there while the runs go on
        robot.interact(() -> ctl.stepOnce());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(after.getCenterX(), view.plot().legendBox().getCenterX(), 1);

        robot.moveTo(area).doubleClickOn(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> view.plot().legendPosition() == null
                && view.plot().legendBox() != null && view.plot().legendBox().equals(before));
    }
}
