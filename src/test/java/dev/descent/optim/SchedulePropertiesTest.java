package dev.descent.optim;

import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/**
 * Random settings: every torch schedule equals {@link TorchLrSchedulers} bit for bit, and (where torch's
 * recursion is well conditioned) its closed form within 1e-12 relative.
 */
class SchedulePropertiesTest {

    static final int STEPS = 300;

    static void check(Schedule s, double base, TorchLrSchedulers torch, ScheduleTorchParityTest.ClosedForm closed) {
        Schedule.State st = s.start(base);
        for (int t = 1; t <= STEPS; t++) {
            double lr = st.lr();
            if (Double.doubleToRawLongBits(lr) != Double.doubleToRawLongBits(torch.lr)) {
                throw new AssertionError(s + " from " + base + ", step " + t + ": " + lr + " but torch gives " + torch.lr);
            }
            if (closed != null) {
                double expected = closed.applyAsDouble(t - 1);
                if (!(Math.abs(lr - expected) <= 1e-12 * Math.max(Math.abs(lr), Math.abs(expected)))) {
                    throw new AssertionError(s + " from " + base + ", step " + t + ": " + lr + " but the closed form gives " + expected);
                }
            }
            st.step();
            torch.step();
        }
    }

    @Property(tries = 200)
    void stepLr(@ForAll @IntRange(min = 1, max = 400) int stepSize, @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 2) double gamma,
                @ForAll @Scale(6) @DoubleRange(min = 1e-4, max = 10) double base) {
        // stay out of the subnormal range, where doubles have too few bits for a relative comparison
        Assume.that(base * Math.pow(gamma, STEPS / stepSize) > Double.MIN_NORMAL);
        check(new StepLr(stepSize, gamma), base, TorchLrSchedulers.stepLr(base, stepSize, gamma),
                e -> base * Math.pow(gamma, Math.floorDiv(e, stepSize)));
    }

    @Property(tries = 200)
    void multiStepLr(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 320) Integer> raw,
                     @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 2) double gamma, @ForAll @Scale(6) @DoubleRange(min = 1e-4, max = 10) double base) {
        List<Integer> milestones = List.copyOf(new TreeSet<>(raw));
        int[] sorted = milestones.stream().mapToInt(Integer::intValue).toArray();
        check(new MultiStepLr(milestones, gamma), base, TorchLrSchedulers.multiStepLr(base, milestones, gamma),
                e -> base * Math.pow(gamma, ScheduleTorchParityTest.bisectRight(sorted, e)));
    }

    @Property(tries = 200)
    void exponentialLr(@ForAll @Scale(6) @DoubleRange(min = 0.5, max = 1.02) double gamma, @ForAll @Scale(6) @DoubleRange(min = 1e-4, max = 10) double base) {
        check(new ExponentialLr(gamma), base, TorchLrSchedulers.exponentialLr(base, gamma), e -> base * Math.pow(gamma, e));
    }

    @Property(tries = 300)
    void cosineAnnealingLr(@ForAll @IntRange(min = 1, max = 100) int tMax, @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double etaFraction,
                           @ForAll @Scale(6) @DoubleRange(min = 1e-4, max = 10) double base) {
        double etaMin = etaFraction * base;
        check(new CosineAnnealingLr(tMax, etaMin), base, TorchLrSchedulers.cosineAnnealingLr(base, tMax, etaMin),
                e -> etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * e / tMax)) / 2);
    }

    @Property(tries = 200)
    void cosineAnnealingLrAnyEtaMin(@ForAll @IntRange(min = 1, max = 400) int tMax, @ForAll @Scale(6) @DoubleRange(min = 0, max = 5) double etaMin,
                                    @ForAll @Scale(6) @DoubleRange(min = 1e-4, max = 10) double base) {
        // eta_min above the base lr anneals upward; bit-exact against torch only
        check(new CosineAnnealingLr(tMax, etaMin), base, TorchLrSchedulers.cosineAnnealingLr(base, tMax, etaMin), null);
    }

    @Property(tries = 200)
    void cosineAnnealingWarmRestarts(@ForAll @IntRange(min = 1, max = 120) int t0, @ForAll @IntRange(min = 1, max = 4) int tMult,
                                     @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double etaFraction,
                                     @ForAll @Scale(6) @DoubleRange(min = 1e-4, max = 10) double base) {
        double etaMin = etaFraction * base;
        check(new CosineWarmRestarts(t0, tMult, etaMin), base, TorchLrSchedulers.cosineAnnealingWarmRestarts(base, t0, tMult, etaMin),
                e -> ScheduleTorchParityTest.restarts(base, t0, tMult, etaMin, e));
    }

    @Property(tries = 300)
    void linearLr(@ForAll @Scale(6) @DoubleRange(min = 0.001, max = 1) double startFactor, @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double endFactor,
                  @ForAll @IntRange(min = 1, max = 400) int totalIters, @ForAll @Scale(6) @DoubleRange(min = 1e-4, max = 10) double base) {
        // A decreasing ramp ends near s + (e_f − s) = e_f, where torch's recursive factor 1 + (e_f − s)/(…) cancels;
        // toward e_f = 0 it is only within rounding of 0 (see ScheduleValuesTest). Compare with the closed form
        // only for increasing ramps, where nothing cancels.
        ScheduleTorchParityTest.ClosedForm closed = endFactor >= startFactor
                ? e -> base * (startFactor + (endFactor - startFactor) * Math.min(totalIters, e) / totalIters)
                : null;
        check(new LinearLr(startFactor, endFactor, totalIters), base,
                TorchLrSchedulers.linearLr(base, startFactor, endFactor, totalIters), closed);
    }

    @Property(tries = 300)
    void polynomialLr(@ForAll @IntRange(min = 1, max = 400) int totalIters, @ForAll @Scale(6) @DoubleRange(min = 0.1, max = 5) double power,
                      @ForAll @Scale(6) @DoubleRange(min = 1e-4, max = 10) double base) {
        check(new PolynomialLr(totalIters, power), base, TorchLrSchedulers.polynomialLr(base, totalIters, power),
                e -> base * Math.pow(1.0 - (double) Math.min(totalIters, e) / totalIters, power));
    }

    @Property(tries = 200)
    void linearWarmup(@ForAll @IntRange(min = 1, max = 400) int warmup, @ForAll @Scale(6) @DoubleRange(min = 1e-4, max = 10) double base) {
        check(new LinearWarmup(warmup), base, TorchLrSchedulers.lambdaLrLinearWarmup(base, warmup),
                e -> base * Math.min(1.0, (double) (e + 1) / warmup));
    }

    @Property(tries = 200)
    void inverseDecaysNeverRiseAndStayPositive(@ForAll @Scale(6) @DoubleRange(min = 0, max = 10) double rate,
                                               @ForAll @IntRange(min = 1, max = 400) int steps, @ForAll boolean staircase,
                                               @ForAll @Scale(6) @DoubleRange(min = 1e-4, max = 10) double base) {
        Assume.that(base > 0);
        for (Schedule s : List.of(new InverseTimeDecay(rate, steps, staircase), new InverseSqrtDecay(steps))) {
            Schedule.State st = s.start(base);
            double previous = st.lr();
            if (previous != base) {
                throw new AssertionError(s + " starts at " + previous + ", not " + base);
            }
            for (int t = 2; t <= STEPS; t++) {
                st.step();
                double lr = st.lr();
                if (!(lr > 0 && lr <= previous)) {
                    throw new AssertionError(s + " step " + t + ": " + lr + " after " + previous);
                }
                previous = lr;
            }
        }
    }
}
