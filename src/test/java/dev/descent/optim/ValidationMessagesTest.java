package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every hyperparameter check says which value is wrong and why, in torch's words, both through the
 * kinds (names and values as the command line and the golden files give them) and the records.
 */
class ValidationMessagesTest {

    private static void refuses(String message, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertEquals(message, e.getMessage());
    }

    private static void refuses(String message, OptimizerKind kind, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        refuses(message, () -> kind.create(values));
    }

    private static final String LR_NEG = "Invalid learning rate: -1.0 (must be a finite number > 0)";
    private static final String LR_ZERO = "Invalid learning rate: 0.0 (must be a finite number > 0)";
    private static final String LR_NAN = "Invalid learning rate: nan (must be a finite number > 0)";
    private static final String LR_INF = "Invalid learning rate: inf (must be a finite number > 0)";
    private static final String WD = "Invalid weight_decay value: -0.01 (must be a finite number >= 0)";

    /** The learning-rate and weight-decay checks every optimizer shares. */
    private static void commonChecks(OptimizerKind kind) {
        refuses(LR_NEG, kind, "lr", -1.0);
        refuses(LR_ZERO, kind, "lr", 0.0);
        refuses(LR_NAN, kind, "lr", "nan");
        refuses(LR_INF, kind, "lr", "inf");
        refuses(WD, kind, "weight_decay", -0.01);
        refuses("Invalid weight_decay value: inf (must be a finite number >= 0)", kind, "weight_decay", Double.POSITIVE_INFINITY);
    }

    /** The beta checks of the Adam family: each index, both ends of [0, 1). */
    private static void betaChecks(OptimizerKind kind) {
        refuses("Invalid beta parameter at index 0: 1.0 (must be in [0, 1))", kind, "betas", List.of(1.0, 0.999));
        refuses("Invalid beta parameter at index 0: -0.1 (must be in [0, 1))", kind, "betas", "-0.1,0.999");
        refuses("Invalid beta parameter at index 1: 1.0 (must be in [0, 1))", kind, "betas", "(0.9, 1.0)");
        refuses("Invalid beta parameter at index 1: nan (must be in [0, 1))", kind, "betas", List.of(0.9, Double.NaN));
    }

    private static void epsCheck(OptimizerKind kind) {
        refuses("Invalid epsilon value: -1e-08 (must be a finite number >= 0)", kind, "eps", -1e-8);
        refuses("Invalid epsilon value: nan (must be a finite number >= 0)", kind, "eps", Double.NaN);
    }

    @Test
    void adagrad() {
        commonChecks(Adagrad.KIND);
        epsCheck(Adagrad.KIND);
        refuses("Invalid epsilon value: -1e-10 (must be a finite number >= 0)", Adagrad.KIND, "eps", -1e-10);
        refuses("Invalid lr_decay value: -0.1 (must be a finite number >= 0)", Adagrad.KIND, "lr_decay", -0.1);
        refuses("Invalid initial_accumulator_value value: -1.0 (must be a finite number >= 0)",
                Adagrad.KIND, "initial_accumulator_value", -1);
        refuses(LR_NEG, () -> new Adagrad(-1));
    }

    @Test
    void rmsprop() {
        commonChecks(RmsProp.KIND);
        epsCheck(RmsProp.KIND);
        refuses("Invalid momentum value: -0.5 (must be a finite number >= 0)", RmsProp.KIND, "momentum", -0.5);
        refuses("Invalid alpha value: 1.5 (must be in [0, 1])", RmsProp.KIND, "alpha", 1.5);
        refuses("Invalid alpha value: -0.01 (must be in [0, 1])", RmsProp.KIND, "alpha", -0.01);
        refuses("Invalid value for centered: 'maybe' is not true or false", RmsProp.KIND, "centered", "maybe");
    }

    @Test
    void adadelta() {
        commonChecks(Adadelta.KIND);
        epsCheck(Adadelta.KIND);
        refuses("Invalid rho value: 1.1 (must be in [0, 1])", Adadelta.KIND, "rho", 1.1);
        refuses("Invalid rho value: -0.9 (must be in [0, 1])", Adadelta.KIND, "rho", -0.9);
    }

    @Test
    void adamAndAdamW() {
        for (OptimizerKind kind : List.of(Adam.KIND, AdamW.KIND)) {
            commonChecks(kind);
            epsCheck(kind);
            betaChecks(kind);
            refuses("Invalid value for eps_mode: 'hat'; choose one of outside, inside, keras", kind, "eps_mode", "hat");
            refuses("Invalid value for betas: '0.9' is not a pair such as 0.9,0.999", kind, "betas", "0.9");
        }
        refuses("Invalid eps_mode: hat (outside, inside or keras)",
                () -> new Adam(1e-3, 0.9, 0.999, 1e-8, 0, false, false, true, "hat"));
        refuses("Invalid eps_mode: hat (outside, inside or keras)",
                () -> new AdamW(1e-3, 0.9, 0.999, 1e-8, 0, false, false, true, "hat"));
    }

    @Test
    void adamaxRadamNadam() {
        for (OptimizerKind kind : List.of(Adamax.KIND, RAdam.KIND, NAdam.KIND)) {
            commonChecks(kind);
            epsCheck(kind);
            betaChecks(kind);
        }
        refuses("Invalid momentum_decay value: -0.004 (must be a finite number >= 0)", NAdam.KIND, "momentum_decay", -4e-3);
    }

    @Test
    void qhm() {
        commonChecks(Qhm.KIND);
        refuses("Invalid momentum value: 1.5 (must be in [0, 1])", Qhm.KIND, "momentum", 1.5);
        refuses("Invalid momentum value: -0.1 (must be in [0, 1])", Qhm.KIND, "momentum", -0.1);
        refuses("Invalid nu value: 1.2 (must be in [0, 1])", Qhm.KIND, "nu", 1.2);
        refuses("Invalid nu value: -0.0001 (must be in [0, 1])", Qhm.KIND, "nu", -1e-4);
        refuses("Unknown parameter 'maximize' for QHM; known: lr, momentum, nu, weight_decay", Qhm.KIND, "maximize", true);
    }

    @Test
    void qhadam() {
        commonChecks(QhAdam.KIND);
        epsCheck(QhAdam.KIND);
        betaChecks(QhAdam.KIND);
        refuses("Invalid nu parameter at index 0: 1.5 (must be in [0, 1])", QhAdam.KIND, "nus", "1.5,1");
        refuses("Invalid nu parameter at index 1: -1e-05 (must be in [0, 1])", QhAdam.KIND, "nus", List.of(0.7, -1e-5));
    }

    @Test
    void lookahead() {
        refuses("Invalid lookahead steps: 0 (must be an integer >= 1)", Lookahead.KIND, "k", 0);
        refuses("Invalid lookahead steps: -3 (must be an integer >= 1)", Lookahead.KIND, "k", "-3");
        refuses("Invalid value for k: '2.5' is not a whole number", Lookahead.KIND, "k", "2.5");
        refuses("Invalid slow update rate: 0.0 (must be in (0, 1])", Lookahead.KIND, "alpha", 0.0);
        refuses("Invalid slow update rate: 1.5 (must be in (0, 1])", Lookahead.KIND, "alpha", 1.5);
        refuses("Invalid slow update rate: nan (must be in (0, 1])", () -> new Lookahead(new Adam(0.01), 5, Double.NaN));
        refuses("Invalid value for inner: 'lookahead'; choose one of sgd, adagrad, rmsprop, adadelta, adam, adamw, "
                + "adamax, nadam, radam, qhm, qhadam", Lookahead.KIND, "inner", "lookahead");
        NullPointerException npe = assertThrows(NullPointerException.class, () -> new Lookahead(null, 5, 0.5));
        assertEquals("Lookahead needs an inner optimizer", npe.getMessage());
        // the inner optimizer's own checks come through unchanged
        refuses(LR_NEG, Lookahead.KIND, "lr", -1.0);
        refuses("Invalid beta parameter at index 1: 1.0 (must be in [0, 1))", Lookahead.KIND, "betas", "0.9,1");
        refuses("Invalid alpha value: 2.0 (must be in [0, 1])", Lookahead.KIND, "inner", "rmsprop", "inner_alpha", 2.0);
    }

    /** Rules between two values. */
    @Test
    void lookaheadSettingsMustBelongToTheInnerOptimizer() {
        // one message for every unknown name, listing what the chosen inner optimizer takes besides Lookahead's own
        refuses("Unknown parameter 'betas' for Lookahead; known: k, alpha, inner, lr, momentum, dampening, "
                + "weight_decay, nesterov, maximize, variant", Lookahead.KIND, "inner", "sgd", "betas", "0.8,0.9");
        refuses("Unknown parameter 'centered' for Lookahead; known: k, alpha, inner, lr, betas, eps, "
                + "weight_decay, amsgrad, maximize, bias_correction, eps_mode", Lookahead.KIND, "centered", true);
        refuses("Unknown parameter 'inner_alpha' for Lookahead; known: k, alpha, inner, lr, betas, eps, "
                + "weight_decay, amsgrad, maximize, bias_correction, eps_mode", Lookahead.KIND, "inner_alpha", 0.9);
        refuses("Unknown parameter 'maximize' for Lookahead; known: k, alpha, inner, lr, momentum, nu, weight_decay",
                Lookahead.KIND, "inner", "qhm", "maximize", true);
    }

    @Test
    void sgdNesterovRule() {
        refuses("Nesterov momentum requires a momentum and zero dampening", Sgd.KIND, "nesterov", true);
        refuses("Nesterov momentum requires a momentum and zero dampening", Sgd.KIND, "nesterov", true,
                "momentum", 0.9, "dampening", 0.1);
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        refuses("Unknown parameter 'beta1' for Adam; known: lr, betas, eps, weight_decay, amsgrad, maximize, "
                + "bias_correction, eps_mode", Adam.KIND, "beta1", 0.9);
        refuses("Unknown parameter 'momentum' for Adagrad; known: lr, lr_decay, weight_decay, "
                + "initial_accumulator_value, eps, maximize, root", Adagrad.KIND, "momentum", 0.9);
    }
}
