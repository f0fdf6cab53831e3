package dev.descent.export;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws and encodes an animated GIF: one palette built from the first and last frames (which hold
 * every colour the animation shows), then each frame drawn (on worker threads), reduced to what
 * changed since the previous one ({@link GifWriter#prepare}) and written in order.
 */
public final class GifAnimation {

    private GifAnimation() {
    }

    /**
     * Writes the animation to {@code file} (overwritten). Frames are drawn on worker threads, a
     * few ahead, while this thread reduces each to what changed and writes it, in order.
     */
    public static void write(FramePainter painter, ExportOptions o, Path file, Exporter.Progress p, BooleanSupplier cancelled)
            throws IOException {
        int w = painter.width();
        int h = painter.height();
        int n = o.frames();
        GifPalette palette = palette(painter, o);
        try (ImageOutputStream ios = Exporter.imageStream(file);
             GifWriter gif = new GifWriter(ios, w, h, GifWriter.delayFor(o.fps()), palette)) {
            gif.setComment(EmbeddedSession.shareString(painter.runs().session()));
            int[][] previous = {null};
            FramePipeline.run(painter, o, cancelled, (k, px) -> {
                gif.write(GifWriter.prepare(previous[0], px, w, h, palette));
                previous[0] = px;
                p.update(k + 1, n);
            });
            gif.finish();
        }
    }

    /** The palette of an animation: colours of its first and last frames, run colours exactly. */
    static GifPalette palette(FramePainter painter, ExportOptions o) {
        List<int[]> samples = new ArrayList<>();
        samples.add(Exporter.pixels(painter.render(o.stepOf(0))));
        if (o.frames() > 1) {
            samples.add(Exporter.pixels(painter.render(o.lastStep())));
        }
        List<Integer> forced = new ArrayList<>();
        for (SimulatedRun r : painter.runs().shown()) {
            forced.add(r.color().getRGB());
        }
        forced.add(Color.WHITE.getRGB());
        forced.add(painter.text().getRGB());
        return GifPalette.build(samples, forced);
    }
}
