package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.ParamSpec;
import dev.descent.math.Quadratic;
import dev.descent.sim.Run;
import dev.descent.sim.RunSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * From any finite start on the quadratic, with any hyperparameters inside the slider ranges the
 * kinds advertise, every first-order optimizer steps without throwing: the run stays finite or
 * is flagged non-finite by {@link Run#isFinite} and then refuses to step. Probes can be read at
 * every step.
 */
class FiniteStepsPropertyTest {

    static final int STEPS = 150;

    /** SGD is left out: its own rules between values (nesterov, variant) make random settings invalid. */
    static final List<OptimizerKind> KINDS = List.of(Adagrad.KIND, RmsProp.KIND, Adadelta.KIND, Adam.KIND, AdamW.KIND,
            Adamax.KIND, NAdam.KIND, RAdam.KIND, Qhm.KIND, QhAdam.KIND, Lookahead.KIND);

    @Provide
    Arbitrary<OptimizerKind> kinds() {
        return Arbitraries.of(KINDS);
    }

    @Provide
    Arbitrary<Double> starts() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-10, 10), Arbitraries.doubles());
    }

    @Property(tries = 400)
    void stepsAreFiniteOrFlagged(@ForAll("kinds") OptimizerKind kind, @ForAll long seed,
                                 @ForAll("starts") double x0, @ForAll("starts") double y0) {
        SplittableRandom random = new SplittableRandom(seed);
        Optimizer opt = randomOptimizer(kind, random);
        Run run = new Run(new RunSpec(new Quadratic(1, 10, random.nextDouble(-90, 90)), opt, x0, y0));
        List<Probe> probes = run.stepper().probes();
        double[] buf = new double[2];
        long taken = 0;
        for (int t = 0; t < STEPS; t++) {
            boolean wasFinite = run.isFinite();
            boolean stepped = run.step();
            assertEquals(wasFinite, stepped, "a run steps exactly while it is finite");
            if (stepped) {
                taken++;
            }
            for (Probe p : probes) {
                p.read(buf);
            }
        }
        assertEquals(taken, run.steps());
        assertEquals(taken, run.stepper().steps());
        if (run.isFinite()) {
            assertEquals(STEPS, taken);
            assertTrue(Double.isFinite(run.x()) && Double.isFinite(run.y()) && Double.isFinite(run.loss()));
        } else {
            assertFalse(run.step(), "a non-finite run is flagged and stays put");
        }
    }

    /** Values drawn from each setting's slider range (log-uniform on LOG sliders). */
    static Optimizer randomOptimizer(OptimizerKind kind, SplittableRandom random) {
        if (kind == Lookahead.KIND) {
            OptimizerKind inner = KINDS.get(random.nextInt(KINDS.size() - 1));
            return randomOptimizer(Lookahead.kindFor(inner), random);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec s : kind.params()) {
            values.put(s.name(), switch (s.type()) {
                case REAL -> real(s, random);
                case PAIR -> List.of(real(s, random), real(s, random));
                case BOOLEAN -> random.nextBoolean();
                case INTEGER -> (int) s.sliderMin() + random.nextInt((int) (s.sliderMax() - s.sliderMin()) + 1);
                // a wrapper's inner stays the one whose settings these are (its choices name the others)
                case CHOICE -> s.name().equals("inner") ? s.defaultValue() : s.choices().get(random.nextInt(s.choices().size()));
                case INT_LIST, TEXT -> s.defaultValue();
            });
        }
        return kind.create(values);
    }

    private static double real(ParamSpec s, SplittableRandom random) {
        if (s.scale() == ParamSpec.Scale.LOG) {
            return Math.exp(random.nextDouble(Math.log(s.sliderMin()), Math.log(s.sliderMax())));
        }
        return s.sliderMin() + random.nextDouble() * (s.sliderMax() - s.sliderMin());
    }
}
