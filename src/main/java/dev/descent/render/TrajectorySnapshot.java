package dev.descent.render;

import java.awt.Color;
import java.util.Objects;

/**
 * What a frame shows of one run: its positions so far (the first {@code count} entries of
 * {@code xs}/{@code ys}; only entries from {@code from} on are drawn, for a trail of the last N
 * points), its start, its colour and legend label, and whether it has diverged. The arrays are
 * read, never modified; the simulation publishes them and must not change the first {@code count}
 * entries afterwards.
 */
public record TrajectorySnapshot(Color color, String label, double[] xs, double[] ys, int count, int from,
                                 double startX, double startY, boolean diverged) {

    public TrajectorySnapshot {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        label = label == null ? "" : label;
        if (count < 0 || count > xs.length || count > ys.length) {
            throw new IllegalArgumentException("count " + count + " does not fit arrays of " + xs.length + " and " + ys.length);
        }
        if (from < 0) {
            throw new IllegalArgumentException("from must be ≥ 0, got " + from);
        }
    }

    /** All {@code count} points, starting at the first, not diverged. */
    public static TrajectorySnapshot of(Color color, String label, double[] xs, double[] ys, int count) {
        double sx = count > 0 ? xs[0] : Double.NaN;
        double sy = count > 0 ? ys[0] : Double.NaN;
        return new TrajectorySnapshot(color, label, xs, ys, count, 0, sx, sy, false);
    }

    /** Only the last n points are drawn (n ≤ 0: all). */
    public TrajectorySnapshot withTrail(int n) {
        int f = n <= 0 ? 0 : Math.max(0, count - n);
        return new TrajectorySnapshot(color, label, xs, ys, count, f, startX, startY, diverged);
    }

    public TrajectorySnapshot withDiverged(boolean d) {
        return new TrajectorySnapshot(color, label, xs, ys, count, from, startX, startY, d);
    }

    public TrajectorySnapshot withStart(double x, double y) {
        return new TrajectorySnapshot(color, label, xs, ys, count, from, x, y, diverged);
    }
}
