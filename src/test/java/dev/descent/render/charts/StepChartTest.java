package dev.descent.render.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepChartTest {

    private static StepChart.Line line(String label, Points p, Color c) {
        return new StepChart.Line(label, p, c, 1.6f, StepChart.Dash.SOLID, s -> Double.NaN);
    }

    @Test
    void aLogAxisIgnoresZerosNegativesAndNaN() {
        StepChart chart = new StepChart("Loss", true, false);
        Decimator d = new Decimator(64, true);
        double[] v = {Double.NaN, 0, -3, 1e-4, 1e2, Double.NaN, 5};
        for (int i = 0; i < v.length; i++) {
            d.add(i, v[i]);
        }
        chart.setLines(List.of(line("a", d.points(), Color.RED)));
        Range r = chart.plot().getRangeAxis().getRange();
        assertTrue(r.getLowerBound() > 0 && r.getLowerBound() < 1e-4, r.toString());
        assertTrue(r.getUpperBound() > 1e2 && r.getUpperBound() < 1e3, r.toString());
        Range steps = chart.plot().getDomainAxis().getRange();
        assertEquals(0, steps.getLowerBound());
        assertEquals(6, steps.getUpperBound());
        BufferedImage img = chart.chart().createBufferedImage(400, 250);
        assertEquals(400, img.getWidth());
    }

    @Test
    void constantAndEmptySeriesStillGiveARange() {
        assertTrue(StepChart.valueRange(0.05, 0.05, false).getLength() > 0);
        assertTrue(StepChart.valueRange(0, 0, false).getLength() > 0);
        assertTrue(StepChart.valueRange(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, true).getLowerBound() > 0);
        Range log = StepChart.valueRange(0.05, 0.05, true);
        assertTrue(log.getLowerBound() < 0.05 && log.getUpperBound() > 0.05 && log.getLowerBound() > 0);
        StepChart chart = new StepChart("empty", false, true);
        chart.setLines(List.of());
        chart.chart().createBufferedImage(300, 200);
    }

    @Test
    void switchingToLogAndBackKeepsTheLines() {
        StepChart chart = new StepChart("η", false, true);
        chart.setLines(List.of(line("η", Points.of(new double[] {1, 2, 3}, new double[] {0.1, 0.05, 0.025}), Color.BLUE)));
        chart.setLog(true);
        assertTrue(chart.isLog());
        assertTrue(chart.plot().getRangeAxis() instanceof org.jfree.chart.axis.LogAxis);
        chart.setScrub(2);
        assertEquals(1, chart.plot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
        assertTrue(chart.isStale(), "drawn with the next lines");
        chart.redraw();
        assertTrue(!chart.isStale());
        chart.setScrub(Double.NaN);
        chart.chart().createBufferedImage(300, 200);
    }

    @Test
    void savesAsPngAndSvg(@TempDir Path dir) throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            StepChart chart = new StepChart("Step size ‖Δθ‖", true, false);
            chart.setTheme(ChartTheme.of(dark));
            chart.setLines(List.of(
                    line("Adam", Points.of(new double[] {0, 1, 2, 3}, new double[] {Double.NaN, 0.1, 0.01, 0.001}), Color.ORANGE),
                    line("SGD", Points.of(new double[] {0, 1, 2, 3}, new double[] {Double.NaN, 0.2, 0.15, 0.1}), Color.BLUE)));
            chart.setScrub(2);
            File png = dir.resolve("chart-" + dark + ".png").toFile();
            File svg = dir.resolve("chart-" + dark + ".svg").toFile();
            ChartExport.write(chart, png, 480, 300);
            ChartExport.write(chart, svg, 480, 300);

            BufferedImage img = ImageIO.read(png);
            assertEquals(960, img.getWidth(), "PNG at twice the size");
            assertEquals(600, img.getHeight());
            int bg = img.getRGB(3, 3);
            assertEquals(chart.theme().background().getRGB(), bg, "the theme's background");
            long coloured = 0;
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    if (img.getRGB(x, y) != bg) {
                        coloured++;
                    }
                }
            }
            assertTrue(coloured > 2000, "something is drawn: " + coloured);

            String text = Files.readString(svg.toPath());
            assertTrue(text.startsWith("<svg") || text.contains("<svg"), "an SVG document");
            assertTrue(text.contains("Step size"), "with its title");
            assertTrue(text.contains("Adam") && text.contains("SGD"), "and a legend naming the runs");
            assertTrue(text.contains("step 2"), "and the scrub marker");
            assertEquals(0, chart.chart().getSubtitleCount(), "the export legend is gone again");
        }
        StepChart chart = new StepChart("x", false, true);
        assertThrows(IllegalArgumentException.class, () -> ChartExport.write(chart, dir.resolve("a.jpg").toFile(), 10, 10));
    }

    @Test
    void unchangedLinesAreNotRedrawn() {
        StepChart chart = new StepChart("Loss", true, false);
        Decimator d = new Decimator(64, true);
        d.add(0, 1);
        d.add(1, 0.5);
        List<StepChart.Line> lines = List.of(line("a", d.points(), Color.RED));
        assertTrue(chart.setLines(lines));
        assertTrue(!chart.setLines(List.of(line("a", d.points(), Color.RED))), "same points, same look: no redraw");
        assertTrue(chart.setLines(List.of(line("a", d.points(), Color.BLUE))), "another colour");
        d.add(2, 0.25);
        assertTrue(chart.setLines(List.of(line("a", d.points(), Color.BLUE))), "new points");
    }

    /** Thousands of points in a few pixel columns: the one spike among them is still drawn. */
    @Test
    void aSpikeAmongManyPointsPerPixelIsDrawn() {
        StepChart chart = new StepChart("spike", false, false);
        chart.setTheme(ChartTheme.LIGHT);
        Decimator d = new Decimator(4096, false);
        for (int s = 0; s <= 12_000; s++) {
            d.add(s, s == 6_001 ? 10 : 0);
        }
        chart.setLines(List.of(new StepChart.Line("a", d.points(), Color.RED, 1f, StepChart.Dash.SOLID, s -> 0)));
        BufferedImage img = chart.chart().createBufferedImage(300, 200);
        // the spike reaches the top tenth of the image somewhere in the middle
        boolean red = false;
        for (int y = 0; y < 60 && !red; y++) {
            for (int x = 100; x < 250; x++) {
                Color c = new Color(img.getRGB(x, y));
                if (c.getRed() > 200 && c.getGreen() < 120 && c.getBlue() < 120) {
                    red = true;
                    break;
                }
            }
        }
        assertTrue(red, "the spike is drawn");
    }

    @Test
    void aNarrowChartsLegendSitsBelowItsLinesAndFitsWhole() {
        StepChart chart = new StepChart("Adam's effective step", false, true);
        double[] steps = new double[101];
        double[] a = new double[101];
        double[] b = new double[101];
        for (int i = 0; i <= 100; i++) {
            steps[i] = i;
            a[i] = 1 - i / 100.0; // the lines reach the top-right corner, where the legend used to sit
            b[i] = i / 100.0;
        }
        chart.setLines(List.of(
                line("rectified η/(√v̂+ε) (x)", Points.of(steps, a), Color.RED),
                line("rectified η/(√v̂+ε) (y)", Points.of(steps, b), Color.BLUE)));
        for (int width : new int[] {220, 320, 480}) {
            org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
            chart.chart().createBufferedImage(width, 200, info);
            java.awt.geom.Rectangle2D data = info.getPlotInfo().getDataArea();
            java.awt.geom.Rectangle2D legend = null;
            int items = 0;
            for (Object e : info.getEntityCollection().getEntities()) {
                if (e instanceof org.jfree.chart.entity.LegendItemEntity li) {
                    java.awt.geom.Rectangle2D r = li.getArea().getBounds2D();
                    legend = legend == null ? r : legend.createUnion(r);
                    items++;
                }
            }
            assertEquals(2, items, "both items are drawn at width " + width);
            assertTrue(legend.getMinY() >= data.getMaxY(), "below the lines at width " + width + ": " + legend + " " + data);
            assertTrue(legend.getMinX() >= 0 && legend.getMaxX() <= width && legend.getMaxY() <= 200,
                    "inside the chart at width " + width + ": " + legend);
            // the last step's label ("100") is centred on the plot's right edge: half of it must fit
            double half = chart.theme().tick().getStringBounds("100",
                    new java.awt.font.FontRenderContext(null, true, true)).getWidth() / 2;
            assertTrue(data.getMaxX() + half <= width, "the last tick label fits at width " + width);
        }
    }
}
