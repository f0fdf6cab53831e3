package dev.descent.sim;

import dev.descent.optim.RoleVector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The arrows of one run's last step, resolved into plot coordinates from the vectors its optimizer
 * declares ({@link dev.descent.optim.Stepper#vectors()}) and the probe values of that step: each
 * arrow starts at (x, y) and points by (dx, dy) in θ units before any display scaling.
 */
public final class HeadArrows {

    private HeadArrows() {
    }

    /**
     * One arrow: its role and kind as declared, where it starts and its vector. A
     * {@link RoleVector.Kind#POINT} ends at the point it names: (x + dx, y + dy); a
     * {@link RoleVector.Kind#PATH} is one arrow per step of the path, oldest first.
     */
    public record Arrow(RoleVector.Role role, RoleVector.Kind kind, double x, double y, double dx, double dy) {

        public boolean isFinite() {
            return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(dx) && Double.isFinite(dy);
        }
    }

    /**
     * Resolves the declarations for a step that went from {@code start} to {@code end}, with no
     * earlier positions known (a {@link RoleVector.Kind#PATH} gets at most the last step).
     *
     * @param probe a probe's values after the step, by name (null when the optimizer has no such probe)
     * @return the finite arrows, in declaration order
     */
    public static List<Arrow> resolve(List<RoleVector> declared, Function<String, double[]> probe, double[] start,
            double[] end) {
        return resolve(declared, probe, n -> n == 0 ? end : n == 1 ? start : null);
    }

    /**
     * Resolves the declarations for the run's last step.
     *
     * @param probe a probe's values after the step, by name (null when the optimizer has no such probe)
     * @param back  the run's position n steps before its head (0: the head, 1: where the last step
     *              started), or null when that position is not known
     * @return the finite arrows, in declaration order
     */
    public static List<Arrow> resolve(List<RoleVector> declared, Function<String, double[]> probe,
            IntFunction<double[]> back) {
        double[] start = back.apply(1);
        double[] end = back.apply(0);
        List<Arrow> out = new ArrayList<>(declared.size());
        for (RoleVector v : declared) {
            double[] from = v.at() == RoleVector.Anchor.START ? start : end;
            if (v.kind() == RoleVector.Kind.MOVE) {
                add(out, new Arrow(v.role(), v.kind(), start[0], start[1], end[0] - start[0], end[1] - start[1]));
                continue;
            }
            double[] p = probe.apply(v.probe());
            if (p == null || p.length < 2) {
                continue;
            }
            if (v.kind() == RoleVector.Kind.PATH) {
                addPath(out, v.role(), p[0], back);
            } else if (v.kind() == RoleVector.Kind.POINT) {
                add(out, new Arrow(v.role(), v.kind(), from[0], from[1], p[0] - from[0], p[1] - from[1]));
            } else {
                add(out, new Arrow(v.role(), v.kind(), from[0], from[1], v.sign() * p[0], v.sign() * p[1]));
            }
        }
        return out;
    }

    /** The path's steps, oldest first, as far back as positions are known (at most 10 000 steps). */
    private static void addPath(List<Arrow> out, RoleVector.Role role, double steps, IntFunction<double[]> back) {
        if (!(steps >= 1)) {
            return;
        }
        int n = (int) Math.min(steps, 10_000);
        while (n > 0 && back.apply(n) == null) {
            n--;
        }
        for (int k = n; k >= 1; k--) {
            double[] a = back.apply(k);
            double[] b = back.apply(k - 1);
            add(out, new Arrow(role, RoleVector.Kind.PATH, a[0], a[1], b[0] - a[0], b[1] - a[1]));
        }
    }

    private static void add(List<Arrow> out, Arrow a) {
        if (a.isFinite()) {
            out.add(a);
        }
    }

    /**
     * The arrows of the step that reached row {@code row} of a frame's history (row ≥ 1; the row
     * before is where the step started). Empty at the start, or when the row is out of range.
     */
    public static List<Arrow> atRow(List<RoleVector> declared, RunFrame frame, int row) {
        History.Snapshot h = frame.history();
        if (row < 1 || row >= h.rows()) {
            return List.of();
        }
        double step = h.get(0, row);
        List<String> names = frame.probeNames();
        return resolve(declared, name -> {
            int k = names.indexOf(name);
            if (k < 0) {
                return null;
            }
            int c = Engine.CHANNELS.size() + 2 * k;
            return new double[] {h.get(c, row), h.get(c + 1, row)};
        }, n -> n <= 1 || row - n >= 0 && h.get(0, row - n) == step - n
                // the thinned older history holds no consecutive steps: a path stops where it thins
                ? new double[] {h.get(1, row - n), h.get(2, row - n)}
                : null);
    }

    /** The arrows of a frame's last step, declared by a fresh stepper of its optimizer. */
    public static List<Arrow> atHead(RunFrame frame) {
        return atRow(frame.spec().optimizer().newStepper(2).vectors(), frame, frame.history().rows() - 1);
    }
}
