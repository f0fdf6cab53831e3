package dev.descent.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes H.264 MP4 from {@code TYPE_INT_RGB} pixels, one frame at a time. Two implementations:
 * FFmpeg (JavaCV's bindings, bundled for linux-x86_64; fast) and jcodec (pure Java; slow, works
 * everywhere). {@link #open} takes FFmpeg when its natives load and jcodec otherwise; the system
 * property {@code descent.mp4.encoder} ({@code auto}, {@code ffmpeg}, {@code jcodec}) chooses.
 */
public interface VideoEncoder extends AutoCloseable {

    /** Which encoder wrote a file. */
    enum Kind {
        FFMPEG("FFmpeg"), JCODEC("jcodec");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    Kind kind();

    /** Encodes one frame: {@code width × height} pixels {@code 0xRRGGBB}, row by row. */
    void encode(int[] rgb) throws IOException;

    /** Finishes the file (the session travels in it as metadata where the encoder can). */
    void finish() throws IOException;

    @Override
    void close();

    /**
     * Opens an encoder for {@code file} (overwritten).
     *
     * @param comment the text to store as the file's {@code comment} tag (may be null)
     */
    static VideoEncoder open(Path file, int width, int height, double fps, String comment) throws IOException {
        String wanted = System.getProperty("descent.mp4.encoder", "auto").trim().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "jcodec":
                return new JcodecEncoder(file, width, height, fps);
            case "ffmpeg":
                return new FfmpegEncoder(file, width, height, fps, comment);
            default:
                if (FfmpegEncoder.available()) {
                    try {
                        return new FfmpegEncoder(file, width, height, fps, comment);
                    } catch (IOException | RuntimeException | LinkageError e) {
                        // fall back to the encoder that always works
                    }
                }
                return new JcodecEncoder(file, width, height, fps);
        }
    }

    /** The encoder {@link #open} would use here. */
    static Kind preferred() {
        String wanted = System.getProperty("descent.mp4.encoder", "auto").trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("jcodec")) {
            return Kind.JCODEC;
        }
        return wanted.equals("ffmpeg") || FfmpegEncoder.available() ? Kind.FFMPEG : Kind.JCODEC;
    }
}
