package dev.descent.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * What presenter mode adds on top of the plot, for a room to read: a large step counter at the top, the lesson's title and caption in the bottom left, a highlight that follows the
 * pointer, and a blank screen (a clicker's B). Sizes are multiplied by {@link Overlay#scale()}
 * (1 to 3). Plain Java2D, so an export could carry the same overlay.
 */
public final class PresenterPainter {

    /** The smallest and largest scale, and the step of + / −. */
    public static final double MIN_SCALE = 1;
    public static final double MAX_SCALE = 3;
    public static final double SCALE_STEP = 0.25;

    /**
     * @param step     the step shown (the largest of the runs)
     * @param title    the lesson's title, or null
     * @param caption  the lesson's description, or null
     * @param pointerX the pointer in pixels, NaN when it is not over the plot
     */
    public record Overlay(long step, long limit, String title, String caption, double scale, boolean dark, boolean blank,
                          double pointerX, double pointerY) {
        public Overlay {
            scale = clampScale(scale);
        }
    }

    private PresenterPainter() {
    }

    public static double clampScale(double s) {
        return Double.isFinite(s) ? Math.max(MIN_SCALE, Math.min(MAX_SCALE, s)) : MIN_SCALE;
    }

    /** Paints the overlay over a {@code w}×{@code h} area whose background is already drawn. */
    public static void paint(Graphics2D g, int w, int h, Overlay o) {
        paint(g, w, h, new Rectangle2D.Double(0, 0, w, h), o);
    }

    /**
     * Paints the overlay over a {@code w}×{@code h} area whose background is already drawn, with the
     * caption inside {@code plot} (the plot's data area), clear of the axes' tick labels.
     */
    public static void paint(Graphics2D g, int w, int h, Rectangle2D plot, Overlay o) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        if (o.blank()) {
            // a blank screen as clickers mean it: black, whatever the theme
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, w, h);
            return;
        }
        paintLabels(g, w, h, plot, o.step(), o.title(), o.caption(), o.scale(), o.dark(), false);
        double s = o.scale();

        // the pointer highlight: a soft disc with a ring, seen from the back of the room
        if (Double.isFinite(o.pointerX()) && Double.isFinite(o.pointerY())) {
            double r = 22 * s;
            g.setColor(new Color(255, 214, 0, 90));
            g.fill(new Ellipse2D.Double(o.pointerX() - r, o.pointerY() - r, 2 * r, 2 * r));
            g.setStroke(new BasicStroke((float) (2.5 * s)));
            g.setColor(new Color(230, 60, 30, 220));
            g.draw(new Ellipse2D.Double(o.pointerX() - r, o.pointerY() - r, 2 * r, 2 * r));
        }
    }

    /**
     * The step counter (top centre; none when {@code step} is negative) and the title and caption
     * (bottom left; none when both are null or blank) over a {@code w}×{@code h} area, at
     * {@code s} times the presenter's base sizes (any positive scale: exported frames scale them
     * with the frame). Presenter mode and exported frames share these.
     */
    public static void paintLabels(Graphics2D g, int w, int h, long step, String title, String caption, double s, boolean dark) {
        paintLabels(g, w, h, new Rectangle2D.Double(0, 0, w, h), step, title, caption, s, dark, false);
    }

    /**
     * As above; with {@code counterBottomRight} the counter sits in the bottom right corner rather
     * than the top centre (exported frames: the legend takes the top, the words the bottom left).
     */
    public static void paintLabels(Graphics2D g, int w, int h, long step, String title, String caption, double s, boolean dark,
            boolean counterBottomRight) {
        paintLabels(g, w, h, new Rectangle2D.Double(0, 0, w, h), step, title, caption, s, dark, counterBottomRight);
    }

    /** As above, with the title and caption inside {@code plot} (the plot's data area), clear of the tick labels. */
    public static void paintLabels(Graphics2D g, int w, int h, Rectangle2D plot, long step, String title, String caption,
            double s, boolean dark, boolean counterBottomRight) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color box = dark ? new Color(13, 17, 23, 215) : new Color(255, 255, 255, 225);
        Color ink = dark ? new Color(0xe6edf3) : new Color(0x1f2328);
        Color muted = dark ? new Color(0xb0b8c1) : new Color(0x4b535c);
        int pad = (int) Math.round(12 * s);
        int margin = (int) Math.round(16 * s);

        // the step counter, top centre: clear of the legend (top right) and the axes
        if (step >= 0) {
            String counter = "step " + step;
            Font big = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(30 * s));
            g.setFont(big);
            FontMetrics fm = g.getFontMetrics();
            int cw = fm.stringWidth(counter);
            int bh = fm.getAscent() + fm.getDescent() + pad;
            int bx = counterBottomRight ? w - margin - cw - 2 * pad : (w - cw) / 2 - pad;
            int by = counterBottomRight ? h - margin - bh : margin;
            g.setColor(box);
            g.fill(new RoundRectangle2D.Double(bx, by, cw + 2 * pad, bh, pad, pad));
            g.setColor(ink);
            g.drawString(counter, bx + pad, by + pad / 2 + fm.getAscent());
        }

        // the caption, bottom left
        if ((title != null && !title.isBlank()) || (caption != null && !caption.isBlank())) {
            Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(20 * s));
            Font textFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(15 * s));
            int inset = margin / 2;
            int maxWidth = (int) Math.max(120, Math.min(Math.max(w * 0.5, plot.getWidth() * 0.6),
                    plot.getWidth() - 2 * inset - 2 * pad));
            // metrics of the font set, never getFontMetrics(font): FXGraphics2D answers that with the current font
            g.setFont(titleFont);
            FontMetrics tf = g.getFontMetrics();
            g.setFont(textFont);
            FontMetrics xf = g.getFontMetrics();
            List<String> titleLines = title == null ? List.of() : wrap(title, tf, maxWidth);
            List<String> textLines = caption == null ? List.of() : wrap(caption, xf, maxWidth);
            int width = 0;
            for (String l : titleLines) {
                width = Math.max(width, tf.stringWidth(l));
            }
            for (String l : textLines) {
                width = Math.max(width, xf.stringWidth(l));
            }
            int height = titleLines.size() * tf.getHeight() + textLines.size() * xf.getHeight() + 2 * pad;
            int x = (int) Math.round(plot.getX()) + inset;
            int y = (int) Math.round(plot.getMaxY()) - inset - height;
            g.setColor(box);
            g.fill(new RoundRectangle2D.Double(x, y, width + 2 * pad, height, pad, pad));
            int baseline = y + pad;
            g.setFont(titleFont);
            g.setColor(ink);
            for (String l : titleLines) {
                baseline += tf.getHeight();
                g.drawString(l, x + pad, baseline - tf.getDescent());
            }
            g.setFont(textFont);
            g.setColor(muted);
            for (String l : textLines) {
                baseline += xf.getHeight();
                g.drawString(l, x + pad, baseline - xf.getDescent());
            }
        }

    }

    /** The bounds of the step counter's box, for tests and for keeping other things out of it. */
    public static Rectangle2D counterBounds(Graphics2D g, int w, Overlay o) {
        double s = o.scale();
        int pad = (int) Math.round(12 * s);
        int margin = (int) Math.round(16 * s);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(30 * s)));
        FontMetrics fm = g.getFontMetrics();
        int cw = fm.stringWidth("step " + o.step());
        return new Rectangle2D.Double((w - cw) / 2 - pad, margin, cw + 2 * pad, fm.getAscent() + fm.getDescent() + pad);
    }

    /** Words wrapped to lines no wider than {@code width}. */
    static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String tryLine = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(tryLine) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(tryLine);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
