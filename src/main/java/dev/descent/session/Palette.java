package dev.descent.session;

import java.util.List;

/**
 * Run colours: the Okabe–Ito palette, which stays distinguishable for the common colour-vision
 * deficiencies; black is replaced by white because trajectories are drawn over dark colour maps
 * (every trail gets a dark halo, so white and yellow stay visible on light regions too).
 */
public final class Palette {

    public static final List<String> RUN_COLORS = List.of(
            "#E69F00", // orange
            "#56B4E9", // sky blue
            "#F0E442", // yellow
            "#D55E00", // vermillion
            "#009E73", // bluish green
            "#CC79A7", // reddish purple
            "#FFFFFF", // white
            "#0072B2"  // blue
    );

    private Palette() {
    }

    /** The first palette colour not in {@code used}, or the k-th when all are used. */
    public static String next(List<String> used, int k) {
        for (String c : RUN_COLORS) {
            if (used.stream().noneMatch(u -> u != null && u.equalsIgnoreCase(c))) {
                return c;
            }
        }
        return RUN_COLORS.get(Math.floorMod(k, RUN_COLORS.size()));
    }
}
