package dev.descent.render.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * A renderer that draws a whole series at once, when JFreeChart asks for its first visible item, in
 * one pass: JFreeChart's own renderers draw item by item (a line or a shape each), which is what
 * made a chart of a few thousand points slow to draw and, on the window's canvas, slow to paint.
 */
abstract class SeriesRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;

    private transient boolean[] drawn = new boolean[0];

    SeriesRenderer(boolean lines, boolean shapes) {
        super(lines, shapes);
        setDefaultCreateEntities(false);
    }

    @Override
    public int getPassCount() {
        return 1;
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset data,
                                          PlotRenderingInfo info) {
        int n = data == null ? 0 : data.getSeriesCount();
        if (drawn == null || drawn.length < n) {
            drawn = new boolean[n];
        } else {
            java.util.Arrays.fill(drawn, false);
        }
        return super.initialise(g2, dataArea, plot, data, info);
    }

    @Override
    public final void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                               XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                               int item, CrosshairState crosshairState, int pass) {
        if (series >= drawn.length || drawn[series] || !getItemVisible(series, item)) {
            return;
        }
        drawn[series] = true;
        drawSeries(g2, dataArea, plot, domainAxis, rangeAxis, dataset, series, item);
    }

    /** Draws every item of {@code series}; {@code item} is its first visible one (whose paint and stroke it takes). */
    abstract void drawSeries(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                             XYDataset dataset, int series, int item);
}
