package dev.descent.render;

import dev.descent.math.Viewport;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Objects;

/**
 * Maps data coordinates of a {@link Viewport} onto a pixel rectangle, y pointing up: (xMin, yMin)
 * is the rectangle's bottom-left corner, (xMax, yMax) its top-right. Pixel coordinates are
 * continuous: the rectangle spans [left, left + width] × [top, top + height], so pixel (i, j) has
 * its centre at (i + ½, j + ½).
 *
 * <p>Immutable; the zoom and pan helpers are pure functions returning new viewports.
 */
public record PlotTransform(Viewport viewport, double left, double top, double width, double height) {

    public PlotTransform {
        Objects.requireNonNull(viewport, "viewport");
        if (!(width > 0) || !(height > 0) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("plot area must have a positive size, got " + width + " × " + height);
        }
    }

    public PlotTransform(Viewport viewport, Rectangle2D plot) {
        this(viewport, plot.getX(), plot.getY(), plot.getWidth(), plot.getHeight());
    }

    /** The pixel rectangle. */
    public Rectangle2D.Double plotArea() {
        return new Rectangle2D.Double(left, top, width, height);
    }

    /** Pixels per data unit along x. */
    public double scaleX() {
        return width / viewport.width();
    }

    /** Pixels per data unit along y (positive; the axis is flipped). */
    public double scaleY() {
        return height / viewport.height();
    }

    public double toPixelX(double x) {
        return left + (x - viewport.xMin()) * (width / viewport.width());
    }

    public double toPixelY(double y) {
        return top + (viewport.yMax() - y) * (height / viewport.height());
    }

    public double toDataX(double px) {
        return viewport.xMin() + (px - left) * (viewport.width() / width);
    }

    public double toDataY(double py) {
        return viewport.yMax() - (py - top) * (viewport.height() / height);
    }

    public Point2D.Double toPixel(double x, double y) {
        return new Point2D.Double(toPixelX(x), toPixelY(y));
    }

    public Point2D.Double toData(double px, double py) {
        return new Point2D.Double(toDataX(px), toDataY(py));
    }

    /** The data → pixel map as an affine transform (scale and translate, y flipped). */
    public AffineTransform dataToPixel() {
        double sx = scaleX();
        double sy = scaleY();
        return new AffineTransform(sx, 0, 0, -sy, left - viewport.xMin() * sx, top + viewport.yMax() * sy);
    }

    /** Whether the pixel lies inside the plot area. */
    public boolean containsPixel(double px, double py) {
        return px >= left && px <= left + width && py >= top && py <= top + height;
    }

    /** The same mapping onto another viewport (same pixel rectangle). */
    public PlotTransform withViewport(Viewport v) {
        return new PlotTransform(v, left, top, width, height);
    }

    /** Zoom about the data point under a pixel (e.g. the mouse): that point stays under the pixel. */
    public Viewport zoomAtPixel(double px, double py, double factor) {
        return zoom(viewport, toDataX(px), toDataY(py), factor);
    }

    /** Pan by a pixel drag: the content moves with the mouse (dragging right shows what lies left). */
    public Viewport panByPixels(double dpx, double dpy) {
        return pan(viewport, -dpx * (viewport.width() / width), dpy * (viewport.height() / height));
    }

    /**
     * Zoom about (cx, cy): the point stays fixed, the viewport's size is multiplied by 1/factor
     * (factor > 1 zooms in).
     */
    public static Viewport zoom(Viewport v, double cx, double cy, double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be a positive number, got " + factor);
        }
        double k = 1 / factor;
        return new Viewport(cx + (v.xMin() - cx) * k, cx + (v.xMax() - cx) * k,
                cy + (v.yMin() - cy) * k, cy + (v.yMax() - cy) * k);
    }

    /** Zoom about the viewport's centre. */
    public static Viewport zoom(Viewport v, double factor) {
        return zoom(v, (v.xMin() + v.xMax()) / 2, (v.yMin() + v.yMax()) / 2, factor);
    }

    /** Shift by (dx, dy) data units. */
    public static Viewport pan(Viewport v, double dx, double dy) {
        return new Viewport(v.xMin() + dx, v.xMax() + dx, v.yMin() + dy, v.yMax() + dy);
    }

    /** The viewport of the same size centred on (cx, cy). */
    public static Viewport centerOn(Viewport v, double cx, double cy) {
        return new Viewport(cx - v.width() / 2, cx + v.width() / 2, cy - v.height() / 2, cy + v.height() / 2);
    }

    /**
     * The smallest viewport containing v, with the same centre, whose aspect ratio matches a
     * pixel area of the given size, so one data unit spans as many pixels along x as along y
     * (circles look round, gradients look perpendicular to the contours).
     */
    public static Viewport fitAspect(Viewport v, double pixelWidth, double pixelHeight) {
        double want = pixelWidth / pixelHeight;
        double have = v.width() / v.height();
        double cx = (v.xMin() + v.xMax()) / 2;
        double cy = (v.yMin() + v.yMax()) / 2;
        if (have < want) {
            double w = v.height() * want;
            return new Viewport(cx - w / 2, cx + w / 2, v.yMin(), v.yMax());
        }
        double h = v.width() / want;
        return new Viewport(v.xMin(), v.xMax(), cy - h / 2, cy + h / 2);
    }
}
