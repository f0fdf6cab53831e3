package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The menu of schedules, their labels and their per-step cost. */
class ScheduleRegistryTest {

    @Test
    void idsInMenuOrder() {
        assertEquals(List.of("constant", "step", "multistep", "exponential", "cosine", "cosine_restarts", "linear",
                        "warmup", "inverse_time", "inverse_sqrt", "polynomial"),
                Schedules.all().stream().map(ScheduleKind::id).toList());
        Set<String> seen = new HashSet<>();
        for (ScheduleKind k : Schedules.all()) {
            assertTrue(k.id().matches("[a-z]+(_[a-z]+)*"), k.id());
            assertTrue(seen.add(k.id()), k.id());
        }
    }

    @Test
    void torchNames() {
        assertSame(StepLr.KIND, Schedules.find("StepLR"));
        assertSame(MultiStepLr.KIND, Schedules.find("multisteplr"));
        assertSame(ExponentialLr.KIND, Schedules.find("ExponentialLR"));
        assertSame(CosineAnnealingLr.KIND, Schedules.find("CosineAnnealingLR"));
        assertSame(CosineWarmRestarts.KIND, Schedules.find("CosineAnnealingWarmRestarts"));
        assertSame(LinearLr.KIND, Schedules.find("LinearLR"));
        assertSame(PolynomialLr.KIND, Schedules.find("PolynomialLR"));
        assertSame(LinearWarmup.KIND, Schedules.find("warmup"));
        assertSame(InverseSqrtDecay.KIND, Schedules.find(" inverse_sqrt "));
    }

    @Test
    void everyKindBuildsWithDefaultsAndReportsItsParameters() {
        for (ScheduleKind k : Schedules.all()) {
            Schedule s = k.create(Map.of());
            assertSame(k, s.kind());
            assertEquals(k.params().stream().map(p -> p.name()).toList(), List.copyOf(s.parameters().asMap().keySet()));
            assertEquals(s, k.create(s.parameters().asMap()), k.id());
            Schedule.State st = s.start(0.1);
            for (int i = 0; i < 1000; i++) {
                assertTrue(Double.isFinite(st.lr()) && st.lr() >= -1e-15, k.id() + " step " + i + ": " + st.lr());
                st.step();
            }
        }
    }

    @Test
    void defaultsFollowTorch() {
        assertEquals(new StepLr(100, 0.1), StepLr.KIND.create(Map.of()));
        assertEquals(new MultiStepLr(List.of(100, 200), 0.1), MultiStepLr.KIND.create(Map.of()));
        assertEquals(new LinearLr(1.0 / 3, 1.0, 5), LinearLr.KIND.create(Map.of()));
        assertEquals(new PolynomialLr(5, 1.0), PolynomialLr.KIND.create(Map.of()));
        assertEquals(new CosineWarmRestarts(100, 1, 0.0), CosineWarmRestarts.KIND.create(Map.of()));
        assertEquals(new CosineAnnealingLr(100, 0.0), CosineAnnealingLr.KIND.create(Map.of()));
    }

    @Test
    void labels() {
        assertEquals("StepLR(step_size=100, gamma=0.5)", new StepLr(100, 0.5).label());
        assertEquals("StepLR(step_size=100, gamma=0.5)", new StepLr(100, 0.5).toString());
        assertEquals("MultiStepLR(milestones=[30, 80], gamma=0.1)", new MultiStepLr(List.of(30, 80), 0.1).toString());
        assertEquals("ExponentialLR(gamma=0.99)", new ExponentialLr(0.99).toString());
        assertEquals("CosineAnnealingLR(T_max=100, eta_min=0.001)", new CosineAnnealingLr(100, 0.001).toString());
        assertEquals("CosineAnnealingWarmRestarts(T_0=50, T_mult=2, eta_min=0)", new CosineWarmRestarts(50, 2, 0).toString());
        assertEquals("LinearLR(start_factor=0.3333333333333333, end_factor=1, total_iters=5)", new LinearLr(1.0 / 3, 1, 5).toString());
        assertEquals("PolynomialLR(total_iters=5, power=1)", new PolynomialLr(5, 1).toString());
        assertEquals("LinearWarmup(warmup=20)", new LinearWarmup(20).toString());
        assertEquals("InverseTimeDecay(decay_rate=0.5, decay_steps=10, staircase=true)", new InverseTimeDecay(0.5, 10, true).toString());
        assertEquals("InverseSqrtDecay(warmup=100)", new InverseSqrtDecay(100).toString());
        assertEquals("Constant", Schedules.constant().toString());
        assertEquals("Constant", Schedules.constant().label());
    }

    @Test
    void parametersRoundTripThroughText() {
        Schedule s = new MultiStepLr(List.of(30, 80), 0.5);
        assertEquals("milestones=30,80 gamma=0.5", s.parameters().toString());
        assertEquals(s, MultiStepLr.KIND.create(Map.of("milestones", "30,80", "gamma", "0.5")));
    }

    @Test
    void stepsDoNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        for (ScheduleKind k : Schedules.all()) {
            Schedule.State st = k.create(Map.of()).start(0.1);
            double sum = 0;
            for (int i = 0; i < 20_000; i++) { // warm up
                st.step();
                sum += st.lr();
            }
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200_000; i++) {
                st.step();
                sum += st.lr();
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            assertTrue(Double.isFinite(sum));
            assertTrue(allocated < 4096, k.id() + " allocated " + allocated + " bytes in 200000 steps");
        }
    }
}
