package dev.descent.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Graphics over an image whose {@code int} pixels the painters may also write themselves: the paths'
 * lines are stroked straight into them by {@link LineRaster}, several times faster than Java2D's
 * rasteriser, while everything else is drawn through the {@link Graphics2D} as before. A Graphics2D
 * that was not made here (SVG, printing, JavaFX, one from {@code g.create()}) is drawn into by Java2D
 * alone; so is one whose transform, composite or hints the raster does not reproduce (see
 * {@link LineRaster#target}).
 *
 * <p>Make every Graphics2D a frame is painted with through {@link #createGraphics} (the window's
 * layers, stills, exports, {@link Bands}), so the window and an exported still paint their lines the
 * same way.
 */
public final class DirectPixels {

    // the images behind the Graphics2D made here; a Graphics2D compares by identity
    private static final Map<Graphics2D, BufferedImage> TARGETS = Collections.synchronizedMap(new WeakHashMap<>());

    private DirectPixels() {
    }

    /**
     * {@code image.createGraphics()}, remembered as drawing into {@code image}'s pixels. Dispose of it
     * as usual.
     */
    public static Graphics2D createGraphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        TARGETS.put(g, image);
        return g;
    }

    /** The image {@code g} draws into, when it was made by {@link #createGraphics}; else null. */
    static BufferedImage imageOf(Graphics2D g) {
        return g == null ? null : TARGETS.get(g);
    }
}
