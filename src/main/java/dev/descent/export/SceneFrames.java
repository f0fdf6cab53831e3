package dev.descent.export;

import dev.descent.session.SessionConfig;
import dev.descent.render.ColorMap;
import dev.descent.render.LegendPainter;
import dev.descent.render.OverlaySettings;
import dev.descent.render.PlotPainter;
import dev.descent.render.PlotTransform;
import dev.descent.render.PresenterPainter;
import dev.descent.render.Scene;
import dev.descent.render.SceneSettings;
import dev.descent.render.ScenePainter;
import dev.descent.render.StaticLayer;
import dev.descent.render.Style;
import dev.descent.render.TrajectorySnapshot;
import dev.descent.render.charts.ChartTheme;
import dev.descent.render.charts.LossLines;
import dev.descent.render.charts.LossScale;
import dev.descent.render.charts.Points;
import dev.descent.render.charts.StepChart;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of an export, drawn as the window draws them: the plot through
 * {@link PlotPainter}'s look (equal aspect, the session's colour map, contours and gradient field)
 * and the render package's painters, the window's own loss chart ({@link StepChart} with its
 * {@link LossScale} — f − f* on a log axis or a symmetric log — and the ▲ of every uphill step), and
 * the overlays the frame carries ({@link Overlays}): the step counter and the title and caption as
 * presenter mode draws them, the legend with every run's optimizer and settings. Sizes scale with
 * the frame (the chart is drawn at screen size and scaled), so a 4K frame is the 720p frame, sharper.
 * {@link #paint} may be called from several threads at once.
 */
public final class SceneFrames implements FramePainter {

    /** The share of the frame the chart takes when charts are on. */
    public static final double CHART_SHARE = 0.36;

    /**
     * Aids painted over the plot after the runs, before the labels: the hook for the window's
     * arrows and maps (its transform maps data to the plot's pixels).
     */
    @FunctionalInterface
    public interface Aids {
        void paint(Graphics2D g, PlotTransform transform, Style style, long step);
    }

    private final ExportRuns runs;
    private final boolean dark;
    private final ChartTheme theme;
    private final List<SimulatedRun> shown;
    private final int width;
    private final int height;
    private final StaticLayer layer;
    /** The kinds of stationary points the plot shows, for the legend's key. */
    private final java.util.List<dev.descent.math.CriticalPoint.Kind> marks;
    private final OverlaySettings overlay;
    private final Overlays overlays;
    private final String title;
    private final String caption;
    private final Aids aids;
    /** The field with the session's basin map under the contours (an aid), or null: the layer's image. */
    private final BufferedImage background;
    private final MapUnderlay.Picture map;
    private final Rectangle plotArea;
    private final Rectangle2D chartArea;
    private final LossScale scale;
    /** The chart's sizes are the screen's times this. */
    private final double unit;
    /** One chart per thread: a chart holds the lines it draws (frames may be drawn in parallel). */
    private final ThreadLocal<StepChart> chart;

    /** Every overlay on; the session's title and description as the caption. */
    public SceneFrames(ExportRuns runs, int width, int height, boolean charts, long lastStep) {
        this(runs, width, height, charts, lastStep, Overlays.ALL, null, null, null);
    }

    /**
     * @param title   the title overlay; null: the session's name
     * @param caption the caption overlay; null: the session's description
     * @param aids    painted over the plot when {@code overlays.aids()}; may be null
     * @throws IllegalArgumentException for a size the painters cannot draw
     */
    public SceneFrames(ExportRuns runs, int width, int height, boolean charts, long lastStep, Overlays overlays,
            String title, String caption, Aids aids) {
        this(runs, width, height, charts, lastStep, overlays, title, caption, aids, false);
    }

    /** As above, in the dark theme when {@code dark} (the window's View → Dark). */
    public SceneFrames(ExportRuns runs, int width, int height, boolean charts, long lastStep, Overlays overlays,
            String title, String caption, Aids aids, boolean dark) {
        this.dark = dark;
        this.theme = dark ? ChartTheme.DARK : ChartTheme.LIGHT;
        this.runs = runs;
        this.shown = runs.shown();
        this.width = width;
        this.height = height;
        this.overlays = overlays == null ? Overlays.ALL : overlays;
        SessionConfig s = runs.session();
        this.title = title != null ? title : s.title();
        this.caption = caption != null ? caption : s.description();
        this.aids = aids;
        // wide frames put the chart beside the plot, tall ones below it (the window's place)
        boolean beside = width >= 1.2 * height;
        int pw = charts && beside ? (int) Math.round(width * (1 - CHART_SHARE)) : width;
        int ph = charts && !beside ? (int) Math.round(height * (1 - CHART_SHARE)) : height;
        this.plotArea = new Rectangle(0, 0, pw, ph);
        this.layer = StaticLayer.render(new Scene(runs.surface(), runs.viewport(), pw, ph, settings(s, dark)));
        this.marks = ScenePainter.marksInView(layer, layer.transform());
        this.overlay = OverlaySettings.DEFAULT.withTrailLength(s.trail()).withLegend(this.overlays.legend());
        // the session's basin map, computed once: it does not change from frame to frame
        this.map = this.overlays.aids() ? MapUnderlay.of(s, runs.surface(), layer, Runtime.getRuntime().availableProcessors()) : null;
        this.background = map == null ? null : MapUnderlay.background(layer, map, LegendPainter.Corner.TOP_LEFT);
        this.unit = Style.forSize(width, height, 1).unit();
        this.scale = LossScale.of(runs.surface(), true);
        if (charts) {
            double pad = Math.round(6 * unit);
            this.chartArea = beside
                    ? new Rectangle2D.Double(pw + pad, pad, width - pw - 2 * pad, height - 2 * pad)
                    : new Rectangle2D.Double(pad, ph + pad, width - 2 * pad, height - ph - 2 * pad);
            this.chart = ThreadLocal.withInitial(this::newChart);
        } else {
            this.chartArea = null;
            this.chart = null;
        }
    }

    /** The frames an export with these options draws. */
    public static SceneFrames of(ExportRuns runs, ExportOptions o) {
        return new SceneFrames(runs, o.width(), o.height(), o.charts(), o.lastStep(), o.overlays(), null, null,
                o.arrows() == null ? null : new RunArrows(runs, o.arrows()), o.dark());
    }

    /** The session's look as the window draws it (equal aspect: one unit as long on x as on y). */
    public static SceneSettings settings(SessionConfig s) {
        return settings(s, false);
    }

    /** The session's look in the light or dark theme. */
    public static SceneSettings settings(SessionConfig s, boolean dark) {
        return new PlotPainter.Look(s.colorMap(), s.contourLines(), s.gradientField(), dark).settings();
    }

    private StepChart newChart() {
        StepChart c = new StepChart(scale.title(), scale.logAxis(), false);
        c.setTheme(theme);
        c.setScale(scale);
        return c;
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

    /** The session's basin map drawn under every frame's plot, or null without one (or without aids). */
    public MapUnderlay.Picture map() {
        return map;
    }

    @Override
    public ExportRuns runs() {
        return runs;
    }

    /** Where the plot is in the frame. */
    public Rectangle plotArea() {
        return new Rectangle(plotArea);
    }

    /** Where the chart is in the frame, or null without one. */
    public Rectangle2D chartArea() {
        return chartArea == null ? null : (Rectangle2D) chartArea.clone();
    }

    /** The loss scale of the chart (the window's for this surface with log on). */
    public LossScale scale() {
        return scale;
    }

    /** The pixel position of a data point in the frame (tests: where a trajectory must be). */
    public double[] toPixel(double x, double y) {
        return new double[] {layer.transform().toPixelX(x), layer.transform().toPixelY(y)};
    }

    @Override
    public void paint(Graphics2D g, long step) {
        Style style = layer.style();
        if (chartArea != null) {
            g.setColor(theme.background());
            g.fillRect(0, 0, width, height);
        }
        g.drawImage(background != null ? background : layer.image(), 0, 0, null);
        // the legend with its key to the marks, as the window's
        ScenePainter.paintOverlay(g, layer.transform(), layer.style(), snapshots(step), overlay, -1, null, null, marks, null);
        if (aids != null && overlays.aids()) {
            aids.paint(g, layer.transform(), layer.style(), step);
        }
        // inside the plot's axes: the words bottom left, the counter bottom right (the legend takes the top)
        PlotTransform t = layer.transform();
        Graphics2D p = (Graphics2D) g.create((int) Math.round(t.left()), (int) Math.round(t.top()),
                (int) Math.round(t.width()), (int) Math.round(t.height()));
        try {
            // the arrows' scale note keeps the plot's bottom left line: the words sit above it
            double note = aids instanceof RunArrows && overlays.aids() ? RunArrows.noteHeight(style) : 0;
            paintWords(p, t.width(), t.height(), note, unit, overlays.step() ? shownStep(step) : -1,
                    overlays.title() ? title : null, overlays.title() ? caption : null, dark);
        } finally {
            p.dispose();
        }
        if (chartArea != null) {
            paintChart(g, step);
        }
    }

    /**
     * A frame's step counter (bottom right; none when {@code counter} &lt; 0) and its title and caption
     * (bottom left, above a note {@code note} px high) in a {@code w × h} area: presenter mode's sizes
     * at 720p, scaled with the frame ({@code unit}); a small frame keeps the title alone.
     */
    static void paintWords(Graphics2D g, double w, double h, double note, double unit, long counter, String title,
                           String caption, boolean dark) {
        boolean words = (title != null && !title.isBlank()) || (caption != null && !caption.isBlank());
        if (counter < 0 && !words) {
            return;
        }
        double s = Math.max(0.45, Math.min(unit * 0.8, w / 700.0));
        boolean room = w >= 480 * unit && h >= 260 * unit;
        PresenterPainter.paintLabels(g, (int) Math.round(w), (int) Math.round(h - note), counter, words ? title : null,
                words && room ? caption : null, s, dark, true);
    }

    private long shownStep(long step) {
        return shownStep(shown, step);
    }

    /** The step the counter shows, as the window's: the furthest any of the runs has come by the frame's step. */
    static long shownStep(List<SimulatedRun> shown, long step) {
        long most = 0;
        for (SimulatedRun r : shown) {
            most = Math.max(most, r.rowsAt(step) - 1);
        }
        return shown.isEmpty() ? step : most;
    }

    /**
     * The loss chart as frame {@code step} draws it (lines and uphill marks up to that step), or
     * null without charts. The calling thread's own chart.
     */
    public StepChart chartAt(long step) {
        if (chart == null) {
            return null;
        }
        StepChart c = chart.get();
        List<StepChart.Line> lines = new ArrayList<>();
        List<Points> marks = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (SimulatedRun r : shown) {
            int rows = r.rowsAt(step);
            Color color = theme.runColor(r.color());
            lines.add(new StepChart.Line(r.label(), LossLines.loss(r.loss(), rows, scale), color, 1.5f, StepChart.Dash.SOLID, null));
            marks.add(LossLines.uphill(r.loss(), r.costs() == null ? null : r.costs()[0], rows, scale));
            colors.add(color);
        }
        c.setLines(lines);
        c.setMarks(marks, colors);
        return c;
    }

    private void paintChart(Graphics2D g, long step) {
        StepChart c = chartAt(step);
        Graphics2D cg = (Graphics2D) g.create();
        try {
            // drawn at the window's size, scaled: fonts, strokes and marks grow with the frame
            cg.translate(chartArea.getX(), chartArea.getY());
            cg.transform(AffineTransform.getScaleInstance(unit, unit));
            c.chart().draw(cg, new Rectangle2D.Double(0, 0, chartArea.getWidth() / unit, chartArea.getHeight() / unit));
        } finally {
            cg.dispose();
        }
    }

    @Override
    public java.awt.Color text() {
        return layer.style().text();
    }

    private List<TrajectorySnapshot> snapshots(long step) {
        List<TrajectorySnapshot> out = new ArrayList<>(shown.size());
        for (SimulatedRun r : shown) {
            int n = r.rowsAt(step);
            String label = overlays.legend() ? r.legend() : r.label();
            out.add(new TrajectorySnapshot(r.color(), label, r.xs(), r.ys(), n, 0, r.xs()[0], r.ys()[0], r.divergedAt(step),
                    r.costs() == null ? null : r.costs()[0]));
        }
        return out;
    }
}
