package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer's declared hyperparameters agree with its factory and its {@code hyperparameters()}: a
 * setting read into the wrong argument, or reported under the wrong name, fails here rather than in the window.
 */
class HyperDeclarationsTest {

    @Test
    void defaultsRoundTripAndNamesAreUnique() {
        for (OptimizerKind kind : Optimizers.all()) {
            Set<String> names = new HashSet<>();
            for (ParamSpec s : kind.params()) {
                assertTrue(names.add(s.name()), kind.id() + " declares " + s.name() + " twice");
                assertTrue(s.type() != ParamSpec.Type.REAL || Double.isFinite((Double) s.defaultValue()),
                        kind.id() + "." + s.name() + " has a real default");
            }
            Optimizer o = kind.create();
            assertEquals(Params.resolve(kind.title(), kind.params(), Map.of()), o.hyperparameters(), kind.id());
            assertEquals(kind.params(), o.hyperparameters().specs(), kind.id() + ": reported in declaration order");
        }
    }

    /**
     * Each setting changed on its own reaches the optimizer and is reported back as given, and the
     * optimizer differs from the default one: so the factory reads every setting into its own argument.
     */
    @Test
    void eachSettingReachesTheOptimizerAndComesBack() {
        int changed = 0;
        for (OptimizerKind kind : Optimizers.all()) {
            Optimizer plain = kind.create();
            for (ParamSpec s : kind.params()) {
                Object other = another(s);
                if (other == null) {
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                values.put(s.name(), other);
                Optimizer o;
                try {
                    o = kind.create(values);
                } catch (IllegalArgumentException e) {
                    continue; // a rule between two settings (Nesterov needs momentum, ...) refuses this one alone
                }
                Params back = o.hyperparameters();
                assertEquals(Params.resolve(kind.title(), back.specs(), values).get(s.name()) instanceof double[] d
                        ? java.util.Arrays.toString(d) : String.valueOf(s.convert(other)),
                        back.get(s.name()) instanceof double[] d2 ? java.util.Arrays.toString(d2) : String.valueOf(back.get(s.name())),
                        kind.id() + "." + s.name());
                assertNotEquals(plain, o, kind.id() + "." + s.name() + " changed nothing");
                changed++;
            }
        }
        assertTrue(changed >= 120, "only " + changed + " settings could be changed alone");
    }

    /** A value other than the default, inside the slider's range where it has one. */
    private static Object another(ParamSpec s) {
        return switch (s.type()) {
            case REAL -> {
                double d = (Double) s.defaultValue();
                double lo = s.sliderMin();
                double hi = s.sliderMax();
                double v = d == hi ? (lo + hi) / 2 : s.scale() == ParamSpec.Scale.LOG ? Math.sqrt(Math.max(d, lo) * hi) : (d + hi) / 2;
                yield v == d ? null : v;
            }
            case INTEGER -> (Integer) s.defaultValue() + 1 <= s.sliderMax() ? (Integer) s.defaultValue() + 1 : (Integer) s.defaultValue() - 1;
            case BOOLEAN -> !(Boolean) s.defaultValue();
            case PAIR -> {
                double[] d = (double[]) s.defaultValue();
                yield new double[] {d[0] * 0.5, d[1]};
            }
            case CHOICE -> s.choices().stream().filter(c -> !c.equals(s.defaultValue())).findFirst().orElse(null);
            default -> null;
        };
    }
}
