package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue's optimizers refuse bad hyperparameters with a message naming the value, torch's where torch has one. */
class CatalogueValidationTest {

    private static void refuses(String message, OptimizerKind kind, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kind.create(values));
        assertEquals(message, e.getMessage());
    }

    private static void lrChecks(OptimizerKind kind) {
        refuses("Invalid learning rate: -1.0 (must be a finite number > 0)", kind, "lr", -1.0);
        refuses("Invalid learning rate: 0.0 (must be a finite number > 0)", kind, "lr", 0.0);
        refuses("Invalid learning rate: nan (must be a finite number > 0)", kind, "lr", "nan");
        refuses("Invalid learning rate: inf (must be a finite number > 0)", kind, "lr", "inf");
    }

    private static void weightDecayCheck(OptimizerKind kind) {
        refuses("Invalid weight_decay value: -0.01 (must be a finite number >= 0)", kind, "weight_decay", -0.01);
    }

    private static void betaChecks(OptimizerKind kind) {
        refuses("Invalid beta parameter at index 0: 1.0 (must be in [0, 1))", kind, "betas", List.of(1.0, 0.999));
        refuses("Invalid beta parameter at index 1: -0.1 (must be in [0, 1))", kind, "betas", "0.9,-0.1");
    }

    @Test
    void rprop() {
        lrChecks(Rprop.KIND);
        refuses("Invalid eta values: 1.0, 1.2 (must satisfy 0 < η⁻ < 1 < η⁺)", Rprop.KIND, "etas", "1.0,1.2");
        refuses("Invalid eta values: 0.5, 1.0 (must satisfy 0 < η⁻ < 1 < η⁺)", Rprop.KIND, "etas", "0.5,1");
        refuses("Invalid eta values: 0.0, 1.2 (must satisfy 0 < η⁻ < 1 < η⁺)", Rprop.KIND, "etas", "0,1.2");
        refuses("Invalid eta values: 0.5, nan (must satisfy 0 < η⁻ < 1 < η⁺)", Rprop.KIND, "etas", List.of(0.5, Double.NaN));
        refuses("Invalid step_sizes: 1.0, 0.1 (must satisfy 0 <= Δmin <= Δmax, finite)", Rprop.KIND, "step_sizes", "1,0.1");
        refuses("Invalid step_sizes: -1e-06, 50.0 (must satisfy 0 <= Δmin <= Δmax, finite)", Rprop.KIND, "step_sizes", "-1e-6,50");
        refuses("Invalid step_sizes: 1e-06, inf (must satisfy 0 <= Δmin <= Δmax, finite)", Rprop.KIND, "step_sizes", "1e-6,inf");
    }

    @Test
    void asgd() {
        lrChecks(Asgd.KIND);
        weightDecayCheck(Asgd.KIND);
        refuses("Invalid lambd value: -0.0001 (must be a finite number >= 0)", Asgd.KIND, "lambd", -1e-4);
        refuses("Invalid alpha value: nan (must be a finite number >= 0)", Asgd.KIND, "alpha", "nan");
        refuses("Invalid t0 value: -1.0 (must be a finite number >= 0)", Asgd.KIND, "t0", -1);
    }

    @Test
    void signFamily() {
        lrChecks(SignSgd.KIND);
        weightDecayCheck(SignSgd.KIND);
        lrChecks(Signum.KIND);
        weightDecayCheck(Signum.KIND);
        refuses("Invalid momentum value: 1.0 (must be in [0, 1))", Signum.KIND, "momentum", 1.0);
        refuses("Invalid momentum value: -0.5 (must be in [0, 1))", Signum.KIND, "momentum", -0.5);
        lrChecks(Lion.KIND);
        weightDecayCheck(Lion.KIND);
        betaChecks(Lion.KIND);
    }

    @Test
    void adaBeliefAndYogi() {
        for (OptimizerKind kind : List.of(AdaBelief.KIND, Yogi.KIND)) {
            lrChecks(kind);
            weightDecayCheck(kind);
            betaChecks(kind);
            refuses("Invalid epsilon value: -1e-08 (must be a finite number >= 0)", kind, "eps", -1e-8);
        }
        refuses("Invalid initial_accumulator_value value: -1e-06 (must be a finite number >= 0)",
                Yogi.KIND, "initial_accumulator_value", -1e-6);
    }

    @Test
    void adagradRootIsABoolean() {
        refuses("Invalid value for root: 'sometimes' is not true or false", Adagrad.KIND, "root", "sometimes");
        assertEquals("Adagrad η=0.01 no root", Adagrad.KIND.create(Map.of("root", false)).label());
    }

    @Test
    void scheduleFreeAdamW() {
        OptimizerKind k = ScheduleFreeAdamW.KIND;
        lrChecks(k);
        weightDecayCheck(k);
        betaChecks(k);
        refuses("Invalid epsilon value: -1e-08 (must be a finite number >= 0)", k, "eps", -1e-8);
        refuses("Invalid warmup_steps: -1 (must be an integer >= 0)", k, "warmup_steps", -1);
        refuses("Invalid r value: -1.0 (must be a finite number >= 0)", k, "r", -1);
        refuses("Invalid weight_lr_power value: nan (must be a finite number >= 0)", k, "weight_lr_power", "nan");
    }
}
