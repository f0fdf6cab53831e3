package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;

/** Legend labels: the optimizer's title, its learning rate, and every hyperparameter not at its default. */
final class OptimizerLabels {

    private OptimizerLabels() {
    }

    static String label(Optimizer o) {
        StringJoiner j = new StringJoiner(" ");
        j.add(o.kind().title());
        Params p = o.hyperparameters();
        for (ParamSpec s : o.kind().params()) {
            Object v = p.get(s.name());
            boolean isDefault = v instanceof double[] d && s.defaultValue() instanceof double[] dd
                    ? Arrays.equals(d, dd)
                    : Objects.equals(v, s.defaultValue());
            if (s.name().equals("lr") || !isDefault) {
                if (v instanceof Boolean b) {
                    if (b) {
                        j.add(s.name());
                    } else {
                        j.add("no " + s.name());
                    }
                } else if (v instanceof double[] d) {
                    j.add(s.symbol() + "=(" + Params.format(d[0]) + "," + Params.format(d[1]) + ")");
                } else {
                    j.add(s.symbol() + "=" + Params.format(v));
                }
            }
        }
        return j.toString();
    }
}
