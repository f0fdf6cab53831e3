package dev.descent.render.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Writes a chart as it is on screen to PNG (through {@code javax.imageio}) or SVG (through JFreeSVG).
 * The same {@code JFreeChart.draw} paints the window, the PNG and the SVG. Charts drawn without a
 * legend on screen (the runs' charts, whose colours the window explains) get one below in the file.
 */
public final class ChartExport {

    /** File formats, chosen from the file name's extension. */
    public enum Format {
        PNG, SVG;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format a file name asks for, or null. */
        public static Format of(File f) {
            String n = f.getName().toLowerCase(Locale.ROOT);
            return n.endsWith(".png") ? PNG : n.endsWith(".svg") ? SVG : null;
        }
    }

    private ChartExport() {
    }

    /**
     * Writes {@code chart} to {@code file} in the format its extension names.
     *
     * @param width  width in pixels (PNG at twice this resolution) or SVG units
     * @throws IllegalArgumentException when the extension is neither .png nor .svg
     */
    public static void write(StepChart chart, File file, int width, int height) throws IOException {
        Format f = Format.of(file);
        if (f == null) {
            throw new IllegalArgumentException("Cannot save a chart as '" + file.getName() + "': use .png or .svg");
        }
        if (f == Format.PNG) {
            writePng(chart, file, width, height, 2);
        } else {
            writeSvg(chart, file, width, height);
        }
    }

    /** PNG of {@code width × height} drawn at {@code scale} (2: sharp on slides and projectors). */
    public static void writePng(StepChart chart, File file, int width, int height, double scale) throws IOException {
        int w = (int) Math.ceil(width * scale);
        int h = (int) Math.ceil(height * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            prepare(g, scale);
            draw(chart, g, width, height);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(img, "png", file)) {
            throw new IOException("no PNG writer");
        }
    }

    /**
     * Sets up {@code g} over an image as every chart picture is drawn (antialiased lines and text) at
     * {@code scale} pixels per unit: the PNG export and the window's charts.
     */
    public static void prepare(Graphics2D g, double scale) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
    }

    public static void writeSvg(StepChart chart, File file, int width, int height) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        draw(chart, g, width, height);
        SVGUtils.writeToSVG(file, g.getSVGElement());
    }

    private static void draw(StepChart chart, Graphics2D g, int width, int height) {
        JFreeChart c = chart.chart();
        LegendTitle legend = null;
        boolean notify = c.isNotify();
        boolean labelled = chart.isMarkerLabelled();
        c.setNotify(false);
        try {
            chart.setMarkerLabelled(true); // a saved chart says which step its marker is
            if (!chart.hasLegend() && !chart.lines().isEmpty()) {
                legend = new LegendTitle(c.getXYPlot().getRenderer());
                legend.setPosition(RectangleEdge.BOTTOM);
                legend.setItemFont(chart.theme().tick());
                legend.setItemPaint(chart.theme().foreground());
                legend.setBackgroundPaint(chart.theme().background());
                c.addLegend(legend);
            }
            c.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            if (legend != null) {
                c.removeLegend();
            }
            chart.setMarkerLabelled(labelled);
            c.setNotify(notify);
        }
    }
}
