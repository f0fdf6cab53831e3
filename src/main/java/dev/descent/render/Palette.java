package dev.descent.render;

import java.awt.Color;
import java.util.List;

/**
 * Colour-blind-safe colours for up to eight runs: Okabe and Ito's palette ("Color Universal
 * Design", 2008), ordered so the first runs stand out best over the viridis family, and Paul Tol's
 * "bright" scheme as an alternative. Colours repeat after the palette's end.
 */
public final class Palette {

    /** Okabe–Ito: vermillion, sky blue, orange, bluish green, reddish purple, yellow, blue, black. */
    public static final Palette OKABE_ITO = new Palette("okabe-ito", List.of(
            new Color(0xD55E00), new Color(0x56B4E9), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xF0E442), new Color(0x0072B2), new Color(0x000000)));

    /** Tol's bright: red, blue, green, yellow, cyan, purple, grey. */
    public static final Palette TOL_BRIGHT = new Palette("tol-bright", List.of(
            new Color(0xEE6677), new Color(0x4477AA), new Color(0x228833), new Color(0xCCBB44),
            new Color(0x66CCEE), new Color(0xAA3377), new Color(0xBBBBBB)));

    public static final Palette DEFAULT = OKABE_ITO;

    private final String name;
    private final List<Color> colors;

    private Palette(String name, List<Color> colors) {
        this.name = name;
        this.colors = colors;
    }

    public String name() {
        return name;
    }

    public int size() {
        return colors.size();
    }

    /** The colour of run i (0-based), cycling. */
    public Color color(int i) {
        return colors.get(Math.floorMod(i, colors.size()));
    }

    public List<Color> colors() {
        return colors;
    }

    /**
     * An outline for a line of this colour: a darker shade, or a light one for colours that are
     * already near black.
     */
    public static Color outline(Color c) {
        double lum = ColorMap.luminance(c.getRGB());
        if (lum < 0.06) {
            return new Color(255, 255, 255, 0xB0);
        }
        float k = 0.45f;
        return new Color(Math.round(c.getRed() * k), Math.round(c.getGreen() * k), Math.round(c.getBlue() * k), 0xE0);
    }
}
