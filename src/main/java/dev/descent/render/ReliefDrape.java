package dev.descent.render;

import dev.descent.math.Viewport;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A map draped over the relief as the plot paints the basin map over its colours: one colour a
 * node of a grid over {@code view} (the map's cells, row 0 at the top), painted with
 * {@code opacity}, and the legend that says what the colours mean.
 */
public final class ReliefDrape {

    private final Viewport view;
    private final int cols;
    private final int rows;
    private final int[] argb;
    private final float opacity;
    private final List<BasinMapPainter.Entry> legend;
    private final int total;
    private final String title;

    /**
     * @param cells   the map's colours, one pixel a node (read once here)
     * @param total   how many starts the map ran, for the legend's shares
     */
    public ReliefDrape(BufferedImage cells, Viewport view, float opacity, List<BasinMapPainter.Entry> legend, int total,
                       String title) {
        this.view = view;
        this.cols = cells.getWidth();
        this.rows = cells.getHeight();
        this.argb = cells.getRGB(0, 0, cols, rows, null, 0, cols);
        this.opacity = opacity;
        this.legend = List.copyOf(legend);
        this.total = total;
        this.title = title;
    }

    /** The map's colour over (x, y), the nearest node's (ARGB); 0 (transparent) outside the map. */
    int argbAt(double x, double y) {
        double dx = cols > 1 ? view.width() / (cols - 1) : view.width();
        double dy = rows > 1 ? view.height() / (rows - 1) : view.height();
        long i = Math.round((x - view.xMin()) / dx);
        long j = Math.round((view.yMax() - y) / dy);
        return i < 0 || j < 0 || i >= cols || j >= rows ? 0 : argb[(int) (j * cols + i)];
    }

    /** {@code under} with the map's colour over (x, y) painted on it, as the plot paints it. */
    int over(int under, double x, double y) {
        int c = argbAt(x, y);
        double a = opacity * ((c >>> 24) / 255.0);
        return a > 0 ? ColorMap.lerp(under, c | 0xFF000000, a) : under;
    }

    List<BasinMapPainter.Entry> legend() {
        return legend;
    }

    int total() {
        return total;
    }

    String title() {
        return title;
    }
}
