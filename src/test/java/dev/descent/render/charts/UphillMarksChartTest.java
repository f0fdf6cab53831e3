package dev.descent.render.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.math.Quadratic;
import dev.descent.math.Surface;
import dev.descent.optim.Sgd;
import dev.descent.sim.Command;
import dev.descent.sim.Engine;
import dev.descent.sim.RunFrame;
import dev.descent.sim.RunSpec;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UphillMarksChartTest {

    private final Surface bowl = new Quadratic(1, 10, 0); // f = ½(x² + 10y²)

    private RunFrame run(double lr, int steps) {
        RunSpec spec = new RunSpec(bowl, Sgd.KIND.create(Map.of("lr", lr)), 2, 1);
        Engine engine = new Engine(bowl);
        engine.apply(new Command.Load(List.of(new Command.RunConfig(1, spec))));
        engine.step(steps);
        return engine.frame().run(1);
    }

    @Test
    void theLossChartMarksEveryStepThatRaisedFAtItsLoss() {
        // η = 0.25: y is multiplied by 1 − 2.5 = −1.5 each step, so f rises at every step
        RunFrame r = run(0.25, 8);
        SeriesStore store = new SeriesStore();
        Points up = store.uphill(r, LossScale.PLAIN);
        assertEquals(8, up.count());
        double x = 2;
        double y = 1;
        for (int k = 1; k <= 8; k++) {
            x *= 0.75;
            y *= -1.5;
            assertEquals(k, up.x(k - 1));
            assertEquals(0.5 * (x * x + 10 * y * y), up.y(k - 1), 1e-9 * up.y(k - 1), "step " + k);
        }
        StepChart chart = new StepChart("Loss f(θ)", false, false);
        chart.setScale(LossScale.PLAIN);
        chart.setMarks(List.of(up), List.of(Color.BLUE));
        assertEquals(1, chart.marks().getSeriesCount());
        assertEquals(8, chart.marks().getItemCount(0));
    }

    @Test
    void aRunThatOnlyDescendsHasNoMarks() {
        SeriesStore store = new SeriesStore();
        assertEquals(0, store.uphill(run(0.05, 50), LossScale.PLAIN).count());
    }
}
