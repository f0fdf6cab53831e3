package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Params;
import dev.descent.math.Quadratic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry, torch's defaults, round trips through the settings, and the probes each optimizer lists. */
class KindsTest {

    @Test
    void menuOrder() {
        List<String> ids = Optimizers.all().stream().map(OptimizerKind::id).toList();
        assertEquals(List.of("sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam", "radam",
                "rprop", "asgd", "signsgd", "signum", "lion", "adabelief", "yogi", "schedule_free_adamw",
                "qhm", "qhadam", "lookahead", "sam", "newton", "levenberg_marquardt", "cg", "bfgs", "lbfgs"), ids);
    }

    /** `list` and the README name where each optimizer comes from: torch.optim's class, or the paper. */
    @Test
    void everyOptimizerNamesItsSource() {
        for (OptimizerKind k : Optimizers.all()) {
            String source = k.source();
            assertTrue(source.startsWith("torch.optim.") || source.matches(".*\\b(1[89]|20)\\d\\d\\b.*"), k.id() + ": " + source);
        }
        assertEquals("torch.optim.Rprop", Rprop.KIND.source());
        assertEquals("torch.optim.ASGD", Asgd.KIND.source());
        assertEquals("Chen et al. 2023", Lion.KIND.source());
        assertEquals("Foret et al. 2021", Sam.KIND.source());
        assertEquals("Ma & Yarats 2019", Qhm.KIND.source(), "torch.optim has no QHM");
    }

    @Test
    void torchClassNamesFindTheKinds() {
        for (String torch : List.of("Adagrad", "RMSprop", "Adadelta", "Adam", "AdamW", "Adamax", "NAdam", "RAdam",
                "Rprop", "ASGD")) {
            assertEquals(torch, Optimizers.find(torch).torchName());
        }
        assertSame(Qhm.KIND, Optimizers.find("QHM"));
        assertSame(QhAdam.KIND, Optimizers.find("qhadam"));
        assertSame(Lookahead.KIND, Optimizers.find("Lookahead"));
    }

    /** torch 1.13's defaults (the golden files' {@code hyper} with only lr given), Descent's options off. */
    @Test
    void defaultsAreTorchs() {
        assertEquals(new Adagrad(1e-2, 0, 0, 0, 1e-10, false), Adagrad.KIND.create());
        assertEquals(new RmsProp(1e-2, 0.99, 1e-8, 0, 0, false, false), RmsProp.KIND.create());
        assertEquals(new Adadelta(1.0, 0.9, 1e-6, 0, false), Adadelta.KIND.create());
        assertEquals(new Adam(1e-3, 0.9, 0.999, 1e-8, 0, false, false, true, "outside"), Adam.KIND.create());
        assertEquals(new AdamW(1e-3, 0.9, 0.999, 1e-8, 1e-2, false, false, true, "outside"), AdamW.KIND.create());
        assertEquals(new Adamax(2e-3, 0.9, 0.999, 1e-8, 0, false), Adamax.KIND.create());
        assertEquals(new NAdam(2e-3, 0.9, 0.999, 1e-8, 0, 4e-3, false), NAdam.KIND.create());
        assertEquals(new RAdam(1e-3, 0.9, 0.999, 1e-8, 0, false), RAdam.KIND.create());
        assertEquals(new Qhm(0.01, 0.999, 0.7, 0), Qhm.KIND.create());
        assertEquals(new QhAdam(1e-3, 0.995, 0.999, 0.7, 1.0, 1e-8, 0), QhAdam.KIND.create());
        assertEquals(new Lookahead(new Adam(1e-3), 5, 0.5), Lookahead.KIND.create());
        assertEquals(new Rprop(1e-2, 0.5, 1.2, 1e-6, 50, false), Rprop.KIND.create());
        assertEquals(new Asgd(1e-2, 1e-4, 0.75, 1e6, 0, false), Asgd.KIND.create());
        // the papers' defaults (Lion: 1e-4, "3-10x smaller than AdamW's"; AdaBelief: the authors' ε = 1e-16)
        assertEquals(new SignSgd(1e-2, 0), SignSgd.KIND.create());
        assertEquals(new Signum(1e-2, 0.9, 0), Signum.KIND.create());
        assertEquals(new Lion(1e-4, 0.9, 0.99, 0), Lion.KIND.create());
        assertEquals(new AdaBelief(1e-3, 0.9, 0.999, 1e-16, 0), AdaBelief.KIND.create());
        assertEquals(new Yogi(1e-2, 0.9, 0.999, 1e-3, 1e-6, 0), Yogi.KIND.create());
        assertEquals(new ScheduleFreeAdamW(0.0025, 0.9, 0.999, 1e-8, 0, 0, 0, 2), ScheduleFreeAdamW.KIND.create());
        assertEquals(ScheduleFreeAdamW.KIND.create(Map.of("lr", 0.5)), new ScheduleFreeAdamW(0.5));
        assertEquals(Rprop.KIND.create(Map.of("lr", 0.5)), new Rprop(0.5));
        assertEquals(Asgd.KIND.create(Map.of("lr", 0.5)), new Asgd(0.5));
        // the convenience constructors are the same defaults
        assertEquals(Adagrad.KIND.create(Map.of("lr", 0.5)), new Adagrad(0.5));
        assertEquals(RmsProp.KIND.create(Map.of("lr", 0.5)), new RmsProp(0.5));
        assertEquals(Adadelta.KIND.create(Map.of("lr", 0.5)), new Adadelta(0.5));
        assertEquals(Adam.KIND.create(Map.of("lr", 0.5)), new Adam(0.5));
        assertEquals(AdamW.KIND.create(Map.of("lr", 0.5)), new AdamW(0.5));
        assertEquals(Adamax.KIND.create(Map.of("lr", 0.5)), new Adamax(0.5));
        assertEquals(NAdam.KIND.create(Map.of("lr", 0.5)), new NAdam(0.5));
        assertEquals(RAdam.KIND.create(Map.of("lr", 0.5)), new RAdam(0.5));
    }

    /** hyperparameters() lists every value under the kind's names, and building from it gives the same optimizer. */
    @Test
    void hyperparametersRoundTrip() {
        for (Configurations.Config c : Configurations.all()) {
            Optimizer o = c.optimizer();
            Params p = o.hyperparameters();
            assertEquals(o.kind().params().stream().map(s -> s.name()).toList(), List.copyOf(p.asMap().keySet()), c.name());
            assertEquals(o, o.kind().factory().apply(p), c.name());
            assertEquals(o, o.kind().create(p.asMap()), c.name());
        }
    }

    @Test
    void labelsNameWhatDiffersFromTheDefaults() {
        assertEquals("Adam η=0.05", new Adam(0.05).label());
        assertEquals("Adam η=0.05 β=(0.9,0.99) amsgrad",
                Adam.KIND.create(Map.of("lr", 0.05, "betas", "0.9,0.99", "amsgrad", true)).label());
        assertEquals("Adam η=0.001 no bias_correction ε placement=keras",
                Adam.KIND.create(Map.of("bias_correction", false, "eps_mode", "keras")).label());
        assertEquals("Lookahead · Adam η=0.001", Lookahead.KIND.create().label());
        assertEquals("Lookahead k=10 α=0.8 · SGD η=0.05 μ=0.9",
                Lookahead.KIND.create(Map.of("k", 10, "alpha", 0.8, "inner", "sgd", "lr", 0.05, "momentum", 0.9)).label());
    }

    @Test
    void probeNames() {
        assertEquals(List.of("grad", "sum", "clr", "effective_lr", "step"), probes(new Adagrad(0.1)));
        assertEquals(List.of("grad", "v", "effective_lr", "step"), probes(new RmsProp(0.1)));
        assertEquals(List.of("grad", "v", "momentum_buffer", "effective_lr", "step"),
                probes(RmsProp.KIND.create(Map.of("momentum", 0.9))));
        assertEquals(List.of("grad", "v", "u", "rms_ratio", "delta_x", "effective_lr", "step"), probes(new Adadelta(1)));
        assertEquals(List.of("grad", "m", "v", "v_max", "m_hat", "v_hat", "bias_correction1", "bias_correction2",
                "effective_lr", "step"), probes(AdamW.KIND.create(Map.of("amsgrad", true))));
        assertEquals(List.of("grad", "m", "u", "m_hat", "bias_correction1", "effective_lr", "step"), probes(new Adamax(0.1)));
        assertEquals(List.of("grad", "m", "v", "v_hat", "bias_correction2", "mu_t", "mu_next", "mu_product",
                "effective_lr", "step"), probes(new NAdam(0.1)));
        assertEquals(List.of("grad", "m", "v", "m_hat", "bias_correction1", "bias_correction2", "rho_t", "rect",
                "rectified", "effective_lr", "step"), probes(new RAdam(0.1)));
        assertEquals(List.of("grad", "momentum_buffer", "direction", "effective_lr", "step"), probes(Qhm.KIND.create()));
        assertEquals(List.of("grad", "m_hat", "v_hat", "bias_weight1", "bias_weight2", "direction", "effective_lr", "step"), probes(QhAdam.KIND.create()));
        assertEquals(List.of("grad", "m", "v", "m_hat", "v_hat", "bias_correction1", "bias_correction2", "effective_lr",
                "step", "slow_weights", "fast_steps"), probes(Lookahead.KIND.create()));
        assertEquals(List.of("grad", "prev", "eta_factor", "step_size", "step"), probes(new Rprop(0.1)));
        assertEquals(List.of("grad", "eta", "mu", "ax", "step"), probes(new Asgd(0.1)));
        assertEquals(List.of("grad", "step"), probes(SignSgd.KIND.create()));
        assertEquals(List.of("grad", "m", "step"), probes(Signum.KIND.create()));
        assertEquals(List.of("grad", "direction", "m", "step"), probes(Lion.KIND.create()));
        assertEquals(List.of("grad", "m", "residual", "s", "m_hat", "s_hat", "bias_correction1", "bias_correction2",
                "effective_lr", "step"), probes(AdaBelief.KIND.create()));
        assertEquals(List.of("grad", "m", "v", "v_direction", "m_hat", "v_hat", "bias_correction1", "bias_correction2",
                "effective_lr", "step"), probes(Yogi.KIND.create()));
        assertEquals(List.of("grad", "v", "z", "x_avg", "effective_lr", "average_weight", "step"),
                probes(ScheduleFreeAdamW.KIND.create()));
        assertEquals(List.of("grad", "momentum_buffer", "effective_lr", "grad_at_theta", "perturbation", "perturbed_point"),
                probes(Sam.KIND.create(Map.of("momentum", 0.9))));
    }

    /** Every probe's {@code step} is the move the last step made (up to the rounding of θ + Δθ). */
    @Test
    void stepProbeIsTheMove() {
        Quadratic bowl = new Quadratic(1, 10, 20);
        for (Configurations.Config c : Configurations.all()) {
            Stepper s = c.optimizer().newStepper(2);
            if (s.probes().stream().noneMatch(p -> p.name().equals("step"))
                    || c.optimizer() instanceof AdamW || c.optimizer() instanceof Lookahead) {
                continue; // AdamW's step is the adaptive part only; Lookahead's sync moves θ besides
            }
            double[] theta = {1.5, -0.5};
            double[] move = new double[2];
            for (int t = 1; t <= 20; t++) {
                double[] before = theta.clone();
                s.step(bowl, theta, c.optimizer().lr());
                s.probes().stream().filter(p -> p.name().equals("step")).findFirst().orElseThrow().read(move);
                for (int i = 0; i < 2; i++) {
                    assertEquals(theta[i] - before[i], move[i], 1e-15 * Math.max(1, Math.abs(before[i])),
                            c.name() + " step " + t);
                }
            }
        }
    }

    private static List<String> probes(Optimizer o) {
        return o.newStepper(2).probes().stream().map(Probe::name).toList();
    }

    @Test
    void probeReadsFillEveryCoordinate() {
        Stepper s = Adam.KIND.create(Map.of("amsgrad", true)).newStepper(2);
        double[] theta = {1, 1};
        s.step(new Quadratic(1, 10, 0), theta, 0.1);
        for (Probe p : s.probes()) {
            double[] out = {Double.NaN, Double.NaN};
            p.read(out);
            assertArrayEquals(new boolean[] {true, true}, new boolean[] {Double.isFinite(out[0]), Double.isFinite(out[1])},
                    p.name());
        }
    }
}
