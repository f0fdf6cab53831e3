package dev.descent.math.expr;

import dev.descent.math.expr.Node.Bin;
import dev.descent.math.expr.Node.Call1;
import dev.descent.math.expr.Node.Call2;
import dev.descent.math.expr.Node.Func;
import dev.descent.math.expr.Node.Neg;
import dev.descent.math.expr.Node.Num;
import dev.descent.math.expr.Node.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser for Python's arithmetic grammar, restricted to what a formula in x and y
 * needs:
 *
 * <pre>
 * formula := ["f" ["(" "x" "," "y" ")"] "="] sum
 * sum     := product (("+" | "-") product)*
 * product := unary (("*" | "/") unary)*
 * unary   := ("-" | "+") unary | power
 * power   := primary [("**" | "^") unary]          right-associative; -x**2 = -(x**2), 2**-1 = 0.5
 * primary := number | "x" | "y" | "pi" | "e" | function "(" sum ("," sum)* ")" | "(" sum ")"
 * </pre>
 *
 * <p>It never throws anything but {@link ExpressionException}, and it cannot run out of stack: the
 * text is at most {@value #MAX_LENGTH} characters and parentheses, signs and powers nest at most
 * {@value #MAX_NESTING} deep.
 */
final class Parser {

    /** Longest formula accepted, in characters. */
    static final int MAX_LENGTH = 2000;
    /** Deepest nesting of parentheses, signs and powers. */
    static final int MAX_NESTING = 100;

    private static final Pattern PREFIX = Pattern.compile("\\s*f\\s*(\\(\\s*x\\s*,\\s*y\\s*\\)\\s*)?=(?!=)");
    private static final String FUNCTIONS = "sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan, min, max, pow";
    private static final String OPERAND = "a number, x, y, pi, e, a function or '('";
    private static final String IMPLICIT = " (implicit multiplication is not allowed: write * between factors, as in 2*x)";

    private enum Tok { NUM, NAME, PLUS, MINUS, STAR, SLASH, POW, LPAR, RPAR, COMMA, END }

    private final String s;
    private int pos;
    private Tok tok;
    private int tokStart;
    private String tokText;
    private double tokNum;
    private int depth;

    private Parser(String s, int start) {
        this.s = s;
        this.pos = start;
    }

    /**
     * Parses a formula, with or without a leading {@code f =}.
     *
     * @return the tree, and in {@code bodyStart[0]} (if not null) the index where the formula proper starts
     * @throws ExpressionException naming the column and what was expected there
     */
    static Node parse(String text, int[] bodyStart) {
        if (text == null) {
            throw new ExpressionException(1, "expected a formula but found nothing");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException(MAX_LENGTH + 1, "the formula is too long (" + text.length()
                    + " characters; at most " + MAX_LENGTH + ")");
        }
        int start = 0;
        Matcher m = PREFIX.matcher(text);
        if (m.lookingAt()) {
            start = m.end();
        }
        if (bodyStart != null) {
            bodyStart[0] = start;
        }
        Parser p = new Parser(text, start);
        p.next();
        Node n = p.sum();
        if (p.tok != Tok.END) {
            throw p.unexpectedAfterOperand("an operator or end of input");
        }
        return n;
    }

    // ---- grammar ----

    private Node sum() {
        Node n = product();
        while (tok == Tok.PLUS || tok == Tok.MINUS) {
            char op = tok == Tok.PLUS ? '+' : '-';
            next();
            n = new Bin(op, n, product());
        }
        return n;
    }

    private Node product() {
        Node n = unary();
        while (tok == Tok.STAR || tok == Tok.SLASH) {
            char op = tok == Tok.STAR ? '*' : '/';
            next();
            n = new Bin(op, n, unary());
        }
        return n;
    }

    private Node unary() {
        if (++depth > MAX_NESTING) {
            throw new ExpressionException(tokStart + 1, "the formula is nested too deeply (more than " + MAX_NESTING
                    + " levels of parentheses, signs and powers)");
        }
        try {
            if (tok == Tok.MINUS) {
                next();
                return new Neg(unary());
            }
            if (tok == Tok.PLUS) {
                next();
                return unary();
            }
            return power();
        } finally {
            depth--;
        }
    }

    private Node power() {
        Node base = primary();
        if (tok == Tok.POW) {
            next();
            return new Bin('^', base, unary());
        }
        return base;
    }

    private Node primary() {
        switch (tok) {
            case NUM -> {
                double v = tokNum;
                next();
                return new Num(v);
            }
            case LPAR -> {
                next();
                Node n = sum();
                expectClosing();
                return n;
            }
            case NAME -> {
                return name();
            }
            default -> throw expected(OPERAND);
        }
    }

    private Node name() {
        String name = tokText;
        int col = tokStart + 1;
        next();
        switch (name) {
            case "x":
                return new Var(0);
            case "y":
                return new Var(1);
            case "pi":
                return new Num(Math.PI);
            case "e":
                return new Num(Math.E);
            default:
                break;
        }
        Func f = Func.byName(name);
        if (f == null) {
            throw new ExpressionException(col, "unknown name '" + name + "'" + hint(name));
        }
        if (tok != Tok.LPAR) {
            throw expected("'(' after the function " + name);
        }
        next();
        List<Node> args = new ArrayList<>(2);
        if (tok != Tok.RPAR) {
            args.add(sum());
            while (tok == Tok.COMMA) {
                next();
                args.add(sum());
            }
        }
        if (tok != Tok.RPAR) {
            throw unexpectedAfterOperand(args.isEmpty() || f.arity == 1 ? "')'" : "',' or ')'");
        }
        next();
        if (f.arity == 1 && args.size() != 1) {
            throw new ExpressionException(col, name + " takes 1 argument but was given " + args.size());
        }
        if (f == Func.POW && args.size() != 2) {
            throw new ExpressionException(col, "pow takes 2 arguments but was given " + args.size());
        }
        if (f.arity == 2 && args.size() < 2) {
            throw new ExpressionException(col, name + " takes at least 2 arguments but was given " + args.size());
        }
        if (f == Func.POW) {
            return new Bin('^', args.get(0), args.get(1));
        }
        if (f.arity == 1) {
            return new Call1(f, args.get(0));
        }
        Node n = args.get(0);
        for (int i = 1; i < args.size(); i++) {
            n = new Call2(f, n, args.get(i)); // Python's min(a, b, c) keeps the first of equals, left to right
        }
        return n;
    }

    private void expectClosing() {
        if (tok != Tok.RPAR) {
            throw unexpectedAfterOperand("')'");
        }
        next();
    }

    private static String hint(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(name) && (lower.equals("x") || lower.equals("y") || lower.equals("pi") || lower.equals("e")
                || Func.byName(lower) != null)) {
            return " (names are case-sensitive: write " + lower + ")";
        }
        if (name.equals("ln")) {
            return " (the natural logarithm is log)";
        }
        if (name.length() > 1 && name.chars().allMatch(c -> c == 'x' || c == 'y')) {
            return IMPLICIT;
        }
        return "; use x, y, pi, e or a function: " + FUNCTIONS;
    }

    // ---- errors ----

    private ExpressionException expected(String what) {
        return new ExpressionException(tokStart + 1, "expected " + what + " but found " + describe());
    }

    /** After a complete operand: a number, a name or '(' here means the user wrote a product without '*'. */
    private ExpressionException unexpectedAfterOperand(String what) {
        boolean implicit = tok == Tok.NUM || tok == Tok.NAME || tok == Tok.LPAR;
        return new ExpressionException(tokStart + 1, "expected " + what + " but found " + describe()
                + (implicit ? IMPLICIT : ""));
    }

    private String describe() {
        if (tok == Tok.END) {
            return "end of input";
        }
        return "'" + s.substring(tokStart, pos) + "'";
    }

    // ---- lexer ----

    private void next() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
        tokStart = pos;
        if (pos >= s.length()) {
            tok = Tok.END;
            return;
        }
        char c = s.charAt(pos);
        if (isDigit(c) || c == '.' && pos + 1 < s.length() && isDigit(s.charAt(pos + 1))) {
            number();
            return;
        }
        if (isNameStart(c)) {
            name(c);
            return;
        }
        pos++;
        switch (c) {
            case '+' -> tok = Tok.PLUS;
            case '-', '\u2212' -> tok = Tok.MINUS;
            case '\u00B7', '\u00D7' -> tok = Tok.STAR; // · and ×, as pasted from typeset formulas
            case '*' -> {
                if (pos < s.length() && s.charAt(pos) == '*') {
                    pos++;
                    tok = Tok.POW;
                } else {
                    tok = Tok.STAR;
                }
            }
            case '/' -> tok = Tok.SLASH;
            case '^' -> tok = Tok.POW;
            case '(' -> tok = Tok.LPAR;
            case ')' -> tok = Tok.RPAR;
            case ',' -> tok = Tok.COMMA;
            default -> {
                int cp = s.codePointAt(tokStart);
                String shown = new String(Character.toChars(cp));
                String why = Character.isISOControl(cp) ? "control character U+" + String.format("%04X", cp)
                        : "character '" + shown + "'";
                throw new ExpressionException(tokStart + 1, "unexpected " + why
                        + (c == '[' || c == '{' ? " (use '(' and ')' for grouping)" : ""));
            }
        }
    }

    /** Python's float literals: 12, 1.5, 1., .5, 1e-3, 2.5E+4. */
    private void number() {
        int start = pos;
        while (pos < s.length() && isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            int e = pos;
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= s.length() || !isDigit(s.charAt(pos))) {
                throw new ExpressionException(e + 1, "malformed number '" + s.substring(start, Math.min(pos, s.length()))
                        + "': expected digits after '" + s.charAt(e) + "'");
            }
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
        }
        tok = Tok.NUM;
        tokNum = Double.parseDouble(s.substring(start, pos));
    }

    private void name(char first) {
        int start = pos;
        pos++;
        while (pos < s.length() && (isNameStart(s.charAt(pos)) || isDigit(s.charAt(pos)))) {
            pos++;
        }
        String name = s.substring(start, pos);
        // math.sin, torch.exp, np.pi: the module prefixes a Python formula may carry
        if ((name.equals("math") || name.equals("torch") || name.equals("np") || name.equals("numpy"))
                && pos + 1 < s.length() && s.charAt(pos) == '.' && isNameStart(s.charAt(pos + 1))) {
            pos++;
            int inner = pos;
            while (pos < s.length() && (isNameStart(s.charAt(pos)) || isDigit(s.charAt(pos)))) {
                pos++;
            }
            name = s.substring(inner, pos);
        }
        tok = Tok.NAME;
        tokText = name;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }
}
