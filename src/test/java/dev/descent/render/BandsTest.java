package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.render.charts.Points;
import dev.descent.render.charts.StepChart;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** A frame painted in two bands at once is the frame painted in one pass, pixel for pixel. */
class BandsTest {

    private static final int W = 900;
    private static final int H = 640;
    private static final int PLOT_H = 420;

    private static final Color[] COLORS = {new Color(0xE69F00), new Color(0x56B4E9), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xD55E00)};

    @Test
    void bandsPaintTheFrameOfOnePass() {
        Surface f = Surfaces.create("rosenbrock");
        SceneSettings settings = SceneSettings.DEFAULT.withGradientField(true).withEqualAspect(true);
        StaticLayer layer = StaticLayer.render(new Scene(f, f.defaultViewport(), W, PLOT_H, settings));
        List<TrajectorySnapshot> runs = new ArrayList<>();
        List<PathTracer> paths = new ArrayList<>();
        List<StepChart.Line> lines = new ArrayList<>();
        for (int r = 0; r < COLORS.length; r++) {
            // long wandering paths through the valley, each its own way: thousands of reduced segments
            PathTracer p = new PathTracer(layer.transform());
            int n = 30_000;
            double[] steps = new double[n / 100];
            double[] loss = new double[n / 100];
            for (int k = 0; k < n; k++) {
                double s = k / (double) n;
                double x = -1.8 + 2.8 * s + 0.25 * Math.sin(k * (0.013 + 0.004 * r));
                double y = x * x + 0.4 * Math.sin(k * (0.021 + 0.003 * r) + r) * (1 - s);
                p.add(x, y, k % 997 == r);
                if (k % 100 == 0) {
                    steps[k / 100] = k + 1;
                    loss[k / 100] = f.value(x, y) + 1e-3;
                }
            }
            paths.add(p);
            runs.add(new TrajectorySnapshot(COLORS[r], "run " + r, new double[0], new double[0], 0, 0, -1.8, 3.2, r == 4));
            lines.add(new StepChart.Line("run " + r, Points.of(steps, loss), COLORS[r], 1.5f, StepChart.Dash.SOLID, null));
        }
        // two charts side by side below the plot: a chart object is drawn by one band only
        List<JFreeChart> charts = new ArrayList<>();
        for (String title : new String[] {"Loss f(θ)", "Loss again"}) {
            StepChart chart = new StepChart(title, true, false);
            chart.setLines(lines);
            chart.chart().setNotify(false);
            charts.add(chart.chart());
        }
        Consumer<Graphics2D> plot = g -> {
            g.setColor(layer.style().background());
            g.fillRect(0, 0, W, H);
            ScenePainter.paintFrame(g, layer, List.of(), OverlaySettings.DEFAULT);
            ScenePainter.paintOverlay(g, layer.transform(), layer.style(), runs, OverlaySettings.DEFAULT, 2, paths);
        };
        Consumer<Graphics2D> frame = g -> {
            plot.accept(g);
            for (int k = 0; k < charts.size(); k++) {
                Rectangle2D area = new Rectangle2D.Double(k * W / 2.0, PLOT_H, W / 2.0, H - PLOT_H);
                if (g.getClipBounds().intersects(area)) {
                    charts.get(k).draw(g, area);
                }
            }
        };

        BufferedImage whole = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Bands.paint(whole, 0, frame);
        BufferedImage plotOnly = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Bands.paint(plotOnly, 0, plot);
        int balanced = Bands.balancedSplit(paths, PLOT_H);
        assertTrue(balanced > layer.transform().top() && balanced < layer.transform().top() + layer.transform().height(),
                "the split lies where the lines are: " + balanced);
        // rows through the lines, the legend, the plot's edge (the charts below the plot in the bottom band);
        // then columns: between the charts, and (the plot alone) where the lines' points are halved
        int[][] cuts = {{balanced, 0}, {37, 0}, {(int) layer.transform().top(), 0}, {PLOT_H, 0},
            {W / 2, 1}, {Bands.balancedColumn(paths, W), 2}};
        for (int[] cut : cuts) {
            BufferedImage banded = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            Consumer<Graphics2D> painting = cut[1] == 2 ? plot : frame;
            Consumer<Graphics2D> recorded = g -> {
                threads.add(Thread.currentThread().getName());
                painting.accept(g);
            };
            if (cut[1] == 0) {
                Bands.paint(banded, cut[0], recorded);
            } else {
                Bands.paintColumns(banded, cut[0], recorded);
            }
            String where = (cut[1] == 0 ? "row " : "column ") + cut[0];
            assertEquals(0, differing(cut[1] == 2 ? plotOnly : whole, banded), "pixels that differ with the cut at " + where);
            assertEquals(Runtime.getRuntime().availableProcessors() > 1 ? 2 : 1, threads.size(), "threads that painted, cut at " + where);
        }
    }

    @Test
    void theSplitHalvesThePointsOfThePaths() {
        PlotTransform t = new PlotTransform(new dev.descent.math.Viewport(0, 1, 0, 1), new Rectangle2D.Double(0, 0, 100, 100));
        PathTracer p = new PathTracer(t);
        // a quarter of the line in the top half of the plot, three quarters in the bottom one
        for (int k = 0; k <= 1000; k++) {
            double s = k / 1000.0;
            p.add(s, s < 0.25 ? 0.75 : 0.25 * (1 - (s - 0.25) / 0.75) + 0.0, false);
        }
        int split = Bands.balancedSplit(List.of(p), 100);
        int above = 0;
        for (int k = 0; k < p.stored(); k++) {
            above += p.storedY(k) < split ? 1 : 0;
        }
        assertTrue(split > 50, "split below the middle: " + split);
        assertTrue(Math.abs(above - p.stored() / 2.0) <= p.stored() * 0.05,
                above + " of " + p.stored() + " points above row " + split);
        assertEquals(50, Bands.balancedSplit(List.of(), 100));
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        int[] pa = ((DataBufferInt) a.getRaster().getDataBuffer()).getData();
        int[] pb = ((DataBufferInt) b.getRaster().getDataBuffer()).getData();
        int d = 0;
        for (int i = 0; i < pa.length; i++) {
            d += pa[i] != pb[i] ? 1 : 0;
        }
        return d;
    }
}
