package dev.descent.export;

import dev.descent.export.session.Session;
import dev.descent.optim.RoleVector;
import dev.descent.render.ArrowPainter;
import dev.descent.render.ColorMap;
import dev.descent.render.OverlaySettings;
import dev.descent.render.Scene;
import dev.descent.render.SceneSettings;
import dev.descent.render.ScenePainter;
import dev.descent.render.StaticLayer;
import dev.descent.render.Style;
import dev.descent.render.TrajectorySnapshot;
import dev.descent.sim.HeadArrows;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of an export, drawn by the render package's painters exactly as the window draws
 * them: the cached {@link StaticLayer} of the session's surface, viewport and look (computed once),
 * then the visible runs' trajectories, markers and legend up to the frame's step, and optionally a
 * loss chart (JFreeChart) beside the plot. {@link #paint} may be called from several threads at once.
 */
public final class SceneFrames implements FramePainter {

    /** The share of the width the chart takes when charts are on. */
    public static final double CHART_SHARE = 0.36;

    private final ExportRuns runs;
    private final List<SimulatedRun> shown;
    private final int width;
    private final int height;
    private final StaticLayer layer;
    private final OverlaySettings overlay;
    /** One chart per thread: a chart holds the step it draws (frames may be drawn in parallel). */
    private final ThreadLocal<LossChart> chart;
    private final Rectangle2D chartArea;
    private final ArrowPainter.Settings arrows;
    private final List<List<RoleVector>> declared;

    /**
     * @param lastStep the last step any frame shows (fixes the chart's axes)
     * @throws IllegalArgumentException for a size the painters cannot draw
     */
    public SceneFrames(ExportRuns runs, int width, int height, boolean charts, long lastStep) {
        this(runs, width, height, charts, lastStep, null);
    }

    /**
     * As {@link #SceneFrames(ExportRuns, int, int, boolean, long)}, drawing the arrows of each run's
     * last step (null: none).
     */
    public SceneFrames(ExportRuns runs, int width, int height, boolean charts, long lastStep, ArrowPainter.Settings arrows) {
        this.arrows = arrows;
        this.declared = new ArrayList<>();
        for (SimulatedRun r : runs.shown()) {
            declared.add(arrows == null ? List.of()
                    : dev.descent.export.session.Sessions.spec(runs.surface(), r.model()).optimizer().newStepper(2).vectors());
        }
        this.runs = runs;
        this.shown = runs.shown();
        this.width = width;
        this.height = height;
        int plotWidth = charts ? (int) Math.round(width * (1 - CHART_SHARE)) : width;
        Session s = runs.session();
        SceneSettings settings = settings(s);
        this.layer = StaticLayer.render(new Scene(runs.surface(), runs.viewport(), plotWidth, height, settings));
        this.overlay = OverlaySettings.DEFAULT.withTrailLength(s.trail());
        if (charts) {
            Style style = layer.style();
            this.chart = ThreadLocal.withInitial(() -> new LossChart(shown, lastStep, style));
            double pad = style.px(8);
            this.chartArea = new Rectangle2D.Double(plotWidth, pad, width - plotWidth - 3 * pad, height - 2 * pad);
        } else {
            this.chart = null;
            this.chartArea = null;
        }
    }

    /** The session's look as the render package's settings. */
    public static SceneSettings settings(Session s) {
        return SceneSettings.DEFAULT.withColorMap(ColorMap.byName(s.colorMap()))
                .withContourLines(s.contourLines())
                .withGradientField(s.gradientField());
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    public StaticLayer layer() {
        return layer;
    }

    public ExportRuns runs() {
        return runs;
    }

    /** The pixel position of a data point in the frame (tests: where a trajectory must be). */
    public double[] toPixel(double x, double y) {
        return new double[] {layer.transform().toPixelX(x), layer.transform().toPixelY(y)};
    }

    @Override
    public void paint(Graphics2D g, long step) {
        if (chart != null) {
            g.setColor(layer.style().background());
            g.fillRect(layer.width(), 0, width - layer.width(), height);
        }
        ScenePainter.paintFrame(g, layer, snapshots(step), overlay);
        if (arrows != null) {
            ArrowPainter.paint(g, layer.transform(), layer.style(), arrows(step), arrows);
        }
        if (chart != null) {
            chart.get().draw(g, chartArea, step);
        }
    }

    /** A new opaque image of the frame. */
    public BufferedImage render(long step) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paint(g, step);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Each shown run's arrows for the step that reached {@code step} (none at the start). */
    public List<List<HeadArrows.Arrow>> arrows(long step) {
        List<List<HeadArrows.Arrow>> out = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            SimulatedRun r = shown.get(i);
            int row = r.rowsAt(step) - 1;
            if (row < 1) {
                out.add(List.of());
                continue;
            }
            double[] start = {r.xs()[row - 1], r.ys()[row - 1]};
            double[] end = {r.xs()[row], r.ys()[row]};
            out.add(HeadArrows.resolve(declared.get(i), name -> {
                int k = r.probeNames().indexOf(name);
                return k < 0 ? null : new double[] {r.probes()[2 * k][row], r.probes()[2 * k + 1][row]};
            }, start, end));
        }
        return out;
    }

    private List<TrajectorySnapshot> snapshots(long step) {
        List<TrajectorySnapshot> out = new ArrayList<>(shown.size());
        for (SimulatedRun r : shown) {
            int n = r.rowsAt(step);
            out.add(new TrajectorySnapshot(r.color(), r.label(), r.xs(), r.ys(), n, 0, r.xs()[0], r.ys()[0], r.divergedAt(step),
                    r.costs() == null ? null : r.costs()[0]));
        }
        return out;
    }
}
