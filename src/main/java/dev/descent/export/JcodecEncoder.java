package dev.descent.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/** H.264 MP4 in pure Java (jcodec): the fallback that works on every platform, about 11 frames/s at 720p. */
final class JcodecEncoder implements VideoEncoder {

    private final SeekableByteChannel ch;
    private final AWTSequenceEncoder enc;
    private final BufferedImage img;
    private final int[] px;

    JcodecEncoder(Path file, int width, int height, double fps) throws IOException {
        ch = NIOUtils.writableChannel(file.toFile());
        try {
            enc = new AWTSequenceEncoder(ch, rational(fps));
        } catch (IOException | RuntimeException e) {
            NIOUtils.closeQuietly(ch);
            throw e;
        }
        img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    /** A frame rate as a fraction (29.97 → 29970/1000). */
    static Rational rational(double fps) {
        if (fps == Math.rint(fps)) {
            return Rational.R((int) fps, 1);
        }
        return Rational.R((int) Math.round(fps * 1000), 1000);
    }

    @Override
    public Kind kind() {
        return Kind.JCODEC;
    }

    @Override
    public void encode(int[] rgb) throws IOException {
        System.arraycopy(rgb, 0, px, 0, px.length);
        enc.encodeImage(img);
    }

    @Override
    public void finish() throws IOException {
        enc.finish();
    }

    @Override
    public void close() {
        NIOUtils.closeQuietly(ch);
    }
}
