package dev.descent.render.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * One chart of values against the step, as JFreeChart objects and without JavaFX: the lines, a
 * linear or log value axis, the scrub marker, the theme. The window shows its {@link #chart()} in
 * a ChartViewer; export draws the same chart into PNG or SVG.
 *
 * <p>{@link #setLines} replaces all lines and redraws once; the axes' ranges are computed here from
 * the finite values (the positive ones on a log axis), so zeros, negatives and NaN never upset them.
 */
public final class StepChart {

    /** How a line is drawn. */
    public enum Dash {
        SOLID, DASHED, DOTTED
    }

    /**
     * One line of the chart.
     *
     * @param label   legend and read-out name
     * @param points  the decimated series
     * @param readout the exact value at a step (from the run's history), for the hover read-out
     */
    public record Line(String label, Points points, Color color, float width, Dash dash, DoubleUnaryOperator readout) {
    }

    private final LinesDataset data = new LinesDataset();
    private final XYLineAndShapeRenderer renderer = new PathRenderer();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final NumberAxis stepAxis = new NumberAxis();
    private final boolean legend;
    private final TextTitle title;
    /** Below the plot, not inside it: inside, a legend covered the lines and was clipped at narrow sizes. */
    private final LegendTitle legendBox;
    private ValueAxis valueAxis;
    private boolean log;
    private LossScale scale; // null: values drawn as they are (every chart but the loss chart)
    private final String baseTitle;
    private ChartTheme theme = ChartTheme.LIGHT;
    private List<Line> lines = List.of();
    private long[] versions;
    private boolean stale;
    private double scrub = Double.NaN;
    private ValueMarker marker;
    private boolean labelledMarker;
    private final LinesDataset marks = new LinesDataset();
    private double[] epochStarts = new double[0];
    private final List<ValueMarker> epochMarkers = new ArrayList<>();
    private final XYLineAndShapeRenderer markRenderer = new MarkRenderer();
    private long marksVersion = -1;

    /**
     * @param legend whether a legend is drawn inside the plot (charts of one run's probes); charts of
     *               all runs go without, their colours are the runs' colours
     */
    public StepChart(String titleText, boolean log, boolean legend) {
        this.log = log;
        this.legend = legend;
        this.baseTitle = titleText;
        stepAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        stepAxis.setAutoRange(false);
        stepAxis.setLowerMargin(0);
        stepAxis.setUpperMargin(0);
        stepAxis.setNumberFormatOverride(new ChartFormat(3));
        valueAxis = makeValueAxis(log);
        plot = new XYPlot(data, stepAxis, valueAxis, renderer);
        plot.setDataset(1, marks);
        plot.setRenderer(1, markRenderer);
        markRenderer.setDefaultSeriesVisibleInLegend(false);
        plot.setDomainPannable(false);
        plot.setRangePannable(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setOutlineVisible(false);
        plot.setNoDataMessage("no steps yet");
        plot.setInsets(new RectangleInsets(2, 2, 2, 8));
        chart = new JFreeChart(null, null, plot, false);
        title = new TextTitle(titleText);
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        title.setPadding(new RectangleInsets(4, 6, 2, 4));
        chart.setTitle(title);
        chart.setPadding(new RectangleInsets(0, 0, 2, 0));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (legend) {
            LegendTitle lt = new LegendTitle(renderer);
            lt.setItemFont(ChartTheme.LIGHT.tick());
            lt.setPosition(RectangleEdge.BOTTOM);
            lt.setPadding(new RectangleInsets(1, 4, 1, 4));
            lt.setItemLabelPadding(new RectangleInsets(1, 2, 1, 6));
            lt.setFrame(BlockBorder.NONE);
            chart.addLegend(lt); // items wrap onto more rows when the chart is narrow, never clipped
            legendBox = lt;
        } else {
            legendBox = null;
        }
        applyTheme();
    }

    /**
     * Draws values through a loss scale (the loss chart): its mapping is applied by whoever feeds the
     * points (see {@link SeriesStore}); the chart puts them on a log or linear axis as the scale says,
     * labels the axis in losses, titles itself after the scale, and keeps a single outlier from
     * flattening the rest ({@link #robustRange}). Null: plain values.
     */
    public void setScale(LossScale s) {
        if (java.util.Objects.equals(s, scale)) {
            return;
        }
        scale = s;
        valueAxis = makeValueAxis(axisLog());
        plot.setRangeAxis(valueAxis);
        title.setText(s == null ? baseTitle : s.title());
        stale = true;
        applyTheme();
    }

    public LossScale scale() {
        return scale;
    }

    /** Whether the value axis is logarithmic now (the toggle, or the scale's choice). */
    public boolean axisLog() {
        return scale == null ? log : scale.logAxis();
    }

    private ValueAxis makeValueAxis(boolean logAxis) {
        ValueAxis a;
        if (scale != null && scale.kind() == LossScale.Kind.SYMLOG) {
            NumberAxis n = new NumberAxis();
            n.setAutoRangeIncludesZero(false);
            n.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // integers are ±c·10^k
            LossScale sc = scale;
            n.setNumberFormatOverride(new java.text.NumberFormat() {
                @Override
                public StringBuffer format(double v, StringBuffer b, java.text.FieldPosition pos) {
                    return b.append(ChartFormat.number(sc.unmap(v), 2));
                }

                @Override
                public StringBuffer format(long v, StringBuffer b, java.text.FieldPosition pos) {
                    return format((double) v, b, pos);
                }

                @Override
                public Number parse(String text, java.text.ParsePosition pos) {
                    return null;
                }
            });
            a = n;
        } else if (logAxis) {
            LogAxis l = new LogAxis();
            l.setBase(10);
            l.setSmallestValue(1e-300);
            l.setMinorTickMarksVisible(true);
            l.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            a = l;
        } else {
            NumberAxis n = new NumberAxis();
            n.setAutoRangeIncludesZero(false);
            n.setNumberFormatOverride(new ChartFormat(3));
            a = n;
        }
        a.setAutoRange(false);
        return a;
    }

    public JFreeChart chart() {
        return chart;
    }

    public XYPlot plot() {
        return plot;
    }

    public LinesDataset dataset() {
        return data;
    }

    public String title() {
        return title.getText();
    }

    public void setTitle(String t) {
        title.setText(t);
    }

    public boolean isLog() {
        return log;
    }

    public boolean hasLegend() {
        return legend;
    }

    /** Switches the value axis; the owner then gives lines filtered for the new axis. */
    public void setLog(boolean l) {
        if (l == log) {
            return;
        }
        log = l;
        valueAxis = makeValueAxis(l);
        chart.setNotify(false);
        plot.setRangeAxis(valueAxis);
        applyTheme();
        fitRanges();
        chart.setNotify(true);
    }

    public List<Line> lines() {
        return lines;
    }

    /** The scrub marker's step, NaN when there is none. */
    public double scrub() {
        return scrub;
    }

    /**
     * Replaces every line and redraws once; when the lines are the ones shown, drawn the same way
     * and their points have not changed since, nothing happens.
     *
     * @return whether the chart was redrawn
     */
    public boolean setLines(List<Line> newLines) {
        if (!stale && sameAsShown(newLines)) {
            return false;
        }
        stale = false;
        lines = List.copyOf(newLines);
        versions = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            versions[i] = lines.get(i).points().version();
        }
        chart.setNotify(false);
        List<String> keys = new ArrayList<>(lines.size());
        List<Points> points = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            keys.add(l.label());
            points.add(l.points());
            renderer.setSeriesPaint(i, l.color(), false);
            renderer.setSeriesStroke(i, stroke(l), false);
        }
        data.set(keys, points);
        fitRanges();
        data.changed();
        chart.setNotify(true);
        return true;
    }

    /**
     * Marks points of the chart with small upward triangles, one list per run in its colour (the loss
     * chart's uphill steps). Redraws only when the marks changed.
     */
    public void setMarks(List<Points> points, List<Color> colors) {
        long v = points.size();
        for (Points p : points) {
            v = v * 31 + p.version() * 7 + p.count() + System.identityHashCode(p);
        }
        if (v == marksVersion) {
            return;
        }
        marksVersion = v;
        List<String> keys = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            keys.add("uphill " + i);
            markRenderer.setSeriesPaint(i, colors.get(i), false);
            markRenderer.setSeriesShape(i, UPHILL_MARK, false);
        }
        marks.set(keys, points);
        marks.changed();
    }

    /**
     * The uphill mark: an upward triangle 7 pixels wide and 6 high, filled and outlined by a 1-pixel
     * line, as one shape to fill. Its edges are moved out by half a pixel, which for a triangle is a
     * scaling about the centre of its inscribed circle; the outline's mitred corners reach exactly there.
     */
    static final java.awt.Shape UPHILL_MARK = uphillMark();

    private static java.awt.Shape uphillMark() {
        double legs = 2 * Math.hypot(3.5, 6);
        double perimeter = 7 + legs;
        double inradius = 2 * 21 / perimeter; // twice the area over the perimeter
        double centreY = (7 * -4 + legs * 2) / perimeter; // the vertices weighted by the opposite sides
        double k = (inradius + 0.5) / inradius;
        java.awt.geom.Path2D.Double tri = new java.awt.geom.Path2D.Double();
        tri.moveTo(0, -4);
        tri.lineTo(3.5, 2);
        tri.lineTo(-3.5, 2);
        tri.closePath();
        java.awt.geom.AffineTransform grow = java.awt.geom.AffineTransform.getTranslateInstance(0, centreY);
        grow.scale(k, k);
        grow.translate(0, -centreY);
        return grow.createTransformedShape(tri);
    }

    /** The marks shown now (tests). */
    public LinesDataset marks() {
        return marks;
    }

    private boolean sameAsShown(List<Line> newLines) {
        if (versions == null || newLines.size() != lines.size()) {
            return false;
        }
        for (int i = 0; i < newLines.size(); i++) {
            Line a = newLines.get(i);
            Line b = lines.get(i);
            if (a.points() != b.points() || a.points().version() != versions[i] || !a.label().equals(b.label())
                    || !a.color().equals(b.color()) || a.width() != b.width() || a.dash() != b.dash()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves the scrub marker ({@code NaN}: none). It is drawn with the next {@link #setLines} (which
     * then redraws even when the lines are unchanged) or {@link #redraw()}, so a marker dragged along
     * costs one drawing per update, not one per mouse event.
     */
    public void setScrub(double step) {
        if (Double.compare(step, scrub) == 0) {
            return;
        }
        scrub = step;
        if (marker != null) {
            plot.removeDomainMarker(0, marker, Layer.FOREGROUND, false);
            marker = null;
        }
        if (!Double.isNaN(step)) {
            marker = new ValueMarker(step);
            styleMarker();
            plot.addDomainMarker(0, marker, Layer.FOREGROUND, false);
        }
        stale = true;
    }

    /**
     * Faint dashed vertical lines where an epoch begins (the selected run's, with minibatches); empty
     * for none. At most 200 are drawn (evenly thinned past that).
     *
     * @param xs Not modified.
     */
    public void setEpochStarts(double[] xs) {
        if (java.util.Arrays.equals(xs, epochStarts)) {
            return;
        }
        epochStarts = xs.clone();
        for (ValueMarker m : epochMarkers) {
            plot.removeDomainMarker(0, m, Layer.BACKGROUND, false);
        }
        epochMarkers.clear();
        int every = Math.max(1, (xs.length + 199) / 200);
        for (int i = 0; i < xs.length; i += every) {
            ValueMarker m = new ValueMarker(xs[i]);
            m.setPaint(new java.awt.Color(128, 128, 128, 110));
            m.setStroke(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                    new float[] {3f, 3f}, 0f));
            plot.addDomainMarker(0, m, Layer.BACKGROUND, false);
            epochMarkers.add(m);
        }
        stale = true;
    }

    /** The epoch starts marked now (tests). */
    public double[] epochStarts() {
        return epochStarts.clone();
    }

    /** Draws what changed without new lines (the scrub marker); nothing when nothing did. */
    public void redraw() {
        if (stale) {
            stale = false;
            chart.fireChartChanged();
        }
    }

    /** Whether a change waits for the next drawing. */
    public boolean isStale() {
        return stale;
    }

    public void setTheme(ChartTheme t) {
        if (t == theme) {
            return;
        }
        theme = t;
        chart.setNotify(false);
        applyTheme();
        chart.setNotify(true);
    }

    public ChartTheme theme() {
        return theme;
    }

    /** Whether the scrub marker says its step (off by default: the window says it once, above the charts). */
    public boolean isMarkerLabelled() {
        return labelledMarker;
    }

    public void setMarkerLabelled(boolean b) {
        labelledMarker = b;
        styleMarker();
    }

    private static Stroke stroke(Line l) {
        float w = l.width();
        return switch (l.dash()) {
            case DASHED -> new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 3.5f}, 0f);
            case DOTTED -> new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {0.5f, 3.5f}, 0f);
            default -> new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        };
    }

    private void applyTheme() {
        ChartTheme t = theme;
        chart.setBackgroundPaint(t.background());
        plot.setBackgroundPaint(t.plotBackground());
        plot.setDomainGridlinePaint(t.grid());
        plot.setRangeGridlinePaint(t.grid());
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setNoDataMessagePaint(t.muted());
        plot.setNoDataMessageFont(t.label());
        title.setPaint(t.foreground());
        title.setFont(t.title());
        for (ValueAxis a : new ValueAxis[] {stepAxis, valueAxis}) {
            a.setTickLabelPaint(t.muted());
            a.setTickLabelFont(t.tick());
            a.setLabelPaint(t.muted());
            a.setLabelFont(t.label());
            a.setAxisLinePaint(t.border());
            a.setTickMarkPaint(t.border());
            a.setTickMarkOutsideLength(3f);
            a.setMinorTickMarkOutsideLength(1.5f);
        }
        if (legendBox != null) {
            legendBox.setItemPaint(t.foreground());
            legendBox.setItemFont(t.tick());
            legendBox.setBackgroundPaint(t.background());
        }
        styleMarker();
    }

    private void styleMarker() {
        if (marker == null) {
            return;
        }
        marker.setLabel(null);
        marker.setPaint(theme.marker());
        marker.setStroke(new BasicStroke(1.4f));
        if (labelledMarker) {
            marker.setLabel("step " + ChartFormat.step(marker.getValue()));
            marker.setLabelFont(theme.tick());
            marker.setLabelPaint(theme.marker());
            marker.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            marker.setLabelOffset(new RectangleInsets(2, 3, 2, 3));
        }
    }

    /** Sets both axes' ranges from the data: steps from the first to the last, values padded by 6 %. */
    private void fitRanges() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double s0 = Double.POSITIVE_INFINITY;
        double s1 = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            Points p = l.points();
            if (p.count() > 0) {
                s0 = Math.min(s0, p.x(0));
                s1 = Math.max(s1, p.x(p.count() - 1));
            }
            double[] r = p.valueRange(axisLog());
            if (r != null) {
                lo = Math.min(lo, r[0]);
                hi = Math.max(hi, r[1]);
            }
        }
        if (scale != null && lo < hi) {
            double[] r = robustRange(lines, axisLog(), scale.kind() == LossScale.Kind.SYMLOG, lo, hi);
            lo = r[0];
            hi = r[1];
        }
        if (!(s0 <= s1)) {
            s0 = 0;
            s1 = 1;
        }
        if (s1 - s0 < 1) {
            s1 = s0 + 1;
        }
        stepAxis.setRange(new Range(s0, s1), true, false);
        plot.setInsets(new RectangleInsets(2, 2, 2, rightInset(s1)));
        valueAxis.setRange(valueRange(lo, hi, axisLog()), true, false);
    }

    /**
     * The data range with far outliers left out, so one spike (Newton's 4.7 → 1411.8, a run about to
     * diverge) does not flatten every other line: the axis reaches at most the spread of the middle 90 %
     * of the points (5th to 95th percentile, at least a decade on a log axis, 10 % of the level on a
     * linear one) three times over beyond either end of it, and always each line's first value. Points
     * past it leave the chart at its edge.
     */
    static double[] robustRange(List<Line> lines, boolean logAxis, boolean decades, double lo, double hi) {
        int n = 0;
        for (Line l : lines) {
            n += l.points().count();
        }
        double[] v = new double[n];
        int k = 0;
        for (Line l : lines) {
            Points p = l.points();
            for (int i = 0; i < p.count(); i++) {
                double y = p.y(i);
                if (Double.isFinite(y) && (!logAxis || y > 0)) {
                    v[k++] = logAxis ? Math.log10(y) : y;
                }
            }
        }
        if (k < 20) {
            return new double[] {lo, hi};
        }
        java.util.Arrays.sort(v, 0, k);
        double q05 = v[(int) (0.05 * (k - 1))];
        double q95 = v[(int) Math.ceil(0.95 * (k - 1))];
        // decades on a log or symmetric-log axis; a tenth of the level on a linear one
        double floor = logAxis || decades ? 1 : 0.1 * Math.max(Math.abs(q05), Math.abs(q95));
        double spread = Math.max(q95 - q05, floor);
        if (spread == 0) {
            spread = 1;
        }
        double a = Math.max(v[0], q05 - 3 * spread);
        double b = Math.min(v[k - 1], q95 + 3 * spread);
        for (Line l : lines) { // every line's start stays in view: it is where the run began, not an outlier
            Points p = l.points();
            for (int i = 0; i < p.count(); i++) {
                double y = p.y(i);
                if (Double.isFinite(y) && (!logAxis || y > 0)) {
                    double w = logAxis ? Math.log10(y) : y;
                    a = Math.min(a, w);
                    b = Math.max(b, w);
                    break;
                }
            }
        }
        return logAxis ? new double[] {Math.pow(10, a), Math.pow(10, b)} : new double[] {a, b};
    }

    /**
     * Room right of the plot for half of the last step's tick label, which is centred on the plot's
     * right edge and was clipped there ("100(").
     */
    private double rightInset(double lastStep) {
        String label = ChartFormat.step(lastStep) + "0"; // a tick label is at most one digit wider
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        double w = theme.tick().getStringBounds(label, frc).getWidth();
        return Math.max(8, Math.ceil(w / 2) + 3);
    }

    /** The value axis range for finite data in [lo, hi] (none: lo > hi). */
    static Range valueRange(double lo, double hi, boolean logAxis) {
        if (logAxis) {
            if (!(lo <= hi) || !(lo > 0)) {
                return new Range(0.1, 10);
            }
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            if (b - a < 1) {
                double mid = (a + b) / 2;
                a = mid - 0.5;
                b = mid + 0.5;
            }
            double pad = (b - a) * 0.06;
            return new Range(Math.pow(10, a - pad), Math.pow(10, b + pad));
        }
        if (!(lo <= hi)) {
            return new Range(0, 1);
        }
        double span = hi - lo;
        if (span <= Math.abs(hi) * 1e-9 || span == 0) {
            double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            return new Range(lo - d, hi + d);
        }
        return new Range(lo - span * 0.06, hi + span * 0.06);
    }

    // ---- pixels <-> steps (the window's pointer, tests) -----------------------------------------

    /** The step under horizontal position {@code px} of a drawing whose data area is {@code area}. */
    public double stepAt(double px, Rectangle2D area) {
        return stepAxis.java2DToValue(px, area, RectangleEdge.BOTTOM);
    }

    /** The horizontal position of {@code step} in a drawing whose data area is {@code area}. */
    public double xOf(double step, Rectangle2D area) {
        return stepAxis.valueToJava2D(step, area, RectangleEdge.BOTTOM);
    }
}
