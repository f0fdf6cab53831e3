package dev.descent.session;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Checks lessons' claims by simulating their runs headless, and prints what was measured. */
public final class LessonCheck {

    private LessonCheck() {
    }

    /** Every claim of the lesson, checked. */
    public static List<ClaimResult> check(Lesson lesson) {
        LessonRuns runs = new LessonRuns(lesson.session());
        List<ClaimResult> out = new ArrayList<>();
        for (Claim c : lesson.claims()) {
            out.add(ClaimKind.of(c.kind()).check(c, runs));
        }
        return out;
    }

    /**
     * Checks the lessons, printing each claim with its numbers and, last, {@code N passed, N failed}.
     *
     * @return the number of failed claims
     */
    public static int checkAll(List<Lesson> lessons, PrintWriter out) {
        int passed = 0;
        int failed = 0;
        for (Lesson l : lessons) {
            out.println(l.id() + " — " + l.title());
            for (ClaimResult r : check(l)) {
                out.println("  " + (r.passed() ? "pass" : "FAIL") + "  " + r.claim().text());
                out.println("        " + r.measured());
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                }
            }
            out.flush();
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed;
    }

    /**
     * The step each beat ends at: its {@code steps}, or earlier when its {@code until} event happens
     * first. Never earlier than the previous beat, so stepping forward never goes back in time.
     */
    public static long[] beatSteps(Lesson lesson) {
        LessonRuns runs = new LessonRuns(lesson.session());
        long[] out = new long[lesson.beats().size()];
        long previous = 0;
        for (int i = 0; i < out.length; i++) {
            Beat b = lesson.beats().get(i);
            long step = b.steps();
            if (b.until() != null) {
                RunPath p = runs.path(b.run(), b.steps());
                long event = switch (b.until()) {
                    case "reached" -> p.firstBelow(b.tol());
                    case "diverged" -> runs.firstDiverged(p);
                    case "left_view" -> ClaimKind.firstOutside(p, runs);
                    default -> -1;
                };
                if (event >= 0) {
                    step = Math.min(step, event);
                }
            }
            previous = Math.max(previous, step);
            out[i] = previous;
        }
        return out;
    }
}
