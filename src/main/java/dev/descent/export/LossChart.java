package dev.descent.export;

import dev.descent.render.Style;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * Loss against step for every visible run, drawn with JFreeChart's plain Java2D API
 * ({@link JFreeChart#draw(Graphics2D, Rectangle2D)}), so it goes into exported frames and SVG alike.
 * The axes are fixed over the whole export (they do not jump from frame to frame); each frame shows
 * the runs up to its step. The loss axis is logarithmic when every loss is positive and they span
 * more than a decade and a half.
 */
public final class LossChart {

    private final JFreeChart chart;
    private final Dataset data;

    public LossChart(List<SimulatedRun> runs, long lastStep, Style style) {
        data = new Dataset(runs);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SimulatedRun r : runs) {
            for (int i = 0; i < r.rowsAt(lastStep); i++) {
                double v = r.loss()[i];
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        Font tick = style.tickFont().deriveFont(style.tickFont().getSize2D() * 0.85f);
        Font label = style.tickFont();
        NumberAxis x = new NumberAxis("step");
        x.setRange(0, Math.max(1, lastStep));
        ValueAxis y;
        if (lo > 0 && hi / lo > 30) {
            // steep losses: whole decades on a log axis
            LogAxis log = new LogAxis("loss");
            log.setBase(10);
            log.setSmallestValue(Math.max(lo, 1e-300));
            double pad = Math.pow(hi / lo, 0.04);
            log.setRange(lo / pad, hi * pad);
            double decades = Math.log10(hi / lo);
            log.setAutoTickUnitSelection(false);
            log.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(decades / 8))), false, false);
            y = log;
        } else {
            NumberAxis lin = new NumberAxis("loss");
            double pad = (hi - lo) * 0.04 + 1e-12;
            lin.setRange(lo - pad, hi + pad);
            y = lin;
        }
        for (ValueAxis a : List.of(x, y)) {
            a.setTickLabelFont(tick);
            a.setLabelFont(label);
            a.setTickLabelPaint(style.text());
            a.setLabelPaint(style.text());
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < runs.size(); i++) {
            Color c = runs.get(i).color();
            // a white run (drawn with a dark halo on the plot) would vanish on the chart's light background
            renderer.setSeriesPaint(i, c.getRed() + c.getGreen() + c.getBlue() > 3 * 225 ? new Color(0x555555) : c);
            renderer.setSeriesStroke(i, new BasicStroke(style.px(2)));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(new Color(0xF4, 0xF4, 0xF4));
        plot.setDomainGridlinePaint(new Color(0xD0, 0xD0, 0xD0));
        plot.setRangeGridlinePaint(new Color(0xD0, 0xD0, 0xD0));
        plot.setOutlineVisible(false);
        chart = new JFreeChart(null, style.titleFont(), plot, false);
        chart.setTitle(new TextTitle("Loss", style.titleFont()));
        chart.getTitle().setPaint(style.text());
        chart.setBackgroundPaint(style.background());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setNotify(false);
    }

    /** Draws the chart in {@code area} showing every run up to {@code step}. */
    public void draw(Graphics2D g, Rectangle2D area, long step) {
        data.step = step;
        chart.draw(g, area, (ChartRenderingInfo) null);
    }

    /** The runs' loss columns, cut at the frame's step. */
    private static final class Dataset extends AbstractXYDataset {
        private final List<SimulatedRun> runs;
        long step;

        Dataset(List<SimulatedRun> runs) {
            this.runs = runs;
        }

        @Override
        public int getSeriesCount() {
            return runs.size();
        }

        @Override
        public Comparable<?> getSeriesKey(int series) {
            return series + ": " + runs.get(series).label();
        }

        @Override
        public int getItemCount(int series) {
            return runs.get(series).rowsAt(step);
        }

        @Override
        public Number getX(int series, int item) {
            return item;
        }

        @Override
        public double getXValue(int series, int item) {
            return item;
        }

        @Override
        public Number getY(int series, int item) {
            return getYValue(series, item);
        }

        @Override
        public double getYValue(int series, int item) {
            double v = runs.get(series).loss()[item];
            return Double.isFinite(v) ? v : Double.NaN;
        }
    }
}
