package dev.descent.render.charts;

import java.awt.Color;
import java.awt.Font;

/**
 * The charts' colours and fonts for the light and dark themes, taken from the AtlantaFX Primer
 * palette the window uses, so charts sit on the window's own background. Plain AWT: exported
 * images use the same theme as the screen.
 *
 * @param coordinates line colours of a probe's x and y coordinate (and of further members of a group)
 */
public record ChartTheme(boolean dark, Color background, Color plotBackground, Color foreground, Color muted,
                         Color grid, Color border, Color marker, Color[] coordinates, Font title, Font tick, Font label) {

    // readable from the back of a lecture room at 1280×720: tick labels at least 12 px
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    public static final ChartTheme LIGHT = new ChartTheme(false, Color.WHITE, Color.WHITE, new Color(0x24292f),
            new Color(0x57606a), new Color(0xeaeef2), new Color(0xd0d7de), new Color(0x0969da),
            new Color[] {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7)},
            TITLE, TICK, LABEL);

    public static final ChartTheme DARK = new ChartTheme(true, new Color(0x0d1117), new Color(0x0d1117),
            new Color(0xc9d1d9), new Color(0x8b949e), new Color(0x21262d), new Color(0x30363d), new Color(0x58a6ff),
            new Color[] {new Color(0x56B4E9), new Color(0xE69F00), new Color(0x3fd0a0), new Color(0xE08DC0)},
            TITLE, TICK, LABEL);

    public static ChartTheme of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** The colour for member {@code k} of a chart (cycles). */
    public Color coordinate(int k) {
        return coordinates[Math.floorMod(k, coordinates.length)];
    }

    /**
     * A run's colour made readable on this background: colours too close to it in brightness (the
     * palette's white and yellow on a light chart, a dark blue on a dark one) are darkened or lightened.
     */
    public Color runColor(Color c) {
        double l = luminance(c);
        if (!dark && l > 0.62) {
            return scale(c, Math.sqrt(0.32 / l));
        }
        if (dark && l < 0.06) {
            return mix(c, Color.WHITE, 0.45);
        }
        return c;
    }

    /** Relative luminance (sRGB, 0 = black, 1 = white). */
    public static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(int v) {
        double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static Color scale(Color c, double k) {
        return new Color(clamp(c.getRed() * k), clamp(c.getGreen() * k), clamp(c.getBlue() * k));
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color(clamp(a.getRed() * (1 - t) + b.getRed() * t), clamp(a.getGreen() * (1 - t) + b.getGreen() * t),
                clamp(a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** {@code #rrggbb} to a colour; white when it cannot be read. */
    public static Color parse(String hex) {
        try {
            return Color.decode(hex);
        } catch (RuntimeException e) {
            return Color.WHITE;
        }
    }
}
