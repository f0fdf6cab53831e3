package dev.descent.render;

import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import java.awt.image.BufferedImage;

/**
 * The contour workload the {@code bench} command times against matplotlib: sample a surface on a
 * grid × grid field, choose log-spaced levels, trace them, and paint the filled raster, the lines
 * and the axes into a width × height image (matplotlib's {@code contourf} + {@code contour} +
 * {@code savefig}-to-buffer takes 0.63 s for Rosenbrock on 1000² into 1280 × 720).
 */
public final class ContourBenchmark {

    private ContourBenchmark() {
    }

    /** The settings of the benchmark: log levels, bands, lines and axes; no colour bar or markers. */
    public static SceneSettings settings(int grid, int levels) {
        return SceneSettings.DEFAULT.withLevelMode(Levels.Mode.LOG).withLevelCount(levels).withGridResolution(grid)
                .withColorBar(false).withCriticalPoints(false).withGradientField(false).withContourLines(true).withAxes(true);
    }

    /** Runs the workload once and returns the image. */
    public static BufferedImage run(Surface surface, Viewport viewport, int grid, int levels, int width, int height) {
        return runLayer(surface, viewport, grid, levels, width, height).image();
    }

    /** Runs the workload once and returns the whole layer, whose {@link StaticLayer#timings()} split the time by phase. */
    public static StaticLayer runLayer(Surface surface, Viewport viewport, int grid, int levels, int width, int height) {
        return StaticLayer.render(new Scene(surface, viewport, width, height, settings(grid, levels)));
    }
}
