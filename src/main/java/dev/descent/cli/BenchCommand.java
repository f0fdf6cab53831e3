package dev.descent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.export.ExportOptions;
import dev.descent.export.Exporter;
import dev.descent.export.RaceScene;
import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.math.Viewport;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerKind;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedules;
import dev.descent.optim.Stepper;
import dev.descent.render.ContourBenchmark;
import dev.descent.sim.BasinMap;
import dev.descent.sim.MapEnds;
import dev.descent.sim.MapResult;
import dev.descent.sim.Run;
import dev.descent.sim.RunSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Speed figures, printed as one JSON object on stdout; progress goes to stderr. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure speed and print one JSON object: steps per second of every optimizer (one thread,",
                "on rosenbrock), a basin-of-attraction map of Adam on himmelblau (512x512 starts, 500 steps, all cores),",
                "the window's live basin map (256x256 starts, 300 steps, after single runs) in maps per second,",
                "the contour scene (rosenbrock, 1000x1000 grid, 30 log levels, 1280x720 image)",
                "a GIF export of the Beale race (six runs, 300 frames, 960x720), its MP4 export at 1280x720,",
                "one window frame (8 runs of 1e6 steps, 1600x1000, the plot alone and with charts),",
                "and losses from data: the full-batch contour scene for N = 1000 points of each model (1280x720, goal < 0.5 s)",
                "and minibatch SGD steps per second for B = 1, 10, 100 at N = 1000 and 100000 (O(B): the same at both N)."})
final class BenchCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--quick", description = "shrink the work for a smoke test (numbers are then not comparable)")
    boolean quick;

    @Option(names = "--only", paramLabel = "ENTRY", split = ",",
            description = "measure only these entries: steps_per_second, basin, live_map, contour, export, export_mp4, frame, data")
    java.util.Set<String> only;

    @Option(names = "--threads", paramLabel = "T", description = "threads for the basin map; default: all cores")
    Integer threads;

    /** Learning rates that keep each optimizer finite on rosenbrock from (-1.2, 1). */
    private static final Map<String, Map<String, Object>> STABLE = Map.of(
            "sgd", Map.of("lr", 1e-3),
            "qhm", Map.of("lr", 1e-3),
            "adagrad", Map.of("lr", 0.1),
            "lookahead", Map.of("lr", 0.01));

    private static final List<String> ENTRIES = List.of("steps_per_second", "basin", "live_map", "contour", "export", "export_mp4", "frame", "data");

    private boolean wanted(String entry) {
        return only == null || only.contains(entry);
    }

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        // the basin map first: the JIT then compiles the optimizers' loops for long arrays (profiles
        // from 2-coordinate runs would make it skip unrolling and vectorising them)
        if (only != null) {
            for (String e : only) {
                if (!ENTRIES.contains(e)) {
                    throw new picocli.CommandLine.ParameterException(commandSpec.commandLine(),
                            "--only: unknown entry '" + e + "'; the entries are " + String.join(", ", ENTRIES));
                }
            }
        }
        ObjectNode basin = wanted("basin") ? basin(json) : null;
        if (wanted("steps_per_second")) {
            root.set("steps_per_second", stepsPerSecond(json));
        }
        if (basin != null) {
            root.set("basin", basin);
        }
        if (wanted("live_map")) {
            // after the single runs above, as in the window: the live map must keep its speed
            root.set("live_map", liveMap(json));
        }
        if (wanted("contour")) {
            root.set("contour", contour(json));
        }
        if (wanted("export")) {
            root.set("export", export(json));
        }
        if (wanted("export_mp4")) {
            root.set("export_mp4", exportMp4(json));
        }
        if (wanted("frame")) {
            root.set("frame", frame(json));
        }
        if (wanted("data")) {
            root.set("data", data(json));
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        out.flush();
        return 0;
    }

    private ObjectNode stepsPerSecond(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        Surface rosenbrock = Surfaces.create("rosenbrock");
        double[] start = {-1.2, 1};
        long budgetNanos = quick ? 20_000_000L : 400_000_000L;
        for (OptimizerKind kind : Optimizers.all()) {
            Optimizer o = kind.create(STABLE.getOrDefault(kind.id(), Map.of()));
            progress("steps/s " + kind.id());
            measure(rosenbrock, o, start, budgetNanos / 2); // warm-up: let the JIT compile the loop
            node.put(kind.id(), Math.round(measure(rosenbrock, o, start, budgetNanos)));
        }
        return node;
    }

    /**
     * Steps one run for about {@code nanos}, restarting it whenever it stops being finite, and returns
     * steps per second.
     */
    private static double measure(Surface f, Optimizer o, double[] start, long nanos) {
        double[] theta = start.clone();
        Stepper s = o.newStepper(2);
        double lr = o.lr();
        long steps = 0;
        long t0 = System.nanoTime();
        long elapsed;
        int chunk = 1000;
        do {
            for (int i = 0; i < chunk; i++) {
                s.step(f, theta, lr);
            }
            steps += chunk;
            if (!Double.isFinite(theta[0] + theta[1])) {
                theta = start.clone();
                s = o.newStepper(2);
            }
            elapsed = System.nanoTime() - t0;
        } while (elapsed < nanos);
        return steps * 1e9 / elapsed;
    }

    /**
     * The window's live basin map: 256² starts × 300 steps of Adam (lr 0.05) on himmelblau with
     * endings checked every 5 steps (as the window does), on all cores, timed after single 2-coordinate runs have been
     * stepped (as the window does before a map is asked for); maps per second over at least a second.
     */
    private ObjectNode liveMap(ObjectMapper json) {
        int grid = quick ? 64 : 256;
        int steps = quick ? 50 : 300;
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Surface himmelblau = Surfaces.create("himmelblau");
        Optimizer adam = Optimizers.find("adam").create(Map.of("lr", 0.05));
        progress("live map: single runs first, as in the window");
        for (String id : new String[] {"adam", "sgd", "rmsprop"}) {
            Run run = new Run(new RunSpec(himmelblau, Optimizers.find(id).create(Map.of("lr", 0.01)), -4, 4));
            for (int i = 0; i < (quick ? 20_000 : 2_000_000); i++) {
                run.step();
            }
        }
        BasinMap.Request req = BasinMap.Request.live(new RunSpec(himmelblau, adam, 0, 0), new Viewport(-5, 5, -5, 5),
                grid, grid, steps);
        progress("live map warm-up");
        for (int i = 0; i < (quick ? 1 : 5); i++) {
            BasinMap.compute(req, t, null);
        }
        progress("live map " + grid + "x" + grid + ", " + steps + " steps, " + t + " threads");
        int maps = 0;
        long t0 = System.nanoTime();
        long elapsed;
        do {
            BasinMap.compute(req, t, null);
            maps++;
            elapsed = System.nanoTime() - t0;
        } while (elapsed < (quick ? 200_000_000L : 1_500_000_000L));
        ObjectNode node = json.createObjectNode();
        node.put("surface", "himmelblau");
        node.put("optimizer", "adam lr=0.05");
        node.put("grid", grid);
        node.put("steps", steps);
        node.put("check_every", req.checkEvery());
        node.put("threads", t);
        node.put("maps", maps);
        node.put("maps_per_second", Math.round(maps * 1e9 / elapsed * 10) / 10.0);
        node.put("target_maps_per_second", 20);
        return node;
    }

    private ObjectNode basin(ObjectMapper json) {
        int grid = quick ? 64 : 512;
        int steps = quick ? 50 : 500;
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Surface himmelblau = Surfaces.create("himmelblau");
        Optimizer adam = Optimizers.find("adam").create(Map.of("lr", 0.05));
        Viewport square = new Viewport(-5, 5, -5, 5);
        progress("basin warm-up");
        RunSpec spec = new RunSpec(himmelblau, adam, 0, 0);
        // endings decided once, after the last step, as the NumPy reference does
        for (int i = 0; i < (quick ? 1 : 2); i++) {
            BasinMap.compute(new BasinMap.Request(spec, square, quick ? 32 : 256, quick ? 32 : 256, steps,
                    MapEnds.DEFAULT_TOLERANCE, steps), t, null);
        }
        progress("basin " + grid + "x" + grid + ", " + steps + " steps, " + t + " threads");
        // the median of three maps: the first full-size map still runs partly in code the JIT has not finished
        int runs = quick ? 1 : 3;
        double[] times = new double[runs];
        MapResult r = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r = BasinMap.compute(new BasinMap.Request(spec, square, grid, grid, steps, MapEnds.DEFAULT_TOLERANCE, steps),
                    t, null);
            times[i] = (System.nanoTime() - t0) / 1e9;
        }
        java.util.Arrays.sort(times);
        double seconds = times[runs / 2];
        List<double[]> minima = BasinMap.minima(himmelblau);
        int[] counts = r.countsByPoint(); // himmelblau lists its four minima first
        ObjectNode node = json.createObjectNode();
        node.put("surface", "himmelblau");
        node.put("grid", grid);
        node.put("steps", steps);
        node.put("threads", t);
        node.put("seconds", Math.round(seconds * 1000) / 1000.0);
        ArrayNode arr = node.putArray("minima");
        int converged = 0;
        for (int m = 0; m < minima.size(); m++) {
            ObjectNode e = arr.addObject();
            e.put("x", minima.get(m)[0]);
            e.put("y", minima.get(m)[1]);
            e.put("count", counts[m]);
            converged += counts[m];
        }
        node.put("not_converged", grid * grid - converged);
        if (!quick) {
            // docs/bench/basin_numpy.py on this machine (5.4 s; 2.8 s quoted on a faster one): a reference
            // measured once, not in this run, and named so
            node.put("numpy_reference_seconds", 5.4);
            node.put("numpy_reference", "docs/bench/basin_numpy.py, measured once on this 2-core machine, not in this run");
            node.put("speedup_over_reference", Math.round(5.4 / seconds * 10) / 10.0);
            node.put("target_speedup", 15);
        }
        return node;
    }

    /**
     * Rosenbrock sampled on 1000×1000 over [-2,2]×[-1,3], 30 log-spaced levels traced, filled raster,
     * lines and axes painted into 1280×720: the median of several runs after a warm-up.
     */
    /**
     * Losses from data: the window's full-batch contour scene for N = 1000 points of each model (median
     * seconds; the goal is under half a second), and minibatch SGD steps per second by batch size at two
     * data sizes, which show that a step costs O(B), not O(N).
     */
    private ObjectNode data(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        ObjectNode contours = json.createObjectNode();
        int runs = quick ? 2 : 7;
        for (String id : List.of("linear_regression", "logistic_regression", "tanh_net")) {
            Surface s = Surfaces.create(id, Map.of("n", 1000));
            progress("data contour " + id);
            dev.descent.render.Scene scene = new dev.descent.render.Scene(s, s.defaultViewport(), 1280, 720,
                    dev.descent.render.SceneSettings.DEFAULT);
            for (int i = 0; i < (quick ? 1 : 3); i++) {
                dev.descent.render.StaticLayer.render(scene);
            }
            double[] seconds = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                dev.descent.render.StaticLayer.render(scene);
                seconds[i] = (System.nanoTime() - t0) / 1e9;
            }
            java.util.Arrays.sort(seconds);
            contours.put(id, Math.round(seconds[runs / 2] * 10000) / 10000.0);
        }
        node.set("contour_seconds_n1000", contours);
        ObjectNode steps = json.createObjectNode();
        long budget = quick ? 20_000_000L : 300_000_000L;
        Optimizer sgd = Optimizers.find("sgd").create(Map.of("lr", 0.01));
        for (int n : new int[] {1000, 100_000}) {
            Surface s = Surfaces.create("tanh_net", Map.of("n", n));
            for (int b : new int[] {1, 10, 100}) {
                progress("data steps n=" + n + " B=" + b);
                dev.descent.math.Objective mb = dev.descent.math.GradientNoise.minibatch(b, 1).applyTo(s);
                Stepper st = sgd.newStepper(2);
                double[] theta = {0.3, -0.5};
                long count = 0;
                long t0 = System.nanoTime();
                long elapsed;
                do {
                    for (int i = 0; i < 1000; i++) {
                        st.step(mb, theta, 0.01);
                    }
                    count += 1000;
                    elapsed = System.nanoTime() - t0;
                } while (elapsed < budget);
                steps.put("n" + n + "_b" + b, Math.round(count / (elapsed / 1e9)));
            }
        }
        node.set("minibatch_steps_per_second", steps);
        return node;
    }

    private ObjectNode contour(ObjectMapper json) {
        Surface rosenbrock = Surfaces.create("rosenbrock");
        Viewport view = new Viewport(-2, 2, -1, 3);
        int runs = quick ? 3 : 15;
        progress("contour warm-up");
        for (int i = 0; i < (quick ? 2 : 30); i++) {
            ContourBenchmark.run(rosenbrock, view, 1000, 30, 1280, 720);
        }
        progress("contour x" + runs);
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            ContourBenchmark.run(rosenbrock, view, 1000, 30, 1280, 720);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        java.util.Arrays.sort(seconds);
        double median = seconds[runs / 2];
        ObjectNode node = json.createObjectNode();
        node.put("surface", "rosenbrock");
        node.put("grid", 1000);
        node.put("levels", 30);
        node.put("size", "1280x720");
        node.put("seconds", Math.round(median * 10000) / 10000.0);
        // matplotlib's time for the same scene is not measured here: see docs/bench/contour_matplotlib.md
        return node;
    }

    /**
     * One window frame after a long race: eight runs of a million steps each on rosenbrock, painted
     * into 1600x1000 with the shared painters, the plot alone and with four charts below it (median
     * of several frames after a warm-up). The one-off tracing of the steps is reported apart: the
     * window spreads it over the frames, a few hundred steps each.
     */
    private ObjectNode frame(ObjectMapper json) {
        long steps = quick ? 10_000 : 1_000_000;
        progress("frame: 8 runs x " + steps + " steps, 1600x1000");
        FrameBench.Result r = FrameBench.run(steps, quick ? 3 : 15);
        ObjectNode node = json.createObjectNode();
        node.put("surface", "rosenbrock");
        node.put("runs", 8);
        node.put("steps_per_run", r.steps());
        node.put("size", FrameBench.WIDTH + "x" + FrameBench.HEIGHT);
        node.put("segments_drawn", r.segments());
        node.put("plot_ms", Math.round(r.plotMillis() * 100) / 100.0);
        node.put("with_charts_ms", Math.round(r.chartsMillis() * 100) / 100.0);
        // the painting threads' own CPU time: what the frame costs when other programs share the cores
        node.put("plot_cpu_ms", Math.round(r.plotCpuMillis() * 100) / 100.0);
        node.put("with_charts_cpu_ms", Math.round(r.chartsCpuMillis() * 100) / 100.0);
        // the same frames painted in one pass on one thread (plot_ms and with_charts_ms use two bands at once)
        node.put("plot_one_thread_ms", Math.round(r.plotOneThreadMillis() * 100) / 100.0);
        node.put("with_charts_one_thread_ms", Math.round(r.chartsOneThreadMillis() * 100) / 100.0);
        node.put("trace_seconds", Math.round(r.traceSeconds() * 1000) / 1000.0);
        return node;
    }

    /**
     * The race scene rendered to a GIF in a temporary file: 300 steps, one frame per step, 960x720
     * (matplotlib's FuncAnimation + PillowWriter: 21 s, 14 frames/s, 6.5 MB).
     */
    private ObjectNode export(ObjectMapper json) throws Exception {
        int frames = quick ? 30 : 300;
        ExportOptions o = ExportOptions.of(960, 720, 30, 1, frames, false);
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("descent-bench", ".gif");
        try {
            progress("export warm-up");
            Exporter.export(RaceScene.session(), Exporter.Format.GIF, o, tmp, null, null); // the same export once, for the JIT
            progress("export beale race, " + frames + " frames, 960x720 GIF");
            Exporter.Result r = Exporter.export(RaceScene.session(), Exporter.Format.GIF, o, tmp, null, null);
            ObjectNode node = json.createObjectNode();
            node.put("scene", "beale race");
            node.put("frames", r.frames());
            node.put("size", "960x720");
            node.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            node.put("frames_per_second", Math.round(r.frames() / r.seconds() * 10) / 10.0);
            node.put("bytes", r.bytes());
            return node;
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    /**
     * The race scene rendered to MP4 at 1280x720 (300 frames, one step each) by the encoder the
     * export uses here (FFmpeg, else jcodec), and by jcodec alone for comparison: frames per second
     * and bytes of each.
     */
    private ObjectNode exportMp4(ObjectMapper json) throws Exception {
        int frames = quick ? 30 : 300;
        ExportOptions o = ExportOptions.of(1280, 720, 30, 1, frames, false);
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("descent-bench", ".mp4");
        String before = System.getProperty("descent.mp4.encoder");
        try {
            ObjectNode node = json.createObjectNode();
            node.put("scene", "beale race");
            node.put("size", "1280x720");
            node.put("encoder", dev.descent.export.VideoEncoder.preferred().label());
            progress("export_mp4 warm-up");
            Exporter.export(RaceScene.session(), Exporter.Format.MP4, o, tmp, null, null);
            progress("export_mp4 beale race, " + frames + " frames, 1280x720 MP4");
            long cpu0 = processCpuNanos();
            Exporter.Result r = Exporter.export(RaceScene.session(), Exporter.Format.MP4, o, tmp, null, null);
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            // what the export cost the machine, whatever else runs: frames per CPU-second, and per second on two idle cores
            node.put("process_cpu_seconds", Math.round(cpu * 1000) / 1000.0);
            node.put("frames_per_cpu_second", Math.round(r.frames() / cpu * 10) / 10.0);
            node.put("frames", r.frames());
            node.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            node.put("frames_per_second", Math.round(r.frames() / r.seconds() * 10) / 10.0);
            node.put("bytes", r.bytes());
            // jcodec is ~30x slower: compared on the first 60 frames, sizes at equal frames
            int jf = quick ? 10 : 60;
            ExportOptions oj = ExportOptions.of(1280, 720, 30, 1, jf, false);
            Exporter.Result fj = Exporter.export(RaceScene.session(), Exporter.Format.MP4, oj, tmp, null, null);
            System.setProperty("descent.mp4.encoder", "jcodec");
            progress("export_mp4 the first " + jf + " frames through jcodec");
            Exporter.Result j = Exporter.export(RaceScene.session(), Exporter.Format.MP4, oj, tmp, null, null);
            node.put("compared_frames", jf);
            node.put("compared_bytes", fj.bytes());
            node.put("jcodec_bytes", j.bytes());
            node.put("jcodec_frames_per_second", Math.round(j.frames() / j.seconds() * 10) / 10.0);
            return node;
        } finally {
            if (before == null) {
                System.clearProperty("descent.mp4.encoder");
            } else {
                System.setProperty("descent.mp4.encoder", before);
            }
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    /** This process's CPU time over all its threads (-1 where the JVM does not tell). */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static void progress(String what) {
        System.err.println("bench: " + what);
    }
}
