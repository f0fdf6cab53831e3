package dev.descent.math;

import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.expr.Expression;
import dev.descent.math.expr.ExpressionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A surface the user writes as a formula in x and y, in Python syntax ({@code x**2 + 3*y**2}, or with
 * {@code ^}); its gradient and Hessian come from automatic differentiation, exact to rounding. See
 * {@link Expression} for the syntax. The viewport is a setting. The critical points are found
 * numerically (see {@link #criticalPoints()}).
 *
 * <p>Evaluation allocates nothing and is safe from several threads at once (each has its own scratch).
 */
public final class ExpressionSurface extends Surface {

    public static final String DEFAULT_FORMULA = "(1 - x)^2 + 100*(y - x^2)^2";

    public static final SurfaceKind KIND = new SurfaceKind("custom", "Custom formula", List.of(
            ParamSpec.text("expr", "f", DEFAULT_FORMULA,
                    "f(x, y) in Python syntax: + - * / ** (or ^), pi, e, sin cos tan exp log sqrt abs tanh sinh cosh atan min max"),
            ParamSpec.real("x_min", "x min", -2, -100, 100, Scale.LINEAR, "left edge of the view"),
            ParamSpec.real("x_max", "x max", 2, -100, 100, Scale.LINEAR, "right edge of the view"),
            ParamSpec.real("y_min", "y min", -1, -100, 100, Scale.LINEAR, "bottom edge of the view"),
            ParamSpec.real("y_max", "y max", 3, -100, 100, Scale.LINEAR, "top edge of the view")),
            p -> new ExpressionSurface(p.text("expr"),
                    viewport(p.real("x_min"), p.real("x_max"), p.real("y_min"), p.real("y_max"))));

    private final Expression expression;
    private final Viewport viewport;
    private volatile List<CriticalPoint> criticalPoints;

    /**
     * @throws ExpressionException naming the column of the formula that cannot be read
     */
    public ExpressionSurface(String formula, Viewport viewport) {
        try {
            this.expression = Expression.parse(formula);
        } catch (ExpressionException e) {
            throw e.withPrefix("Invalid formula '" + shown(formula) + "': ");
        }
        this.viewport = java.util.Objects.requireNonNull(viewport, "viewport");
    }

    /** The default view: Rosenbrock's. */
    public ExpressionSurface(String formula) {
        this(formula, viewport(-2, 2, -1, 3));
    }

    private static Viewport viewport(double xMin, double xMax, double yMin, double yMax) {
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin) && Double.isFinite(yMax))) {
            throw new IllegalArgumentException("custom surface needs finite view bounds, got x_min=" + xMin + ", x_max=" + xMax
                    + ", y_min=" + yMin + ", y_max=" + yMax);
        }
        if (!(xMin < xMax)) {
            throw new IllegalArgumentException("custom surface needs x_min < x_max, got x_min=" + xMin + ", x_max=" + xMax);
        }
        if (!(yMin < yMax)) {
            throw new IllegalArgumentException("custom surface needs y_min < y_max, got y_min=" + yMin + ", y_max=" + yMax);
        }
        return new Viewport(xMin, xMax, yMin, yMax);
    }

    /** The formula for a one-line message: blanks collapsed, long ones cut. */
    private static String shown(String formula) {
        if (formula == null) {
            return "";
        }
        String s = formula.replaceAll("\\s+", " ").strip();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    public Expression expression() {
        return expression;
    }

    @Override
    public String id() {
        return KIND.id();
    }

    @Override
    public String title() {
        return KIND.title();
    }

    @Override
    public String description() {
        return "Your own f(x, y), differentiated automatically.";
    }

    @Override
    public String formula() {
        return "f = " + expression.body();
    }

    @Override
    public Params parameters() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("expr", expression.source());
        v.put("x_min", viewport.xMin());
        v.put("x_max", viewport.xMax());
        v.put("y_min", viewport.yMin());
        v.put("y_max", viewport.yMax());
        return Params.resolve("surface custom", KIND.params(), v);
    }

    @Override
    public Viewport defaultViewport() {
        return viewport;
    }

    /**
     * The non-degenerate stationary points in the view that Newton's method finds from a 12 × 12 grid
     * of starts, each polished until the gradient vanishes to rounding, classified by its Hessian and
     * confirmed by the values on a small ring around it. "Global" minimum here means the lowest found in
     * the view. Computed on first use.
     */
    @Override
    public List<CriticalPoint> criticalPoints() {
        List<CriticalPoint> c = criticalPoints;
        if (c == null) {
            c = Stationary.find(this, viewport);
            criticalPoints = c;
        }
        return c;
    }

    @Override
    public double value(double x, double y) {
        return expression.value(x, y);
    }

    @Override
    public void gradient(double x, double y, double[] out, int offset) {
        expression.gradient(x, y, out, offset);
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        expression.hessian(x, y, out);
    }
}
