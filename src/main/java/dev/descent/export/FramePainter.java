package dev.descent.export;

import java.awt.Graphics2D;

/**
 * Paints the frame of an export that shows a given step into any {@link Graphics2D} of
 * {@link #width()} × {@link #height()} pixels: a {@code BufferedImage}'s for GIF, MP4 and PNG, an
 * SVG document's for SVG. Frames depend only on the step, never on a window or a display.
 */
public interface FramePainter {

    int width();

    int height();

    /** Paints the whole frame showing every visible run up to {@code step}. */
    void paint(Graphics2D g, long step);

    /** The runs the frames show. */
    ExportRuns runs();

    /** The colour of the frame's text (a GIF keeps it exactly). */
    java.awt.Color text();

    /** A new opaque image of the frame. */
    default java.awt.image.BufferedImage render(long step) {
        return Exporter.draw(new java.awt.image.BufferedImage(width(), height(), java.awt.image.BufferedImage.TYPE_INT_RGB),
                g -> paint(g, step));
    }

    /** The frames an export with these options draws: the 3-D view when they have a camera, else the plot. */
    static FramePainter of(ExportRuns runs, ExportOptions o) {
        return o.camera() != null ? ReliefFrames.of(runs, o) : SceneFrames.of(runs, o);
    }
}
