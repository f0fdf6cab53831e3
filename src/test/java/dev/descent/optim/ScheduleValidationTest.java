package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every schedule refuses bad settings with a message naming the setting and the value. */
class ScheduleValidationTest {

    static void refused(String message, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertEquals(message, e.getMessage());
    }

    @Test
    void gamma() {
        refused("Invalid gamma: -0.5 (must be > 0)", () -> new StepLr(10, -0.5));
        refused("Invalid gamma: 0.0 (must be > 0)", () -> new ExponentialLr(0));
        refused("Invalid gamma: NaN (must be > 0)", () -> new MultiStepLr(List.of(3), Double.NaN));
        refused("Invalid gamma: Infinity (must be finite)", () -> new ExponentialLr(Double.POSITIVE_INFINITY));
    }

    @Test
    void positiveIntegers() {
        refused("Invalid step_size: 0 (must be an integer >= 1)", () -> new StepLr(0, 0.5));
        refused("Invalid T_max: 0 (must be an integer >= 1)", () -> new CosineAnnealingLr(0, 0));
        refused("Invalid T_max: -3 (must be an integer >= 1)", () -> new CosineAnnealingLr(-3, 0));
        refused("Invalid T_0: 0 (must be an integer >= 1)", () -> new CosineWarmRestarts(0, 1, 0));
        refused("Invalid T_mult: 0 (must be an integer >= 1)", () -> new CosineWarmRestarts(10, 0, 0));
        refused("Invalid total_iters: 0 (must be an integer >= 1)", () -> new LinearLr(0.5, 1, 0));
        refused("Invalid total_iters: -1 (must be an integer >= 1)", () -> new PolynomialLr(-1, 1));
        refused("Invalid warmup: 0 (must be an integer >= 1)", () -> new LinearWarmup(0));
        refused("Invalid warmup: -2 (must be an integer >= 1)", () -> new InverseSqrtDecay(-2));
        refused("Invalid decay_steps: 0 (must be an integer >= 1)", () -> new InverseTimeDecay(1, 0, false));
    }

    @Test
    void milestones() {
        refused("Invalid milestones: [80, 30] (must be increasing)", () -> new MultiStepLr(List.of(80, 30), 0.1));
        refused("Invalid milestones: [30, 30] (must be increasing)", () -> new MultiStepLr(List.of(30, 30), 0.1));
        refused("Invalid milestones: [-1, 5] (must not be negative)", () -> new MultiStepLr(List.of(-1, 5), 0.1));
        refused("Invalid milestones: [] (must list at least one step)", () -> new MultiStepLr(List.of(), 0.1));
    }

    @Test
    void realRanges() {
        refused("Invalid eta_min: -0.001 (must be a finite number >= 0)", () -> new CosineAnnealingLr(10, -0.001));
        refused("Invalid eta_min: NaN (must be a finite number >= 0)", () -> new CosineWarmRestarts(10, 1, Double.NaN));
        refused("Invalid start_factor: 0.0 (must be in (0, 1])", () -> new LinearLr(0, 1, 5));
        refused("Invalid start_factor: 1.5 (must be in (0, 1])", () -> new LinearLr(1.5, 1, 5));
        refused("Invalid end_factor: -0.1 (must be in [0, 1])", () -> new LinearLr(0.5, -0.1, 5));
        refused("Invalid end_factor: 2.0 (must be in [0, 1])", () -> new LinearLr(0.5, 2, 5));
        refused("Invalid power: 0.0 (must be > 0)", () -> new PolynomialLr(5, 0));
        refused("Invalid decay_rate: -1.0 (must be a finite number >= 0)", () -> new InverseTimeDecay(-1, 10, false));
    }

    @Test
    void baseLearningRate() {
        for (ScheduleKind k : Schedules.all()) {
            Schedule s = k.create(Map.of());
            refused("Invalid learning rate: -0.1 (must be a finite number > 0)", () -> s.start(-0.1));
            refused("Invalid learning rate: nan (must be a finite number > 0)", () -> s.start(Double.NaN));
        }
    }

    @Test
    void throughTheKindFromText() {
        refused("Invalid milestones: [80, 30] (must be increasing)",
                () -> MultiStepLr.KIND.create(Map.of("milestones", "80,30")));
        refused("Invalid value for milestones: '30,x' is not a list of whole numbers such as 30,80",
                () -> MultiStepLr.KIND.create(Map.of("milestones", "30,x")));
        refused("Invalid value for T_max: '2.5' is not a whole number", () -> CosineAnnealingLr.KIND.create(Map.of("T_max", "2.5")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StepLr.KIND.create(Map.of("stepsize", 3)));
        assertEquals("Unknown parameter 'stepsize' for schedule step; known: step_size, gamma", e.getMessage());
        assertEquals(new MultiStepLr(List.of(30, 80), 0.5), MultiStepLr.KIND.create(Map.of("milestones", "[30, 80]", "gamma", "0.5")));
    }
}
