package dev.descent.app;

import dev.descent.session.SessionController;
import dev.descent.math.DataSurface;
import dev.descent.render.DataPainter;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.jfree.fx.FXGraphics2D;

/**
 * The data panel beside the plot, shown for a loss made from data: the points, the selected run's
 * model at its current θ, and its current minibatch ringed (see {@link DataPainter}). Redrawn when
 * the frame changes, at most ~30 times a second.
 */
final class DataPanel extends Region {

    static final double WIDTH = 300;

    private final SessionController ctl;
    private final Canvas canvas = new Canvas();
    private final FXGraphics2D g;
    private DataPainter painter;
    private long drawnSerial = -1;
    private int drawnSelected = -1;
    private long lastDraw;
    private boolean dark;

    DataPanel(SessionController ctl) {
        this.ctl = ctl;
        setId("dataPanel");
        getChildren().add(canvas);
        g = new FXGraphics2D(canvas.getGraphicsContext2D());
        setMinWidth(200);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
        widthProperty().addListener((o, a, b) -> drawnSerial = -1);
        heightProperty().addListener((o, a, b) -> drawnSerial = -1);
        showFor(ctl.surface());
    }

    void setDark(boolean d) {
        dark = d;
        drawnSerial = -1;
    }

    /** Shows the panel for a surface made from data, hides it otherwise. */
    private void showFor(dev.descent.math.Surface s) {
        boolean data = s instanceof DataSurface;
        setVisible(data);
        setManaged(data);
        if (!data) {
            painter = null;
        } else if (painter == null || painter.surface() != s) {
            painter = new DataPainter((DataSurface) s);
            drawnSerial = -1;
        }
    }

    /** The painter in use (null when hidden). */
    DataPainter painter() {
        return painter;
    }

    void pulse(Frame f, long now) {
        showFor(ctl.surface());
        if (painter == null || f == null) {
            return;
        }
        int sel = ctl.selected();
        if (f.serial() == drawnSerial && sel == drawnSelected || now - lastDraw < 33_000_000L && drawnSerial >= 0) {
            return;
        }
        drawnSerial = f.serial();
        drawnSelected = sel;
        lastDraw = now;
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        RunFrame r = sel >= 0 && sel < ctl.runs().size() ? ctl.frameOf(f, sel) : null;
        double t1 = r == null ? Double.NaN : r.x();
        double t2 = r == null ? Double.NaN : r.y();
        int[] batch = r == null ? new int[0] : r.batch();
        Color color = r == null ? Color.GRAY : Color.decode(ctl.run(sel).color());
        painter.paint(g, new Rectangle2D.Double(0, 0, w, h), t1, t2, batch, color, dark);
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
    }
}
