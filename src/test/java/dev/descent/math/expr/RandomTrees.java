package dev.descent.math.expr;

import java.util.SplittableRandom;

/**
 * Random formulas for the property tests: a tree of the test's own, its text in Python syntax (with
 * as few parentheses as Python's precedence allows, plus some redundant ones), and an independent
 * recursive evaluator that states the semantics {@link Program} promises: Python float arithmetic for
 * sub-trees without x and y, torch's tensor arithmetic elsewhere.
 */
final class RandomTrees {

    private RandomTrees() {
    }

    sealed interface T permits Lit, Named, V, Neg, Op, Fn, Fn2 {
    }

    /** A number literal (never negative: a minus sign is a {@link Neg}). */
    record Lit(double v) implements T {
    }

    /** pi or e. */
    record Named(String name) implements T {
    }

    /** x or y. */
    record V(boolean isX) implements T {
    }

    record Neg(T a) implements T {
    }

    /** One of + - * / and '^' (written ** or ^). */
    record Op(char op, T a, T b) implements T {
    }

    record Fn(String name, T a) implements T {
    }

    /** min or max. */
    record Fn2(String name, T a, T b) implements T {
    }

    static final String[] ALL_FUNCTIONS = {"sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sinh", "cosh", "atan"};
    /** Functions that are smooth wherever they are finite. */
    static final String[] SMOOTH_FUNCTIONS = {"sin", "cos", "exp", "log", "sqrt", "tanh", "atan", "sinh", "cosh"};
    private static final double[] LITERALS = {0, 0.5, 1, 2, 3, 1.5, 0.1, 10, 1e-3, 2.5, 7, 0.25};
    private static final double[] EXPONENTS = {2, 3, -1, -2, 0.5, -0.5, 0, 1, 4, 1.5, 2.5, -3};

    /**
     * @param smooth without abs, min and max
     */
    static T tree(SplittableRandom r, int depth, boolean smooth) {
        if (depth == 0 || r.nextInt(5) == 0) {
            return leaf(r);
        }
        int k = r.nextInt(smooth ? 9 : 10);
        return switch (k) {
            case 0 -> new Neg(tree(r, depth - 1, smooth));
            case 1, 2 -> new Op("+-*/".charAt(r.nextInt(4)), tree(r, depth - 1, smooth), tree(r, depth - 1, smooth));
            case 3 -> new Op("+-".charAt(r.nextInt(2)), tree(r, depth - 1, smooth), tree(r, depth - 1, smooth));
            case 4 -> new Op('*', tree(r, depth - 1, smooth), tree(r, depth - 1, smooth));
            case 5 -> new Op('^', tree(r, depth - 1, smooth), exponent(r));
            case 6 -> new Op('^', r.nextBoolean() ? tree(r, depth - 1, smooth) : leaf(r), tree(r, depth - 1, smooth));
            case 7, 8 -> {
                String[] fns = smooth ? SMOOTH_FUNCTIONS : ALL_FUNCTIONS;
                yield new Fn(fns[r.nextInt(fns.length)], tree(r, depth - 1, smooth));
            }
            default -> new Fn2(r.nextBoolean() ? "min" : "max", tree(r, depth - 1, smooth), tree(r, depth - 1, smooth));
        };
    }

    private static T leaf(SplittableRandom r) {
        return switch (r.nextInt(7)) {
            case 0, 1 -> new V(true);
            case 2, 3 -> new V(false);
            case 4 -> new Named(r.nextBoolean() ? "pi" : "e");
            default -> new Lit(LITERALS[r.nextInt(LITERALS.length)]);
        };
    }

    private static T exponent(SplittableRandom r) {
        double c = EXPONENTS[r.nextInt(EXPONENTS.length)];
        T lit = new Lit(Math.abs(c));
        return c < 0 || 1 / c < 0 ? new Neg(lit) : r.nextInt(4) == 0 ? new Op('+', lit, new Lit(0)) : lit;
    }

    // ---------------------------------------------------------------- text

    /** Python text with minimal parentheses, some redundant ones, random spacing and ^ or **. */
    static String text(T t, SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        write(t, 1, r, b);
        return b.toString();
    }

    /** Levels: 1 sum, 2 product, 3 unary, 4 power, 5 atom. */
    private static int level(T t) {
        if (t instanceof Op o) {
            return switch (o.op()) {
                case '+', '-' -> 1;
                case '*', '/' -> 2;
                default -> 4;
            };
        }
        return t instanceof Neg ? 3 : 5;
    }

    private static void write(T t, int need, SplittableRandom r, StringBuilder b) {
        boolean parens = level(t) < need || r.nextInt(12) == 0;
        if (parens) {
            b.append('(');
        }
        if (t instanceof Lit l) {
            double v = l.v();
            b.append(v == Math.rint(v) && r.nextBoolean() ? Long.toString((long) v) : Double.toString(v));
        } else if (t instanceof Named n) {
            b.append(n.name());
        } else if (t instanceof V v) {
            b.append(v.isX() ? 'x' : 'y');
        } else if (t instanceof Neg n) {
            b.append('-');
            write(n.a(), 3, r, b);
        } else if (t instanceof Op o) {
            int lv = level(t);
            write(o.a(), lv == 4 ? 5 : lv, r, b);
            String sp = r.nextBoolean() ? " " : "";
            b.append(sp).append(o.op() == '^' ? (r.nextBoolean() ? "**" : "^") : String.valueOf(o.op())).append(sp);
            write(o.b(), lv == 4 ? 3 : lv + 1, r, b);
        } else if (t instanceof Fn f) {
            b.append(f.name()).append('(');
            write(f.a(), 1, r, b);
            b.append(')');
        } else if (t instanceof Fn2 f) {
            b.append(f.name()).append('(');
            write(f.a(), 1, r, b);
            b.append(", ");
            write(f.b(), 1, r, b);
            b.append(')');
        }
        if (parens) {
            b.append(')');
        }
    }

    // ---------------------------------------------------------------- reference evaluator

    static boolean constant(T t) {
        if (t instanceof V) {
            return false;
        }
        if (t instanceof Neg n) {
            return constant(n.a());
        }
        if (t instanceof Op o) {
            return constant(o.a()) && constant(o.b());
        }
        if (t instanceof Fn f) {
            return constant(f.a());
        }
        if (t instanceof Fn2 f) {
            return constant(f.a()) && constant(f.b());
        }
        return true;
    }

    /** The value torch would print for this formula with x and y float64 0-d tensors. */
    static double eval(T t, double x, double y) {
        if (t instanceof Lit l) {
            return l.v();
        }
        if (t instanceof Named n) {
            return n.name().equals("pi") ? Math.PI : Math.E;
        }
        if (t instanceof V v) {
            return v.isX() ? x : y;
        }
        if (t instanceof Neg n) {
            return -eval(n.a(), x, y);
        }
        if (t instanceof Fn f) {
            double a = eval(f.a(), x, y);
            return switch (f.name()) {
                case "sin" -> Math.sin(a);
                case "cos" -> Math.cos(a);
                case "tan" -> Math.tan(a);
                case "exp" -> Math.exp(a);
                case "log" -> Math.log(a);
                case "sqrt" -> Math.sqrt(a);
                case "abs" -> Math.abs(a);
                case "tanh" -> Math.tanh(a);
                case "sinh" -> Math.sinh(a);
                case "cosh" -> Math.cosh(a);
                case "atan" -> Math.atan(a);
                default -> throw new IllegalArgumentException(f.name());
            };
        }
        if (t instanceof Fn2 f) {
            double a = eval(f.a(), x, y);
            double b = eval(f.b(), x, y);
            return f.name().equals("min") ? (b < a ? b : a) : (b > a ? b : a); // Python's built-ins
        }
        Op o = (Op) t;
        double a = eval(o.a(), x, y);
        double b = eval(o.b(), x, y);
        boolean tensorA = !constant(o.a());
        boolean tensorB = !constant(o.b());
        return switch (o.op()) {
            case '+' -> a + b;
            case '-' -> a - b;
            case '*' -> a * b;
            case '/' -> !tensorA && tensorB ? (1.0 / b) * a : a / b; // Tensor.__rtruediv__ = reciprocal() * other
            default -> tensorA && !tensorB ? torchPow(a, b) : Math.pow(a, b);
        };
    }

    /** torch's pow(Tensor, Scalar) on float64 (Pow.cpp, PowKernel.cpp). */
    static double torchPow(double a, double c) {
        if (c == 0) {
            return 1;
        }
        if (c == 1) {
            return a;
        }
        if (c == 2) {
            return a * a;
        }
        if (c == 3) {
            return a * a * a;
        }
        if (c == -2) {
            return 1.0 / (a * a);
        }
        if (c == 0.5) {
            return Math.sqrt(a);
        }
        if (c == -0.5) {
            return 1.0 / Math.sqrt(a);
        }
        if (c == -1) {
            return 1.0 / a;
        }
        return Math.pow(a, c);
    }
}
