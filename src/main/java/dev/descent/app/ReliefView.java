package dev.descent.app;

import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import dev.descent.render.Camera3D;
import dev.descent.render.ColorMap;
import dev.descent.render.Relief;
import dev.descent.render.Style;
import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.session.SessionController;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;

/**
 * The 3-D view in the plot's place (View → 3-D view, key 3): the surface over the plot's view as a
 * relief ({@link Relief}) with the runs' paths on it, updated as they run. Drag turns it, the wheel
 * zooms, a double click (or 0) turns it back. The picture is drawn with Java2D into pixels the
 * window shows, like the charts, so it looks the same on every graphics pipeline.
 */
final class ReliefView extends Region {

    /** Nodes per side of the relief's mesh. */
    static final int GRID = 96;
    /** Degrees a drag of one pixel turns the relief by. */
    static final double DEGREES_PER_PIXEL = 0.4;

    private final SessionController ctl;
    private final ImageView view = new ImageView();
    private Camera3D camera = Camera3D.DEFAULT;
    private boolean dark;
    private Relief relief;
    private Relief.Drawing drawing;
    private BufferedImage picture;
    private PixelBuffer<IntBuffer> pixels;
    private long shownSerial = -1;
    private boolean dirty = true;
    private double pressX;
    private double pressY;
    private Camera3D pressCamera;

    ReliefView(SessionController ctl) {
        this.ctl = ctl;
        setId("relief");
        getStyleClass().add("relief");
        view.setPreserveRatio(false);
        view.setSmooth(true);
        getChildren().add(view);
        setMinSize(0, 0);
        setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
            pressCamera = camera;
            requestFocus();
        });
        setOnMouseDragged(e -> {
            if (pressCamera != null) {
                setCamera(pressCamera.turned(-(e.getX() - pressX) * DEGREES_PER_PIXEL, (e.getY() - pressY) * DEGREES_PER_PIXEL));
            }
        });
        setOnMouseReleased(e -> pressCamera = null);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                setCamera(Camera3D.DEFAULT);
            }
        });
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                setCamera(camera.zoomed(Math.pow(1.1, e.getDeltaY() / 40)));
            }
            e.consume();
        });
        widthProperty().addListener((o, a, b) -> dirty = true);
        heightProperty().addListener((o, a, b) -> dirty = true);
    }

    Camera3D camera() {
        return camera;
    }

    void setCamera(Camera3D c) {
        if (!c.equals(camera)) {
            camera = c;
            drawing = null;
            dirty = true;
        }
    }

    void setDark(boolean d) {
        if (d != dark) {
            dark = d;
            drawing = null;
            dirty = true;
        }
    }

    /** The relief as last drawn (tests read it), or null before the first picture. */
    Relief.Drawing drawing() {
        return drawing;
    }

    /** The picture as last shown (tests read its pixels), or null. */
    BufferedImage picture() {
        return picture;
    }

    @Override
    protected void layoutChildren() {
        view.setFitWidth(getWidth());
        view.setFitHeight(getHeight());
        view.relocate(0, 0);
    }

    /** Draws the frame when it or the relief changed; only while shown. */
    void pulse(Frame frame) {
        if (!isVisible() || getWidth() < 2 || getHeight() < 2) {
            return;
        }
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        int w = (int) Math.ceil(getWidth() * scale);
        int h = (int) Math.ceil(getHeight() * scale);
        SessionConfig s = ctl.session();
        Surface surface = ctl.surface();
        Viewport v = ctl.viewport();
        ColorMap map = colorMap(s.colorMap());
        if (relief == null || relief.surface() != surface || !relief.view().equals(v) || !map.equals(reliefMap)) {
            relief = Relief.of(surface, v, map, GRID);
            reliefMap = map;
            drawing = null;
        }
        if (drawing == null || drawing.width() != w || drawing.height() != h || lines != s.contourLines()) {
            lines = s.contourLines();
            drawing = relief.draw(camera, w, h, lines, dark);
            dirty = true;
        }
        if (!dirty && frame.serial() == shownSerial) {
            return;
        }
        if (picture == null || picture.getWidth() != w || picture.getHeight() != h) {
            picture = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
            int[] data = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
            pixels = new PixelBuffer<>(w, h, IntBuffer.wrap(data), PixelFormat.getIntArgbPreInstance());
            view.setImage(new WritableImage(pixels));
        }
        drawing.paint(runs(frame, s), Style.forSize(w, h, scale, dark), picture);
        pixels.updateBuffer(b -> null);
        shownSerial = frame.serial();
        dirty = false;
    }

    private ColorMap reliefMap;
    private boolean lines;

    private static ColorMap colorMap(String name) {
        try {
            return ColorMap.byName(name == null ? "viridis" : name);
        } catch (IllegalArgumentException e) {
            return ColorMap.DEFAULT;
        }
    }

    /** The shown runs as they are at the frame, within the trail the session keeps. */
    private List<Relief.Run> runs(Frame frame, SessionConfig s) {
        List<Relief.Run> out = new ArrayList<>();
        for (int i = 0; i < s.runs().size(); i++) {
            RunConfig m = s.runs().get(i);
            RunFrame r = ctl.frameOf(frame, i);
            if (r == null || !m.shown()) {
                continue;
            }
            var hist = r.history();
            int rows = hist.rows();
            double[] xs = hist.channel(1);
            double[] ys = hist.channel(2);
            double[] fs = hist.channel(3);
            int from = s.trail() > 0 ? Math.max(0, rows - s.trail()) : 0;
            out.add(new Relief.Run(PlotView.color(m.color()), PlotView.label(m, r), xs, ys, fs, rows, from, r.spec().x0(),
                    r.spec().y0(), i == ctl.selected(), r.status() == dev.descent.sim.RunStatus.DIVERGED));
        }
        return out;
    }
}
