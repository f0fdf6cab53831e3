package dev.descent.render;

import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import java.awt.Color;

/**
 * The 3-D view of a surface: f over the view as a shaded relief whose height and colour both follow
 * the plot's colour scale (log where the plot's is log), with its contour lines on it, and the runs'
 * paths lying on it. A path behind a ridge shows faintly through it, so it can still be followed.
 *
 * <p>{@link #of} samples the surface once; {@link #draw} draws it for a camera into colours and
 * depths (a z-buffer) that {@link ReliefDrawing#paint} reuses for every frame of the runs. JavaFX-free:
 * the window shows the picture, tests read its pixels.
 */
public final class Relief {

    /**
     * A run on the relief: its legend label, its positions and f so far (the first {@code count}),
     * drawn from {@code from} on.
     */
    public record Run(Color color, String label, double[] xs, double[] ys, double[] fs, int count, int from,
                      double startX, double startY, boolean selected, boolean diverged) {
    }

    /** How many contour levels the relief carries, as the plot's default. */
    static final int LEVELS = SceneSettings.DEFAULT.levelCount();
    /** How far a path floats above the relief, so it is not lost in it (box units). */
    static final double LIFT = 0.012;
    /** A path point at most this much deeper than the relief there still counts as in front of it. */
    static final float DEPTH_SLACK = 0.03f;

    final Surface surface;
    final Viewport view;
    final ColorMap map;
    final ScalarField field;
    final Levels levels;
    final int grid;
    final double halfU;
    final double halfV;

    private Relief(Surface surface, Viewport view, ColorMap map, int grid) {
        this.surface = surface;
        this.view = view;
        this.map = map;
        this.grid = grid;
        this.field = ScalarField.of(surface, view, grid, grid);
        this.levels = Levels.of(field, SceneSettings.DEFAULT.levelMode(), LEVELS);
        double aspect = view.width() / view.height();
        this.halfU = aspect >= 1 ? 1 : aspect;
        this.halfV = aspect >= 1 ? 1 / aspect : 1;
    }

    /** The surface sampled on {@code grid} × {@code grid} nodes over the view (any thread). */
    public static Relief of(Surface surface, Viewport view, ColorMap map, int grid) {
        if (grid < 2) {
            throw new IllegalArgumentException("a relief needs a grid of at least 2 × 2 nodes, got " + grid);
        }
        return new Relief(surface, view, map, grid);
    }

    public Surface surface() {
        return surface;
    }

    public Viewport view() {
        return view;
    }

    /** Whether the heights are on a log scale (as the plot's colours). */
    public boolean isLog() {
        return levels.isLog();
    }

    /** Where f lies on the colour and height scale, 0 (lowest) to 1 (highest); f = ±∞ or NaN is 1. */
    public double level(double f) {
        if (!Double.isFinite(f)) {
            return 1;
        }
        double t = levels.normalize(f);
        if (Double.isNaN(t)) {
            return 1;
        }
        return Math.max(0, Math.min(1, t)); // −∞ on a log scale (f at its floor) is the bottom
    }

    /** The box coordinates of a point of the plane: u across, v along. */
    double u(double x) {
        return halfU * (2 * (x - view.xMin()) / view.width() - 1);
    }

    double v(double y) {
        return halfV * (2 * (y - view.yMin()) / view.height() - 1);
    }

    boolean inView(double x, double y) {
        return x >= view.xMin() && x <= view.xMax() && y >= view.yMin() && y <= view.yMax();
    }

    /**
     * The relief seen by {@code camera} in a {@code width} × {@code height} picture.
     *
     * @param contourLines whether the contour lines are drawn on it
     * @param dark         the dark theme's background
     */
    public ReliefDrawing draw(Camera3D camera, int width, int height, boolean contourLines, boolean dark) {
        return draw(camera, width, height, contourLines, dark, null);
    }

    /** {@link #draw(Camera3D, int, int, boolean, boolean)} with a map draped over it (null: none). */
    public ReliefDrawing draw(Camera3D camera, int width, int height, boolean contourLines, boolean dark, ReliefDrape drape) {
        ReliefDrawing d = new ReliefDrawing(this, camera, width, height, dark);
        d.fillRelief(contourLines, drape);
        return d;
    }
}
