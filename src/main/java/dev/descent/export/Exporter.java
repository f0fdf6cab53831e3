package dev.descent.export;

import dev.descent.session.SessionConfig;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import org.jcodec.common.model.Rational;
import org.jfree.svg.SVGGraphics2D;

/**
 * Exports a session: the runs are simulated here from the session's specs (so the numbers are the
 * window's and {@code trace}'s), the frames are drawn off-screen by the render package's painters,
 * and the file is written to a temporary name beside the target and moved into place only when
 * complete. Runs on the calling thread (the window calls it from a background task); reports
 * progress per frame and stops, leaving nothing behind, when {@code cancelled} turns true.
 *
 * <p>No JavaFX and no display: works with {@code java.awt.headless=true}.
 */
public final class Exporter {

    /** What to write. */
    public enum Format {
        GIF("gif", true), MP4("mp4", true), WEBM("webm", true), PNG_SEQUENCE("png frames", true), PNG("png", false), SVG("svg", false),
        CSV("csv", false);

        private final String label;
        private final boolean animated;

        Format(String label, boolean animated) {
            this.label = label;
            this.animated = animated;
        }

        public boolean animated() {
            return animated;
        }

        public String label() {
            return label;
        }

        /**
         * The format a path asks for: a path that ends with a separator is a PNG sequence; then by
         * extension ({@code .gif .mp4 .webm .png .svg .csv}, even when a folder has that name: the export
         * refuses it rather than filling the folder); then an existing folder is a PNG sequence.
         *
         * @throws IllegalArgumentException for anything else, and for an empty path
         */
        public static Format of(String path) {
            String p = path.trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("No output given: name a file such as race.gif, or a folder such as frames/");
            }
            String lower = p.toLowerCase(Locale.ROOT);
            if (p.endsWith("/") || p.endsWith(java.io.File.separator)) {
                return PNG_SEQUENCE;
            }
            if (lower.endsWith(".gif")) {
                return GIF;
            }
            if (lower.endsWith(".mp4")) {
                return MP4;
            }
            if (lower.endsWith(".webm")) {
                return WEBM;
            }
            if (lower.endsWith(".png")) {
                return PNG;
            }
            if (lower.endsWith(".svg")) {
                return SVG;
            }
            if (lower.endsWith(".csv")) {
                return CSV;
            }
            if (Files.isDirectory(Path.of(p))) {
                return PNG_SEQUENCE;
            }
            throw new IllegalArgumentException("Cannot tell the format of '" + path
                    + "': use .gif, .mp4, .webm, .png, .svg, .csv, or a folder ending with / for PNG frames");
        }
    }

    /** The PNG frames an export writes into a folder; an older set there is replaced as a whole. */
    static final java.util.regex.Pattern FRAME_NAMES = java.util.regex.Pattern.compile("frame_\\d{4,}\\.png");

    /** Told after each frame (or row block) is done; called on the exporting thread. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (d, t) -> { };
    }

    /** What an export wrote. */
    public record Result(Path path, Format format, int frames, long bytes, double seconds) {
    }

    private Exporter() {
    }

    /**
     * Simulates the session's runs up to {@code o.lastStep()} and writes {@code format} to
     * {@code out}.
     *
     * @throws IllegalArgumentException for an invalid session or options
     * @throws ExportException          when the target cannot be written (its message is for the user)
     * @throws ExportCancelledException when cancelled
     */
    public static Result export(SessionConfig session, Format format, ExportOptions o, Path out, Progress progress,
            BooleanSupplier cancelled) throws ExportException {
        long t0 = System.nanoTime();
        ExportRuns runs = ExportRuns.simulate(session, o.lastStep());
        return export(runs, format, o, out, progress, cancelled, t0);
    }

    /** Exports already simulated runs (their steps must reach {@code o.lastStep()}). */
    public static Result export(ExportRuns runs, Format format, ExportOptions o, Path out, Progress progress,
            BooleanSupplier cancelled, long startNanos) throws ExportException {
        if (runs.steps() < o.lastStep()) {
            throw new IllegalArgumentException("the runs were simulated for " + runs.steps() + " steps, not " + o.lastStep());
        }
        Progress p = progress == null ? Progress.NONE : progress;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        int frames;
        try {
            frames = switch (format) {
                case GIF -> gif(runs, o, out, p, stop);
                case MP4 -> mp4(runs, o, out, p, stop);
                case WEBM -> webm(runs, o, out, p, stop);
                case PNG_SEQUENCE -> pngSequence(runs, o, out, p, stop);
                case PNG -> png(runs, o, out, stop);
                case SVG -> svg(runs, o, out, stop);
                case CSV -> csv(runs, o, out, p, stop);
            };
        } catch (ExportException | RuntimeException e) {
            throw e;
        } catch (IOException e) {
            throw AtomicOutput.explain(out, e);
        }
        long bytes = size(out);
        return new Result(out, format, frames, bytes, (System.nanoTime() - startNanos) / 1e9);
    }

    private static long size(Path out) {
        try {
            if (Files.isDirectory(out)) {
                try (var s = Files.list(out)) {
                    return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                }
            }
            return Files.size(out);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new ExportCancelledException();
        }
    }

    // ---- GIF ----------------------------------------------------------------------------------------

    private static int gif(ExportRuns runs, ExportOptions o, Path out, Progress p, BooleanSupplier cancelled) throws IOException {
        try (AtomicOutput target = AtomicOutput.file(out)) {
            FramePainter painter = FramePainter.of(runs, o);
            GifAnimation.write(painter, o, target.temp(), p, cancelled);
            check(cancelled);
            target.commit();
            return o.frames();
        }
    }

    // ---- MP4 ----------------------------------------------------------------------------------------

    /** H.264 needs even sides: odd ones are rounded down by one pixel. */
    public static int even(int v) {
        return v - (v & 1);
    }

    private static int mp4(ExportRuns runs, ExportOptions o, Path out, Progress p, BooleanSupplier cancelled) throws IOException {
        ExportOptions e = o.withSize(even(o.width()), even(o.height()));
        try (AtomicOutput target = AtomicOutput.file(out)) {
            FramePainter painter = FramePainter.of(runs, e);
            String comment = EmbeddedSession.shareString(runs.session());
            try (VideoEncoder enc = VideoEncoder.open(target.temp(), e.width(), e.height(), e.fps(), comment)) {
                FramePipeline.run(painter, e, cancelled, (k, px) -> {
                    enc.encode(px);
                    p.update(k + 1, e.frames());
                });
                enc.finish();
                if (enc.kind() != VideoEncoder.Kind.FFMPEG) {
                    enc.close();
                    EmbeddedSession.appendMp4Box(target.temp(), comment);
                }
            }
            check(cancelled);
            target.commit();
            return e.frames();
        }
    }

    /**
     * WebM (VP9) through FFmpeg, where its libraries load; the session in the {@code COMMENT} tag.
     *
     * @throws IllegalArgumentException where FFmpeg is not available (there is no pure-Java VP9 encoder)
     */
    private static int webm(ExportRuns runs, ExportOptions o, Path out, Progress p, BooleanSupplier cancelled) throws IOException {
        if (!FfmpegEncoder.available()) {
            throw new IllegalArgumentException("WebM needs FFmpeg's libraries, which do not load on this machine: export .mp4 instead");
        }
        ExportOptions e = o.withSize(even(o.width()), even(o.height()));
        try (AtomicOutput target = AtomicOutput.file(out)) {
            FramePainter painter = FramePainter.of(runs, e);
            try (VideoEncoder enc = FfmpegEncoder.webm(target.temp(), e.width(), e.height(), e.fps(),
                    EmbeddedSession.shareString(runs.session()))) {
                FramePipeline.run(painter, e, cancelled, (k, px) -> {
                    enc.encode(px);
                    p.update(k + 1, e.frames());
                });
                enc.finish();
            }
            check(cancelled);
            target.commit();
            return e.frames();
        }
    }

    /** A frame rate as a fraction (29.97 → 29970/1000). */
    static Rational rational(double fps) {
        return JcodecEncoder.rational(fps);
    }

    // ---- PNG frames, stills -------------------------------------------------------------------------

    private static int pngSequence(ExportRuns runs, ExportOptions o, Path out, Progress p, BooleanSupplier cancelled) throws IOException {
        try (AtomicOutput target = AtomicOutput.folder(out, FRAME_NAMES)) {
            FramePainter painter = FramePainter.of(runs, o);
            BufferedImage img = new BufferedImage(o.width(), o.height(), BufferedImage.TYPE_INT_RGB);
            int n = o.frames();
            int digits = Math.max(4, Integer.toString(n).length());
            for (int k = 0; k < n; k++) {
                check(cancelled);
                draw(painter, img, o.stepOf(k));
                Path f = target.temp().resolve(String.format(Locale.ROOT, "frame_%0" + digits + "d.png", k + 1));
                try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
                    EmbeddedSession.writePng(img, runs.session(), os);
                }
                p.update(k + 1, n);
            }
            check(cancelled);
            target.commit();
            return n;
        }
    }

    private static int png(ExportRuns runs, ExportOptions o, Path out, BooleanSupplier cancelled) throws IOException {
        FramePainter painter = FramePainter.of(runs, o);
        BufferedImage img = painter.render(o.lastStep());
        AtomicOutput.write(out, os -> EmbeddedSession.writePng(img, runs.session(), os), cancelled);
        return 1;
    }

    private static int svg(ExportRuns runs, ExportOptions o, Path out, BooleanSupplier cancelled) throws IOException {
        FramePainter painter = FramePainter.of(runs, o);
        SVGGraphics2D g = new SVGGraphics2D(o.width(), o.height());
        painter.paint(g, o.lastStep());
        byte[] doc = EmbeddedSession.embedInSvg(g.getSVGDocument(), runs.session()).getBytes(StandardCharsets.UTF_8);
        AtomicOutput.write(out, os -> os.write(doc), cancelled);
        return 1;
    }

    static void draw(FramePainter painter, BufferedImage img, long step) {
        draw(img, g -> painter.paint(g, step));
    }

    /** Paints into {@code img} through a graphics context made for it, disposed after. */
    static BufferedImage draw(BufferedImage img, java.util.function.Consumer<Graphics2D> paint) {
        Graphics2D g = dev.descent.render.DirectPixels.createGraphics(img);
        try {
            paint.accept(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    static int[] pixels(BufferedImage img) {
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    // ---- CSV ----------------------------------------------------------------------------------------

    /**
     * Every run (hidden ones too) up to the last step: {@code run,name,step,x,y,loss}, then
     * {@code uphill} (1 where the step raised f), {@code function_evaluations} and
     * {@code gradient_evaluations} (what the row cost), {@code status} (on a run's last row only:
     * converged, stalled, escaped, diverged, finished, running), then two columns per probe
     * ({@code m_x, m_y, …}) over the union of all runs' probes, empty where a run has no such probe
     * and in row 0; when some run draws minibatches, then {@code batch_loss, grad_error, epoch}
     * (empty for runs without them and in row 0).
     */
    private static int csv(ExportRuns runs, ExportOptions o, Path out, Progress p, BooleanSupplier cancelled) throws IOException {
        AtomicOutput.write(out, os -> writeCsv(runs, o.lastStep(), os, p, cancelled), cancelled);
        return 1;
    }

    /** Writes the CSV to a stream (the caller closes it). */
    public static void writeCsv(ExportRuns runs, long lastStep, OutputStream os, Progress p, BooleanSupplier cancelled) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (SimulatedRun r : runs.all()) {
            names.addAll(r.probeNames());
        }
        List<String> probes = new ArrayList<>(names);
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        w.write("run,name,step,x,y,loss,uphill,function_evaluations,gradient_evaluations,status");
        for (String n : probes) {
            List<String> c = dev.descent.optim.Probe.components(n);
            w.write("," + n + "_" + c.get(0) + "," + n + "_" + c.get(1));
        }
        boolean batches = false;
        for (SimulatedRun r : runs.all()) {
            batches |= r.costs() != null && r.costs().length > 5 && r.rows() > 1 && Double.isFinite(r.costs()[5][1]);
        }
        if (batches) {
            w.write(",batch_loss,grad_error,epoch");
        }
        w.write('\n');
        StringBuilder line = new StringBuilder(256);
        int total = runs.all().size();
        for (int ri = 0; ri < total; ri++) {
            SimulatedRun r = runs.all().get(ri);
            int[] col = new int[probes.size()];
            for (int k = 0; k < probes.size(); k++) {
                col[k] = r.probeNames().indexOf(probes.get(k));
            }
            int rows = r.rowsAt(lastStep);
            String name = csvText(r.label());
            for (int i = 0; i < rows; i++) {
                if ((i & 4095) == 0) {
                    check(cancelled);
                }
                line.setLength(0);
                line.append(ri + 1).append(',').append(name).append(',').append(i).append(',')
                        .append(r.xs()[i]).append(',').append(r.ys()[i]).append(',').append(r.loss()[i]).append(',');
                if (i > 0) {
                    line.append((long) r.costs()[0][i]);
                }
                line.append(',').append((long) r.costs()[1][i]).append(',').append((long) r.costs()[2][i]).append(',');
                if (i == rows - 1) {
                    line.append(rows == r.rows() ? r.status().word() : "running");
                }
                for (int c : col) {
                    if (c < 0 || i == 0) {
                        line.append(",,");
                    } else {
                        line.append(',').append(r.probes()[2 * c][i]).append(',').append(r.probes()[2 * c + 1][i]);
                    }
                }
                if (batches) {
                    boolean has = i > 0 && r.costs().length > 5 && Double.isFinite(r.costs()[5][i]);
                    if (has) {
                        line.append(',').append(r.costs()[3][i]).append(',').append(r.costs()[4][i]).append(',')
                                .append((long) r.costs()[5][i]);
                    } else {
                        line.append(",,,");
                    }
                }
                line.append('\n');
                w.append(line);
            }
            p.update(ri + 1, total);
        }
        w.flush();
    }

    private static String csvText(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Opens an ImageIO stream on a file (closed by the caller). */
    static ImageOutputStream imageStream(Path file) throws IOException {
        return new FileImageOutputStream(file.toFile());
    }
}
