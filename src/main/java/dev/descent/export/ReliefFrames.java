package dev.descent.export;

import dev.descent.render.Camera3D;
import dev.descent.render.ColorMap;
import dev.descent.render.Relief;
import dev.descent.render.ReliefDrawing;
import dev.descent.render.Style;
import dev.descent.session.SessionConfig;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of an export of the 3-D view (File → Export while it is shown, {@code render --view 3d}):
 * the relief from the options' camera, the runs on it up to each frame's step, with the step
 * counter, title and caption as the plot's frames have them.
 */
final class ReliefFrames implements FramePainter {

    /** Nodes per side of the relief's mesh: finer than the window's, a frame is drawn once. */
    static final int GRID = 160;

    private final ExportRuns runs;
    private final int width;
    private final int height;
    private final Overlays overlays;
    private final boolean dark;
    private final Style style;
    private final ThreadLocal<ReliefDrawing> drawing;

    ReliefFrames(ExportRuns runs, int width, int height, Overlays overlays, boolean dark, Camera3D camera) {
        this.runs = runs;
        this.width = width;
        this.height = height;
        this.overlays = overlays;
        this.dark = dark;
        this.style = Style.forSize(width, height, 1, dark);
        SessionConfig s = runs.session();
        // the session's basin map draped over the relief, as the plot's frames paint it under the runs
        MapUnderlay.Picture basins = overlays.aids()
                ? MapUnderlay.of(s, runs.surface(), runs.viewport(), width, height, Runtime.getRuntime().availableProcessors())
                : null;
        ReliefDrawing base = Relief.of(runs.surface(), runs.viewport(), ColorMap.orDefault(s.colorMap()), GRID)
                .draw(camera, width, height, s.contourLines(), dark, basins == null ? null : MapUnderlay.drape(basins));
        // each worker draws its own frames' paths on the shared relief
        this.drawing = ThreadLocal.withInitial(base::copy);
    }

    static ReliefFrames of(ExportRuns runs, ExportOptions o) {
        return new ReliefFrames(runs, o.width(), o.height(), o.overlays(), o.dark(), o.camera());
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public ExportRuns runs() {
        return runs;
    }

    @Override
    public Color text() {
        return style.text();
    }

    @Override
    public void paint(Graphics2D g, long step) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        drawing.get().paint(shown(step), style, img);
        g.drawImage(img, 0, 0, null);
        SessionConfig s = runs.session();
        SceneFrames.paintWords(g, width, height, 0, style.unit(), overlays.step() ? SceneFrames.shownStep(runs.shown(), step) : -1,
                overlays.title() ? s.title() : null, overlays.title() ? s.description() : null, dark);
    }

    private List<Relief.Run> shown(long step) {
        int trail = runs.session().trail();
        List<Relief.Run> out = new ArrayList<>();
        for (SimulatedRun r : runs.shown()) {
            int n = r.rowsAt(step);
            out.add(new Relief.Run(r.color(), overlays.legend() ? r.legend() : r.label(), r.xs(), r.ys(), r.loss(), n,
                    trail > 0 ? Math.max(0, n - trail) : 0, r.xs()[0], r.ys()[0], false, r.divergedAt(step)));
        }
        return out;
    }
}
