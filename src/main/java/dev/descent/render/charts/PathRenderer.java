package dev.descent.render.charts;

import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/**
 * Lines without the per-item work: the whole series is drawn as one path when JFreeChart asks for
 * its first item, keeping per pixel column only its first, lowest, highest and last point (so a few
 * thousand points cost about as much as the pixels they cover, and no spike is lost). NaN values break the line; values a log axis
 * cannot show are skipped. Paint, stroke and legend are the usual ones of the series.
 */
final class PathRenderer extends SeriesRenderer {

    /** The points of one pixel column, in drawing order: first, lowest, highest, last. */
    private static final class Column {
        boolean empty = true;
        long column;
        int n;
        double firstX;
        double firstY;
        double lastX;
        double lastY;
        double loX;
        double loY;
        double hiX;
        double hiY;
        int loAt;
        int hiAt;

        void add(long c, double x, double y) {
            if (empty) {
                empty = false;
                column = c;
                n = 0;
                firstX = x;
                firstY = y;
                loX = x;
                loY = y;
                hiX = x;
                hiY = y;
                loAt = 0;
                hiAt = 0;
            } else {
                if (y < loY) {
                    loX = x;
                    loY = y;
                    loAt = n;
                }
                if (y > hiY) {
                    hiX = x;
                    hiY = y;
                    hiAt = n;
                }
            }
            lastX = x;
            lastY = y;
            n++;
        }

        /** Appends the column to the path; returns whether the path is open (drawing) afterwards. */
        boolean flush(Path2D.Double p, boolean open) {
            if (empty) {
                return open;
            }
            point(p, firstX, firstY, open);
            if (n > 1) {
                if (loAt <= hiAt) {
                    p.lineTo(loX, loY);
                    p.lineTo(hiX, hiY);
                } else {
                    p.lineTo(hiX, hiY);
                    p.lineTo(loX, loY);
                }
                p.lineTo(lastX, lastY);
            } else if (!open) {
                p.lineTo(firstX + 0.01, firstY); // a lone point still shows as a dot
            }
            empty = true;
            return true;
        }

        private static void point(Path2D.Double p, double x, double y, boolean open) {
            if (open) {
                p.lineTo(x, y);
            } else {
                p.moveTo(x, y);
            }
        }
    }

    private static final long serialVersionUID = 1L;

    PathRenderer() {
        super(true, false);
        setAutoPopulateSeriesPaint(false);
        setAutoPopulateSeriesStroke(false);
    }

    @Override
    void drawSeries(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                    XYDataset dataset, int series, int item) {
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        int count = dataset.getItemCount(series);
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, Math.min(count, 4096) + 1);
        double minY = dataArea.getMinY() - 1e4;
        double maxY = dataArea.getMaxY() + 1e4;
        // per pixel column only the first, lowest, highest and last point matter (M4 reduction)
        Column col = new Column();
        boolean open = false;
        for (int i = 0; i < count; i++) {
            double x = dataset.getXValue(series, i);
            double y = dataset.getYValue(series, i);
            if (Double.isNaN(y) || Double.isNaN(x)) {
                col.flush(path, open);
                open = false;
                continue;
            }
            double px = domainAxis.valueToJava2D(x, dataArea, xEdge);
            double py = rangeAxis.valueToJava2D(y, dataArea, yEdge);
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                continue; // e.g. zero on a log axis: not drawable, not a gap
            }
            py = Math.max(minY, Math.min(maxY, py));
            long c = (long) Math.floor(px);
            if (!col.empty && c != col.column) {
                open = col.flush(path, open);
            }
            col.add(c, px, py);
        }
        col.flush(path, open);
        g2.setPaint(getItemPaint(series, item));
        g2.setStroke(getItemStroke(series, item));
        g2.draw(path);
    }
}
