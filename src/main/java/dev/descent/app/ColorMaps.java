package dev.descent.app;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Perceptually uniform colour maps for the stand-in painter (anchor colours of matplotlib's maps,
 * interpolated). The render package brings the full tables.
 */
public final class ColorMaps {

    public static final List<String> NAMES = List.of("viridis", "cividis", "magma", "inferno", "grey");

    private static final Map<String, int[]> ANCHORS = Map.of(
            "viridis", new int[] {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725},
            "cividis", new int[] {0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173, 0x8a8678, 0xa59c74, 0xc3b369, 0xe1cc55, 0xfee838},
            "magma", new int[] {0x000004, 0x180f3d, 0x440f76, 0x721f81, 0x9e2f7f, 0xcd4071, 0xf1605d, 0xfd9668, 0xfeca8d, 0xfcfdbf},
            "inferno", new int[] {0x000004, 0x1b0c41, 0x4a0c6b, 0x781c6d, 0xa52c60, 0xcf4446, 0xed6925, 0xfb9b06, 0xf7d13d, 0xfcffa4},
            "grey", new int[] {0x202020, 0xf0f0f0});

    private ColorMaps() {
    }

    /** The colour at {@code u} in [0, 1] as opaque ARGB. Unknown names fall back to viridis. */
    public static int argb(String name, double u) {
        int[] a = ANCHORS.getOrDefault(name == null ? "viridis" : name.toLowerCase(Locale.ROOT), ANCHORS.get("viridis"));
        double t = Math.max(0, Math.min(1, u)) * (a.length - 1);
        int k = Math.min(a.length - 2, (int) t);
        double f = t - k;
        int c0 = a[k];
        int c1 = a[k + 1];
        int r = (int) Math.round(((c0 >> 16) & 0xff) * (1 - f) + ((c1 >> 16) & 0xff) * f);
        int g = (int) Math.round(((c0 >> 8) & 0xff) * (1 - f) + ((c1 >> 8) & 0xff) * f);
        int b = (int) Math.round((c0 & 0xff) * (1 - f) + (c1 & 0xff) * f);
        return 0xff000000 | (r << 16) | (g << 8) | b;
    }
}
