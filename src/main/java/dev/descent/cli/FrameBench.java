package dev.descent.cli;

import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Stepper;
import dev.descent.render.Bands;
import dev.descent.render.OverlaySettings;
import dev.descent.render.PathTracer;
import dev.descent.render.Scene;
import dev.descent.render.SceneSettings;
import dev.descent.render.ScenePainter;
import dev.descent.render.StaticLayer;
import dev.descent.render.Style;
import dev.descent.render.TrajectorySnapshot;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.descent.render.charts.Points;
import dev.descent.render.charts.StepChart;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;

/**
 * The {@code frame} entry of {@code bench}: what one frame of the window costs to paint after a long
 * race. Eight runs (the default lesson's seven and AdamW) take a million steps each on rosenbrock;
 * each run's positions are fed once to its {@link PathTracer}, as the window feeds them frame by
 * frame; then whole 1600×1000 frames are painted with the shared painters: the static layer (field,
 * contours, gradient arrows, axes, colour bar) blitted, the eight paths, start and head markers and
 * the legend; and the same frame with the plot above four of the window's charts ({@link StepChart}, JFreeChart) (loss, step size,
 * gradient norm, learning rate of every run, each series reduced to min/max per bucket of steps as
 * the window's charts keep them). Each frame is painted on one thread in one pass, and in two bands at
 * once ({@link Bands}: the plot cut at the row that halves the paths' points, the frame with charts
 * between its second and third chart), in alternation.
 */
final class FrameBench {

    static final int WIDTH = 1600;
    static final int HEIGHT = 1000;
    /** Points per chart series: a min and a max for each of this many buckets (the window keeps ~3 000). */
    private static final int BUCKETS = 1500;

    /**
     * Times are medians in milliseconds: wall clock and the CPU time of the painting threads, for
     * frames painted in two bands at once ({@link Bands}), and the wall clock of the same frames painted
     * in one pass on one thread.
     */
    record Result(long steps, double traceSeconds, int segments, double plotMillis, double chartsMillis,
                  double plotCpuMillis, double chartsCpuMillis, double plotOneThreadMillis, double chartsOneThreadMillis) {
    }

    private record RunSpec(String name, String optimizer, Map<String, Object> params) {
    }

    private static final List<RunSpec> RUNS = List.of(
            new RunSpec("SGD", "sgd", Map.of("lr", 0.001)),
            new RunSpec("Momentum", "sgd", Map.of("lr", 0.0002, "momentum", 0.9)),
            new RunSpec("Nesterov", "sgd", Map.of("lr", 0.0002, "momentum", 0.9, "nesterov", true)),
            new RunSpec("Adam", "adam", Map.of("lr", 0.05)),
            new RunSpec("RMSprop", "rmsprop", Map.of("lr", 0.005)),
            new RunSpec("Adagrad", "adagrad", Map.of("lr", 0.5)),
            new RunSpec("L-BFGS", "lbfgs", Map.of("lr", 1)),
            new RunSpec("AdamW", "adamw", Map.of("lr", 0.02)));

    private FrameBench() {
    }

    static Result run(long steps, int repeats) {
        Surface f = Surfaces.create("rosenbrock");
        SceneSettings settings = SceneSettings.DEFAULT.withGradientField(true).withEqualAspect(true);
        StaticLayer full = StaticLayer.render(new Scene(f, f.defaultViewport(), WIDTH, HEIGHT, settings));
        int plotHeight = (int) Math.round(HEIGHT * 0.6);
        StaticLayer top = StaticLayer.render(new Scene(f, f.defaultViewport(), WIDTH, plotHeight, settings));

        List<TrajectorySnapshot> snaps = new ArrayList<>();
        List<PathTracer> fullPaths = new ArrayList<>();
        List<PathTracer> topPaths = new ArrayList<>();
        List<XYSeries[]> series = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int r = 0; r < RUNS.size(); r++) {
            RunSpec spec = RUNS.get(r);
            Optimizer o = Optimizers.find(spec.optimizer()).create(spec.params());
            Stepper s = o.newStepper(2);
            double[] theta = {-1.2, 1};
            PathTracer a = new PathTracer(full.transform());
            PathTracer b = new PathTracer(top.transform());
            Buckets loss = new Buckets(steps);
            Buckets move = new Buckets(steps);
            Buckets grad = new Buckets(steps);
            Buckets rate = new Buckets(steps);
            double[] g = new double[2];
            a.add(theta[0], theta[1]);
            b.add(theta[0], theta[1]);
            for (long k = 1; k <= steps; k++) {
                double x = theta[0];
                double y = theta[1];
                s.step(f, theta, o.lr());
                a.add(theta[0], theta[1]);
                b.add(theta[0], theta[1]);
                f.gradient(theta[0], theta[1], g, 0);
                loss.add(k, f.value(theta[0], theta[1]));
                move.add(k, Math.hypot(theta[0] - x, theta[1] - y));
                grad.add(k, Math.hypot(g[0], g[1]));
                rate.add(k, o.lr());
            }
            Color c = runColor(r);
            snaps.add(new TrajectorySnapshot(c, spec.name(), new double[0], new double[0], 0, 0, -1.2, 1, false));
            fullPaths.add(a);
            topPaths.add(b);
            series.add(new XYSeries[] {loss.series(spec.name()), move.series(spec.name()), grad.series(spec.name()),
                rate.series(spec.name())});
        }
        double traceSeconds = (System.nanoTime() - t0) / 1e9;
        int segments = 0;
        for (PathTracer p : fullPaths) {
            segments += p.segments();
        }
        List<JFreeChart> charts = charts(series, top.style());

        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        java.util.function.Consumer<Graphics2D> plotFrame = g -> {
            ScenePainter.paintFrame(g, full, List.of(), OverlaySettings.DEFAULT);
            ScenePainter.paintOverlay(g, full.transform(), full.style(), snaps, OverlaySettings.DEFAULT, 3, fullPaths);
        };
        java.util.function.Consumer<Graphics2D> chartsFrame = g -> {
            g.setColor(top.style().background());
            g.fillRect(0, 0, WIDTH, HEIGHT);
            ScenePainter.paintFrame(g, top, List.of(), OverlaySettings.DEFAULT);
            ScenePainter.paintOverlay(g, top.transform(), top.style(), snaps, OverlaySettings.DEFAULT, 3, topPaths);
            double w = WIDTH / 4.0;
            for (int k = 0; k < charts.size(); k++) {
                Rectangle2D area = new Rectangle2D.Double(k * w, plotHeight, w, HEIGHT - plotHeight);
                if (g.getClipBounds().intersects(area)) { // a chart is drawn by one band only
                    charts.get(k).draw(g, area);
                }
            }
        };
        int plotSplit = Bands.balancedSplit(fullPaths, HEIGHT);
        int chartsSplit = WIDTH / 2; // two charts left, two right
        // each kind of frame painted in one pass and in two bands, in alternation (same conditions for both)
        Timing plot = new Timing(repeats);
        Timing plotOne = new Timing(repeats);
        Timing withCharts = new Timing(repeats);
        Timing withChartsOne = new Timing(repeats);
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
            for (int i = 0; i < repeats; i++) {
                plotOne.time(i, () -> Bands.paint(img, 0, plotFrame));
                plot.time(i, () -> Bands.paint(img, plotSplit, plotFrame));
                withChartsOne.time(i, () -> Bands.paint(img, 0, chartsFrame));
                withCharts.time(i, () -> Bands.paintColumns(img, chartsSplit, chartsFrame));
            }
        }
        return new Result(steps, traceSeconds, segments, plot.wall(), withCharts.wall(), plot.cpu(), withCharts.cpu(),
                plotOne.wall(), withChartsOne.wall());
    }

    /** Wall-clock and CPU times of repeated paintings (CPU: every thread that painted). */
    private static final class Timing {
        private final double[] wall;
        private final double[] cpu;

        Timing(int repeats) {
            wall = new double[repeats];
            cpu = new double[repeats];
        }

        void time(int i, java.util.function.LongSupplier paint) {
            long a = System.nanoTime();
            long c = paint.getAsLong();
            wall[i] = (System.nanoTime() - a) / 1e6;
            cpu[i] = c / 1e6;
        }

        double wall() {
            return median(wall);
        }

        double cpu() {
            return median(cpu);
        }
    }

    /** The window's own charts ({@link StepChart}: lines reduced per pixel column), one per quantity. */
    private static List<JFreeChart> charts(List<XYSeries[]> series, Style style) {
        String[] titles = {"Loss f(θ)", "Step size ‖Δθ‖", "Gradient norm ‖∇f‖", "Learning rate η"};
        List<JFreeChart> out = new ArrayList<>();
        for (int k = 0; k < titles.length; k++) {
            StepChart chart = new StepChart(titles[k], true, false);
            List<StepChart.Line> lines = new ArrayList<>();
            for (int r = 0; r < series.size(); r++) {
                XYSeries s = series.get(r)[k];
                double[] xs = new double[s.getItemCount()];
                double[] ys = new double[s.getItemCount()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = s.getX(i).doubleValue();
                    ys[i] = s.getY(i).doubleValue();
                }
                lines.add(new StepChart.Line(String.valueOf(s.getKey()), Points.of(xs, ys), runColor(r), 1.5f,
                        StepChart.Dash.SOLID, null));
            }
            chart.setLines(lines);
            chart.chart().setNotify(false);
            out.add(chart.chart());
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Min and max of a positive quantity per bucket of steps, as the window's charts keep a series. */
    private static final class Buckets {
        private final double[] min = new double[BUCKETS];
        private final double[] max = new double[BUCKETS];
        private final long steps;

        Buckets(long steps) {
            this.steps = Math.max(1, steps);
            java.util.Arrays.fill(min, Double.NaN);
            java.util.Arrays.fill(max, Double.NaN);
        }

        void add(long step, double v) {
            if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
                return;
            }
            int b = (int) Math.min(BUCKETS - 1, (step - 1) * BUCKETS / steps);
            if (!(min[b] <= v)) {
                min[b] = v;
            }
            if (!(max[b] >= v)) {
                max[b] = v;
            }
        }

        XYSeries series(String name) {
            XYSeries s = new XYSeries(name, false, true);
            for (int b = 0; b < BUCKETS; b++) {
                if (!Double.isNaN(min[b])) {
                    double step = (b + 0.5) * steps / BUCKETS;
                    s.add(step, min[b], false);
                    s.add(step, max[b], false);
                }
            }
            return s;
        }
    }

    /** Run r's colour in the session palette (the one list of run colours). */
    private static Color runColor(int r) {
        java.util.List<String> c = dev.descent.session.Palette.RUN_COLORS;
        return Color.decode(c.get(Math.floorMod(r, c.size())));
    }
}
