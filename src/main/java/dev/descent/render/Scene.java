package dev.descent.render;

import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import java.util.Objects;

/**
 * What a static layer shows: a surface over a viewport, at a pixel size, with settings. Equal
 * scenes give equal layers, so a scene is the cache key. (Surfaces compare by identity: a surface
 * object rebuilt with the same parameters is a new scene, which costs one recomputation.)
 */
public record Scene(Surface surface, Viewport viewport, int width, int height, SceneSettings settings) {

    public Scene {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(viewport, "viewport");
        settings = settings == null ? SceneSettings.DEFAULT : settings;
        if (width < 64 || height < 64 || width > 16_384 || height > 16_384) {
            throw new IllegalArgumentException("scene size must be between 64 and 16384 pixels a side, got " + width + " × " + height);
        }
    }

    public Scene(Surface surface, int width, int height) {
        this(surface, surface.defaultViewport(), width, height, SceneSettings.DEFAULT);
    }

    public Scene withViewport(Viewport v) {
        return new Scene(surface, v, width, height, settings);
    }

    public Scene withSize(int w, int h) {
        return new Scene(surface, viewport, w, h, settings);
    }

    public Scene withSettings(SceneSettings s) {
        return new Scene(surface, viewport, width, height, s);
    }

    public Scene withSurface(Surface s) {
        return new Scene(s, viewport, width, height, settings);
    }
}
