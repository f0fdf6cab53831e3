package dev.descent.sim;

import dev.descent.math.Surface;
import dev.descent.math.Viewport;

/**
 * The one rule that says where a run stands after a step, shared by the window's engine and
 * {@code trace}:
 * <ol>
 * <li>a non-finite position or loss is <b>diverged</b>;</li>
 * <li>a run farther than {@link #BOUND_FACTOR} view sizes from the view's centre has <b>escaped</b>
 *     if f is below its start (it went downhill without end, as on a saddle: the lesson's point,
 *     not a failure) and <b>diverged</b> otherwise;</li>
 * <li>a run with ‖∇f‖ ≤ {@link #GRAD_TOL} and a step ≤ {@link #STEP_TOL} has stopped: <b>converged</b>
 *     when the Hessian there is positive definite (λ_min &gt; {@link #CURVATURE_TOL}·max(1, |λ_max|)),
 *     else <b>stalled</b> at a saddle or a degenerate point;</li>
 * <li>otherwise it is <b>finished</b> at the step limit, or still running.</li>
 * </ol>
 */
public final class StatusRule {

    /** ‖∇f‖ and ‖Δθ‖ below which a run has stopped. */
    public static final double GRAD_TOL = 1e-4;
    public static final double STEP_TOL = 1e-9;
    /** A run farther than this many view sizes from the surface's view has left the picture for good. */
    public static final double BOUND_FACTOR = 100;
    /** The smallest Hessian eigenvalue, relative to the largest (at least 1), that counts as a minimum. */
    public static final double CURVATURE_TOL = 1e-6;

    private final Surface surface;
    private final double cx;
    private final double cy;
    private final double bound;
    private final double[] h = new double[4];

    public StatusRule(Surface surface) {
        this.surface = surface;
        Viewport v = surface.defaultViewport();
        cx = (v.xMin() + v.xMax()) / 2;
        cy = (v.yMin() + v.yMax()) / 2;
        bound = BOUND_FACTOR * Math.max(v.width(), v.height());
    }

    /**
     * @param startLoss f where the run started
     * @param gradNorm  ‖∇f‖ of the surface (without noise) at (x, y)
     * @param stepNorm  the length of the last step
     */
    public RunStatus after(double x, double y, double loss, double startLoss, double gradNorm, double stepNorm,
                           long steps, long stepLimit) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(loss)) {
            return RunStatus.DIVERGED;
        }
        if (Math.abs(x - cx) > bound || Math.abs(y - cy) > bound) {
            return loss < startLoss ? RunStatus.ESCAPED : RunStatus.DIVERGED;
        }
        if (gradNorm <= GRAD_TOL && stepNorm <= STEP_TOL) {
            return isMinimum(x, y) ? RunStatus.CONVERGED : RunStatus.STALLED;
        }
        return steps >= stepLimit ? RunStatus.FINISHED : RunStatus.RUNNING;
    }

    /** Whether the Hessian at (x, y) is positive definite, relative to its own scale. */
    boolean isMinimum(double x, double y) {
        surface.hessian(x, y, h);
        double mean = (h[0] + h[3]) / 2;
        double radius = Math.hypot((h[0] - h[3]) / 2, (h[1] + h[2]) / 2);
        double min = mean - radius;
        double max = mean + radius;
        return min > CURVATURE_TOL * Math.max(1, Math.abs(max));
    }
}
