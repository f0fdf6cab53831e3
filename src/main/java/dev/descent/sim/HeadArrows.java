package dev.descent.sim;

import dev.descent.optim.RoleVector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
     * {@link RoleVector.Kind#POINT} ends at the point it names: (x + dx, y + dy).
     */
    public record Arrow(RoleVector.Role role, RoleVector.Kind kind, double x, double y, double dx, double dy) {

        public boolean isFinite() {
            return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(dx) && Double.isFinite(dy);
        }
    }

    /**
     * Resolves the declarations for a step that went from {@code start} to {@code end}.
     *
     * @param probe a probe's values after the step, by name (null when the optimizer has no such probe)
     * @return the finite arrows, in declaration order
     */
    public static List<Arrow> resolve(List<RoleVector> declared, Function<String, double[]> probe, double[] start,
            double[] end) {
        List<Arrow> out = new ArrayList<>(declared.size());
        for (RoleVector v : declared) {
            double[] from = v.at() == RoleVector.Anchor.START ? start : end;
            Arrow a;
            if (v.kind() == RoleVector.Kind.MOVE) {
                a = new Arrow(v.role(), v.kind(), start[0], start[1], end[0] - start[0], end[1] - start[1]);
            } else {
                double[] p = probe.apply(v.probe());
                if (p == null || p.length < 2) {
                    continue;
                }
                a = v.kind() == RoleVector.Kind.POINT
                        ? new Arrow(v.role(), v.kind(), from[0], from[1], p[0] - from[0], p[1] - from[1])
                        : new Arrow(v.role(), v.kind(), from[0], from[1], v.sign() * p[0], v.sign() * p[1]);
            }
            if (a.isFinite()) {
                out.add(a);
            }
        }
        return out;
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
        double[] start = {h.get(1, row - 1), h.get(2, row - 1)};
        double[] end = {h.get(1, row), h.get(2, row)};
        List<String> names = frame.probeNames();
        return resolve(declared, name -> {
            int k = names.indexOf(name);
            if (k < 0) {
                return null;
            }
            int c = Engine.CHANNELS.size() + 2 * k;
            return new double[] {h.get(c, row), h.get(c + 1, row)};
        }, start, end);
    }

    /** The arrows of a frame's last step, declared by a fresh stepper of its optimizer. */
    public static List<Arrow> atHead(RunFrame frame) {
        return atRow(frame.spec().optimizer().newStepper(2).vectors(), frame, frame.history().rows() - 1);
    }
}
