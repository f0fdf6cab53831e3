package dev.descent.render;

import java.awt.Color;

/**
 * How run colours are drawn. The run colours themselves are one list, the Okabe–Ito palette in the
 * order new runs take them ({@code session.Palette.RUN_COLORS}: a session names each run's
 * colour, so the list belongs with sessions); this class only derives what the painters need from
 * a colour.
 */
public final class Palette {

    private Palette() {
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
