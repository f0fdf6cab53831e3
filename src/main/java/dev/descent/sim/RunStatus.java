package dev.descent.sim;

/** Where a run stands. */
public enum RunStatus {
    /** still moving */
    RUNNING,
    /** reached the step limit */
    FINISHED,
    /** ‖∇f‖ and the step are below tolerance */
    CONVERGED,
    /** became non-finite or left the bound far outside the surface's view */
    DIVERGED
}
