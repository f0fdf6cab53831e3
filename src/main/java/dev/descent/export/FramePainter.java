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
}
