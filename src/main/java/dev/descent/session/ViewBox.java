package dev.descent.session;

import dev.descent.math.Viewport;

/** The part of the plane the plot shows (JSON-friendly twin of {@link Viewport}). */
public record ViewBox(double xMin, double xMax, double yMin, double yMax) {

    public static ViewBox of(Viewport v) {
        return new ViewBox(v.xMin(), v.xMax(), v.yMin(), v.yMax());
    }

    /** @throws IllegalArgumentException when the bounds are not finite or not ordered */
    public Viewport toViewport() {
        return new Viewport(xMin, xMax, yMin, yMax);
    }
}
