package dev.descent.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Draws an animation's frames on worker threads, a few ahead, and hands them to one consumer in
 * order on the calling thread (an encoder is not thread-safe; painting is).
 */
final class FramePipeline {

    /** Takes frame {@code k}'s pixels ({@code 0xRRGGBB}, row by row); the array is not reused. */
    @FunctionalInterface
    interface Sink {
        void accept(int k, int[] rgb) throws IOException;
    }

    private FramePipeline() {
    }

    static int threads() {
        return Integer.getInteger("descent.export.threads", Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    static void run(FramePainter painter, ExportOptions o, BooleanSupplier cancelled, Sink sink) throws IOException {
        int w = painter.width();
        int h = painter.height();
        int n = o.frames();
        int threads = threads();
        int ahead = 2 * threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "descent-export-frames");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<int[]>> queue = new ArrayDeque<>();
        try {
            int next = 0;
            for (int k = 0; k < n; k++) {
                while (next < n && next < k + ahead) {
                    long step = o.stepOf(next++);
                    queue.add(pool.submit(() -> {
                        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                        Exporter.draw(painter, img, step);
                        return Exporter.pixels(img);
                    }));
                }
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new ExportCancelledException();
                }
                sink.accept(k, get(queue.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportCancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }
}
