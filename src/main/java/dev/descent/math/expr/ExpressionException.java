package dev.descent.math.expr;

/**
 * The one exception the expression language throws: the formula cannot be read. The message is one
 * line that names the column (1-based, counted in the text as given) and what was expected there,
 * e.g. {@code at column 7: expected ')' but found end of input}.
 *
 * <p>It is an {@link IllegalArgumentException}, so a formula given as a setting is refused like any
 * other invalid setting.
 */
public final class ExpressionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int column;
    private final String detail;

    /**
     * @param column 1-based column in the formula where the problem is
     * @param detail what was expected and what was found, without the position
     */
    public ExpressionException(int column, String detail) {
        this("at column " + column + ": " + detail, column, detail);
    }

    private ExpressionException(String message, int column, String detail) {
        super(message);
        this.column = column;
        this.detail = detail;
    }

    /** The 1-based column of the problem in the formula as given. */
    public int column() {
        return column;
    }

    /** What was expected and found, without the position. */
    public String detail() {
        return detail;
    }

    /** The same problem with a prefix that says which formula, e.g. {@code Invalid formula 'x +': }. */
    public ExpressionException withPrefix(String prefix) {
        return new ExpressionException(prefix + getMessage(), column, detail);
    }
}
