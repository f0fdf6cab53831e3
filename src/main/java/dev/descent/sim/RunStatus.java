package dev.descent.sim;

/**
 * Where a run stands, decided once for every optimizer and surface by {@link StatusRule}: the
 * window's badges, the export CSV and {@code trace --summary} all show this value.
 */
public enum RunStatus {
    /** still moving */
    RUNNING,
    /** reached the step limit while still moving */
    FINISHED,
    /** ‖∇f‖ and the step are below tolerance at a minimum (the Hessian there is positive definite) */
    CONVERGED,
    /** ‖∇f‖ and the step are below tolerance where the Hessian is not positive definite: a saddle or a degenerate point */
    STALLED,
    /** left the bound far outside the view going downhill (f below its start): the surface is unbounded below there */
    ESCAPED,
    /** became non-finite, or left the bound with f above its start */
    DIVERGED;

    /** Whether the run stops here for good (it converged, stalled, escaped or diverged). */
    public boolean isTerminal() {
        return this == CONVERGED || this == STALLED || this == ESCAPED || this == DIVERGED;
    }

    /** The lower-case word used in files and on the command line: running, finished, converged, stalled, escaped, diverged. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
