package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import dev.descent.math.Quadratic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lookahead's composition: any inner optimizer, settings passed through by name, inner defaults kept. */
class LookaheadTest {

    @Test
    void passThroughSettingsReachTheInnerOptimizer() {
        Lookahead la = (Lookahead) Lookahead.KIND.create(Map.of("inner", "rmsprop", "lr", 0.02, "inner_alpha", 0.9,
                "centered", true, "k", 4, "alpha", 0.6));
        assertEquals(new RmsProp(0.02, 0.9, 1e-8, 0, 0, true, false), la.inner());
        assertEquals(4, la.k());
        assertEquals(0.6, la.alpha());
        assertEquals(0.02, la.lr());
    }

    /** A setting not given takes the chosen inner optimizer's default, not Adam's. */
    @Test
    void unsetSettingsTakeTheInnerOptimizersDefaults() {
        assertEquals(Qhm.KIND.create(), ((Lookahead) Lookahead.KIND.create(Map.of("inner", "qhm"))).inner());
        assertEquals(AdamW.KIND.create(), ((Lookahead) Lookahead.KIND.create(Map.of("inner", "adamw"))).inner());
        assertEquals(Adagrad.KIND.create(), ((Lookahead) Lookahead.KIND.create(Map.of("inner", "adagrad"))).inner());
        assertEquals(QhAdam.KIND.create(), ((Lookahead) Lookahead.KIND.create(Map.of("inner", "qhadam"))).inner());
    }

    /** The controls are k, alpha, inner and exactly the chosen inner optimizer's settings, with its real defaults. */
    @Test
    void theSettingsAreLookaheadsOwnAndTheChosenInnerOptimizers() {
        assertEquals(List.of("k", "alpha", "inner", "lr", "betas", "eps", "weight_decay", "amsgrad", "maximize",
                "bias_correction", "eps_mode"), names(Lookahead.KIND.params()));
        assertEquals(0.001, Lookahead.KIND.param("lr").defaultValue());
        OptimizerKind aroundSgd = Lookahead.KIND.forValues(Map.of("inner", "sgd"));
        assertEquals(List.of("k", "alpha", "inner", "lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize",
                "variant"), names(aroundSgd.params()));
        assertEquals(0.01, aroundSgd.param("lr").defaultValue());
        OptimizerKind aroundRmsProp = Lookahead.KIND.forValues(Map.of("inner", "RMSprop"));
        assertEquals(0.99, aroundRmsProp.param("inner_alpha").defaultValue(), "RMSprop's alpha, renamed");
        assertEquals(0.5, aroundRmsProp.param("alpha").defaultValue(), "Lookahead's own alpha");
        assertEquals(Lookahead.INNER_KINDS.stream().map(OptimizerKind::id).toList(), aroundSgd.param("inner").choices());
    }

    /** No control of any wrapper, around any inner optimizer, has NaN as its value; defaults are the inner's own. */
    @Test
    void noWrapperSettingIsNaN() {
        for (OptimizerKind wrapper : List.of(Lookahead.KIND, Sam.KIND)) {
            for (String inner : wrapper.param("inner").choices()) {
                Params values = wrapper.create(Map.of("inner", inner)).hyperparameters();
                for (ParamSpec s : values.specs()) {
                    Object v = values.get(s.name());
                    boolean nan = v instanceof Double d && d.isNaN()
                            || v instanceof double[] pair && (Double.isNaN(pair[0]) || Double.isNaN(pair[1]));
                    assertFalse(nan, wrapper.id() + " around " + inner + ": " + s.name());
                    if (!s.name().equals("inner")) {
                        assertTrue(java.util.Objects.deepEquals(s.defaultValue(), v),
                                wrapper.id() + " around " + inner + ": " + s.name() + " shows its default");
                    }
                }
            }
        }
    }

    @Test
    void aSettingTheChosenInnerOptimizerLacksIsRefusedByName() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Lookahead.KIND.create(Map.of("inner", "adam", "momentum", 0.9)));
        assertTrue(e.getMessage().startsWith("Unknown parameter 'momentum' for Lookahead; known: k, alpha, inner, lr, betas"),
                e.getMessage());
    }

    /** Switching the inner kind keeps what both take (the learning rate here) and drops the rest. */
    @Test
    void switchingTheInnerKindKeepsSharedSettings() {
        Map<String, Object> values = new java.util.LinkedHashMap<>(Map.of("inner", "sgd", "lr", 0.05, "momentum", 0.9,
                "k", 7));
        values.put("inner", "adam");
        Map<String, Object> kept = Lookahead.KIND.retain(values);
        assertEquals(Map.of("inner", "adam", "lr", 0.05, "k", 7), kept);
        Lookahead adam = (Lookahead) Lookahead.KIND.create(kept);
        assertEquals(new Adam(0.05), adam.inner());
        assertEquals(7, adam.k());
    }

    private static List<String> names(List<ParamSpec> specs) {
        return specs.stream().map(ParamSpec::name).toList();
    }

    @Test
    void labelShowsTheInnerOptimizer() {
        assertEquals("Lookahead α=0.3 · RMSprop η=0.01 centered",
                Lookahead.KIND.create(Map.of("inner", "rmsprop", "alpha", 0.3, "centered", true)).label());
    }

    /** An optimizer from outside the first-order menu (here a stand-in) is wrapped just the same. */
    @Test
    void wrapsAnyOptimizer() {
        OptimizerKind halvingKind = Halving.KIND;
        Optimizer la = new Lookahead(new Halving(1), 2, 0.5);
        assertEquals("lookahead", la.kind().id());
        assertEquals(List.of("k", "alpha", "inner", "lr"), la.kind().params().stream().map(ParamSpec::name).toList());
        assertNotEquals(Lookahead.KIND, la.kind());
        assertFalse(la.isElementwise(), "elementwise only if the inner optimizer is");
        Stepper s = la.newStepper(2);
        double[] theta = {8, -4};
        s.step(new Quadratic(1, 1, 0), theta, 1);
        assertArrayEquals(new double[] {4, -2}, theta);
        s.step(new Quadratic(1, 1, 0), theta, 1);
        // fast weights (2, -1), slow (8, -4): φ ← φ + ½(θ − φ) = (5, -2.5), θ ← φ
        assertArrayEquals(new double[] {5, -2.5}, theta);
        Optimizer rebuilt = la.kind().factory().apply(la.hyperparameters());
        assertEquals(la, rebuilt);
        assertEquals(la, Lookahead.kindFor(halvingKind).create(Map.of("k", 2)));
    }

    /**
     * Lookahead around Adam over four synchronisations, against Adam and the slow update written out
     * here: Adam's moments and step count run on across the pulls back (Zhang et al. 2019, Algorithm 1).
     */
    @Test
    void aroundAdamTheInnerStateRunsOnAcrossSynchronisations() {
        double lr = 0.1;
        int k = 5;
        double alpha = 0.5;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] curvature = {1, 10};
        Quadratic bowl = new Quadratic(1, 10, 0);
        Stepper s = new Lookahead(new Adam(lr), k, alpha).newStepper(2);
        double[] theta = {2, 1};
        double[] x = {2, 1};
        double[] slow = {2, 1};
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= 4 * k + 2; t++) {
            s.step(bowl, theta, lr);
            for (int i = 0; i < 2; i++) {
                double g = curvature[i] * x[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                x[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
                if (t % k == 0) {
                    slow[i] += alpha * (x[i] - slow[i]);
                    x[i] = slow[i];
                }
                assertEquals(x[i], theta[i], 1e-12 * (1 + Math.abs(x[i])), "θ" + i + " at step " + t);
            }
        }
        // and the pulls back matter: plain Adam is elsewhere by now
        Stepper adam = new Adam(lr).newStepper(2);
        double[] plain = {2, 1};
        for (int t = 1; t <= 4 * k + 2; t++) {
            adam.step(bowl, plain, lr);
        }
        assertTrue(Math.abs(plain[0] - theta[0]) > 1e-3, "Lookahead and Adam coincide: " + plain[0] + " vs " + theta[0]);
    }

    /** kindFor gives a settings panel with the inner kind's real defaults. */
    @Test
    void kindForListsTheInnerDefaults() {
        OptimizerKind k = Lookahead.kindFor(Sgd.KIND);
        assertEquals(0.01, k.param("lr").defaultValue());
        assertEquals("sgd", k.param("inner").defaultValue());
        assertEquals(Lookahead.INNER_KINDS.size(), k.param("inner").choices().size(), "the others stay a choice away");
        assertEquals(new Lookahead(Sgd.KIND.create(Map.of("momentum", 0.5)), 5, 0.5), k.create(Map.of("momentum", 0.5)));
        assertEquals(0.99, Lookahead.kindFor(RmsProp.KIND).param("inner_alpha").defaultValue());
    }

    /** A stand-in for a non-elementwise method: halves θ each step. */
    record Halving(double lr) implements Optimizer {
        static final OptimizerKind KIND = new OptimizerKind("halving", null, null, "Halving", "θ ← θ/2",
                List.of(ParamSpec.real("lr", "η", 1, 0.1, 1, ParamSpec.Scale.LINEAR, "unused")),
                p -> new Halving(p.real("lr")), List.of(), null);

        @Override
        public OptimizerKind kind() {
            return KIND;
        }

        @Override
        public Params hyperparameters() {
            return Params.resolve("Halving", kind().params(), Map.of("lr", lr));
        }

        @Override
        public boolean isElementwise() {
            return false;
        }

        @Override
        public Stepper newStepper(int n) {
            return new Stepper() {
                long t;

                @Override
                public void step(Objective f, double[] theta, double lr) {
                    t++;
                    for (int i = 0; i < theta.length; i++) {
                        theta[i] /= 2;
                    }
                }

                @Override
                public long steps() {
                    return t;
                }

                @Override
                public List<Probe> probes() {
                    return List.of();
                }
            };
        }
    }

    /** The step length charted for Lookahead around a line-search method is the search's t, as for the method alone. */
    @Test
    void theStepLengthIsTheInnerLineSearchs() {
        Objective f = dev.descent.math.Surfaces.create("rosenbrock");
        Stepper wrapped = new Lookahead(Bfgs.KIND.create(Map.of("lr", 1)), 5, 0.5).newStepper(2);
        Stepper alone = Bfgs.KIND.create(Map.of("lr", 1)).newStepper(2);
        double[] a = {-1.2, 1};
        double[] b = {-1.2, 1};
        boolean searched = false;
        for (int s = 0; s < 3; s++) { // before the first synchronisation the fast steps are the method's own
            wrapped.step(f, a, 1);
            alone.step(f, b, 1);
            assertEquals(alone.stepLength(1), wrapped.stepLength(1), "step " + (s + 1));
            searched |= alone.stepLength(1) != 1;
        }
        assertTrue(searched, "some step took a t other than the lr");
    }
}
