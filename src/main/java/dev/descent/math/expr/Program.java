package dev.descent.math.expr;

import dev.descent.math.expr.Node.Bin;
import dev.descent.math.expr.Node.Call1;
import dev.descent.math.expr.Node.Call2;
import dev.descent.math.expr.Node.Func;
import dev.descent.math.expr.Node.Neg;
import dev.descent.math.expr.Node.Num;
import dev.descent.math.expr.Node.Var;
import java.util.Arrays;

/**
 * A formula compiled to a flat stack program, evaluated either for its value alone or, in one pass,
 * for its value, gradient and Hessian by second-order forward-mode automatic differentiation: every
 * stack slot holds a jet (f, f_x, f_y, f_xx, f_xy, f_yy) and each instruction applies the chain rule
 * to it.
 *
 * <p><b>Arithmetic follows torch on float64 tensors, operation for operation</b>, since the golden
 * files' {@code expr} were evaluated by torch with x and y 0-d tensors:
 * <ul>
 *   <li>Sub-expressions without x or y are folded first, in Python float arithmetic (the way Python
 *       evaluates {@code 2*pi} before it meets a tensor in {@code 2*pi*x}); nothing is re-associated,
 *       so {@code x*2*pi} stays (x·2)·π.</li>
 *   <li>{@code t**c} with a constant c is torch's {@code pow(Tensor, Scalar)}: c = 0 gives 1, c = 1 the
 *       base, c = 2 {@code t*t}, c = 3 {@code t*t*t}, c = −2 {@code 1/(t*t)}, c = ½ {@code sqrt(t)},
 *       c = −½ {@code 1/sqrt(t)}, c = −1 {@code 1/t}, any other c {@code pow(t, c)}.</li>
 *   <li>{@code c/t} is torch's {@code Tensor.__rtruediv__}: {@code (1/t)*c}, which can differ from c/t
 *       by an ulp.</li>
 *   <li>{@code min(a, b)} and {@code max(a, b)} are Python's built-ins: the first argument unless the
 *       second is strictly smaller (larger); the derivatives are those of the argument chosen. At a tie
 *       where the gradients also agree, the Hessian is that of the argument the min (max) equals nearby,
 *       when one does.</li>
 *   <li>{@code abs} has derivative sign(t), 0 at 0, as in torch; where t = 0 with a zero gradient and
 *       t keeps one sign nearby, the Hessian is that of |t|'s branch (smooth there), not 0.</li>
 * </ul>
 *
 * <p>A program is immutable and may be shared; the stacks live in a {@link Scratch}, which belongs to
 * one thread.
 */
final class Program {

    static final int CONST = 0;
    static final int X = 1;
    static final int Y = 2;
    // binary, both operands on the stack
    static final int ADD = 3;
    static final int SUB = 4;
    static final int MUL = 5;
    static final int DIV = 6;
    static final int POW = 7;
    static final int MIN = 8;
    static final int MAX = 9;
    // unary (the constant operand, if any, is consts[instruction >>> 8])
    static final int NEG = 10;
    static final int ADD_C = 11;
    static final int SUB_C = 12;
    static final int RSUB_C = 13;
    static final int MUL_C = 14;
    static final int DIV_C = 15;
    static final int RDIV_C = 16;
    static final int POW_C = 17;
    static final int EXP_C = 18;
    static final int SQR = 19;
    static final int CUBE = 20;
    static final int RECIP = 21;
    static final int RECIP_SQR = 22;
    static final int SQRT = 23;
    static final int RSQRT = 24;
    static final int SIN = 25;
    static final int COS = 26;
    static final int TAN = 27;
    static final int EXP = 28;
    static final int LOG = 29;
    static final int ABS = 30;
    static final int TANH = 31;
    static final int SINH = 32;
    static final int COSH = 33;
    static final int ATAN = 34;

    private final int[] code;
    private final double[] consts;
    private final int maxStack;
    private final boolean usesX;
    private final boolean usesY;

    private Program(int[] code, double[] consts, int maxStack) {
        this.code = code;
        this.consts = consts;
        this.maxStack = Math.max(1, maxStack);
        boolean ux = false;
        boolean uy = false;
        for (int ins : code) {
            ux |= ins == X;
            uy |= ins == Y;
        }
        this.usesX = ux;
        this.usesY = uy;
    }

    /** The stacks of one evaluation; one thread's. */
    static final class Scratch {
        final double[] v;
        final double[] gx;
        final double[] gy;
        final double[] hxx;
        final double[] hxy;
        final double[] hyy;

        Scratch(int n) {
            v = new double[n];
            gx = new double[n];
            gy = new double[n];
            hxx = new double[n];
            hxy = new double[n];
            hyy = new double[n];
        }
    }

    Scratch newScratch() {
        return new Scratch(maxStack);
    }

    int length() {
        return code.length;
    }

    boolean usesX() {
        return usesX;
    }

    boolean usesY() {
        return usesY;
    }

    // ---------------------------------------------------------------- compiling

    /** Folds the constant sub-trees and compiles the rest. */
    static Program compile(Node tree) {
        Compiler c = new Compiler();
        c.emit(fold(tree));
        return new Program(Arrays.copyOf(c.code, c.n), Arrays.copyOf(c.consts, Math.max(1, c.nk)), c.max);
    }

    /** Replaces every sub-tree without x and y by its value in Python float arithmetic. */
    static Node fold(Node n) {
        if (n instanceof Neg g) {
            Node a = fold(g.a());
            return a instanceof Num na ? new Num(-na.value()) : new Neg(a);
        }
        if (n instanceof Bin b) {
            Node l = fold(b.a());
            Node r = fold(b.b());
            if (l instanceof Num a && r instanceof Num c) {
                return new Num(constant(b.op(), a.value(), c.value()));
            }
            return new Bin(b.op(), l, r);
        }
        if (n instanceof Call1 c) {
            Node a = fold(c.a());
            return a instanceof Num na ? new Num(function(c.f(), na.value())) : new Call1(c.f(), a);
        }
        if (n instanceof Call2 c) {
            Node a = fold(c.a());
            Node b = fold(c.b());
            if (a instanceof Num na && b instanceof Num nb) {
                return new Num(c.f() == Func.MIN ? min(na.value(), nb.value()) : max(na.value(), nb.value()));
            }
            return new Call2(c.f(), a, b);
        }
        return n;
    }

    /** Python float arithmetic (x ** y is C's pow). */
    static double constant(char op, double a, double b) {
        return switch (op) {
            case '+' -> a + b;
            case '-' -> a - b;
            case '*' -> a * b;
            case '/' -> a / b;
            case '^' -> Math.pow(a, b);
            default -> throw new IllegalStateException("operator " + op);
        };
    }

    static double function(Func f, double a) {
        return switch (f) {
            case SIN -> Math.sin(a);
            case COS -> Math.cos(a);
            case TAN -> Math.tan(a);
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case SQRT -> Math.sqrt(a);
            case ABS -> Math.abs(a);
            case TANH -> Math.tanh(a);
            case SINH -> Math.sinh(a);
            case COSH -> Math.cosh(a);
            case ATAN -> Math.atan(a);
            default -> throw new IllegalStateException(f + " takes two arguments");
        };
    }

    /** Python's {@code min(a, b)}: a unless b &lt; a. */
    static double min(double a, double b) {
        return b < a ? b : a;
    }

    /** Python's {@code max(a, b)}: a unless b &gt; a. */
    static double max(double a, double b) {
        return b > a ? b : a;
    }

    private static final class Compiler {
        int[] code = new int[16];
        int n;
        double[] consts = new double[4];
        int nk;
        int depth;
        int max;

        void op(int op) {
            op(op, 0);
        }

        void op(int op, int arg) {
            if (n == code.length) {
                code = Arrays.copyOf(code, 2 * n);
            }
            code[n++] = op | arg << 8;
            if (op == CONST || op == X || op == Y) {
                max = Math.max(max, ++depth);
            } else if (op <= MAX) {
                depth--;
            }
        }

        void opK(int op, double k) {
            int i = 0;
            while (i < nk && Double.doubleToRawLongBits(consts[i]) != Double.doubleToRawLongBits(k)) {
                i++;
            }
            if (i == nk) {
                if (nk == consts.length) {
                    consts = Arrays.copyOf(consts, 2 * nk);
                }
                consts[nk++] = k;
            }
            op(op, i);
        }

        void emit(Node node) {
            if (node instanceof Num c) {
                opK(CONST, c.value());
            } else if (node instanceof Var v) {
                op(v.index() == 0 ? X : Y);
            } else if (node instanceof Neg g) {
                emit(g.a());
                op(NEG);
            } else if (node instanceof Bin b) {
                binary(b);
            } else if (node instanceof Call1 c) {
                emit(c.a());
                op(switch (c.f()) {
                    case SIN -> SIN;
                    case COS -> COS;
                    case TAN -> TAN;
                    case EXP -> EXP;
                    case LOG -> LOG;
                    case SQRT -> SQRT;
                    case ABS -> ABS;
                    case TANH -> TANH;
                    case SINH -> SINH;
                    case COSH -> COSH;
                    case ATAN -> ATAN;
                    default -> throw new IllegalStateException(c.f() + " takes two arguments");
                });
            } else if (node instanceof Call2 c) {
                emit(c.a());
                emit(c.b());
                op(c.f() == Func.MIN ? MIN : MAX);
            } else {
                throw new IllegalStateException("unknown node " + node);
            }
        }

        private void binary(Bin b) {
            Node l = b.a();
            Node r = b.b();
            Double lk = l instanceof Num n1 ? n1.value() : null;
            Double rk = r instanceof Num n2 ? n2.value() : null;
            switch (b.op()) {
                case '^' -> {
                    if (rk != null) {
                        power(l, rk);
                    } else if (lk != null) {
                        emit(r);
                        opK(EXP_C, lk);
                    } else {
                        emit(l);
                        emit(r);
                        op(POW);
                    }
                }
                case '+' -> constantOr(l, r, lk, rk, ADD, ADD_C, ADD_C);
                case '*' -> constantOr(l, r, lk, rk, MUL, MUL_C, MUL_C);
                case '-' -> constantOr(l, r, lk, rk, SUB, SUB_C, RSUB_C);
                case '/' -> constantOr(l, r, lk, rk, DIV, DIV_C, RDIV_C);
                default -> throw new IllegalStateException("operator " + b.op());
            }
        }

        /** a op k with k constant is {@code withRight}; k op a is {@code withLeft}. */
        private void constantOr(Node l, Node r, Double lk, Double rk, int plain, int withRight, int withLeft) {
            if (rk != null) {
                emit(l);
                opK(withRight, rk);
            } else if (lk != null) {
                emit(r);
                opK(withLeft, lk);
            } else {
                emit(l);
                emit(r);
                op(plain);
            }
        }

        /** torch's pow(Tensor, Scalar) and its special cases (Pow.cpp, PowKernel.cpp). */
        private void power(Node base, double c) {
            if (c == 0) {
                opK(CONST, 1.0); // out.fill_(1), whatever the base
                return;
            }
            emit(base);
            if (c == 1) {
                return;
            }
            if (c == 2) {
                op(SQR);
            } else if (c == 3) {
                op(CUBE);
            } else if (c == -2) {
                op(RECIP_SQR);
            } else if (c == 0.5) {
                op(SQRT);
            } else if (c == -0.5) {
                op(RSQRT);
            } else if (c == -1) {
                op(RECIP);
            } else {
                opK(POW_C, c);
            }
        }
    }

    // ---------------------------------------------------------------- values only

    /** f(x, y), using {@code s.v} as the stack. */
    double value(double x, double y, Scratch s) {
        final double[] st = s.v;
        final double[] k = consts;
        int sp = -1;
        for (int ins : code) {
            int op = ins & 0xFF;
            switch (op) {
                case CONST -> st[++sp] = k[ins >>> 8];
                case X -> st[++sp] = x;
                case Y -> st[++sp] = y;
                case ADD -> {
                    sp--;
                    st[sp] = st[sp] + st[sp + 1];
                }
                case SUB -> {
                    sp--;
                    st[sp] = st[sp] - st[sp + 1];
                }
                case MUL -> {
                    sp--;
                    st[sp] = st[sp] * st[sp + 1];
                }
                case DIV -> {
                    sp--;
                    st[sp] = st[sp] / st[sp + 1];
                }
                case POW -> {
                    sp--;
                    st[sp] = Math.pow(st[sp], st[sp + 1]);
                }
                case MIN -> {
                    sp--;
                    st[sp] = min(st[sp], st[sp + 1]);
                }
                case MAX -> {
                    sp--;
                    st[sp] = max(st[sp], st[sp + 1]);
                }
                default -> st[sp] = unary(op, st[sp], k[ins >>> 8]);
            }
        }
        return st[0];
    }

    /** The value of a unary instruction, c its constant operand (if it has one). */
    static double unary(int op, double a, double c) {
        return switch (op) {
            case NEG -> -a;
            case ADD_C -> a + c;
            case SUB_C -> a - c;
            case RSUB_C -> c - a;
            case MUL_C -> a * c;
            case DIV_C -> a / c;
            case RDIV_C -> (1.0 / a) * c;
            case POW_C -> Math.pow(a, c);
            case EXP_C -> Math.pow(c, a);
            case SQR -> a * a;
            case CUBE -> a * a * a;
            case RECIP -> 1.0 / a;
            case RECIP_SQR -> 1.0 / (a * a);
            case SQRT -> Math.sqrt(a);
            case RSQRT -> 1.0 / Math.sqrt(a);
            case SIN -> Math.sin(a);
            case COS -> Math.cos(a);
            case TAN -> Math.tan(a);
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case ABS -> Math.abs(a);
            case TANH -> Math.tanh(a);
            case SINH -> Math.sinh(a);
            case COSH -> Math.cosh(a);
            case ATAN -> Math.atan(a);
            default -> throw new IllegalStateException("opcode " + op);
        };
    }

    // ---------------------------------------------------------------- jets

    /**
     * Value, gradient and (if {@code hessian}) Hessian in one pass; the result is in slot 0 of the
     * scratch's arrays. Without {@code hessian} the second-order slots are left undefined.
     */
    void jet(double x, double y, boolean hessian, Scratch s) {
        final double[] v = s.v;
        final double[] gx = s.gx;
        final double[] gy = s.gy;
        final double[] xx = s.hxx;
        final double[] xy = s.hxy;
        final double[] yy = s.hyy;
        final double[] k = consts;
        int sp = -1;
        for (int ins : code) {
            int op = ins & 0xFF;
            switch (op) {
                case CONST -> {
                    sp++;
                    v[sp] = k[ins >>> 8];
                    gx[sp] = 0;
                    gy[sp] = 0;
                    xx[sp] = 0;
                    xy[sp] = 0;
                    yy[sp] = 0;
                }
                case X, Y -> {
                    sp++;
                    v[sp] = op == X ? x : y;
                    gx[sp] = op == X ? 1 : 0;
                    gy[sp] = op == X ? 0 : 1;
                    xx[sp] = 0;
                    xy[sp] = 0;
                    yy[sp] = 0;
                }
                case ADD, SUB -> {
                    int a = --sp;
                    int b = a + 1;
                    double sign = op == ADD ? 1 : -1;
                    v[a] = op == ADD ? v[a] + v[b] : v[a] - v[b];
                    gx[a] += sign * gx[b];
                    gy[a] += sign * gy[b];
                    if (hessian) {
                        xx[a] += sign * xx[b];
                        xy[a] += sign * xy[b];
                        yy[a] += sign * yy[b];
                    }
                }
                case MUL -> {
                    int a = --sp;
                    int b = a + 1;
                    double av = v[a];
                    double bv = v[b];
                    double ax = gx[a];
                    double ay = gy[a];
                    double bx = gx[b];
                    double by = gy[b];
                    if (hessian) {
                        xx[a] = av * xx[b] + bv * xx[a] + 2 * ax * bx;
                        xy[a] = av * xy[b] + bv * xy[a] + ax * by + ay * bx;
                        yy[a] = av * yy[b] + bv * yy[a] + 2 * ay * by;
                    }
                    gx[a] = av * bx + bv * ax;
                    gy[a] = av * by + bv * ay;
                    v[a] = av * bv;
                }
                case DIV -> {
                    int a = --sp;
                    int b = a + 1;
                    double bv = v[b];
                    double q = v[a] / bv;
                    double bx = gx[b];
                    double by = gy[b];
                    double qx = (gx[a] - q * bx) / bv;
                    double qy = (gy[a] - q * by) / bv;
                    if (hessian) {
                        xx[a] = (xx[a] - q * xx[b] - 2 * qx * bx) / bv;
                        xy[a] = (xy[a] - q * xy[b] - qx * by - qy * bx) / bv;
                        yy[a] = (yy[a] - q * yy[b] - 2 * qy * by) / bv;
                    }
                    gx[a] = qx;
                    gy[a] = qy;
                    v[a] = q;
                }
                case POW -> {
                    int a = --sp;
                    power(s, a, hessian);
                }
                case MIN, MAX -> {
                    int a = --sp;
                    int b = a + 1;
                    boolean second = op == MIN ? v[b] < v[a] : v[b] > v[a];
                    if (hessian && v[a] == v[b] && gx[a] == gx[b] && gy[a] == gy[b]) {
                        // A tie with equal gradients: the arguments only part at second order, so take the
                        // one the min (max) equals nearby; if neither is, keep the first, as Python does.
                        int d = curvatureSign(xx[b] - xx[a], xy[b] - xy[a], yy[b] - yy[a]);
                        second = op == MIN ? d < 0 : d > 0;
                    }
                    if (second) {
                        v[a] = v[b];
                        gx[a] = gx[b];
                        gy[a] = gy[b];
                        xx[a] = xx[b];
                        xy[a] = xy[b];
                        yy[a] = yy[b];
                    }
                }
                case NEG, RSUB_C -> {
                    v[sp] = op == NEG ? -v[sp] : k[ins >>> 8] - v[sp];
                    gx[sp] = -gx[sp];
                    gy[sp] = -gy[sp];
                    if (hessian) {
                        xx[sp] = -xx[sp];
                        xy[sp] = -xy[sp];
                        yy[sp] = -yy[sp];
                    }
                }
                case ADD_C -> v[sp] = v[sp] + k[ins >>> 8];
                case SUB_C -> v[sp] = v[sp] - k[ins >>> 8];
                case MUL_C, DIV_C -> {
                    double c = k[ins >>> 8];
                    boolean mul = op == MUL_C;
                    v[sp] = mul ? v[sp] * c : v[sp] / c;
                    gx[sp] = mul ? gx[sp] * c : gx[sp] / c;
                    gy[sp] = mul ? gy[sp] * c : gy[sp] / c;
                    if (hessian) {
                        xx[sp] = mul ? xx[sp] * c : xx[sp] / c;
                        xy[sp] = mul ? xy[sp] * c : xy[sp] / c;
                        yy[sp] = mul ? yy[sp] * c : yy[sp] / c;
                    }
                }
                default -> elementary(op, k[ins >>> 8], s, sp, hessian);
            }
        }
    }

    /** A function F of one argument: F, F' and F'' at the argument, then the chain rule. */
    private static void elementary(int op, double c, Scratch s, int sp, boolean hessian) {
        double a = s.v[sp];
        double f;
        double d1;
        double d2;
        switch (op) {
            case RDIV_C -> {
                double r = 1.0 / a;
                f = r * c;
                d1 = -c * r * r;
                d2 = 2 * c * r * r * r;
            }
            case POW_C -> {
                f = Math.pow(a, c);
                d1 = c * Math.pow(a, c - 1);
                double cc = c * (c - 1);
                d2 = cc == 0 ? 0 : cc * Math.pow(a, c - 2);
            }
            case EXP_C -> {
                f = Math.pow(c, a);
                double l = Math.log(c);
                d1 = c == 0 ? 0 : f * l;
                d2 = c == 0 ? 0 : d1 * l;
            }
            case SQR -> {
                f = a * a;
                d1 = 2 * a;
                d2 = 2;
            }
            case CUBE -> {
                f = a * a * a;
                d1 = 3 * (a * a);
                d2 = 6 * a;
            }
            case RECIP -> {
                double r = 1.0 / a;
                f = r;
                d1 = -r * r;
                d2 = 2 * r * r * r;
            }
            case RECIP_SQR -> {
                double r = 1.0 / a;
                f = 1.0 / (a * a);
                d1 = -2 * r * r * r;
                d2 = 6 * (r * r) * (r * r);
            }
            case SQRT -> {
                f = Math.sqrt(a);
                d1 = 0.5 / f;
                d2 = -0.25 / (f * f * f);
            }
            case RSQRT -> {
                f = 1.0 / Math.sqrt(a);
                double f3 = f * f * f;
                d1 = -0.5 * f3;
                d2 = 0.75 * f3 * f * f;
            }
            case SIN -> {
                f = Math.sin(a);
                d1 = Math.cos(a);
                d2 = -f;
            }
            case COS -> {
                f = Math.cos(a);
                d1 = -Math.sin(a);
                d2 = -f;
            }
            case TAN -> {
                f = Math.tan(a);
                d1 = 1 + f * f;
                d2 = 2 * f * d1;
            }
            case EXP -> {
                f = Math.exp(a);
                d1 = f;
                d2 = f;
            }
            case LOG -> {
                f = Math.log(a);
                d1 = 1 / a;
                d2 = -d1 * d1;
            }
            case ABS -> {
                f = Math.abs(a);
                d1 = Math.signum(a);
                d2 = 0;
                if (a == 0 && s.gx[sp] == 0 && s.gy[sp] == 0) {
                    // The argument touches 0 without crossing it to first order: |t| is smooth here when
                    // t keeps one sign nearby, so take that branch's Hessian (its gradient is 0 either way).
                    d1 = curvatureSign(s.hxx[sp], s.hxy[sp], s.hyy[sp]);
                }
            }
            case TANH -> {
                f = Math.tanh(a);
                d1 = 1 - f * f;
                d2 = -2 * f * d1;
            }
            case SINH -> {
                f = Math.sinh(a);
                d1 = Math.cosh(a);
                d2 = f;
            }
            case COSH -> {
                f = Math.cosh(a);
                d1 = Math.sinh(a);
                d2 = f;
            }
            case ATAN -> {
                f = Math.atan(a);
                d1 = 1 / (1 + a * a);
                d2 = -2 * a * d1 * d1;
            }
            default -> throw new IllegalStateException("opcode " + op);
        }
        double ax = s.gx[sp];
        double ay = s.gy[sp];
        if (hessian) {
            s.hxx[sp] = m(d1, s.hxx[sp]) + m(d2, ax * ax);
            s.hxy[sp] = m(d1, s.hxy[sp]) + m(d2, ax * ay);
            s.hyy[sp] = m(d1, s.hyy[sp]) + m(d2, ay * ay);
        }
        s.gx[sp] = m(d1, ax);
        s.gy[sp] = m(d1, ay);
        s.v[sp] = f;
    }

    /**
     * +1 if the quadratic form [[xx, xy], [xy, yy]] is positive semidefinite and not 0, −1 if negative
     * semidefinite and not 0, else 0: the sign a function with zero gradient keeps near the point.
     */
    private static int curvatureSign(double xx, double xy, double yy) {
        if (xx * yy < xy * xy || xx == 0 && yy == 0) {
            return 0; // a saddle (the sign changes), or no curvature to tell by
        }
        return xx + yy > 0 ? 1 : -1;
    }

    /**
     * d·g, but 0 when g is 0: a variable that does not move the argument contributes nothing, even
     * where F' is infinite (√ at 0), as in reverse mode.
     */
    private static double m(double d, double g) {
        return g == 0 ? 0 : d * g;
    }

    /** a^b with both operands variable: the chain rule in F_a, F_b, F_aa, F_ab, F_bb. */
    private static void power(Scratch s, int a, boolean hessian) {
        int b = a + 1;
        double av = s.v[a];
        double bv = s.v[b];
        double f = Math.pow(av, bv);
        double p1 = Math.pow(av, bv - 1);
        double la = Math.log(av);
        double fa = bv * p1;
        double fb;
        double faa;
        double fab;
        double fbb;
        double bb = bv * (bv - 1);
        faa = bb == 0 ? 0 : bb * Math.pow(av, bv - 2);
        if (av == 0 && bv >= 0) { // torch masks the exponent's gradient where the base is 0
            fb = 0;
            fbb = 0;
            fab = bv > 1 ? 0 : p1 * (1 + bv * la);
        } else {
            fb = f * la;
            fbb = fb * la;
            fab = p1 * (1 + bv * la);
        }
        double ax = s.gx[a];
        double ay = s.gy[a];
        double bx = s.gx[b];
        double by = s.gy[b];
        if (hessian) {
            s.hxx[a] = m(fa, s.hxx[a]) + m(fb, s.hxx[b]) + m(faa, ax * ax) + m(fab, 2 * ax * bx) + m(fbb, bx * bx);
            s.hxy[a] = m(fa, s.hxy[a]) + m(fb, s.hxy[b]) + m(faa, ax * ay) + m(fab, ax * by + ay * bx) + m(fbb, bx * by);
            s.hyy[a] = m(fa, s.hyy[a]) + m(fb, s.hyy[b]) + m(faa, ay * ay) + m(fab, 2 * ay * by) + m(fbb, by * by);
        }
        s.gx[a] = m(fa, ax) + m(fb, bx);
        s.gy[a] = m(fa, ay) + m(fb, by);
        s.v[a] = f;
    }

    /** The program as text, one instruction a line, for debugging. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int ins : code) {
            int op = ins & 0xFF;
            b.append(op).append(op == CONST || op >= ADD_C && op <= EXP_C ? " " + consts[ins >>> 8] : "").append('\n');
        }
        return b.toString();
    }
}
