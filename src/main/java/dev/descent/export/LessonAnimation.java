package dev.descent.export;

import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.session.ViewBox;
import dev.descent.render.Camera3D;
import dev.descent.session.Beat;
import dev.descent.session.Lesson;
import dev.descent.session.LessonCheck;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.imageio.stream.ImageOutputStream;

/**
 * A lesson as an animation for slides: beat after beat, each drawn with its own runs, overlays and
 * view, from where the previous beat ended to its own last step, then held for a moment so the
 * caption can be read. The caption is drawn in a band across the top of every frame, with
 * "k / n". The runs are the lesson's own, simulated as {@link ExportRuns} does (the window's numbers).
 */
public final class LessonAnimation {

    /** At most this many frames play a beat; longer beats take several steps a frame. */
    public static final int FRAMES_PER_BEAT = 150;

    private final List<FramePainter> beats = new ArrayList<>();
    private final List<String> captions = new ArrayList<>();
    /** Per frame: the beat (index) and the step it shows. */
    private final List<long[]> frames = new ArrayList<>();
    private final int width;
    private final int height;
    /** The lesson's session, carried inside the file. */
    private final SessionConfig session;

    /**
     * @param holdSeconds how long the end of each beat stays on screen
     * @throws IllegalArgumentException when the lesson has no beats or the size is out of range
     */
    public LessonAnimation(Lesson lesson, int width, int height, double fps, double holdSeconds) {
        if (lesson.beats().isEmpty()) {
            throw new IllegalArgumentException("lesson " + lesson.id() + " has no beats to render");
        }
        ExportOptions.of(width, height, fps, 1, 1, false); // validates size and fps
        this.width = width;
        this.height = height;
        this.session = lesson.session();
        long[] ends = LessonCheck.beatSteps(lesson);
        int hold = (int) Math.max(1, Math.round(holdSeconds * fps));
        long from = 0;
        for (int k = 0; k < ends.length; k++) {
            Beat b = lesson.beats().get(k);
            SessionConfig s = look(lesson.session(), b);
            ExportRuns runs = ExportRuns.simulate(s, Math.max(1, ends[k]));
            int band = captionBand(height);
            // the caption band says the beat: the plot (or the relief) carries the step counter and the legend
            beats.add(b.relief() != null
                    ? new ReliefFrames(runs, width, height - band, Overlays.ALL.withTitle(false), false, camera(b.relief()))
                    : new SceneFrames(runs, width, height - band, false, Math.max(1, ends[k]), Overlays.ALL.withTitle(false),
                            null, null, null));
            captions.add(b.caption());
            long span = ends[k] - from;
            long per = Math.max(1, (span + FRAMES_PER_BEAT - 1) / FRAMES_PER_BEAT);
            for (long step = from + per; step < ends[k]; step += per) {
                frames.add(new long[] {k, step});
            }
            for (int i = 0; i < hold; i++) {
                frames.add(new long[] {k, ends[k]});
            }
            from = ends[k];
        }
    }

    /** The 3-D view's camera a beat asks for: the window's first view where it leaves a value out. */
    public static Camera3D camera(Beat.Relief r) {
        Camera3D d = Camera3D.DEFAULT;
        return new Camera3D(r.azimuth() != null ? r.azimuth() : d.azimuth(), r.elevation() != null ? r.elevation() : d.elevation(),
                r.zoom() != null ? r.zoom() : d.zoom());
    }

    /** The session as the beat shows it: its runs visible, its overlays and view. */
    static SessionConfig look(SessionConfig s, Beat b) {
        List<RunConfig> runs = new ArrayList<>();
        for (RunConfig r : s.runs()) {
            runs.add(r.withVisible(b.shows(r.name())));
        }
        ViewBox view = b.view() != null ? b.view() : s.view();
        return s.withRuns(runs).withView(view).withLook(s.colorMap(),
                b.contourLines() != null ? b.contourLines() : s.contourLines(),
                b.gradientField() != null ? b.gradientField() : s.gradientField(),
                b.trail() != null ? b.trail() : s.trail());
    }

    public int frames() {
        return frames.size();
    }

    /** The caption band's height: room for two lines of large type. */
    static int captionBand(int height) {
        return Math.max(40, Math.round(height * 0.14f));
    }

    /** Paints frame {@code i}: the caption band, then the beat's plot below it. */
    public void paint(Graphics2D g, int i) {
        long[] f = frames.get(i);
        int k = (int) f[0];
        int band = captionBand(height);
        g.setColor(new Color(0x20, 0x24, 0x2c));
        g.fillRect(0, 0, width, band);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int pad = Math.max(6, band / 8);
        String counter = (k + 1) + " / " + beats.size();
        float size = band / 3.6f;
        List<String> lines;
        Font font;
        FontMetrics fm;
        do { // the largest type at which the caption fits in two lines
            font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(size));
            fm = g.getFontMetrics(font);
            lines = wrap(captions.get(k), fm, width - 3 * pad - fm.stringWidth(counter));
            size *= 0.9f;
        } while (lines.size() * fm.getHeight() > band - pad && size > 8);
        g.setFont(font);
        g.setColor(Color.WHITE);
        int y = (band - lines.size() * fm.getHeight()) / 2 + fm.getAscent();
        for (String line : lines) {
            g.drawString(line, pad, y);
            y += fm.getHeight();
        }
        g.setColor(new Color(0xb0, 0xb8, 0xc4));
        g.drawString(counter, width - pad - fm.stringWidth(counter), (band - fm.getHeight()) / 2 + fm.getAscent());
        Graphics2D plot = (Graphics2D) g.create(0, band, width, height - band);
        try {
            beats.get(k).paint(plot, f[1]);
        } finally {
            plot.dispose();
        }
    }

    static List<String> wrap(String text, FontMetrics fm, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) > maxWidth && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Frame {@code i} as a new opaque image. */
    public BufferedImage render(int i) {
        return Exporter.draw(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), g -> paint(g, i));
    }

    /**
     * Writes the animation as a GIF or an MP4 (the format follows the file name), atomically.
     *
     * @return the number of frames written
     * @throws IllegalArgumentException for another format
     */
    public int write(Path out, double fps, Exporter.Progress progress, BooleanSupplier cancelled) throws ExportException {
        Exporter.Format format = Exporter.Format.of(out.toString());
        Exporter.Progress p = progress == null ? Exporter.Progress.NONE : progress;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        if (format != Exporter.Format.GIF && format != Exporter.Format.MP4) {
            throw new IllegalArgumentException("a lesson renders to .gif or .mp4, not " + out.getFileName());
        }
        if (format == Exporter.Format.MP4 && (width % 2 != 0 || height % 2 != 0)) {
            throw new IllegalArgumentException("MP4 needs an even width and height, got " + width + "x" + height);
        }
        try (AtomicOutput target = AtomicOutput.file(out)) {
            if (format == Exporter.Format.GIF) {
                gif(target.temp(), fps, p, stop);
            } else {
                mp4(target.temp(), fps, p, stop);
            }
            check(stop);
            target.commit();
            return frames.size();
        } catch (IOException e) {
            throw AtomicOutput.explain(out, e);
        }
    }

    private void gif(Path file, double fps, Exporter.Progress p, BooleanSupplier stop) throws IOException {
        List<int[]> samples = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) { // the end of every beat: each has its own view and runs
            if (i + 1 == frames.size() || frames.get(i + 1)[0] != frames.get(i)[0]) {
                samples.add(Exporter.pixels(render(i)));
            }
        }
        List<Integer> forced = new ArrayList<>(List.of(Color.WHITE.getRGB(), new Color(0x20, 0x24, 0x2c).getRGB()));
        GifPalette palette = GifPalette.build(samples, forced);
        try (ImageOutputStream ios = Exporter.imageStream(file);
             GifWriter gif = new GifWriter(ios, width, height, GifWriter.delayFor(fps), palette)) {
            gif.setComment(EmbeddedSession.shareString(session));
            int[] previous = null;
            for (int i = 0; i < frames.size(); i++) {
                check(stop);
                int[] px = Exporter.pixels(render(i));
                gif.write(GifWriter.prepare(previous, px, width, height, palette));
                previous = px;
                p.update(i + 1, frames.size());
            }
            gif.finish();
        }
    }

    private void mp4(Path file, double fps, Exporter.Progress p, BooleanSupplier stop) throws IOException {
        String comment = EmbeddedSession.shareString(session);
        try (VideoEncoder enc = VideoEncoder.open(file, width, height, fps, comment)) {
            for (int i = 0; i < frames.size(); i++) {
                check(stop);
                enc.encode(Exporter.pixels(render(i)));
                p.update(i + 1, frames.size());
            }
            enc.finish();
            if (enc.kind() != VideoEncoder.Kind.FFMPEG) {
                enc.close();
                EmbeddedSession.appendMp4Box(file, comment);
            }
        }
    }

    private static void check(BooleanSupplier stop) {
        if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new ExportCancelledException();
        }
    }
}
