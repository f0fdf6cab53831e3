package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Rosenbrock;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Probe;
import dev.descent.optim.RoleVector;
import dev.descent.optim.Stepper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedule-Free AdamW's averaged iterate x is drawn beside the raw iterate y the path follows. */
class AveragedIterateArrowTest {

    @Test
    void theAveragedIterateArrowGoesFromTheHeadToX() {
        Run run = new Run(new RunSpec(new Rosenbrock(), Optimizers.find("schedule_free_adamw").create(Map.of("lr", 0.01)), -1.2, 1));
        for (int k = 0; k < 20; k++) {
            run.step();
        }
        Stepper s = run.stepper();
        double[] xAvg = new double[2];
        for (Probe p : s.probes()) {
            if (p.name().equals("x_avg")) {
                p.read(xAvg);
            }
        }
        double[] head = {run.x(), run.y()};
        List<HeadArrows.Arrow> arrows = HeadArrows.resolve(s.vectors(), name -> Probe.valueOf(s.probes(), name), head, head);
        HeadArrows.Arrow avg = arrows.stream().filter(a -> a.role() == RoleVector.Role.AVERAGED).findFirst().orElseThrow();
        assertEquals(head[0], avg.x(), 0.0);
        assertEquals(head[1], avg.y(), 0.0);
        assertEquals(xAvg[0], avg.x() + avg.dx(), 1e-15);
        assertEquals(xAvg[1], avg.y() + avg.dy(), 1e-15);
        assertTrue(Math.hypot(avg.dx(), avg.dy()) > 1e-6, "after 20 steps x lags behind y: " + avg);
    }
}
