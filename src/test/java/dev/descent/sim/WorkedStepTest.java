package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Rosenbrock;
import dev.descent.optim.OptimizerKind;
import dev.descent.optim.Optimizers;
import dev.descent.optim.WorkedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every optimizer works out a step with finite numbers; the text follows the lines. */
class WorkedStepTest {

    @Test
    void everyOptimizerWorksOutAStepWithFiniteNumbers() {
        List<String> problems = new ArrayList<>();
        for (OptimizerKind kind : Optimizers.all()) {
            RunSpec spec = new RunSpec(new Rosenbrock(), kind.create(Map.of("lr", 1e-3)), -1.2, 1);
            WorkedStep w = WorkedStep.at(spec, 3);
            if (w.lines().size() < 2) {
                problems.add(kind.id() + ": " + w.lines().size() + " line(s)");
            }
            for (WorkedStep.Line l : w.lines()) {
                if (l.numbers().isBlank() || l.numbers().contains("NaN") || l.numbers().contains("?") || l.numbers().contains("∞")) {
                    problems.add(kind.id() + ": " + l.symbol() + " = " + l.numbers());
                }
                if (l.tex() != null && l.tex().contains("\\\\")) { // "\\nabla" typesets a line break and the word
                    problems.add(kind.id() + ": " + l.symbol() + " TeX escaped twice: " + l.tex());
                }
            }
            java.util.Set<String> nanByDesign = new java.util.HashSet<>();
            for (dev.descent.optim.Probe p : spec.optimizer().newStepper(2).probes()) {
                if (p.description().contains("NaN while")) {
                    nanByDesign.add(p.name()); // documented: RAdam's r_t before rectification starts
                }
            }
            w.values().forEach((name, v) -> {
                for (double d : v) {
                    if (!Double.isFinite(d) && !nanByDesign.contains(name)) {
                        problems.add(kind.id() + ": " + name + " is " + d);
                    }
                }
            });
            assertEquals(3, w.t());
            double[] theta = w.values().get("theta");
            assertTrue(Math.abs(theta[0] - w.after()[0]) == 0 && Math.abs(theta[1] - w.after()[1]) == 0);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theStepMatchesTheRunItComesFrom() {
        // the worked step t ends where the trajectory's row t is
        RunSpec spec = new RunSpec(new Rosenbrock(), Optimizers.find("adam").create(Map.of("lr", 0.05)), -1.5, 2);
        Run run = new Run(spec);
        for (int k = 0; k < 7; k++) {
            run.step();
        }
        WorkedStep w = WorkedStep.at(spec, 7);
        assertEquals(run.x(), w.after()[0], 0);
        assertEquals(run.y(), w.after()[1], 0);
    }

    @Test
    void aStepBeforeTheFirstIsRefused() {
        RunSpec spec = new RunSpec(new Rosenbrock(), Optimizers.find("sgd").create(Map.of()), -1.5, 2);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WorkedStep.at(spec, 0));
        assertTrue(e.getMessage().contains("Invalid step 0"), e.getMessage());
    }

    @Test
    void numbersPrintAsALecturerWritesThem() {
        assertEquals("−1.43", WorkedLine.number(-1.4301));
        assertEquals("1e−8", WorkedLine.number(1e-8));
        assertEquals("(−1.2, 3)", WorkedLine.format(new double[] {-1.2, 3}, true));
        assertEquals("(−0.9)", WorkedLine.format(new double[] {-0.9, -0.9}, true), "a negative scalar in a formula is bracketed");
        WorkedLine m = new WorkedLine("m", "β₁·m + (1 − β₁)·g", "0.9·{m'} + 0.1·{grad}", "m", "");
        assertEquals("0.9·(−1.21) + 0.1·(−3.4) = −1.429", m.fill((name, prev) -> switch (name + (prev ? "'" : "")) {
            case "m'" -> new double[] {-1.21, -1.21};
            case "grad" -> new double[] {-3.4, -3.4};
            case "m" -> new double[] {-1.429, -1.429};
            default -> null;
        }));
        assertEquals(List.of("m'", "grad", "m"), m.reads());
        assertFalse(m.reads().contains("theta"));
    }
}
