package dev.descent.render.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;

/**
 * The loss chart's uphill marks: a run's marks are filled as one shape, one mark per pixel, and they
 * look as JFreeChart's own renderer draws them one by one, each filled and then outlined.
 */
class MarkRendererTest {

    private static StepChart chart(Points marks) {
        StepChart c = new StepChart("Loss f(θ)", false, false);
        c.setScale(LossScale.PLAIN);
        Points line = Points.of(new double[] {0, 1000}, new double[] {0, 10});
        c.setLines(List.of(new StepChart.Line("run", line, Color.BLUE, 1.5f, StepChart.Dash.SOLID, null)));
        c.setMarks(List.of(marks), List.of(Color.RED));
        return c;
    }

    /** 256 uphill marks along the chart, a few pixels apart on a 1000-step axis. */
    private static Points spread() {
        Points p = new Points();
        for (int k = 0; k < 256; k++) {
            p.add(2 + k * 3.9, 1 + 8 * Math.abs(Math.sin(k / 9.0)));
        }
        return p;
    }

    private static int paths(StepChart c) {
        SVGGraphics2D g = new SVGGraphics2D(600, 300);
        c.chart().draw(g, new Rectangle2D.Double(0, 0, 600, 300));
        String svg = g.getSVGElement();
        int n = 0;
        for (int i = svg.indexOf("<path"); i >= 0; i = svg.indexOf("<path", i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aRunsMarksAreOneFilledShapeNotTwoDrawingsAMark() {
        int without = paths(chart(new Points()));
        int with = paths(chart(spread()));
        assertEquals(1, with - without, "256 marks added " + (with - without) + " paths");
        StepChart oneByOne = chart(spread());
        oneByOne.plot().setRenderer(1, jfreeMarks());
        assertTrue(paths(oneByOne) - without >= 256, "JFreeChart's renderer draws every mark on its own");
    }

    @Test
    void theMarksLookAsJFreeChartDrawsThem() {
        BufferedImage ours = image(chart(spread()));
        StepChart theirs = chart(spread());
        theirs.plot().setRenderer(1, jfreeMarks());
        BufferedImage reference = image(theirs);
        int differing = 0;
        int marked = 0;
        for (int y = 0; y < ours.getHeight(); y++) {
            for (int x = 0; x < ours.getWidth(); x++) {
                int a = ours.getRGB(x, y);
                int b = reference.getRGB(x, y);
                if (b == 0xffff0000 || a == 0xffff0000) {
                    marked++;
                }
                int d = Math.max(Math.abs((a >> 16 & 255) - (b >> 16 & 255)),
                        Math.max(Math.abs((a >> 8 & 255) - (b >> 8 & 255)), Math.abs((a & 255) - (b & 255))));
                if (d > 48) {
                    differing++; // overlapping marks' antialiased edges add up when filled one by one
                }
            }
        }
        assertTrue(marked > 2000, "the marks are drawn: " + marked + " red pixels");
        assertTrue(differing < marked / 200, differing + " pixels differ of " + marked + " marked");
    }

    @Test
    void marksOnTheSamePixelAreDrawnOnce() {
        Points same = new Points();
        for (int k = 0; k < 200; k++) {
            same.add(500 + k * 1e-6, 5);
        }
        BufferedImage many = image(chart(same));
        Points one = new Points();
        one.add(500, 5);
        BufferedImage single = image(chart(one));
        int differing = 0;
        for (int y = 0; y < many.getHeight(); y++) {
            for (int x = 0; x < many.getWidth(); x++) {
                if (many.getRGB(x, y) != single.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        assertEquals(0, differing, "200 marks on one pixel look like one");
    }

    private static XYLineAndShapeRenderer jfreeMarks() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        java.awt.geom.Path2D.Double tri = new java.awt.geom.Path2D.Double(); // the mark before it was grown
        tri.moveTo(0, -4);
        tri.lineTo(3.5, 2);
        tri.lineTo(-3.5, 2);
        tri.closePath();
        r.setSeriesPaint(0, Color.RED, false);
        r.setSeriesShape(0, tri, false);
        return r;
    }

    private static BufferedImage image(StepChart c) {
        BufferedImage img = new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        dev.descent.render.Style.applyHints(g);
        c.chart().draw(g, new Rectangle2D.Double(0, 0, 600, 300));
        g.dispose();
        return img;
    }
}
