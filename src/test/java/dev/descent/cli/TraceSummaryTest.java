package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code trace --summary}: one JSON object with the run's status and what it cost. */
class TraceSummaryTest {

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[a-z]+\"|[^,}]+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    @Test
    void gradientDescentIntoTheSaddleIsReportedStalled() {
        CliTest.Result r = CliTest.run("trace", "--surface", "saddle", "--optimizer", "sgd", "--param", "lr=0.1",
                "--start", "1,0", "--steps", "10000", "--summary");
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.lines().size(), r.out());
        String json = r.lines().get(0);
        assertEquals("\"stalled\"", field(json, "status"));
        for (String f : new String[] {"steps", "function_evaluations", "gradient_evaluations", "uphill_steps", "x", "y", "f", "grad_norm"}) {
            field(json, f);
        }
    }

    @Test
    void newtonOnThePlateauReachesTheMinimumInOneStep() {
        CliTest.Result r = CliTest.run("trace", "--surface", "plateau", "--optimizer", "newton", "--start", "-4,3",
                "--steps", "1", "--summary");
        assertEquals(0, r.exit(), r.err());
        String json = r.lines().get(0);
        assertEquals(0, Double.parseDouble(field(json, "x")), 1e-9);
        assertEquals(0, Double.parseDouble(field(json, "y")), 1e-9);
    }

    @Test
    void bfgsOnRosenbrockCountsItsEvaluations() {
        CliTest.Result r = CliTest.run("trace", "--surface", "rosenbrock", "--optimizer", "bfgs", "--start", "-1.2,1",
                "--steps", "200", "--summary");
        String json = r.lines().get(0);
        assertEquals("\"converged\"", field(json, "status"));
        long evaluations = Long.parseLong(field(json, "function_evaluations"));
        assertTrue(evaluations <= 60 && evaluations > Long.parseLong(field(json, "steps")), json);
        assertEquals("0", field(json, "uphill_steps"));
    }

    @Test
    void exactGradientMethodsRefuseGradientNoiseSayingWhy() {
        for (String o : new String[] {"bfgs", "lbfgs", "cg", "newton"}) {
            CliTest.Result r = CliTest.run("trace", "--surface", "rosenbrock", "--optimizer", o, "--noise", "additive",
                    "--sigma", "0.1", "--steps", "3");
            CliTest.assertRefused(r, "needs exact gradients");
        }
        CliTest.Result sgd = CliTest.run("trace", "--surface", "rosenbrock", "--optimizer", "sgd", "--noise", "additive",
                "--sigma", "0.1", "--steps", "3");
        assertEquals(0, sgd.exit(), sgd.err());
    }
}
