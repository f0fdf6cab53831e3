package dev.descent.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named optimizer settings that together switch on every option of every first-order optimizer. */
final class Configurations {

    private Configurations() {
    }

    record Config(String name, Optimizer optimizer) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Config c(OptimizerKind kind, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        StringBuilder name = new StringBuilder(kind.id());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
            name.append(' ').append(namesAndValues[i]).append('=').append(namesAndValues[i + 1]);
        }
        return new Config(name.toString(), kind.create(values));
    }

    static List<Config> all() {
        return List.of(
                c(Sgd.KIND, "lr", 0.02, "momentum", 0.9, "nesterov", true),
                c(Adagrad.KIND),
                c(Adagrad.KIND, "lr", 0.3, "lr_decay", 0.01, "weight_decay", 0.1, "initial_accumulator_value", 0.1),
                c(Adagrad.KIND, "lr", 0.05, "maximize", true),
                c(RmsProp.KIND),
                c(RmsProp.KIND, "lr", 0.005, "centered", true, "momentum", 0.5, "weight_decay", 0.01, "alpha", 0.9),
                c(RmsProp.KIND, "lr", 0.01, "momentum", 0.9),
                c(Adadelta.KIND),
                c(Adadelta.KIND, "lr", 5.0, "rho", 0.95, "weight_decay", 0.1, "maximize", true),
                c(Adam.KIND, "lr", 0.05),
                c(Adam.KIND, "lr", 0.05, "amsgrad", true, "weight_decay", 0.01),
                c(Adam.KIND, "lr", 0.05, "eps_mode", "inside", "eps", 1e-3),
                c(Adam.KIND, "lr", 0.05, "eps_mode", "inside", "amsgrad", true),
                c(Adam.KIND, "lr", 0.05, "eps_mode", "keras", "amsgrad", true),
                c(Adam.KIND, "lr", 0.05, "bias_correction", false, "maximize", true),
                c(AdamW.KIND, "lr", 0.05),
                c(AdamW.KIND, "lr", 0.05, "weight_decay", 0.1, "amsgrad", true, "eps_mode", "keras"),
                c(Adamax.KIND, "lr", 0.05, "betas", "0.8,0.99", "weight_decay", 0.01),
                c(NAdam.KIND, "lr", 0.05),
                c(NAdam.KIND, "lr", 0.05, "weight_decay", 0.01, "momentum_decay", 0.01, "maximize", true),
                c(RAdam.KIND, "lr", 0.05),
                c(RAdam.KIND, "lr", 0.05, "betas", "0.9,0.99", "weight_decay", 0.01),
                c(Qhm.KIND),
                c(Qhm.KIND, "lr", 0.05, "momentum", 0.9, "nu", 0.5, "weight_decay", 0.01),
                c(QhAdam.KIND, "lr", 0.05),
                c(QhAdam.KIND, "lr", 0.05, "nus", "0.5,0.8", "eps", 0.0, "weight_decay", 0.01),
                c(Adagrad.KIND, "lr", 0.05, "root", false, "lr_decay", 0.01),
                c(Rprop.KIND),
                c(Rprop.KIND, "lr", 0.05, "etas", "0.3,1.5", "step_sizes", "0.01,0.2", "maximize", true),
                c(Asgd.KIND),
                c(Asgd.KIND, "lr", 0.05, "lambd", 0.1, "alpha", 0.5, "t0", 3.0, "weight_decay", 0.01),
                c(SignSgd.KIND),
                c(SignSgd.KIND, "lr", 0.05, "weight_decay", 0.01),
                c(Signum.KIND, "lr", 0.05),
                c(Signum.KIND, "lr", 0.05, "momentum", 0.5, "weight_decay", 0.01),
                c(Lion.KIND, "lr", 0.05),
                c(Lion.KIND, "lr", 0.05, "betas", "0.95,0.98"),
                c(AdaBelief.KIND, "lr", 0.05),
                c(AdaBelief.KIND, "lr", 0.05, "betas", "0.8,0.99", "eps", 1e-8, "weight_decay", 0.01),
                c(Yogi.KIND),
                c(Yogi.KIND, "lr", 0.05, "betas", "0.8,0.99", "initial_accumulator_value", 0.0, "weight_decay", 0.01),
                c(ScheduleFreeAdamW.KIND, "lr", 0.05),
                c(ScheduleFreeAdamW.KIND, "lr", 0.05, "warmup_steps", 5, "r", 1.0, "weight_decay", 0.01, "betas", "0.8,0.99"),
                c(Lookahead.KIND, "lr", 0.05),
                c(Lookahead.KIND, "inner", "rmsprop", "k", 3, "alpha", 0.8, "centered", true, "inner_alpha", 0.9),
                c(Lookahead.KIND, "inner", "sgd", "lr", 0.05, "momentum", 0.9, "variant", "classic"),
                c(Lookahead.KIND, "inner", "qhadam", "k", 7, "betas", "0.9,0.99"));
    }
}
