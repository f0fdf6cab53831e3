package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.optim.OptimizerKind;
import dev.descent.optim.Optimizers;
import dev.descent.optim.WorkedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;

/** Every worked-step line's TeX typesets (the panel shows a line whose TeX does not parse untypeset). */
class WorkedStepTexTest {

    @Test
    void everyOptimizersLinesTypeset() {
        List<String> problems = new ArrayList<>();
        int typeset = 0;
        for (OptimizerKind kind : Optimizers.all()) {
            for (WorkedLine l : kind.create(Map.of()).newStepper(2).workedStep()) {
                if (l.tex().isEmpty()) {
                    continue;
                }
                try {
                    new TeXFormula(l.tex()).createTeXIcon(TeXConstants.STYLE_DISPLAY, 19);
                    typeset++;
                } catch (RuntimeException e) {
                    problems.add(kind.id() + ": " + l.tex() + " (" + e.getMessage() + ")");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(typeset > 100, "only " + typeset + " lines typeset");
    }
}
