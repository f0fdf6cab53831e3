package dev.descent.export;

/**
 * What an exported frame says about itself, each part switchable (all on by default): the step
 * counter, the title and caption (a lesson's beat caption, or the session's title and
 * description), the legend naming every run with its hyperparameters as the window does, and the
 * aids the window draws over the plot (arrows, maps: painted through {@link SceneFrames.Aids}).
 */
public record Overlays(boolean step, boolean title, boolean legend, boolean aids) {

    public static final Overlays ALL = new Overlays(true, true, true, true);
    public static final Overlays NONE = new Overlays(false, false, false, false);

    public Overlays withStep(boolean b) {
        return new Overlays(b, title, legend, aids);
    }

    public Overlays withTitle(boolean b) {
        return new Overlays(step, b, legend, aids);
    }

    public Overlays withLegend(boolean b) {
        return new Overlays(step, title, b, aids);
    }

    public Overlays withAids(boolean b) {
        return new Overlays(step, title, legend, b);
    }
}
