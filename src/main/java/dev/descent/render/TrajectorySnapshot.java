package dev.descent.render;

import java.awt.Color;
import java.util.Objects;

/**
 * What a frame shows of one run: its positions so far (the first {@code count} entries of
 * {@code xs}/{@code ys}; only entries from {@code from} on are drawn, for a trail of the last N
 * points), its start, its colour and legend label, and whether it has diverged. The arrays are
 * read, never modified; the simulation publishes them and must not change the first {@code count}
 * entries afterwards. {@code uphill}, when not null, is the history's {@code uphill} channel
 * (1 where the step that reached that point raised f): those points are marked on the path.
 */
public record TrajectorySnapshot(Color color, String label, double[] xs, double[] ys, int count, int from,
                                 double startX, double startY, boolean diverged, double[] uphill) {

    public TrajectorySnapshot(Color color, String label, double[] xs, double[] ys, int count, int from,
                              double startX, double startY, boolean diverged) {
        this(color, label, xs, ys, count, from, startX, startY, diverged, null);
    }

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
        return new TrajectorySnapshot(color, label, xs, ys, count, f, startX, startY, diverged, uphill);
    }

    public TrajectorySnapshot withDiverged(boolean d) {
        return new TrajectorySnapshot(color, label, xs, ys, count, from, startX, startY, d, uphill);
    }

    public TrajectorySnapshot withStart(double x, double y) {
        return new TrajectorySnapshot(color, label, xs, ys, count, from, x, y, diverged, uphill);
    }

    /** The same run with its uphill steps marked ({@code flags[i] == 1}: the step to point i raised f). */
    public TrajectorySnapshot withUphill(double[] flags) {
        return new TrajectorySnapshot(color, label, xs, ys, count, from, startX, startY, diverged, flags);
    }

    /** Whether the step that reached point i raised f. */
    public boolean raisedF(int i) {
        return uphill != null && i < uphill.length && uphill[i] == 1;
    }
}
