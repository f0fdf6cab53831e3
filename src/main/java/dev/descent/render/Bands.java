package dev.descent.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Paints one picture on two cores: the image is cut into a top and a bottom band at a row (or a left
 * and a right one at a column), and the same painting runs for each band at once, clipped to it (the
 * calling thread takes the first band, one helper thread the second). Java2D's anti-aliased rasteriser computes a pixel's coverage from
 * the shapes alone, never from the clip, so every pixel comes out exactly as one pass over the whole
 * image would paint it ({@code BandsTest} holds a frame of eight long runs to that, pixel for pixel);
 * each band costs only the rows it holds, since the rasteriser skips what lies outside the clip.
 *
 * <p>The painting must draw only through the {@link Graphics2D} it is given, intersect the clip
 * rather than replace it, and read no pixels back; it runs on two threads at once, so it may only read
 * what it shares (the painters, a static layer, traced paths nobody feeds meanwhile). A JFreeChart
 * chart is not such a thing: draw each chart in one band only (skip it where
 * {@code g.getClipBounds()} does not meet it) and cut between charts. When the helper is busy (another picture is being
 * painted in bands) or there is one core, the caller paints the whole image itself.
 */
public final class Bands {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final boolean SEVERAL_CORES = Runtime.getRuntime().availableProcessors() > 1;
    private static final Semaphore FREE = new Semaphore(1);
    private static volatile ExecutorService helper;

    private Bands() {
    }

    /**
     * Paints {@code painter} into {@code target}, rows [0, split) on the calling thread and rows
     * [split, height) on the helper at the same time; with a split outside (0, height) in one pass.
     *
     * @param target Modified.
     * @return the CPU time both bands took, in nanoseconds (the calling thread's alone when painted in one pass)
     */
    public static long paint(BufferedImage target, int split, Consumer<Graphics2D> painter) {
        return paint(target, split, false, painter);
    }

    /**
     * As {@link #paint(BufferedImage, int, Consumer)}, cutting at column {@code split} into a left
     * band (the calling thread's) and a right one.
     *
     * @param target Modified.
     * @return the CPU time both bands took, in nanoseconds
     */
    public static long paintColumns(BufferedImage target, int split, Consumer<Graphics2D> painter) {
        return paint(target, split, true, painter);
    }

    private static long paint(BufferedImage target, int split, boolean columns, Consumer<Graphics2D> painter) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(painter, "painter");
        int w = target.getWidth();
        int h = target.getHeight();
        long c0 = CPU.getCurrentThreadCpuTime();
        int extent = columns ? w : h;
        if (!SEVERAL_CORES || split <= 0 || split >= extent || !FREE.tryAcquire()) {
            paintBand(target, 0, 0, w, h, painter);
            return CPU.getCurrentThreadCpuTime() - c0;
        }
        try {
            Future<Long> bottom = helper().submit(() -> {
                long b0 = CPU.getCurrentThreadCpuTime();
                if (columns) {
                    paintBand(target, split, 0, w - split, h, painter);
                } else {
                    paintBand(target, 0, split, w, h - split, painter);
                }
                return CPU.getCurrentThreadCpuTime() - b0;
            });
            paintBand(target, 0, 0, columns ? split : w, columns ? h : split, painter);
            long own = CPU.getCurrentThreadCpuTime() - c0;
            try {
                return own + bottom.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                bottom.cancel(false);
                throw new IllegalStateException("interrupted while painting", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        } finally {
            FREE.release();
        }
    }

    /**
     * The row that splits the pixel rows of these paths' stored points in two halves of equal count
     * (where the lines are, the rasteriser has work), within (0, height); height / 2 without points.
     */
    public static int balancedSplit(List<PathTracer> paths, int height) {
        return balanced(paths, height, false);
    }

    /** As {@link #balancedSplit}, the column that splits the points' pixel columns in two halves, within (0, width). */
    public static int balancedColumn(List<PathTracer> paths, int width) {
        return balanced(paths, width, true);
    }

    private static int balanced(List<PathTracer> paths, int height, boolean columns) {
        int[] rows = new int[Math.max(1, height)];
        long n = 0;
        if (paths != null) {
            for (PathTracer p : paths) {
                if (p == null) {
                    continue;
                }
                for (int k = 0; k < p.stored(); k++) {
                    double y = columns ? p.storedX(k) : p.storedY(k);
                    if (y >= 0 && y < height) {
                        rows[(int) y]++;
                        n++;
                    }
                }
            }
        }
        if (n == 0 || height < 2) {
            return height / 2;
        }
        long half = n / 2;
        long seen = 0;
        for (int y = 0; y < height; y++) {
            seen += rows[y];
            if (seen > half) {
                return Math.max(1, Math.min(height - 1, y));
            }
        }
        return height / 2;
    }

    private static void paintBand(BufferedImage target, int x, int y, int w, int h, Consumer<Graphics2D> painter) {
        Graphics2D g = DirectPixels.createGraphics(target);
        try {
            g.clipRect(x, y, w, h);
            painter.accept(g);
        } finally {
            g.dispose();
        }
    }

    private static ExecutorService helper() {
        ExecutorService e = helper;
        if (e == null) {
            synchronized (Bands.class) {
                e = helper;
                if (e == null) {
                    e = Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "paint-band");
                        t.setDaemon(true);
                        return t;
                    });
                    helper = e;
                }
            }
        }
        return e;
    }
}
