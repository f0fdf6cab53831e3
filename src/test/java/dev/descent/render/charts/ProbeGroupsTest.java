package dev.descent.render.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.optim.Optimizers;
import dev.descent.optim.Probe;
import dev.descent.optim.Stepper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeGroupsTest {

    private static List<String> stems(List<ProbeGroups.Group> g) {
        return g.stream().map(ProbeGroups.Group::stem).toList();
    }

    private static List<String> names(ProbeGroups.Group g) {
        return g.members().stream().map(ProbeGroups.Member::name).toList();
    }

    @Test
    void stemsFollowTheNamingRule() {
        assertEquals("m", ProbeGroups.stem("m_hat"));
        assertEquals("v", ProbeGroups.stem("v_max"));
        assertEquals("bias_correction", ProbeGroups.stem("bias_correction1"));
        assertEquals("bias_correction", ProbeGroups.stem("bias_correction2"));
        assertEquals("effective_lr", ProbeGroups.stem("effective_lr"));
        assertEquals("momentum_buffer", ProbeGroups.stem("momentum_buffer"));
        assertEquals("rho_t", ProbeGroups.stem("rho_t"));
        assertEquals("hat", ProbeGroups.stem("hat"));
    }

    @Test
    void adamsMomentsArePairedWithTheirBiasCorrectedForms() {
        List<String> n = List.of("grad", "m", "v", "v_max", "m_hat", "v_hat", "bias_correction1", "bias_correction2",
                "effective_lr", "step");
        List<String> s = List.of("∇f", "m", "v", "v_max", "m̂", "v̂", "1−β₁ᵗ", "1−β₂ᵗ", "η/(√v̂+ε)", "Δθ");
        List<ProbeGroups.Group> g = ProbeGroups.of(n, s, java.util.Set.of());
        assertEquals(List.of("grad", "m", "v", "bias_correction", "effective_lr", "step"), stems(g));
        assertEquals(List.of("m", "m_hat"), names(g.get(1)));
        assertEquals("m, m̂", g.get(1).title());
        assertEquals(ProbeGroups.Role.RAW, g.get(1).members().get(0).role());
        assertEquals(ProbeGroups.Role.MAIN, g.get(1).members().get(1).role());
        assertEquals(4, g.get(1).members().get(1).probe(), "the index in the run's probe list");
        assertEquals(List.of("v", "v_max", "v_hat"), names(g.get(2)));
        assertEquals(List.of("bias_correction1", "bias_correction2"), names(g.get(3)));
        assertEquals("1−β₁ᵗ, 1−β₂ᵗ", g.get(3).title());
        assertEquals(ProbeGroups.Role.MAIN, g.get(3).members().get(0).role(), "no plain member: both solid");
    }

    @Test
    void everyRegisteredOptimizerGetsEachProbeExactlyOnce() {
        for (var kind : Optimizers.all()) {
            Stepper st = kind.create(Map.of()).newStepper(2);
            List<Probe> probes = st.probes();
            List<ProbeGroups.Group> g = ProbeGroups.of(probes.stream().map(Probe::name).toList(),
                    probes.stream().map(Probe::symbol).toList(), java.util.Set.of());
            int members = g.stream().mapToInt(x -> x.members().size()).sum();
            assertEquals(probes.size(), members, kind.id());
        }
    }

    @Test
    void probesLeftOutAreInNoChart() {
        List<ProbeGroups.Group> g = ProbeGroups.of(List.of("grad", "trial_1", "trial_2", "direction"),
                List.of("∇f", "θ+t₁d", "θ+t₂d", "d"), java.util.Set.of("trial_1", "trial_2"));
        assertEquals(List.of("grad", "direction"), stems(g));
        assertEquals(3, g.get(1).members().get(0).probe(), "members keep their index in the run's probe list");
    }
}
