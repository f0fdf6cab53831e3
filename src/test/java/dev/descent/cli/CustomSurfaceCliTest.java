package dev.descent.cli;

import static dev.descent.cli.CliTest.assertRefused;
import static dev.descent.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code trace} on a formula: --surface custom with its expr, or the --expr shortcut. */
class CustomSurfaceCliTest {

    @Test
    void aFormulaRunsLikeTheBuiltInItSpells() {
        CliTest.Result custom = run("trace", "--surface", "custom", "--surface-param", "expr=0.5*(x**2 + 10*y**2)",
                "--optimizer", "sgd", "--param", "lr=0.1", "--start", "2,1", "--steps", "20");
        CliTest.Result builtIn = run("trace", "--surface", "quadratic", "--optimizer", "sgd", "--param", "lr=0.1",
                "--start", "2,1", "--steps", "20");
        assertEquals(0, custom.exit(), custom.err());
        assertEquals(builtIn.out(), custom.out());
    }

    @Test
    void exprIsAShortcutForTheCustomSurface() {
        CliTest.Result a = run("trace", "--surface", "custom", "--surface-param", "expr=x^2 + 3*y^2", "--optimizer", "adam",
                "--start", "1,1", "--steps", "5");
        CliTest.Result b = run("trace", "--expr", "x^2 + 3*y^2", "--optimizer", "adam", "--start", "1,1", "--steps", "5");
        CliTest.Result c = run("trace", "--surface", "custom", "--expr", "x^2 + 3*y^2", "--optimizer", "adam", "--start", "1,1",
                "--steps", "5");
        assertEquals(0, b.exit(), b.err());
        assertEquals(a.out(), b.out());
        assertEquals(a.out(), c.out());
        List<String> lines = b.lines();
        assertEquals("0,1.0,1.0,4.0", lines.get(1));
        assertEquals(7, lines.size());
    }

    @Test
    void aMalformedFormulaIsRefusedInOneLine() {
        assertRefused(run("trace", "--expr", "x^2 + 3y"),
                "Invalid formula 'x^2 + 3y': at column 8: expected an operator or end of input but found 'y'");
        assertRefused(run("trace", "--surface", "custom", "--surface-param", "expr=(x + 1"),
                "at column 7: expected ')' but found end of input");
        assertRefused(run("trace", "--expr", "sin(x"), "at column 6: expected ')' but found end of input");
        assertRefused(run("trace", "--expr", "(".repeat(300) + "x"), "nested too deeply");
        assertRefused(run("trace", "--expr", "x^2", "--surface-param", "x_min=3"), "custom surface needs x_min < x_max");
    }

    @Test
    void exprCannotBeMixedWithAnotherSurface() {
        assertRefused(run("trace", "--surface", "beale", "--expr", "x^2"), "--expr gives a custom surface");
        assertRefused(run("trace", "--expr", "x^2", "--surface-param", "expr=y^2"), "Two formulas");
    }

    @Test
    void theDefaultSurfaceIsStillRosenbrock() {
        CliTest.Result r = run("trace", "--optimizer", "sgd", "--param", "lr=0.001", "--steps", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.lines().get(1).startsWith("0,-1.2,1.0,"), r.out());
    }
}
