package dev.descent.export;

import dev.descent.session.RunConfig;
import dev.descent.sim.RunStatus;
import java.awt.Color;
import java.util.List;

/**
 * One run of a session, simulated for an export: rows {@code 0 … rows-1} hold steps
 * {@code 0 … rows-1} (row 0 is the start). A run that converged, diverged or was stopped has fewer
 * rows than the export has steps; {@code diverged} says whether its last row left the finite plane.
 *
 * @param probes each probe's x and y values per row ({@code probes[2k]} and {@code probes[2k+1]}
 *               for probe k; NaN in row 0)
 * @param status where the run stands at its last row (converged, stalled, escaped, diverged, finished)
 * @param costs  per row: {@code costs[0]} 1 where the step raised f, else 0 (NaN in row 0);
 *               {@code costs[1]} and {@code costs[2]} the function and gradient evaluations that row cost;
 *               when present, {@code costs[3..5]} the minibatch's loss, ‖g_batch − ∇f‖ and epoch (NaN without minibatches)
 * @param legend the run's line in the legend, as the window writes it: name and optimizer with its settings
 */
public record SimulatedRun(RunConfig model, Color color, String label, double[] xs, double[] ys, double[] loss,
                           int rows, boolean diverged, List<String> probeNames, double[][] probes,
                           RunStatus status, double[][] costs, String legend) {

    /** Rows drawn when showing {@code step}: every row up to it. */
    public int rowsAt(long step) {
        return (int) Math.min(rows, Math.max(0, step) + 1);
    }

    /** Whether the run has diverged by {@code step}. */
    public boolean divergedAt(long step) {
        return diverged && step >= rows - 1;
    }
}
