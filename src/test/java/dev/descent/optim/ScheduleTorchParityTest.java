package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every torch scheduler against (1) the literal re-implementation of torch 1.13.1's recursive
 * {@code get_lr} in {@link TorchLrSchedulers}, bit for bit, and (2) its closed form within 1e-12
 * relative, which a wrong recursion would miss.
 */
class ScheduleTorchParityTest {

    static final int STEPS = 300;
    static final double CLOSED_FORM_REL = 1e-12;

    /** The closed form of the lr used by optimizer step t, given e = t − 1 = completed scheduler steps. */
    interface ClosedForm extends LongToDoubleFunction {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // StepLR: base·γ^⌊e/s⌋
                c(new StepLr(100, 0.5), 0.05, TorchLrSchedulers.stepLr(0.05, 100, 0.5),
                        e -> 0.05 * Math.pow(0.5, Math.floorDiv(e, 100))),
                c(new StepLr(7, 0.9), 0.3, TorchLrSchedulers.stepLr(0.3, 7, 0.9),
                        e -> 0.3 * Math.pow(0.9, Math.floorDiv(e, 7))),
                c(new StepLr(1, 0.97), 1.0, TorchLrSchedulers.stepLr(1.0, 1, 0.97),
                        e -> Math.pow(0.97, e)),
                // MultiStepLR: base·γ^bisect_right(milestones, e)
                c(new MultiStepLr(List.of(30, 80), 0.1), 0.1, TorchLrSchedulers.multiStepLr(0.1, List.of(30, 80), 0.1),
                        e -> 0.1 * Math.pow(0.1, bisectRight(new int[] {30, 80}, e))),
                c(new MultiStepLr(List.of(0, 1, 50, 150, 299), 0.7), 0.02,
                        TorchLrSchedulers.multiStepLr(0.02, List.of(0, 1, 50, 150, 299), 0.7),
                        e -> 0.02 * Math.pow(0.7, bisectRight(new int[] {0, 1, 50, 150, 299}, e))),
                // ExponentialLR: base·γ^e
                c(new ExponentialLr(0.99), 0.05, TorchLrSchedulers.exponentialLr(0.05, 0.99),
                        e -> 0.05 * Math.pow(0.99, e)),
                c(new ExponentialLr(0.9), 1.0, TorchLrSchedulers.exponentialLr(1.0, 0.9),
                        e -> Math.pow(0.9, e)),
                c(new ExponentialLr(1.01), 0.003, TorchLrSchedulers.exponentialLr(0.003, 1.01),
                        e -> 0.003 * Math.pow(1.01, e)),
                // CosineAnnealingLR: η_min + (base − η_min)(1 + cos(π e / T_max))/2, 3 half-periods in 300 steps
                c(new CosineAnnealingLr(100, 0.001), 0.1, TorchLrSchedulers.cosineAnnealingLr(0.1, 100, 0.001),
                        e -> 0.001 + (0.1 - 0.001) * (1 + Math.cos(Math.PI * e / 100)) / 2),
                c(new CosineAnnealingLr(100, 0), 0.05, TorchLrSchedulers.cosineAnnealingLr(0.05, 100, 0),
                        e -> 0.05 * (1 + Math.cos(Math.PI * e / 100)) / 2),
                c(new CosineAnnealingLr(37, 0.2), 0.9, TorchLrSchedulers.cosineAnnealingLr(0.9, 37, 0.2),
                        e -> 0.2 + (0.9 - 0.2) * (1 + Math.cos(Math.PI * e / 37)) / 2),
                c(new CosineAnnealingLr(1, 0.01), 0.1, TorchLrSchedulers.cosineAnnealingLr(0.1, 1, 0.01),
                        e -> 0.01 + (0.1 - 0.01) * (1 + Math.cos(Math.PI * e)) / 2),
                // CosineAnnealingWarmRestarts: cycle bookkeeping computed independently
                c(new CosineWarmRestarts(50, 1, 0.001), 0.1, TorchLrSchedulers.cosineAnnealingWarmRestarts(0.1, 50, 1, 0.001),
                        e -> restarts(0.1, 50, 1, 0.001, e)),
                c(new CosineWarmRestarts(10, 2, 0), 0.05, TorchLrSchedulers.cosineAnnealingWarmRestarts(0.05, 10, 2, 0),
                        e -> restarts(0.05, 10, 2, 0, e)),
                c(new CosineWarmRestarts(3, 3, 0.02), 0.3, TorchLrSchedulers.cosineAnnealingWarmRestarts(0.3, 3, 3, 0.02),
                        e -> restarts(0.3, 3, 3, 0.02, e)),
                // LinearLR: base·(s + (e_f − s)·min(N, e)/N)
                c(new LinearLr(1.0 / 3, 1.0, 5), 0.05, TorchLrSchedulers.linearLr(0.05, 1.0 / 3, 1.0, 5),
                        e -> 0.05 * (1.0 / 3 + (1.0 - 1.0 / 3) * Math.min(5, e) / 5)),
                c(new LinearLr(0.01, 1.0, 250), 0.2, TorchLrSchedulers.linearLr(0.2, 0.01, 1.0, 250),
                        e -> 0.2 * (0.01 + (1.0 - 0.01) * Math.min(250, e) / 250)),
                c(new LinearLr(1.0, 0.5, 100), 0.1, TorchLrSchedulers.linearLr(0.1, 1.0, 0.5, 100),
                        e -> 0.1 * (1.0 + (0.5 - 1.0) * Math.min(100, e) / 100)),
                // PolynomialLR: base·(1 − min(N, e)/N)^p
                c(new PolynomialLr(5, 1.0), 0.05, TorchLrSchedulers.polynomialLr(0.05, 5, 1.0),
                        e -> 0.05 * Math.pow(1.0 - Math.min(5, e) / 5.0, 1.0)),
                c(new PolynomialLr(200, 2.0), 0.1, TorchLrSchedulers.polynomialLr(0.1, 200, 2.0),
                        e -> 0.1 * Math.pow(1.0 - Math.min(200, e) / 200.0, 2.0)),
                c(new PolynomialLr(290, 0.9), 0.01, TorchLrSchedulers.polynomialLr(0.01, 290, 0.9),
                        e -> 0.01 * Math.pow(1.0 - Math.min(290, e) / 290.0, 0.9)),
                // LambdaLR linear warm-up: base·min(1, (e + 1)/w)
                c(new LinearWarmup(20), 0.05, TorchLrSchedulers.lambdaLrLinearWarmup(0.05, 20),
                        e -> 0.05 * Math.min(1.0, (e + 1) / 20.0)),
                c(new LinearWarmup(1), 0.3, TorchLrSchedulers.lambdaLrLinearWarmup(0.3, 1), e -> 0.3),
                c(new LinearWarmup(299), 0.01, TorchLrSchedulers.lambdaLrLinearWarmup(0.01, 299),
                        e -> 0.01 * Math.min(1.0, (e + 1) / 299.0)));
    }

    private static Arguments c(Schedule s, double base, TorchLrSchedulers torch, ClosedForm closed) {
        return Arguments.of(s, base, torch, closed);
    }

    static int bisectRight(int[] sorted, long x) {
        int n = 0;
        for (int m : sorted) {
            if (m <= x) {
                n++;
            }
        }
        return n;
    }

    /** SGDR in closed form: find the cycle containing epoch e by summing cycle lengths. */
    static double restarts(double base, int t0, int tMult, double etaMin, long e) {
        long start = 0;
        long length = t0;
        while (e >= start + length) {
            start += length;
            length *= tMult;
        }
        return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * (e - start) / length)) / 2;
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("cases")
    void matchesTorchBitForBitAndTheClosedForm(Schedule schedule, double base, TorchLrSchedulers torch, ClosedForm closed) {
        Schedule.State state = schedule.start(base);
        for (int t = 1; t <= STEPS; t++) {
            double lr = state.lr();
            if (Double.doubleToRawLongBits(lr) != Double.doubleToRawLongBits(torch.lr)) {
                fail(schedule + " step " + t + ": lr " + lr + " but torch's recursion gives " + torch.lr);
            }
            double expected = closed.applyAsDouble(t - 1);
            double tolerance = CLOSED_FORM_REL * Math.max(Math.abs(expected), Math.abs(lr));
            if (!(Math.abs(lr - expected) <= tolerance)) {
                fail(schedule + " step " + t + ": lr " + lr + " but the closed form gives " + expected
                        + " (relative difference " + Math.abs(lr - expected) / Math.abs(expected) + ")");
            }
            state.step();
            torch.step();
        }
        assertTrue(Double.isFinite(state.lr()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aFreshStateStartsOver(Schedule schedule, double base, TorchLrSchedulers torch, ClosedForm closed) {
        Schedule.State a = schedule.start(base);
        for (int i = 0; i < 123; i++) {
            a.step();
        }
        Schedule.State b = schedule.start(base);
        assertEquals(closed.applyAsDouble(0), b.lr(), 1e-12 * Math.abs(closed.applyAsDouble(0)));
        Schedule.State c = schedule.start(base);
        for (int i = 0; i < 123; i++) {
            c.step();
        }
        assertEquals(a.lr(), c.lr(), 0.0);
    }
}
