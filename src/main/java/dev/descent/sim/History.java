package dev.descent.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The recorded rows of one run (step, x, y, loss and further channels), appended by the simulation
 * thread and published as immutable {@link Snapshot}s that share the chunks, full and open, so a frame
 * costs almost nothing to publish.
 *
 * <p>Memory stays bounded over any number of steps: once more than {@code maxRows} rows are held,
 * the older half is thinned to every other row. The recent rows are always at full resolution.
 */
public final class History {

    /** Rows per chunk. */
    static final int CHUNK = 512;

    private final int channels;
    private final int maxRows;
    private final List<double[][]> full = new ArrayList<>();
    private double[][] open;
    private int openCount;
    private int rows;

    /**
     * @param channels number of values per row (including step, x, y, loss)
     * @param maxRows  rows kept before the older half is thinned; at least 4 chunks
     */
    public History(int channels, int maxRows) {
        if (channels < 1) {
            throw new IllegalArgumentException("a history needs at least one channel");
        }
        this.channels = channels;
        this.maxRows = Math.max(4 * CHUNK, maxRows);
        this.open = new double[channels][CHUNK];
    }

    public int channels() {
        return channels;
    }

    public int rows() {
        return rows;
    }

    /** Appends one row; {@code values} has one value per channel. Not modified. */
    public void append(double[] values) {
        for (int c = 0; c < channels; c++) {
            open[c][openCount] = values[c];
        }
        openCount++;
        rows++;
        if (openCount == CHUNK) {
            full.add(open);
            open = new double[channels][CHUNK];
            openCount = 0;
            if (rows > maxRows) {
                thinOlderHalf();
            }
        }
    }

    /** Drops every other row of the older half of the full chunks (keeping each chunk's first row). */
    private void thinOlderHalf() {
        int half = full.size() / 2;
        half -= half % 2;
        List<double[][]> thinned = new ArrayList<>();
        for (int k = 0; k < half; k += 2) {
            double[][] merged = new double[channels][CHUNK];
            for (int c = 0; c < channels; c++) {
                double[] a = full.get(k)[c];
                double[] b = full.get(k + 1)[c];
                for (int i = 0; i < CHUNK / 2; i++) {
                    merged[c][i] = a[2 * i];
                    merged[c][CHUNK / 2 + i] = b[2 * i];
                }
            }
            thinned.add(merged);
        }
        rows -= (half / 2) * CHUNK;
        List<double[][]> rest = new ArrayList<>(full.subList(half, full.size()));
        full.clear();
        full.addAll(thinned);
        full.addAll(rest);
    }

    /**
     * The rows as they are now; later appends do not change it. The open chunk is shared, not copied:
     * an append only writes rows past the snapshot's count, and a chunk's rows are never written twice.
     */
    public Snapshot snapshot() {
        return new Snapshot(List.copyOf(full), open, openCount, rows);
    }

    /** An immutable view of a history's rows, oldest first. */
    public static final class Snapshot {
        public static final Snapshot EMPTY = new Snapshot(List.of(), new double[0][], 0, 0);

        private final List<double[][]> chunks;
        private final double[][] tail;
        private final int tailCount;
        private final int rows;

        Snapshot(List<double[][]> chunks, double[][] tail, int tailCount, int rows) {
            this.chunks = chunks;
            this.tail = tail;
            this.tailCount = tailCount;
            this.rows = rows;
        }

        public int rows() {
            return rows;
        }

        /** Value of channel {@code c} in row {@code i} (0 = oldest kept row). */
        public double get(int c, int i) {
            int k = i / CHUNK;
            return k < chunks.size() ? chunks.get(k)[c][i % CHUNK] : tail[c][i - chunks.size() * CHUNK];
        }

        /** Copies channel {@code c} into {@code out} (length ≥ rows). Modified: out. */
        public void copy(int c, double[] out) {
            int at = 0;
            for (double[][] chunk : chunks) {
                System.arraycopy(chunk[c], 0, out, at, CHUNK);
                at += CHUNK;
            }
            if (tailCount > 0) {
                System.arraycopy(tail[c], 0, out, at, tailCount);
            }
        }

        public double[] channel(int c) {
            double[] out = new double[rows];
            copy(c, out);
            return out;
        }
    }
}
