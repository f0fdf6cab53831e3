package dev.descent.render.charts;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.Set;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/**
 * Marks without the per-item work: a series' marks are filled as one shape when JFreeChart asks for
 * its first item, one mark per pixel (marks on the same pixel look the same). Filling and outlining
 * 256 marks a run one by one cost up to 25 ms a loss chart when the window drew its charts through
 * JavaFX's canvas under the software pipeline; one shape costs about what its pixels do. Paint and shape are the usual ones of the
 * series; marks are filled, not outlined (a mark that should look outlined is given grown: stroking
 * every mark's outline cost the renderer twice the filling).
 */
final class MarkRenderer extends SeriesRenderer {

    private static final long serialVersionUID = 1L;

    MarkRenderer() {
        super(false, true);
    }

    @Override
    void drawSeries(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                    XYDataset dataset, int series, int item) {
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        Shape mark = getItemShape(series, item);
        Path2D.Double all = new Path2D.Double();
        Set<Long> pixels = new HashSet<>();
        AffineTransform at = new AffineTransform();
        Rectangle2D near = new Rectangle2D.Double(dataArea.getX() - 8, dataArea.getY() - 8,
                dataArea.getWidth() + 16, dataArea.getHeight() + 16); // a mark there still shows in part
        int count = dataset.getItemCount(series);
        for (int i = 0; i < count; i++) {
            double px = domainAxis.valueToJava2D(dataset.getXValue(series, i), dataArea, xEdge);
            double py = rangeAxis.valueToJava2D(dataset.getYValue(series, i), dataArea, yEdge);
            if (!Double.isFinite(px) || !Double.isFinite(py) || !near.contains(px, py)) {
                continue;
            }
            if (pixels.add(Math.round(px) * 1_000_003L + Math.round(py))) {
                at.setToTranslation(px, py);
                all.append(mark.getPathIterator(at), false);
            }
        }
        g2.setPaint(getItemPaint(series, item));
        g2.fill(all);
    }
}
