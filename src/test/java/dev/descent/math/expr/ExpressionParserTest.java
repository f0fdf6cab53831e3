package dev.descent.math.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's precedence and literals, and the messages for formulas that cannot be read. */
class ExpressionParserTest {

    /** Values as Python prints them, at x = 3, y = -2. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "2**3**2                | 512",
        "2^3^2                  | 512",
        "(2**3)**2              | 64",
        "-2**2                  | -4",
        "(-2)**2                | 4",
        "2**-1                  | 0.5",
        "2**-1**2               | 0.5",
        "-x**2                  | -9",
        "-y**2                  | -4",
        "(-y)**2                | 4",
        "2*-3                   | -6",
        "2*--3                  | 6",
        "-+-x                   | 3",
        "1/2/4                  | 0.125",
        "8/4*2                  | 4",
        "1-2-3                  | -4",
        "1-2+3                  | 2",
        "2+3*4                  | 14",
        "2*3**2                 | 18",
        "x**4/3                 | 27",
        "2*pi*x/pi              | 6",
        "e                      | 2.718281828459045",
        "pi                     | 3.141592653589793",
        "1e-3                   | 0.001",
        "1E3                    | 1000",
        "2.5e+1                 | 25",
        ".5                     | 0.5",
        "5.                     | 5",
        "0.26*(x**2 + y**2) - 0.48*x*y | 6.26",
        "f = x + y              | 1",
        "f(x, y) = x*y          | -6",
        "  x  *  y              | -6",
        "sqrt(x**2 + 16)        | 5",
        "exp(0) + log(e)        | 2",
        "abs(y)                 | 2",
        "min(x, y) + max(x, y)  | 1",
        "min(x, y, -7, 4)       | -7",
        "max(1, 2, 3)           | 3",
        "pow(y, 2)              | 4",
        "math.sqrt(4) + torch.exp(0) + np.pi - pi | 3",
        "atan(1)*4              | 3.141592653589793",
        "cos(0) + sin(0) + tan(0) + tanh(0) + sinh(0) + cosh(0) | 2",
        "3 \u2212 x              | 0",
        "2\u00B7x \u00D7 y      | -12",
    })
    void pythonPrecedenceAndLiterals(String formula, double expected) {
        assertEquals(expected, Expression.parse(formula).value(3, -2), 1e-15 * Math.max(1, Math.abs(expected)), formula);
    }

    @Test
    void bodyDropsTheLeadingName() {
        assertEquals("x + y", Expression.parse("  f = x + y ").body());
        assertEquals("x*y", Expression.parse("f(x, y) = x*y").body());
        assertEquals("x + y", Expression.parse("x + y").body());
    }

    @Test
    void constantsFoldAndUseOfVariablesIsKnown() {
        Expression c = Expression.parse("2*pi + sin(1)**2");
        assertFalse(c.usesX());
        assertFalse(c.usesY());
        assertEquals(1, c.program().length(), "folded to one constant");
        Expression e = Expression.parse("x*0 + 1");
        assertTrue(e.usesX(), "x*0 is NaN at infinity: not simplified away");
        assertFalse(e.usesY());
    }

    /** Message and column (1-based) for each refusal. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "(x + 1           | at column 7: expected ')' but found end of input",
        "\"\"               | at column 1: expected a number, x, y, pi, e, a function or '(' but found end of input",
        "x +              | at column 4: expected a number, x, y, pi, e, a function or '(' but found end of input",
        "x + * y          | at column 5: expected a number, x, y, pi, e, a function or '(' but found '*'",
        "2x               | at column 2: expected an operator or end of input but found 'x' (implicit multiplication is not allowed: write * between factors, as in 2*x)",
        "(x+1)(y-1)       | at column 6: expected an operator or end of input but found '(' (implicit multiplication is not allowed: write * between factors, as in 2*x)",
        "xy               | at column 1: unknown name 'xy' (implicit multiplication is not allowed: write * between factors, as in 2*x)",
        "z + 1            | at column 1: unknown name 'z'; use x, y, pi, e or a function: sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan, min, max, pow",
        "Sin(x)           | at column 1: unknown name 'Sin' (names are case-sensitive: write sin)",
        "ln(x)            | at column 1: unknown name 'ln' (the natural logarithm is log)",
        "sin x            | at column 5: expected '(' after the function sin but found 'x'",
        "sin(x, y)        | at column 1: sin takes 1 argument but was given 2",
        "sin()            | at column 1: sin takes 1 argument but was given 0",
        "min(x)           | at column 1: min takes at least 2 arguments but was given 1",
        "pow(x, 2, 3)     | at column 1: pow takes 2 arguments but was given 3",
        "sin(x y)         | at column 7: expected ')' but found 'y' (implicit multiplication is not allowed: write * between factors, as in 2*x)",
        "min(x, y         | at column 9: expected ',' or ')' but found end of input",
        "x + 1)           | at column 6: expected an operator or end of input but found ')'",
        "x $ y            | at column 3: unexpected character '$'",
        "x + [y]          | at column 5: unexpected character '[' (use '(' and ')' for grouping)",
        "1e + x           | at column 2: malformed number '1e': expected digits after 'e'",
        "x ** ** 2        | at column 6: expected a number, x, y, pi, e, a function or '(' but found '**'",
        "f = = x          | at column 5: unexpected character '='",
        "x == y           | at column 3: unexpected character '='",
        "x, y             | at column 2: expected an operator or end of input but found ','",
    })
    void refusalsNameTheColumnAndWhatWasExpected(String formula, String message) {
        ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(formula));
        assertEquals(message, e.getMessage());
        assertEquals(Integer.parseInt(message.replaceAll("at column (\\d+):.*", "$1")), e.column());
    }

    @Test
    void nullIsRefusedByTheSameType() {
        assertThrows(ExpressionException.class, () -> Expression.parse(null));
    }

    @Test
    void deepNestingIsRefusedWithAMessageNotAStackOverflow() {
        String deep = "(".repeat(5000) + "x" + ")".repeat(5000);
        ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(deep));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
        String nested = "(".repeat(150) + "x" + ")".repeat(150);
        e = assertThrows(ExpressionException.class, () -> Expression.parse(nested));
        assertEquals("at column 101: the formula is nested too deeply (more than 100 levels of parentheses, signs and powers)",
                e.getMessage());
        String minus = "-".repeat(500) + "x";
        assertTrue(assertThrows(ExpressionException.class, () -> Expression.parse(minus)).getMessage().contains("nested too deeply"));
        String powers = "x" + "**x".repeat(400);
        assertTrue(assertThrows(ExpressionException.class, () -> Expression.parse(powers)).getMessage().contains("nested too deeply"));
        // 99 levels are fine, and so is a long flat sum
        assertEquals(3, Expression.parse("(".repeat(99) + "x" + ")".repeat(99)).value(3, 0), 0);
        assertEquals(999, Expression.parse("x" + "+x".repeat(998)).value(1, 0), 0);
    }

    @Test
    void canonicalFormParsesToTheSameTree() {
        for (String f : new String[] {"-x**2 + 3*y", "2**-x**2", "(1 - x)^2 + 100*(y - x^2)^2", "min(x, y, 0)", "-0.0*x", "1/x/y"}) {
            Expression e = Expression.parse(f);
            assertEquals(e.tree(), Expression.parse(e.canonical()).tree(), f + " -> " + e.canonical());
        }
    }
}
