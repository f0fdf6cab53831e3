package dev.descent.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Rosenbrock;
import dev.descent.optim.Optimizers;
import dev.descent.optim.WorkedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The nine optimizers that used to list their probes state their update rule line by line, with the
 * numbers the step used, ending at the run's θ.
 */
class WorkedStepRulesTest {

    private static final List<String> NINE = List.of("adadelta", "adabelief", "nadam", "yogi", "qhm", "qhadam", "rprop",
            "asgd", "schedule_free_adamw");

    @Test
    void eachStatesItsRuleLineByLineAndEndsAtTheRunsTheta() {
        List<String> problems = new ArrayList<>();
        for (String id : NINE) {
            RunSpec spec = new RunSpec(new Rosenbrock(), Optimizers.find(id).create(Map.of("lr", 1e-3)), -1.5, 2);
            Run run = new Run(spec);
            for (int k = 0; k < 3; k++) {
                run.step();
            }
            WorkedStep w = WorkedStep.at(spec, 3);
            List<WorkedStep.Line> lines = w.lines();
            if (lines.size() <= 2) {
                problems.add(id + ": only " + lines.size() + " lines");
                continue;
            }
            for (WorkedStep.Line l : lines) {
                if (l.numbers().isBlank() || l.numbers().contains("NaN") || l.numbers().contains("?") || l.numbers().contains("∞")) {
                    problems.add(id + ": " + l.symbol() + " = " + l.numbers());
                }
                if (l.tex() == null || l.tex().isBlank()) { // the one-line-per-probe fallback has no TeX
                    problems.add(id + ": " + l.symbol() + " has no TeX (still the probe list?)");
                }
            }
            WorkedStep.Line last = lines.get(lines.size() - 1);
            String theta = WorkedLine.format(new double[] {run.x(), run.y()}, false);
            if (!last.symbol().equals("θ") || !last.reads().contains("theta") || !last.numbers().endsWith("= " + theta)) {
                problems.add(id + ": last line " + last.symbol() + " = " + last.numbers() + ", the run is at " + theta);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Rosenbrock's gradient, written out: (−2(1 − x) − 400x(y − x²), 200(y − x²)). */
    private static double[] grad(double x, double y) {
        return new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
    }

    private static WorkedStep.Line line(WorkedStep w, String symbol) {
        return w.lines().stream().filter(l -> l.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    @Test
    void yogisSecondMomentAtStepTwoIsTheHandComputedOne() {
        // defaults β = (0.9, 0.999), ε = 1e-3, v₀ = 1e-6; η = 0.05 from (−1.5, 2)
        double[] g1 = grad(-1.5, 2); // (−155, −50): g² far above v₀, so v grows by 0.001·g²
        double[] v1 = {1e-6 + 0.001 * g1[0] * g1[0], 1e-6 + 0.001 * g1[1] * g1[1]};
        double[] m1 = {0.1 * g1[0], 0.1 * g1[1]};
        // step 1: m̂ = m/0.1, v̂ = v/0.001, θ ← θ − η·m̂/(√v̂ + ε)
        double x = -1.5 - 0.05 * (m1[0] / 0.1) / (Math.sqrt(v1[0] / 0.001) + 1e-3);
        double y = 2 - 0.05 * (m1[1] / 0.1) / (Math.sqrt(v1[1] / 0.001) + 1e-3);
        double[] g2 = grad(x, y);
        double[] v2 = new double[2];
        for (int i = 0; i < 2; i++) {
            v2[i] = v1[i] - 0.001 * Math.signum(v1[i] - g2[i] * g2[i]) * g2[i] * g2[i];
        }
        RunSpec spec = new RunSpec(new Rosenbrock(), Optimizers.find("yogi").create(Map.of("lr", 0.05)), -1.5, 2);
        WorkedStep.Line v = line(WorkedStep.at(spec, 2), "v");
        assertEquals("v + (1 − β₂)·s·g²", v.formula());
        assertTrue(v.numbers().startsWith(WorkedLine.format(v1, true) + " + 0.001·"), v.numbers());
        assertTrue(v.numbers().endsWith("= " + WorkedLine.format(v2, false)), v.numbers() + " vs " + WorkedLine.format(v2, false));
    }

    @Test
    void qhmsBufferAtStepTwoIsTheHandComputedOne() {
        // defaults β = 0.999, ν = 0.7; η = 0.05 from (−1.5, 2)
        double[] g1 = grad(-1.5, 2);
        double[] b1 = {0.001 * g1[0], 0.001 * g1[1]};
        double x = -1.5 - 0.05 * (0.3 * g1[0] + 0.7 * b1[0]);
        double y = 2 - 0.05 * (0.3 * g1[1] + 0.7 * b1[1]);
        double[] g2 = grad(x, y);
        double[] b2 = {0.999 * b1[0] + 0.001 * g2[0], 0.999 * b1[1] + 0.001 * g2[1]};
        RunSpec spec = new RunSpec(new Rosenbrock(), Optimizers.find("qhm").create(Map.of("lr", 0.05)), -1.5, 2);
        WorkedStep w = WorkedStep.at(spec, 2);
        WorkedStep.Line b = line(w, "b");
        assertEquals("0.999·" + WorkedLine.format(b1, true) + " + 0.001·" + WorkedLine.format(g2, true)
                + " = " + WorkedLine.format(b2, false), b.numbers());
        double[] d = {0.3 * g2[0] + 0.7 * b2[0], 0.3 * g2[1] + 0.7 * b2[1]};
        assertTrue(line(w, "d").numbers().endsWith("= " + WorkedLine.format(d, false)), line(w, "d").numbers());
    }
}
