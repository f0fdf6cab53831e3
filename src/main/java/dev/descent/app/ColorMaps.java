package dev.descent.app;

import dev.descent.render.ColorMap;
import java.util.List;

/** The colour maps the View menu offers: those of {@code dev.descent.render.ColorMap}. */
public final class ColorMaps {

    public static final List<String> NAMES = ColorMap.all().stream().map(ColorMap::name).toList();

    private ColorMaps() {
    }
}
