package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.math.Rosenbrock;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Probe;
import dev.descent.optim.RoleVector;
import dev.descent.optim.Stepper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lookahead's fast path since the last synchronisation follows the run's own positions from φ to the head. */
class LookaheadFastPathTest {

    private static List<HeadArrows.Arrow> fastPath(Run run, List<double[]> positions) {
        Stepper s = run.stepper();
        int head = positions.size() - 1;
        List<HeadArrows.Arrow> all = HeadArrows.resolve(s.vectors(), name -> Probe.valueOf(s.probes(), name), n -> head - n >= 0 ? positions.get(head - n) : null);
        return all.stream().filter(a -> a.role() == RoleVector.Role.FAST_PATH).toList();
    }

    @Test
    void thePathRunsFromTheLastSyncThroughEachFastStepToTheHead() {
        // k = 4: syncs after steps 4 and 8; after step 11 the fast path is steps 8 → 9 → 10 → 11
        Run run = new Run(new RunSpec(new Rosenbrock(),
                Optimizers.find("lookahead").create(Map.of("k", 4, "alpha", 0.5, "lr", 0.05)), -1.2, 1));
        List<double[]> positions = new ArrayList<>();
        positions.add(new double[] {run.x(), run.y()});
        List<Integer> lengths = new ArrayList<>();
        for (int t = 1; t <= 11; t++) {
            run.step();
            positions.add(new double[] {run.x(), run.y()});
            lengths.add(fastPath(run, positions).size());
        }
        assertEquals(List.of(1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3), lengths, "j = t mod k segments after each step");
        List<HeadArrows.Arrow> path = fastPath(run, positions);
        for (int i = 0; i < 3; i++) {
            double[] from = positions.get(8 + i);
            double[] to = positions.get(9 + i);
            HeadArrows.Arrow a = path.get(i);
            assertEquals(from[0], a.x(), 0);
            assertEquals(from[1], a.y(), 0);
            assertEquals(to[0] - from[0], a.dx(), 0);
            assertEquals(to[1] - from[1], a.dy(), 0);
        }
    }

    @Test
    void withOnlyTheLastStepKnownThePathIsThatStep() {
        Run run = new Run(new RunSpec(new Rosenbrock(),
                Optimizers.find("lookahead").create(Map.of("k", 5, "lr", 0.05)), -1.2, 1));
        double[] before = null;
        for (int t = 0; t < 3; t++) {
            before = new double[] {run.x(), run.y()};
            run.step();
        }
        List<double[]> known = List.of(before, new double[] {run.x(), run.y()});
        assertEquals(1, fastPath(run, known).size());
    }
}
