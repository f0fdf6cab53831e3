package dev.descent.render;

import java.util.Objects;

/**
 * How the static part of a frame looks: everything that, when changed, needs a new
 * {@link StaticLayer}. Immutable; change it with the {@code with…} methods.
 *
 * @param colorMap       the field's colour map
 * @param levelMode      linear, log, or chosen from the field's dynamic range
 * @param levelCount     number of contour levels (1 … 200)
 * @param fill           flat bands between levels, or a continuous ramp
 * @param contourLines   draw the level lines
 * @param gradientField  draw arrows of −∇f
 * @param colorBar       draw the colour bar right of the plot
 * @param axes           draw frame, ticks and axis labels
 * @param criticalPoints mark the surface's known minima and saddles
 * @param equalAspect    grow the viewport so one unit is as long on x as on y
 * @param gridResolution nodes per side of the sampled field; 0 picks the plot's pixel size (≤ 1000)
 * @param fontScale      multiplies all text and marker sizes (projectors: 1.25 … 2)
 * @param title          a title above the plot, or null
 * @param dark           light text and frame on a dark background (projectors, the dark theme)
 */
public record SceneSettings(ColorMap colorMap, Levels.Mode levelMode, int levelCount, FieldRaster.Fill fill,
                            boolean contourLines, boolean gradientField, boolean colorBar, boolean axes,
                            boolean criticalPoints, boolean equalAspect, int gridResolution, double fontScale,
                            String title, boolean dark) {

    public static final SceneSettings DEFAULT = new SceneSettings(ColorMap.DEFAULT, Levels.Mode.AUTO, 24,
            FieldRaster.Fill.BANDS, true, false, true, true, true, false, 0, 1.0, null, false);

    public SceneSettings {
        Objects.requireNonNull(colorMap, "colorMap");
        Objects.requireNonNull(levelMode, "levelMode");
        Objects.requireNonNull(fill, "fill");
        if (levelCount < 1 || levelCount > 200) {
            throw new IllegalArgumentException("levelCount must be between 1 and 200, got " + levelCount);
        }
        if (gridResolution != 0 && (gridResolution < 8 || gridResolution > 4000)) {
            throw new IllegalArgumentException("gridResolution must be 0 (auto) or between 8 and 4000, got " + gridResolution);
        }
        if (!(fontScale >= 0.25 && fontScale <= 8)) {
            throw new IllegalArgumentException("fontScale must be between 0.25 and 8, got " + fontScale);
        }
    }

    public SceneSettings(ColorMap colorMap, Levels.Mode levelMode, int levelCount, FieldRaster.Fill fill,
                         boolean contourLines, boolean gradientField, boolean colorBar, boolean axes,
                         boolean criticalPoints, boolean equalAspect, int gridResolution, double fontScale, String title) {
        this(colorMap, levelMode, levelCount, fill, contourLines, gradientField, colorBar, axes, criticalPoints, equalAspect,
                gridResolution, fontScale, title, false);
    }

    public SceneSettings withDark(boolean d) {
        return new SceneSettings(colorMap, levelMode, levelCount, fill, contourLines, gradientField, colorBar, axes, criticalPoints, equalAspect, gridResolution, fontScale, title, d);
    }

    public SceneSettings withColorMap(ColorMap m) {
        return new SceneSettings(m, levelMode, levelCount, fill, contourLines, gradientField, colorBar, axes, criticalPoints, equalAspect, gridResolution, fontScale, title, dark);
    }

    public SceneSettings withLevelMode(Levels.Mode m) {
        return new SceneSettings(colorMap, m, levelCount, fill, contourLines, gradientField, colorBar, axes, criticalPoints, equalAspect, gridResolution, fontScale, title, dark);
    }

    public SceneSettings withLevelCount(int n) {
        return new SceneSettings(colorMap, levelMode, n, fill, contourLines, gradientField, colorBar, axes, criticalPoints, equalAspect, gridResolution, fontScale, title, dark);
    }

    public SceneSettings withFill(FieldRaster.Fill f) {
        return new SceneSettings(colorMap, levelMode, levelCount, f, contourLines, gradientField, colorBar, axes, criticalPoints, equalAspect, gridResolution, fontScale, title, dark);
    }

    public SceneSettings withContourLines(boolean b) {
        return new SceneSettings(colorMap, levelMode, levelCount, fill, b, gradientField, colorBar, axes, criticalPoints, equalAspect, gridResolution, fontScale, title, dark);
    }

    public SceneSettings withGradientField(boolean b) {
        return new SceneSettings(colorMap, levelMode, levelCount, fill, contourLines, b, colorBar, axes, criticalPoints, equalAspect, gridResolution, fontScale, title, dark);
    }

    public SceneSettings withColorBar(boolean b) {
        return new SceneSettings(colorMap, levelMode, levelCount, fill, contourLines, gradientField, b, axes, criticalPoints, equalAspect, gridResolution, fontScale, title, dark);
    }

    public SceneSettings withAxes(boolean b) {
        return new SceneSettings(colorMap, levelMode, levelCount, fill, contourLines, gradientField, colorBar, b, criticalPoints, equalAspect, gridResolution, fontScale, title, dark);
    }

    public SceneSettings withCriticalPoints(boolean b) {
        return new SceneSettings(colorMap, levelMode, levelCount, fill, contourLines, gradientField, colorBar, axes, b, equalAspect, gridResolution, fontScale, title, dark);
    }

    public SceneSettings withEqualAspect(boolean b) {
        return new SceneSettings(colorMap, levelMode, levelCount, fill, contourLines, gradientField, colorBar, axes, criticalPoints, b, gridResolution, fontScale, title, dark);
    }

    public SceneSettings withGridResolution(int n) {
        return new SceneSettings(colorMap, levelMode, levelCount, fill, contourLines, gradientField, colorBar, axes, criticalPoints, equalAspect, n, fontScale, title, dark);
    }

    public SceneSettings withFontScale(double k) {
        return new SceneSettings(colorMap, levelMode, levelCount, fill, contourLines, gradientField, colorBar, axes, criticalPoints, equalAspect, gridResolution, k, title, dark);
    }

    public SceneSettings withTitle(String t) {
        return new SceneSettings(colorMap, levelMode, levelCount, fill, contourLines, gradientField, colorBar, axes, criticalPoints, equalAspect, gridResolution, fontScale, t, dark);
    }
}
