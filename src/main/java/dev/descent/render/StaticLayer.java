package dev.descent.render;

import dev.descent.math.Viewport;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;

/**
 * The part of a frame that changes only with the surface, viewport, size or settings: the filled
 * field, contour lines, gradient arrows, critical-point markers, axes, colour bar and title, drawn
 * once into an opaque {@code TYPE_INT_RGB} image, with the plot geometry needed to draw trajectories
 * on top.
 *
 * <p>{@link #render} is pure: it reads the scene and writes only new objects (the field may be a
 * caller's scratch buffer), so it may run on any thread, e.g. a background thread while the window
 * keeps animating over the previous layer. A layer is immutable once returned; do not draw into
 * its image.
 */
public final class StaticLayer {

    /** How long each phase of {@link #render} took, in nanoseconds. */
    public record Timings(long sample, long levels, long trace, long raster, long lines, long chrome, long total) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "sample %.1f ms, levels %.1f ms, trace %.1f ms, raster %.1f ms, lines %.1f ms, axes %.1f ms, total %.1f ms",
                    sample / 1e6, levels / 1e6, trace / 1e6, raster / 1e6, lines / 1e6, chrome / 1e6, total / 1e6);
        }
    }

    private final Scene scene;
    private final PlotTransform transform;
    private final Rectangle2D colorBar;
    private final Levels levels;
    private final Style style;
    private final BufferedImage image;
    private final ContourLines contours;
    private final Timings timings;

    private StaticLayer(Scene scene, PlotTransform transform, Rectangle2D colorBar, Levels levels, Style style,
            BufferedImage image, ContourLines contours, Timings timings) {
        this.scene = scene;
        this.transform = transform;
        this.colorBar = colorBar;
        this.levels = levels;
        this.style = style;
        this.image = image;
        this.contours = contours;
        this.timings = timings;
    }

    /** Computes the layer for a scene with a fresh field buffer. */
    public static StaticLayer render(Scene scene) {
        return render(scene, new ScalarField());
    }

    /**
     * Computes the layer for a scene, sampling into {@code scratch} (reused between calls by one
     * worker thread; the layer keeps no reference to it).
     *
     * @param scratch Modified.
     */
    public static StaticLayer render(Scene scene, ScalarField scratch) {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(scratch, "scratch");
        long t0 = System.nanoTime();
        SceneSettings set = scene.settings();
        int w = scene.width();
        int h = scene.height();
        Style style = Style.forSize(w, h, set.fontScale(), set.dark());

        // layout with a provisional colour-bar width, then again with the real one
        double cbLabels = Style.width("0.000", style.tickFont());
        Layout layout = layout(scene, style, cbLabels);
        Viewport view = layout.view;
        int cap = scene.surface().maxGridResolution();
        int gx = gridSize(set.gridResolution(), layout.plot.getWidth(), cap);
        int gy = gridSize(set.gridResolution(), layout.plot.getHeight(), cap);
        scratch.sample(scene.surface(), view, gx, gy);
        long t1 = System.nanoTime();
        Levels levels = Levels.of(scratch, set.levelMode(), set.levelCount());
        if (set.colorBar()) {
            double real = ColorBarPainter.totalWidth(levels, layout.plot.getHeight(), style)
                    - ColorBarPainter.barWidth(style) - style.tickLength() - style.px(4);
            if (Math.abs(real - cbLabels) > 0.5) {
                layout = layout(scene, style, real);
                if (!layout.view.equals(view)) {
                    view = layout.view;
                    scratch.sample(scene.surface(), view, gridSize(set.gridResolution(), layout.plot.getWidth(), cap),
                            gridSize(set.gridResolution(), layout.plot.getHeight(), cap));
                    levels = Levels.of(scratch, set.levelMode(), set.levelCount());
                }
            }
        }
        PlotTransform t = new PlotTransform(view, layout.plot);
        long t2 = System.nanoTime();
        int[] bands = levels.bands(scratch, null);
        ContourLines contours = set.contourLines() ? ContourLines.trace(scratch, levels, bands) : null;
        long t3 = System.nanoTime();

        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = FieldRaster.intPixels(img);
        Arrays.fill(px, style.background().getRGB());
        FieldRaster.paint(scratch, levels, bands, set.colorMap(), set.fill(), t, img);
        long t4 = System.nanoTime();

        if (contours != null) {
            contours.paint(img, t, set.colorMap(), style.px(0.9));
        }
        long t5 = System.nanoTime();
        Graphics2D g = img.createGraphics();
        try {
            Style.applyHints(g);
            if (set.gradientField()) {
                GradientFieldPainter.paint(g, t, scene.surface(), 48, style);
            }
            if (set.criticalPoints()) {
                MarkerPainter.criticalPoints(g, t, scene.surface().criticalPoints(), style);
            }
            if (set.axes()) {
                AxesPainter.paint(g, t, style, scene.surface().axisLabels());
            } else {
                g.setColor(style.frame());
                g.setStroke(style.frameStroke());
                g.draw(t.plotArea());
            }
            if (layout.colorBar != null) {
                ColorBarPainter.paint(g, layout.colorBar, levels, set.colorMap(), set.fill(), style);
            }
            if (set.title() != null && !set.title().isBlank()) {
                g.setFont(style.titleFont());
                g.setColor(style.text());
                g.drawString(set.title(), (float) t.left(), (float) (style.px(10) + Style.ascent(style.titleFont())));
            }
            long t6 = System.nanoTime();
            Timings timings = new Timings(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t6 - t0);
            return new StaticLayer(scene, t, layout.colorBar, levels, style, img, contours, timings);
        } finally {
            g.dispose();
        }
    }

    /** The nodes per side: the setting, or (auto) the pixels, at most 1000 and at most the surface's cap (0 = none). */
    private static int gridSize(int setting, double pixels, int cap) {
        if (setting > 0) {
            return setting;
        }
        int max = cap > 0 ? Math.min(1000, cap) : 1000;
        return (int) Math.max(32, Math.min(max, Math.round(pixels)));
    }

    private record Layout(Rectangle2D plot, Rectangle2D colorBar, Viewport view) {
    }

    /** Plot and colour-bar rectangles (whole pixels) and the viewport they show. */
    private static Layout layout(Scene scene, Style s, double colorBarLabelWidth) {
        SceneSettings set = scene.settings();
        int w = scene.width();
        int h = scene.height();
        boolean title = set.title() != null && !set.title().isBlank();
        double top = s.px(14);
        if (set.colorBar()) {
            top = Math.max(top, Style.lineHeight(s.labelFont()) + s.px(10));
        }
        if (title) {
            top = Math.max(top, s.px(10) + Style.lineHeight(s.titleFont()) + s.px(10));
        }
        double bottom = set.axes() ? AxesPainter.bottomMargin(s) : s.px(12);
        double right = s.px(16);
        if (set.colorBar()) {
            right = s.px(20) + ColorBarPainter.barWidth(s) + s.tickLength() + s.px(4) + colorBarLabelWidth + s.px(14);
        }
        Viewport view = scene.viewport();
        double left = s.px(12);
        Rectangle2D plot = null;
        for (int pass = 0; pass < 3; pass++) {
            double pw = Math.max(16, w - left - right);
            double ph = Math.max(16, h - top - bottom);
            plot = new Rectangle2D.Double(Math.round(left), Math.round(top), Math.round(pw), Math.round(ph));
            view = set.equalAspect() ? PlotTransform.fitAspect(scene.viewport(), plot.getWidth(), plot.getHeight()) : scene.viewport();
            if (!set.axes()) {
                break;
            }
            double need = AxesPainter.leftMargin(new PlotTransform(view, plot), s);
            if (Math.abs(need - left) < 1) {
                break;
            }
            left = need;
        }
        Rectangle2D bar = null;
        if (set.colorBar()) {
            bar = new Rectangle2D.Double(Math.round(plot.getMaxX() + s.px(20)), plot.getY(),
                    Math.round(ColorBarPainter.barWidth(s)), plot.getHeight());
        }
        return new Layout(plot, bar, view);
    }

    public Scene scene() {
        return scene;
    }

    /** Data ↔ pixel mapping of the plot area (its viewport may be wider than the scene's with equal aspect). */
    public PlotTransform transform() {
        return transform;
    }

    /** The viewport actually shown. */
    public Viewport viewport() {
        return transform.viewport();
    }

    /** The colour bar rectangle, or null. */
    public Rectangle2D colorBar() {
        return colorBar;
    }

    public Levels levels() {
        return levels;
    }

    public Style style() {
        return style;
    }

    /** The rendered layer. Do not modify it. */
    public BufferedImage image() {
        return image;
    }

    /** The traced contour lines, or null when lines are off. */
    public ContourLines contours() {
        return contours;
    }

    public Timings timings() {
        return timings;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
