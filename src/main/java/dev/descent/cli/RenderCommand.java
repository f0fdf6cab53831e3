package dev.descent.cli;

import dev.descent.export.ExportCancelledException;
import dev.descent.export.ExportException;
import dev.descent.export.ExportOptions;
import dev.descent.render.ArrowPainter;
import dev.descent.render.Camera3D;
import dev.descent.export.Exporter;
import dev.descent.export.Overlays;
import dev.descent.export.LessonAnimation;
import dev.descent.session.Presets;
import dev.descent.session.SessionConfig;
import dev.descent.session.SessionFiles;
import dev.descent.session.Lessons;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Renders a session's runs to a file without a display: an animated GIF, an MP4, a folder of PNG
 * frames, a PNG or SVG still of the last step, or the trajectories as CSV. Never starts JavaFX.
 */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render a session's runs without a display: the format follows --out",
                "(.gif, .mp4, a folder ending with / for PNG frames, .png or .svg for a still of the last step,",
                ".csv for every run's trajectory with its probes).",
                "Progress goes to stderr; the file appears only when complete."})
final class RenderCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--session", paramLabel = "FILE", required = true, description = "a session file (JSON), as saved by the window, or a PNG, GIF, MP4 or SVG Descent exported (the session inside)")
        Path session;

        @Option(names = "--preset", paramLabel = "ID", required = true, description = "a built-in lesson instead of a file (see `list`), e.g. rosenbrock-race")
        String preset;

        @Option(names = "--lesson", paramLabel = "ID", required = true,
                description = "a lesson beat by beat, its captions drawn on the frames (.gif or .mp4; the beats decide the steps)")
        String lesson;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--out", paramLabel = "OUT", required = true, description = "OUT.gif, OUT.mp4, FOLDER/, OUT.png, OUT.svg or OUT.csv")
    String out;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "300", description = "the last step shown; default: ${DEFAULT-VALUE}")
    long steps;

    @Option(names = "--first-step", paramLabel = "N", defaultValue = "0", description = "the step the animation starts from; default: ${DEFAULT-VALUE}")
    long firstStep;

    @Option(names = "--steps-per-frame", paramLabel = "K", defaultValue = "1", description = "steps between two frames; default: ${DEFAULT-VALUE}")
    int stepsPerFrame;

    @Option(names = "--fps", paramLabel = "FPS", defaultValue = "30", description = "frames per second; default: ${DEFAULT-VALUE}")
    double fps;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x720", description = "frame size, e.g. 1280x720, 720p, 1080p; default: ${DEFAULT-VALUE}")
    String size;

    @Option(names = "--charts", description = "draw the window's loss chart beside the plot (below it in a tall frame)")
    boolean charts;

    @Option(names = "--no-step", description = "leave out the step counter (every frame carries it by default)")
    boolean noStep;

    @Option(names = "--no-title", description = "leave out the title and caption (the session's title and description)")
    boolean noTitle;

    @Option(names = "--no-legend", description = "leave out the legend (runs with their optimizer and settings)")
    boolean noLegend;

    @Option(names = "--no-aids", description = "leave out the aids drawn over the plot (arrows, maps)")
    boolean noAids;

    @Option(names = "--dark", description = "the dark theme, as the window's View → Dark (projectors)")
    boolean dark;

    @Option(names = "--3d", arity = "0..1", fallbackValue = "", paramLabel = "AZ,EL[,ZOOM]",
            description = {"the 3-D view instead of the plot (the window's View → 3-D view), seen from azimuth AZ and"
                    + " elevation EL in degrees (default: -30,35) magnified by ZOOM (default: 1)"})
    String view3d;

    @Option(names = "--arrows", paramLabel = "KINDS",
            description = {"draw each run's last step as arrows: all, or some of gradient, velocity, step, lookahead,"
                    + " slow_weights, preconditioned, newton_step, trial, averaged, rate_box, fast_path (comma-separated);"
                    + " trial marks the points a line search tried (BFGS, CG, L-BFGS; the accepted one ringed),"
                    + " rate_box an adaptive method's per-coordinate step box (half-sides ∝ each coordinate's effective rate),"
                    + " fast_path Lookahead's fast steps since its last synchronisation"})
    String arrows;

    @Option(names = "--hold", paramLabel = "SECONDS", defaultValue = "2", description = "with --lesson: how long each beat's end stays; default: ${DEFAULT-VALUE}")
    double hold;

    @Option(names = {"--quiet", "-q"}, description = "no progress on stderr")
    boolean quiet;

    @Spec
    CommandSpec commandSpec;

    /**
     * {@code AZ,EL[,ZOOM]}, or empty for the window's first view.
     *
     * @throws IllegalArgumentException naming the value
     */
    static Camera3D camera(String text) {
        if (text.isBlank()) {
            return Camera3D.DEFAULT;
        }
        try {
            return Camera3D.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for --3d: '" + text + "' (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public Integer call() {
        if (out.isBlank()) {
            throw new IllegalArgumentException("Invalid value for --out: it is empty; name a file such as race.gif, or a folder such as frames/");
        }
        Exporter.Format format = Exporter.Format.of(out);
        int[] wh = ExportOptions.parseSize(size);
        Overlays overlays = new Overlays(!noStep, !noTitle, !noLegend, !noAids);
        ExportOptions o = new ExportOptions(wh[0], wh[1], fps, stepsPerFrame, firstStep, steps, charts, overlays,
                arrows == null ? null : ArrowPainter.Settings.parse(arrows), dark, view3d == null ? null : camera(view3d));
        PrintWriter err = commandSpec.commandLine().getErr();
        if (source.lesson != null) {
            if (view3d != null) {
                throw new IllegalArgumentException("--3d draws a --session or a --preset; a --lesson's beats say which of them show the 3-D view (relief)");
            }
            return lesson(format, wh, err);
        }
        SessionConfig session = source.session != null ? readSession(source.session) : Presets.load(source.preset).session();
        long t0 = System.nanoTime();
        Exporter.Progress progress = quiet ? Exporter.Progress.NONE : new Exporter.Progress() {
            int lastPercent = -1;

            @Override
            public void update(int done, int total) {
                int percent = (int) (100L * done / Math.max(1, total));
                if (percent / 10 != lastPercent / 10 || done == total) {
                    lastPercent = percent;
                    double s = (System.nanoTime() - t0) / 1e9;
                    double left = done == 0 ? 0 : s * (total - done) / done;
                    err.printf(Locale.ROOT, "render: %d/%d %s (%d%%), %.1f s, about %.1f s left%n", done, total,
                            format.animated() ? "frames" : "runs", percent, s, left);
                    err.flush();
                }
            }
        };
        try {
            Exporter.Result r = Exporter.export(session, format, o, Path.of(out), progress, null);
            if (!quiet) {
                err.printf(Locale.ROOT, "render: wrote %s (%s, %d frame%s, %,d bytes) in %.2f s%n", r.path(), format.label(),
                        r.frames(), r.frames() == 1 ? "" : "s", r.bytes(), r.seconds());
                err.flush();
            }
            return 0;
        } catch (ExportException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (ExportCancelledException e) {
            return 130;
        }
    }

    private int lesson(Exporter.Format format, int[] wh, PrintWriter err) {
        if (format != Exporter.Format.GIF && format != Exporter.Format.MP4) {
            throw new IllegalArgumentException("--lesson renders to .gif or .mp4, not " + out);
        }
        if (!(hold >= 0) || hold > 60) {
            throw new IllegalArgumentException("Invalid --hold " + hold + " (seconds, 0 to 60)");
        }
        int w = format == Exporter.Format.MP4 ? Exporter.even(wh[0]) : wh[0];
        int h = format == Exporter.Format.MP4 ? Exporter.even(wh[1]) : wh[1];
        long t0 = System.nanoTime();
        LessonAnimation a = new LessonAnimation(Lessons.load(source.lesson), w, h, fps, hold);
        Exporter.Progress progress = quiet ? Exporter.Progress.NONE : (done, total) -> {
            if (done == total || done % Math.max(1, total / 10) == 0) {
                err.printf(Locale.ROOT, "render: %d/%d frames (%d%%), %.1f s%n", done, total, 100L * done / Math.max(1, total),
                        (System.nanoTime() - t0) / 1e9);
                err.flush();
            }
        };
        try {
            int frames = a.write(Path.of(out), fps, progress, null);
            if (!quiet) {
                err.printf(Locale.ROOT, "render: wrote %s (%s, %d frames) in %.2f s%n", out, format.label(), frames,
                        (System.nanoTime() - t0) / 1e9);
                err.flush();
            }
            return 0;
        } catch (ExportException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (ExportCancelledException e) {
            return 130;
        }
    }

    /** A session file, or the session inside an export. */
    private static SessionConfig readSession(Path file) {
        try {
            if (java.nio.file.Files.isRegularFile(file)) {
                java.util.Optional<SessionConfig> inside = dev.descent.export.EmbeddedSession.read(file);
                if (inside.isPresent()) {
                    return inside.get();
                }
            }
        } catch (java.io.IOException e) {
            throw new SessionFiles.SessionFileException(file + " cannot be read: " + e.getMessage());
        }
        return SessionFiles.read(file);
    }
}
