package dev.descent.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;

/**
 * Sizes, fonts and colours of the plot chrome, scaled for the output size: everything grows with
 * {@link #unit()}, which is 1 for a 1280 × 720 frame (so tick labels are 15 px there) and follows
 * the smaller side of the image, times a user font scale for projectors.
 *
 * <p>Immutable.
 */
public record Style(double unit, Font tickFont, Font labelFont, Font legendFont, Font titleFont,
                    Color text, Color frame, Color background) {

    /** Text measurement context matching the hints of {@link #applyHints}. */
    public static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /** The style for an image of this size; fontScale multiplies every size (1 = default). */
    /** The light-on-dark variant of {@link #forSize}: for the dark theme and projectors. */
    public static Style forSize(int width, int height, double fontScale, boolean dark) {
        Style s = forSize(width, height, fontScale);
        return dark ? new Style(s.unit(), s.tickFont(), s.labelFont(), s.legendFont(), s.titleFont(),
                new Color(0xc9, 0xd1, 0xd9), new Color(0x8b, 0x94, 0x9e), background(true)) : s;
    }

    /** The background of a picture in the light or the dark theme. */
    public static Color background(boolean dark) {
        return dark ? new Color(0x0d, 0x11, 0x17) : Color.WHITE;
    }

    public static Style forSize(int width, int height, double fontScale) {
        if (!(fontScale > 0) || !Double.isFinite(fontScale)) {
            throw new IllegalArgumentException("font scale must be a positive number, got " + fontScale);
        }
        double u = fontScale * Math.max(0.75, Math.min(4, Math.min(width, height) / 720.0));
        return new Style(u,
                new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) (15 * u)),
                new Font(Font.SERIF, Font.ITALIC, 1).deriveFont((float) (20 * u)),
                new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) (14 * u)),
                new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont((float) (16 * u)),
                new Color(0x22, 0x22, 0x22), new Color(0x33, 0x33, 0x33), background(false));
    }

    /** A length of {@code px} pixels at unit 1, scaled. */
    public float px(double px) {
        return (float) (px * unit);
    }

    public BasicStroke frameStroke() {
        return new BasicStroke(px(1.1), BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER);
    }

    public BasicStroke tickStroke() {
        return new BasicStroke(px(1.1), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    }

    public float tickLength() {
        return px(6);
    }

    /** Advance width of a text in a font. */
    public static double width(String s, Font f) {
        return f.getStringBounds(s, FRC).getWidth();
    }

    /** Ascent (cap height region) of a font, for vertical centring of digits. */
    public static double ascent(Font f) {
        return f.getLineMetrics("0", FRC).getAscent();
    }

    /** Height of a digit: for centring labels on ticks. */
    public static double digitHeight(Font f) {
        Rectangle2D b = f.createGlyphVector(FRC, "0").getVisualBounds();
        return b.getHeight();
    }

    public static double lineHeight(Font f) {
        var lm = f.getLineMetrics("Ag", FRC);
        return lm.getAscent() + lm.getDescent();
    }

    /** Antialiasing for shapes and text, pure stroke control, fractional metrics. */
    public static void applyHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }
}
