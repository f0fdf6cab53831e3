package dev.descent.math.expr;

import java.util.Locale;

/**
 * A parsed formula: an immutable tree in Python's grammar. {@link #toString()} writes it back as a
 * fully parenthesised Python expression that parses to the same tree.
 */
sealed interface Node {

    /** A number or a named constant (pi, e). */
    record Num(double value) implements Node {
        @Override
        public String toString() {
            if (Double.isNaN(value)) {
                return "(0*1e999)";
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? "1e999" : "(-1e999)";
            }
            String s = Double.toString(Math.abs(value)).toLowerCase(Locale.ROOT);
            return value < 0 || (value == 0 && 1 / value < 0) ? "(-" + s + ")" : s;
        }
    }

    /** x (index 0) or y (index 1). */
    record Var(int index) implements Node {
        @Override
        public String toString() {
            return index == 0 ? "x" : "y";
        }
    }

    /** Unary minus. */
    record Neg(Node a) implements Node {
        @Override
        public String toString() {
            return "(-" + a + ")";
        }
    }

    /** A binary operator: one of {@code + - * / ^} ({@code ^} is Python's {@code **}). */
    record Bin(char op, Node a, Node b) implements Node {
        @Override
        public String toString() {
            return "(" + a + " " + (op == '^' ? "**" : String.valueOf(op)) + " " + b + ")";
        }
    }

    /** A function of one argument. */
    record Call1(Func f, Node a) implements Node {
        @Override
        public String toString() {
            return f.id + "(" + a + ")";
        }
    }

    /** A function of two arguments (min, max). */
    record Call2(Func f, Node a, Node b) implements Node {
        @Override
        public String toString() {
            return f.id + "(" + a + ", " + b + ")";
        }
    }

    /** The functions a formula may call. */
    enum Func {
        SIN("sin", 1), COS("cos", 1), TAN("tan", 1), EXP("exp", 1), LOG("log", 1), SQRT("sqrt", 1),
        ABS("abs", 1), TANH("tanh", 1), SINH("sinh", 1), COSH("cosh", 1), ATAN("atan", 1),
        MIN("min", 2), MAX("max", 2), POW("pow", 2);

        final String id;
        /** 1, or 2 for min and max (which also take more, folded left) and pow (exactly 2). */
        final int arity;

        Func(String id, int arity) {
            this.id = id;
            this.arity = arity;
        }

        static Func byName(String name) {
            for (Func f : values()) {
                if (f.id.equals(name)) {
                    return f;
                }
            }
            return null;
        }
    }
}
