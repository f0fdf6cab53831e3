package dev.descent.math.expr;

/**
 * A formula f(x, y) written as a Python expression, compiled for fast evaluation with exact
 * derivatives (second-order forward-mode automatic differentiation).
 *
 * <p><b>Syntax</b> (Python's, with normal Python precedence): numbers ({@code 2}, {@code 1.5},
 * {@code .5}, {@code 1e-3}); {@code x} and {@code y}; the constants {@code pi} and {@code e};
 * {@code + - * /}; powers {@code **} or {@code ^}, right-associative and binding tighter than a unary
 * minus on their left ({@code -x**2} is −(x²), {@code 2**3**2} is 512, {@code 2**-1} is ½);
 * parentheses; the functions {@code sin cos tan exp log sqrt abs tanh sinh cosh atan}, {@code pow(a, b)}
 * and Python's {@code min(a, b, ...)} and {@code max(a, b, ...)}. The prefixes {@code math.},
 * {@code torch.} and {@code np.} are accepted and ignored, and so is a leading {@code f =} or
 * {@code f(x, y) =}. A product needs its {@code *}: {@code 2x} is refused, with that reason.
 *
 * <p>Arithmetic is torch's on float64 0-d tensors, operation for operation (see {@link Program}), so
 * a golden file's {@code expr} gives the loss that torch printed.
 *
 * <p>An {@code Expression} is immutable and safe to share between threads: each thread evaluates on
 * its own scratch stacks, made on its first use and reused after that, so an evaluation allocates
 * nothing. {@link #newEvaluator()} gives a caller that stays on one thread its own scratch.
 */
public final class Expression {

    private final String source;
    private final String body;
    private final Node tree;
    private final Program program;
    private final ThreadLocal<Evaluator> local;

    private Expression(String source, String body, Node tree) {
        this.source = source;
        this.body = body;
        this.tree = tree;
        this.program = Program.compile(tree);
        this.local = ThreadLocal.withInitial(this::newEvaluator);
    }

    /**
     * Parses and compiles a formula.
     *
     * @throws ExpressionException (and nothing else) naming the column and what was expected there
     */
    public static Expression parse(String text) {
        int[] start = new int[1];
        Node tree = Parser.parse(text, start);
        return new Expression(text, text.substring(start[0]).strip(), tree);
    }

    /** The formula as given. */
    public String source() {
        return source;
    }

    /** The formula without a leading {@code f =} and surrounding blanks, e.g. {@code x^2 + 3*y^2}. */
    public String body() {
        return body;
    }

    /** Whether the formula mentions x (after folding constants). */
    public boolean usesX() {
        return program.usesX();
    }

    /** Whether the formula mentions y (after folding constants). */
    public boolean usesY() {
        return program.usesY();
    }

    /** The parsed tree written back fully parenthesised, in Python syntax; it parses to the same tree. */
    public String canonical() {
        return tree.toString();
    }

    Node tree() {
        return tree;
    }

    Program program() {
        return program;
    }

    /** f(x, y). */
    public double value(double x, double y) {
        return local.get().value(x, y);
    }

    /**
     * ∂f/∂x into {@code out[offset]}, ∂f/∂y into {@code out[offset + 1]}.
     *
     * @param out Modified.
     * @return f(x, y)
     */
    public double gradient(double x, double y, double[] out, int offset) {
        return local.get().gradient(x, y, out, offset);
    }

    /**
     * Value, gradient and Hessian in one pass: {@code out[0..5]} = f, f_x, f_y, f_xx, f_xy, f_yy.
     *
     * @param out length at least 6. Modified.
     */
    public void evaluate(double x, double y, double[] out) {
        local.get().evaluate(x, y, out);
    }

    /**
     * The Hessian, row-major: {@code out[0..3]} = f_xx, f_xy, f_yx, f_yy.
     *
     * @param out Modified.
     * @return f(x, y)
     */
    public double hessian(double x, double y, double[] out) {
        return local.get().hessian(x, y, out);
    }

    /** An evaluator with its own scratch, for use on one thread. */
    public Evaluator newEvaluator() {
        return new Evaluator(program);
    }

    @Override
    public String toString() {
        return body;
    }

    /**
     * Evaluates one expression on scratch stacks of its own: allocation-free, and for one thread at a
     * time.
     */
    public static final class Evaluator {
        private final Program program;
        private final Program.Scratch s;

        Evaluator(Program program) {
            this.program = program;
            this.s = program.newScratch();
        }

        /** f(x, y). */
        public double value(double x, double y) {
            return program.value(x, y, s);
        }

        /**
         * @param out Modified: ∂f/∂x at {@code offset}, ∂f/∂y at {@code offset + 1}.
         * @return f(x, y)
         */
        public double gradient(double x, double y, double[] out, int offset) {
            program.jet(x, y, false, s);
            out[offset] = s.gx[0];
            out[offset + 1] = s.gy[0];
            return s.v[0];
        }

        /**
         * @param out Modified: f_xx, f_xy, f_yx, f_yy.
         * @return f(x, y)
         */
        public double hessian(double x, double y, double[] out) {
            program.jet(x, y, true, s);
            out[0] = s.hxx[0];
            out[1] = s.hxy[0];
            out[2] = s.hxy[0];
            out[3] = s.hyy[0];
            return s.v[0];
        }

        /** @param out Modified: f, f_x, f_y, f_xx, f_xy, f_yy. */
        public void evaluate(double x, double y, double[] out) {
            program.jet(x, y, true, s);
            out[0] = s.v[0];
            out[1] = s.gx[0];
            out[2] = s.gy[0];
            out[3] = s.hxx[0];
            out[4] = s.hxy[0];
            out[5] = s.hyy[0];
        }
    }
}
