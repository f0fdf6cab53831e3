package dev.descent.cli;

import dev.descent.export.AtomicOutput;
import dev.descent.export.ExportException;
import dev.descent.export.ExportOptions;
import dev.descent.export.MapCsv;
import dev.descent.math.Viewport;
import dev.descent.render.BasinMapPainter;
import dev.descent.render.HyperMapPainter;
import dev.descent.render.MapColors;
import dev.descent.render.Scene;
import dev.descent.render.SceneSettings;
import dev.descent.render.StaticLayer;
import dev.descent.sim.BasinMap;
import dev.descent.sim.HyperAxis;
import dev.descent.sim.HyperMap;
import dev.descent.sim.MapResult;
import dev.descent.sim.RunSpec;
import dev.descent.sim.StabilityTheory;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A basin-of-attraction map (every grid point of the view is a start) or, with {@code --hyper}, a
 * hyperparameter map (every grid cell is a pair of values, the run's start fixed): a PNG and/or a CSV,
 * and a summary of the endings on stdout.
 */
@Command(name = "map", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Where does the optimizer end? A basin-of-attraction map (every point of the view is a start),",
                "or with --hyper a map over two hyperparameters from the run's start. Writes a PNG (--out) and/or a CSV",
                "(--csv: per cell the end point, the critical point reached, the steps and the final loss); prints the",
                "count of every ending."})
final class MapCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--hyper", paramLabel = "NAME:LO:HI[:SCALE],NAME:LO:HI[:SCALE]",
            description = "sweep two hyperparameters instead of the start, e.g. lr:1e-4:1:log,momentum:0:0.99 "
                    + "(scale lin, log or near1; default: the hyperparameter's own: log for lr and eps, near1 for betas and momentum)")
    String hyper;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "256", description = "cells a side; default: ${DEFAULT-VALUE}")
    int grid;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "500", description = "steps of every run; default: ${DEFAULT-VALUE}")
    int steps;

    @Option(names = "--view", paramLabel = "XMIN,XMAX,YMIN,YMAX", description = "the starts' rectangle; default: the surface's view")
    String view;

    @Option(names = "--tolerance", paramLabel = "D", defaultValue = "0.01",
            description = "a run has reached a critical point within this distance; default: ${DEFAULT-VALUE}")
    double tolerance;

    @Option(names = "--color", paramLabel = "MODE", defaultValue = "ending",
            description = "ending (the critical point reached, darker = more steps), loss (final loss) or steps; default: ${DEFAULT-VALUE}")
    String color;

    @Option(names = "--out", paramLabel = "FILE.png", description = "the picture")
    Path out;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "one row per cell")
    Path csv;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "900x800", description = "picture size; default: ${DEFAULT-VALUE}")
    String size;

    @Option(names = "--threads", paramLabel = "T", description = "threads; default: all cores")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        if (out == null && csv == null) {
            throw new IllegalArgumentException("Nothing to write: give --out FILE.png and/or --csv FILE.csv");
        }
        if (out != null && !out.toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("Invalid value for --out: '" + out + "' (the picture is a .png)");
        }
        if (grid < 1 || grid > 4096) {
            throw new IllegalArgumentException("Invalid value for --grid: " + grid + " (1 … 4096)");
        }
        if (steps < 0 || steps > 1_000_000) {
            throw new IllegalArgumentException("Invalid value for --steps: " + steps + " (0 … 1000000)");
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("Invalid value for --tolerance: " + tolerance + " (a positive number)");
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1) {
            throw new IllegalArgumentException("Invalid value for --threads: " + t + " (at least 1)");
        }
        MapColors.Mode mode = mode();
        int[] wh = ExportOptions.parseSize(size);
        RunSpec spec = run.toRunSpec();
        long t0 = System.nanoTime();
        MapResult r;
        BufferedImage picture = null;
        HyperMap.Request hreq = null;
        Viewport v = null;
        if (hyper != null) {
            String[] axes = hyper.split(",", -1);
            if (axes.length != 2) {
                throw new IllegalArgumentException("Invalid value for --hyper: '" + hyper + "' (two axes separated by a comma)");
            }
            var kind = spec.optimizer().kind();
            hreq = new HyperMap.Request(spec, HyperAxis.parse(axes[0], kind), HyperAxis.parse(axes[1], kind), grid, grid,
                    steps, tolerance);
            r = HyperMap.compute(hreq, t, null);
            if (out != null) {
                String title = spec.optimizer().label() + " on " + spec.surface() + " from (" + spec.x0() + ", " + spec.y0()
                        + "), " + steps + " steps";
                var decor = new HyperMapPainter.Decor(title, HyperMap.valueOf(spec.optimizer(), hreq.x().name()),
                        HyperMap.valueOf(spec.optimizer(), hreq.y().name()), StabilityTheory.boundary(hreq));
                picture = HyperMapPainter.image(wh[0], wh[1], r, hreq.x(), hreq.y(), mode, decor, false);
            }
        } else {
            v = view == null ? spec.surface().defaultViewport() : parseView(view);
            StaticLayer layer = null;
            if (out != null) {
                String title = spec.optimizer().label() + " on " + spec.surface() + ", " + steps + " steps";
                SceneSettings settings = SceneSettings.DEFAULT.withColorMap(dev.descent.render.ColorMap.GREY);
                layer = StaticLayer.render(new Scene(spec.surface(), v, wh[0], wh[1], settingsWithTitle(settings, title)));
                v = layer.viewport();
            }
            r = BasinMap.compute(new BasinMap.Request(spec, v, grid, grid, steps, tolerance, 1), t, null);
            if (layer != null) {
                picture = BasinMapPainter.still(layer, r, mode);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        try {
            if (picture != null) {
                BufferedImage p = picture;
                AtomicOutput.write(out, os -> ImageIO.write(p, "png", os), () -> false);
            }
            if (csv != null) {
                MapResult res = r;
                HyperMap.Request hr = hreq;
                Viewport vv = v;
                AtomicOutput.write(csv, os -> MapCsv.write(os, res, hr, vv), () -> false);
            }
        } catch (ExportException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        PrintWriter o = commandSpec.commandLine().getOut();
        o.println("ending,count");
        for (BasinMapPainter.Entry e : BasinMapPainter.entries(r)) {
            o.println("\"" + e.label() + "\"," + e.count());
        }
        o.flush();
        PrintWriter err = commandSpec.commandLine().getErr();
        err.printf(Locale.ROOT, "map: %d × %d cells, %d steps, %.2f s%n", r.cols(), r.rows(), steps, seconds);
        err.flush();
        return 0;
    }

    private static SceneSettings settingsWithTitle(SceneSettings s, String title) {
        return new SceneSettings(s.colorMap(), s.levelMode(), s.levelCount(), s.fill(), true, false, false, true, true,
                s.equalAspect(), s.gridResolution(), s.fontScale(), title, s.dark());
    }

    private MapColors.Mode mode() {
        return switch (color.trim().toLowerCase(Locale.ROOT)) {
            case "ending" -> MapColors.Mode.ENDING;
            case "loss" -> MapColors.Mode.LOSS;
            case "steps" -> MapColors.Mode.STEPS;
            default -> throw new IllegalArgumentException("Invalid value for --color: '" + color + "' (ending, loss or steps)");
        };
    }

    static Viewport parseView(String text) {
        String[] p = text.split(",", -1);
        if (p.length != 4) {
            throw new IllegalArgumentException("Invalid value for --view: '" + text + "' (expected XMIN,XMAX,YMIN,YMAX such as -5,5,-5,5)");
        }
        double[] d = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                d[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid value for --view: '" + p[i].trim() + "' is not a number");
            }
        }
        try {
            return new Viewport(d[0], d[1], d[2], d[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for --view: " + e.getMessage());
        }
    }
}
