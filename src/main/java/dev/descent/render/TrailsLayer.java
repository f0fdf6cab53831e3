package dev.descent.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The finished part of every run's line, cached in a transparent image under the moving parts, so a
 * frame draws only the segments that are new since the last one instead of every line again.
 *
 * <p>Lines are drawn by {@link TrajectoryPainter#paintLine}, in the overlay's order (the selected run
 * last). Drawn piece by piece, a newer piece of one run lies over older pieces of runs drawn after
 * it, where the whole frame would put it under them; so once nothing new has arrived for a third of
 * a second (paused, every run finished) the layer is drawn again whole, and what stays on screen is exactly the painters'
 * frame. It is also drawn whole when the view, the runs, their colours or the selection change.
 * No JavaFX in here: the window composes it over the static layer and shows the result.
 */
public final class TrailsLayer {

    /** One run's line as the overlay draws it. */
    public record Line(PathTracer path, Color color, boolean selected) {
    }

    private record Key(PathTracer path, int generation, Color color, boolean selected) {
    }

    private BufferedImage image;
    private int[] pixels;
    private PlotTransform transform;
    private Style style;
    private List<Key> keys = List.of();
    private int[] drawn = new int[0];
    private boolean piecewise;
    private int quiet;
    /** Frames without a new segment after which a piecewise layer is drawn again whole. */
    public static final int QUIET_FRAMES = 20;
    private long rebuilds;

    /** The layer's pixels, premultiplied ARGB, row by row. */
    public int[] pixels() {
        return pixels;
    }

    /** The layer (premultiplied ARGB), or null before the first update. Do not draw into it. */
    public BufferedImage image() {
        return image;
    }

    public int width() {
        return image == null ? 0 : image.getWidth();
    }

    /** Whether the layer was extended piece by piece since it was last drawn whole. */
    public boolean piecewise() {
        return piecewise;
    }

    /** Whole redraws so far (tests). */
    public long rebuilds() {
        return rebuilds;
    }

    /** Stored points of run {@code i}'s path already in the layer: the overlay draws the rest. */
    public int drawn(int i) {
        return drawn[i];
    }

    /**
     * Brings the layer up to date with the lines (in overlay order) and returns the rectangle that
     * changed, or null when nothing did.
     */
    public Rectangle update(int width, int height, PlotTransform t, Style s, List<Line> lines) {
        List<Key> now = new ArrayList<>(lines.size());
        for (Line l : lines) {
            now.add(new Key(l.path(), l.path().generation(), l.color(), l.selected()));
        }
        boolean resized = image == null || image.getWidth() != width || image.getHeight() != height;
        if (resized) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
            pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        }
        boolean grown = false;
        if (!resized && t.equals(transform) && s == style && now.equals(keys)) {
            for (int i = 0; i < lines.size(); i++) {
                grown |= lines.get(i).path().stored() > drawn[i];
            }
            if (grown) {
                quiet = 0;
                return extend(lines);
            }
            if (!piecewise || ++quiet < QUIET_FRAMES) {
                return null;
            }
        }
        // something else changed, or everything has stopped: draw it all again
        transform = t;
        style = s;
        keys = now;
        rebuild(lines);
        return new Rectangle(0, 0, width, height);
    }

    private void rebuild(List<Line> lines) {
        Arrays.fill(pixels, 0);
        drawn = new int[lines.size()];
        int[] stored = new int[lines.size()];
        List<PathTracer> paths = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            stored[i] = lines.get(i).path().stored();
            paths.add(lines.get(i).path());
        }
        // on two cores, the top and the bottom half of the lines at once: the same pixels (render.Bands)
        Bands.paint(image, Bands.balancedSplit(paths, image.getHeight()), g -> {
            Style.applyHints(g);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < lines.size(); i++) {
                    Line l = lines.get(i);
                    if (l.selected() != (pass == 1)) {
                        continue;
                    }
                    Shape whole = l.path().storedShape(0, stored[i]);
                    TrajectoryPainter.paintLine(g, transform, whole, whole, l.color(), width(l), style);
                }
            }
        });
        drawn = stored;
        piecewise = false;
        quiet = 0;
        rebuilds++;
    }

    private Rectangle extend(List<Line> lines) {
        Rectangle dirty = null;
        Graphics2D g = graphics();
        try {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < lines.size(); i++) {
                    Line l = lines.get(i);
                    PathTracer p = l.path();
                    int n = p.stored();
                    if (l.selected() != (pass == 1) || n <= drawn[i]) {
                        continue;
                    }
                    float w = width(l);
                    double reach = TrajectoryPainter.reach(w, style);
                    int from = Math.max(0, drawn[i] - 1);
                    // the line again a little way back, so this piece's outline does not cross the old line's end
                    int back = from;
                    double length = 0;
                    while (back > 0 && length < 2 * reach) {
                        length += Math.hypot(p.storedX(back) - p.storedX(back - 1), p.storedY(back) - p.storedY(back - 1));
                        back--;
                    }
                    TrajectoryPainter.paintLine(g, transform, p.storedShape(from, n), p.storedShape(back, n), l.color(), w, style);
                    Rectangle r = bounds(p, back, n, reach);
                    dirty = dirty == null ? r : dirty.union(r);
                    drawn[i] = n;
                }
            }
        } finally {
            g.dispose();
        }
        piecewise = true;
        return dirty == null ? null : dirty.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
    }

    private static Rectangle bounds(PathTracer p, int from, int to, double reach) {
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int k = from; k < to; k++) {
            x0 = Math.min(x0, p.storedX(k));
            x1 = Math.max(x1, p.storedX(k));
            y0 = Math.min(y0, p.storedY(k));
            y1 = Math.max(y1, p.storedY(k));
        }
        int left = (int) Math.floor(x0 - reach);
        int top = (int) Math.floor(y0 - reach);
        return new Rectangle(left, top, (int) Math.ceil(x1 + reach) - left + 1, (int) Math.ceil(y1 + reach) - top + 1);
    }

    private static float width(Line l) {
        return ScenePainter.lineWidth(OverlaySettings.DEFAULT, l.selected());
    }

    private Graphics2D graphics() {
        Graphics2D g = DirectPixels.createGraphics(image);
        Style.applyHints(g);
        return g;
    }

    @Override
    public String toString() {
        return "TrailsLayer" + Objects.toString(transform);
    }
}
