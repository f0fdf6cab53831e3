package dev.descent.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * Where a run's path marks the steps that raised f: at most one mark per {@value #CELL}-pixel cell
 * of the plot area (the first uphill step to land in it), so a run that oscillates uphill for a
 * million steps costs no more marks than the plot has cells. Fed incrementally beside its
 * {@link PathTracer}; one thread at a time.
 */
public final class UphillMarks {

    /** The side of a cell in pixels: two marks closer than this would overlap anyway. */
    public static final int CELL = 6;

    private final PlotTransform transform;
    private final double left;
    private final double top;
    private final int cols;
    private final int rows;
    private final long[] taken;
    private double[] xy = new double[32];
    private int count;

    public UphillMarks(PlotTransform t) {
        this.transform = t;
        Rectangle2D area = t.plotArea();
        left = area.getX();
        top = area.getY();
        cols = Math.max(1, (int) Math.ceil(area.getWidth() / CELL));
        rows = Math.max(1, (int) Math.ceil(area.getHeight() / CELL));
        taken = new long[(int) (((long) cols * rows + 63) >>> 6)];
    }

    /** Records an uphill step that ended at (x, y), data coordinates; ignored outside the view or in a taken cell. */
    public void add(double x, double y) {
        if (!(Double.isFinite(x) && Double.isFinite(y)) || !transform.viewport().contains(x, y)) {
            return;
        }
        double px = transform.toPixelX(x);
        double py = transform.toPixelY(y);
        int c = Math.min(cols - 1, Math.max(0, (int) ((px - left) / CELL)));
        int r = Math.min(rows - 1, Math.max(0, (int) ((py - top) / CELL)));
        int bit = r * cols + c;
        if ((taken[bit >>> 6] & 1L << bit) != 0) {
            return;
        }
        taken[bit >>> 6] |= 1L << bit;
        if (2 * count + 2 > xy.length) {
            xy = java.util.Arrays.copyOf(xy, xy.length * 2);
        }
        xy[2 * count] = px;
        xy[2 * count + 1] = py;
        count++;
    }

    /** Forgets every mark. */
    public void reset() {
        java.util.Arrays.fill(taken, 0L);
        count = 0;
    }

    /** How many marks there are (at most one per cell). */
    public int count() {
        return count;
    }

    /** The most marks this plot can hold. */
    public int maxCount() {
        return cols * rows;
    }

    public double pixelX(int i) {
        return xy[2 * i];
    }

    public double pixelY(int i) {
        return xy[2 * i + 1];
    }

    /** Draws every mark: a small upward triangle in the run's colour, outlined. */
    public void paint(Graphics2D g, Color color, Style s) {
        for (int i = 0; i < count; i++) {
            MarkerPainter.uphill(g, xy[2 * i], xy[2 * i + 1], color, s);
        }
    }
}
