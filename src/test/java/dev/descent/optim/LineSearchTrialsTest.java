package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Objective;
import dev.descent.math.Surfaces;
import dev.descent.sim.HeadArrows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line-search methods keep the points their last search tried, for drawing at the head. */
class LineSearchTrialsTest {

    private static double[] probe(Stepper s, String name) {
        for (Probe p : s.probes()) {
            if (p.name().equals(name)) {
                double[] out = new double[2];
                p.read(out);
                return out;
            }
        }
        throw new AssertionError("no probe " + name);
    }

    /** The objective, logging every point where f and ∇f were evaluated. */
    private static Objective logging(Objective f, List<double[]> log) {
        return new Objective() {
            public int dimension() {
                return 2;
            }

            public double value(double[] x) {
                log.add(x.clone());
                return f.value(x);
            }

            public double gradient(double[] x, double[] g) {
                log.add(x.clone());
                return f.gradient(x, g);
            }
        };
    }

    /** The trial probes hold the expected points, the slots past them repeating the last. */
    private static void assertTrials(Stepper s, List<double[]> expected) {
        for (int k = 0; k < StrongWolfe.MAX_TRIALS; k++) {
            double[] p = probe(s, "trial_" + (k + 1));
            assertArrayEquals(expected.get(Math.min(k, expected.size() - 1)), p, 0, "trial " + (k + 1));
        }
    }

    /**
     * ½(x² + 10y²) from (2, 1): d = −g = (−2, −10); the search tries t = 1, reaching (0, −9) where the
     * slope is +900, then the cubic through the bracket [0, 1], exact on a quadratic: the line
     * minimum t* = g·g / gᵀAg = 104/1004. Nonlinear CG probes t₀ = 1 to pick its first trial, the
     * secant of the slopes −104 and +900 giving the same t*, accepted at once: the same two points.
     */
    @Test
    void oneBfgsStepKeepsThePointsItsSearchTried() {
        for (Optimizer o : List.of(Bfgs.KIND.create(), ConjugateGradient.KIND.create())) {
            List<double[]> log = new ArrayList<>();
            Stepper s = o.newStepper(2);
            double[] theta = {2, 1};
            s.step(logging(Surfaces.create("quadratic"), log), theta, 1);
            double t = 104.0 / 1004;
            List<double[]> expected = List.of(new double[] {2 - 2 * 1.0, 1 - 10 * 1.0}, new double[] {2 - 2 * t, 1 - 10 * t});
            // the objective saw θ, then exactly these points along d
            assertEquals(3, log.size(), o.toString());
            for (int k = 0; k < 2; k++) {
                assertArrayEquals(expected.get(k), log.get(k + 1), 1e-15, o.toString());
            }
            assertTrials(s, List.of(log.get(1), log.get(2)));
            // the accepted trial is the point reached
            assertArrayEquals(theta, probe(s, "trial_2"), 0, o.toString());
        }
    }

    @Test
    void theArrowsMarkEachTrialAtTheHeadAndTheAcceptedOneIsThePointReached() {
        Stepper s = Bfgs.KIND.create().newStepper(2);
        double[] start = {2, 1};
        double[] theta = start.clone();
        s.step(Surfaces.create("quadratic"), theta, 1);
        List<HeadArrows.Arrow> trials = HeadArrows.resolve(s.vectors(), name -> Probe.valueOf(s.probes(), name), start, theta).stream().filter(a -> a.role() == RoleVector.Role.TRIAL).toList();
        assertEquals(StrongWolfe.MAX_TRIALS, trials.size());
        assertEquals(2, trials.stream().map(a -> List.of(a.dx(), a.dy())).distinct().count(),
                "the unused slots repeat the last trial");
        assertEquals(theta[0], trials.get(0).x());
        assertEquals(0, trials.get(0).x() + trials.get(0).dx(), 1e-15);
        assertEquals(-9, trials.get(0).y() + trials.get(0).dy(), 1e-15);
        assertEquals(0, trials.get(1).dx());
        assertEquals(0, trials.get(1).dy());
    }

    /** At the minimum the step stops before searching: every slot is the point itself, none of the last step's. */
    @Test
    void aStepThatDoesNotSearchShowsNoTrials() {
        Stepper s = Bfgs.KIND.create().newStepper(2);
        double[] theta = {2, 1};
        Objective q = Surfaces.create("quadratic");
        s.step(q, theta, 1);
        theta[0] = 0;
        theta[1] = 0;
        s.step(q, theta, 1);
        assertTrials(s, List.of(new double[] {0, 0}));
    }

    @Test
    void lbfgsKeepsTheTrialsOfItsLastSearch() {
        Stepper s = Lbfgs.KIND.create(Map.of("line_search_fn", "strong_wolfe", "max_iter", 1.0)).newStepper(2);
        double[] theta = {-1.2, 1};
        Objective r = Surfaces.create("rosenbrock");
        s.step(r, theta, 1);
        List<double[]> log = new ArrayList<>();
        s.step(logging(r, log), theta, 1);
        // one iteration: ∇f at θ, then the search's trials
        assertTrue(log.size() >= 2 && log.size() <= 1 + StrongWolfe.MAX_TRIALS, log.size() + " evaluations");
        assertTrials(s, log.subList(1, log.size()));
        boolean accepted = false;
        for (double[] p : log.subList(1, log.size())) {
            accepted |= p[0] == theta[0] && p[1] == theta[1];
        }
        assertTrue(accepted, "the point reached is one of the trials");
    }

    @Test
    void lbfgsWithoutALineSearchHasNoTrialProbes() {
        Stepper s = Lbfgs.KIND.create().newStepper(2);
        assertTrue(s.probes().stream().noneMatch(p -> p.name().startsWith("trial_")));
        assertTrue(s.vectors().stream().noneMatch(v -> v.role() == RoleVector.Role.TRIAL));
    }
}
