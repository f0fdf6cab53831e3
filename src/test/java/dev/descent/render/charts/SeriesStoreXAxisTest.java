package dev.descent.render.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizers;
import dev.descent.sim.Command;
import dev.descent.sim.Engine;
import dev.descent.sim.RunFrame;
import dev.descent.sim.RunSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The charts' x axis can be gradient evaluations, so that first-order and line-search methods compare by work. */
class SeriesStoreXAxisTest {

    @Test
    void againstGradientEvaluationsAnLbfgsRowSpreadsOverItsEvaluations() {
        Surface rosen = Surfaces.create("rosenbrock");
        Engine engine = new Engine(rosen);
        engine.apply(new Command.Load(List.of(
                new Command.RunConfig(1, new RunSpec(rosen, Optimizers.find("lbfgs").create(Map.of()), -1.2, 1)),
                new Command.RunConfig(2, new RunSpec(rosen, Optimizers.find("sgd").create(Map.of("lr", 1e-4)), -1.2, 1)))));
        engine.step(3);
        SeriesStore store = new SeriesStore();
        store.begin(engine.frame());
        RunFrame lbfgs = engine.frame().run(1);
        RunFrame sgd = engine.frame().run(2);
        Points bySteps = store.series(lbfgs, SeriesStore.LOSS, false);
        assertEquals(3, bySteps.x(bySteps.count() - 1));
        store.setXChannel(Engine.GRADIENT_EVALUATIONS_TOTAL);
        Points byWork = store.series(lbfgs, SeriesStore.LOSS, false);
        double last = byWork.x(byWork.count() - 1);
        assertEquals(lbfgs.gradientEvaluations(), (long) last);
        assertTrue(last > 10, "three L-BFGS rows are many evaluations: " + last);
        assertEquals(lbfgs.loss(), byWork.y(byWork.count() - 1));
        Points sgdByWork = store.series(sgd, SeriesStore.LOSS, false);
        assertEquals(3, sgdByWork.x(sgdByWork.count() - 1), "one evaluation per SGD step");
        store.end();
    }
}
