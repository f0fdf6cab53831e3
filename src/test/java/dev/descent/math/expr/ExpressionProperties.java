package dev.descent.math.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.descent.math.expr.RandomTrees.T;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The parser refuses bad text only with its own exception and quickly; compiled formulas evaluate as
 * an independent recursive evaluator says, bit for bit; the automatic derivatives agree with finite
 * differences.
 */
class ExpressionProperties {

    /** Generous: one parse of at most 2000 characters takes microseconds once the JIT has warmed up. */

    private static final List<String> VALID = List.of(
            "(1 - x)**2 + 100*(y - x**2)**2",
            "(1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2",
            "(x**2 + y - 11)**2 + (x + y**2 - 7)**2",
            "0.5*(1.0*x**2 + 10.0*y**2)",
            "f = -20*exp(-0.2*sqrt(0.5*(x**2 + y**2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20",
            "(4 - 2.1*x**2 + x**4/3)*x**2 + x*y + (-4 + 4*y**2)*y**2",
            "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
            "min(abs(x), max(y, 1e-3)) / tanh(atan(x) + sinh(y) - cosh(.5))");

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<Character> chars = Arbitraries.of("xy0123456789.eE+-*/^(),= \tpisncoxqrtabhlgmf_[]$\u2212\u00B7".chars()
                .mapToObj(c -> (char) c).toList());
        Arbitrary<String> tokens = Arbitraries.of("x", "y", "pi", "e", "sin(", "exp(", "sqrt(", "min(", "**", "^", "(", ")",
                "-", "+", "*", "/", "1e-3", ".5", "2", ",", "f =", "math.", " ", "1e", "1.2.3", "(((", ")))");
        return Arbitraries.oneOf(
                chars.list().ofMaxSize(80).map(ExpressionProperties::join),
                tokens.list().ofMaxSize(40).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("()-x*").ofMinLength(100).ofMaxLength(2100));
    }

    private static String join(List<Character> l) {
        StringBuilder b = new StringBuilder(l.size());
        l.forEach(b::append);
        return b.toString();
    }

    @Property(tries = 3000)
    void randomTextIsParsedOrRefusedWithExpressionExceptionOnly(@ForAll("noise") String text,
                                                               @ForAll @DoubleRange(min = -3, max = 3) double x,
                                                               @ForAll @DoubleRange(min = -3, max = 3) double y) {
        parseAndEvaluate(text, x, y);
    }

    @Property(tries = 3000)
    void mutatedFormulasAreParsedOrRefusedWithExpressionExceptionOnly(@ForAll @IntRange(min = 0, max = 7) int which,
                                                                     @ForAll long seed,
                                                                     @ForAll @DoubleRange(min = -3, max = 3) double x,
                                                                     @ForAll @DoubleRange(min = -3, max = 3) double y) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder(VALID.get(which));
        int edits = 1 + r.nextInt(4);
        String pieces = "()*+-/^xy.e, 0129";
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(5)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, pieces.charAt(r.nextInt(pieces.length())));
                case 2 -> b.setCharAt(at, pieces.charAt(r.nextInt(pieces.length())));
                case 3 -> b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(8)));
                default -> {
                    int end = Math.min(b.length(), at + 1 + r.nextInt(10));
                    b.insert(r.nextInt(b.length() + 1), b.substring(at, end));
                }
            }
        }
        parseAndEvaluate(b.toString(), x, y);
    }

    private static void parseAndEvaluate(String text, double x, double y) {
        try {
            Expression e = Expression.parse(text);
            // The work is bounded by the input: what was compiled is no larger than a constant times the text.
            assertTrue(e.canonical().length() <= 8 * text.length() + 16,
                    "'" + text + "' compiled to " + e.canonical().length() + " characters");
            double[] out = new double[6];
            e.value(x, y);
            e.gradient(x, y, out, 0);
            e.evaluate(x, y, out);
        } catch (ExpressionException expected) {
            assertTrue(expected.getMessage().startsWith("at column " + expected.column() + ": "), expected.getMessage());
            assertTrue(expected.column() >= 1 && expected.column() <= Math.max(text.length(), Parser.MAX_LENGTH) + 1,
                    "column in range: " + expected.getMessage());
            assertTrue(expected.getMessage().lines().count() == 1, "one line: " + expected.getMessage());
        } catch (Throwable other) {
            fail("'" + text + "' threw " + other, other);
        }
    }

    @Property(tries = 3000)
    void compiledFormulasEvaluateLikeADirectRecursiveEvaluator(@ForAll long seed,
                                                             @ForAll @DoubleRange(min = -4, max = 4) double x,
                                                             @ForAll @DoubleRange(min = -4, max = 4) double y) {
        SplittableRandom r = new SplittableRandom(seed);
        T tree = RandomTrees.tree(r, 5, false);
        String text = RandomTrees.text(tree, r);
        Expression e = Expression.parse(text);
        double want = RandomTrees.eval(tree, x, y);
        double got = e.value(x, y);
        assertEquals(0, Double.compare(want, got), () -> text + " at (" + x + ", " + y + "): expected " + want + " but was " + got);
        double[] jet = new double[6];
        e.evaluate(x, y, jet);
        assertEquals(0, Double.compare(got, jet[0]), () -> text + ": the jet's value " + jet[0] + " differs from " + got);
        double[] g = new double[2];
        assertEquals(0, Double.compare(got, e.gradient(x, y, g, 0)), text);
        assertEquals(0, Double.compare(g[0], jet[1]), text);
        assertEquals(0, Double.compare(g[1], jet[2]), text);
        // the canonical text is the same tree
        assertEquals(e.tree(), Expression.parse(e.canonical()).tree(), text);
    }

    // ---------------------------------------------------------------- derivatives

    private static final double H = 1e-3;

    /** Five-point central difference along x (dir 0) or y (dir 1) of f at (x, y). */
    private static double fd(Expression e, int component, int dir, double x, double y, double h) {
        double[] m2 = at(e, x - (dir == 0 ? 2 * h : 0), y - (dir == 1 ? 2 * h : 0));
        double[] m1 = at(e, x - (dir == 0 ? h : 0), y - (dir == 1 ? h : 0));
        double[] p1 = at(e, x + (dir == 0 ? h : 0), y + (dir == 1 ? h : 0));
        double[] p2 = at(e, x + (dir == 0 ? 2 * h : 0), y + (dir == 1 ? 2 * h : 0));
        return (m2[component] - 8 * m1[component] + 8 * p1[component] - p2[component]) / (12 * h);
    }

    private static double[] at(Expression e, double x, double y) {
        double[] out = new double[6];
        e.evaluate(x, y, out);
        return out;
    }

    /**
     * Compares an automatic derivative with central differences of the quantity below it (the value
     * for the gradient, the gradient for the Hessian). The differences are trusted only where they
     * are: at steps h and h/2 they must agree to 10⁻⁵ relative, which fails near a kink (abs, min,
     * max), a pole or a branch point and where rounding swamps the difference; such points are
     * skipped. Where they are trusted, the tolerance is their disagreement (an estimate of their own
     * error, which falls as h⁴) plus 10⁻⁷ relative.
     *
     * <p>The automatic derivative is trusted only where rounding does not swamp it: its value must
     * agree with the mean of its values 10⁻⁷ to either side (a wrong rule is wrong there too). It
     * is not at, e.g., x = 1 in A/(g(x)/sin(πx)), where sin(π·1.0) = 1.2·10⁻¹⁶ makes the quotient
     * rule's terms 10¹⁶ times the result: the formula is right, its floating-point value is not.
     */
    private static void check(Expression e, String what, int adIndex, int component, int dir, double x, double y,
                              double scale) {
        double ad = at(e, x, y)[adIndex];
        double d = 1e-7;
        double around = 0.5 * (at(e, x + (dir == 0 ? d : 0), y + (dir == 1 ? d : 0))[adIndex]
                + at(e, x - (dir == 0 ? d : 0), y - (dir == 1 ? d : 0))[adIndex]);
        double a = fd(e, component, dir, x, y, H);
        double b = fd(e, component, dir, x, y, H / 2);
        double size = 1 + Math.abs(b) + scale;
        Assume.that(Double.isFinite(a) && Double.isFinite(b) && Math.abs(a - b) <= 1e-5 * size);
        // exactly on a kink (min(x, −y) at the origin) central differences agree with each other on the
        // average of the two slopes; one-sided differences tell the kink apart, so skip it too
        double here = at(e, x, y)[component];
        double ahead = at(e, x + (dir == 0 ? H : 0), y + (dir == 1 ? H : 0))[component];
        double behind = at(e, x - (dir == 0 ? H : 0), y - (dir == 1 ? H : 0))[component];
        Assume.that(Math.abs((ahead - here) - (here - behind)) / H <= 1e-2 * size);
        // a quantity a huge term absorbs (cos(cosh(cosh 7) + sinh(π^y)): cosh(cosh 7) ≈ 10²³⁸) is constant in
        // floating point but not in exact arithmetic, whose derivative the rules give: nothing to compare
        // (a variable the expression does not use at all is checked in gradientsInUnusedVariablesAreZero)
        Assume.that(!(ahead == here && here == behind && ad != 0));
        Assume.that(Math.abs(ad - around) <= 1e-5 * size);
        double tol = 10 * Math.abs(a - b) + 1e-7 * size;
        assertEquals(b, ad, tol, () -> e + ": " + what + " at (" + x + ", " + y + ")");
    }

    @Property(tries = 2000, maxDiscardRatio = 30)
    void gradientsAndHessiansAgreeWithFiniteDifferences(@ForAll long seed,
                                                        @ForAll @DoubleRange(min = -2.5, max = 2.5) double x,
                                                        @ForAll @DoubleRange(min = -2.5, max = 2.5) double y) {
        SplittableRandom r = new SplittableRandom(seed);
        T tree = RandomTrees.tree(r, 4, r.nextInt(3) > 0);
        Expression e = Expression.parse(RandomTrees.text(tree, r));
        Assume.that(e.usesX() || e.usesY());
        double[] j = at(e, x, y);
        for (double v : j) {
            Assume.that(Double.isFinite(v) && Math.abs(v) < 1e8);
        }
        double gScale = Math.abs(j[0]);
        check(e, "∂f/∂x", 1, 0, 0, x, y, gScale);
        check(e, "∂f/∂y", 2, 0, 1, x, y, gScale);
        double hScale = Math.abs(j[1]) + Math.abs(j[2]);
        check(e, "f_xx", 3, 1, 0, x, y, hScale);
        check(e, "f_xy", 4, 1, 1, x, y, hScale);
        check(e, "f_yx", 4, 2, 0, x, y, hScale);
        check(e, "f_yy", 5, 2, 1, x, y, hScale);
    }

    /** An expression that does not use x has ∂f/∂x, f_xx and f_xy exactly zero (and the same for y). */
    @Property(tries = 500)
    void gradientsInUnusedVariablesAreZero(@ForAll long seed,
                                           @ForAll @DoubleRange(min = -2.5, max = 2.5) double x,
                                           @ForAll @DoubleRange(min = -2.5, max = 2.5) double y) {
        SplittableRandom r = new SplittableRandom(seed);
        Expression e = Expression.parse(RandomTrees.text(RandomTrees.tree(r, 4, r.nextInt(3) > 0), r));
        Assume.that(!(e.usesX() && e.usesY()));
        double[] j = at(e, x, y);
        for (double v : j) {
            Assume.that(!Double.isNaN(v)); // an infinite intermediate (atan(y/0)) makes its derivatives 0·∞
        }
        if (!e.usesX()) {
            assertEquals(0.0, Math.abs(j[1]), e + ": ∂f/∂x");
            assertEquals(0.0, Math.abs(j[3]), e + ": f_xx");
            assertEquals(0.0, Math.abs(j[4]), e + ": f_xy");
        }
        if (!e.usesY()) {
            assertEquals(0.0, Math.abs(j[2]), e + ": ∂f/∂y");
            assertEquals(0.0, Math.abs(j[5]), e + ": f_yy");
            assertEquals(0.0, Math.abs(j[4]), e + ": f_xy");
        }
    }

    @Property(tries = 500)
    void classicSurfacesDerivativesAgreeWithFiniteDifferences(@ForAll @IntRange(min = 0, max = 6) int which,
                                                               @ForAll @DoubleRange(min = -2, max = 2) double x,
                                                               @ForAll @DoubleRange(min = -2, max = 2) double y) {
        Expression e = Expression.parse(VALID.get(which));
        double[] j = at(e, x, y);
        Assume.that(which != 4 || Math.hypot(x, y) > 0.25); // Ackley's tip is a kink, and steep around it
        double[] fdx = {fd(e, 0, 0, x, y, H), fd(e, 1, 0, x, y, H), fd(e, 2, 0, x, y, H)};
        double[] fdy = {fd(e, 0, 1, x, y, H), fd(e, 1, 1, x, y, H), fd(e, 2, 1, x, y, H)};
        double tol1 = 1e-6 * (1 + Math.abs(j[1]) + Math.abs(j[2])) + 1e-12 * Math.abs(j[0]);
        double tol2 = 1e-6 * (1 + Math.abs(j[3]) + 2 * Math.abs(j[4]) + Math.abs(j[5])) + 1e-12 * (Math.abs(j[1]) + Math.abs(j[2]));
        assertEquals(fdx[0], j[1], tol1, e + " f_x");
        assertEquals(fdy[0], j[2], tol1, e + " f_y");
        assertEquals(fdx[1], j[3], tol2, e + " f_xx");
        assertEquals(fdy[1], j[4], tol2, e + " f_xy");
        assertEquals(fdx[2], j[4], tol2, e + " f_yx");
        assertEquals(fdy[2], j[5], tol2, e + " f_yy");
    }
}
