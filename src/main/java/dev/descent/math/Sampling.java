package dev.descent.math;

/**
 * What a minibatch objective tells about the batch it drew last: the epoch, which data points, the
 * batch's loss, and how far its gradient was from the full-batch gradient. Read by the trace's
 * columns and the window's data panel after a step; owned by the thread that steps the run.
 */
public interface Sampling {

    /** Number of data points N. */
    int size();

    /** The batch size B (1 ≤ B ≤ N). */
    int batchSize();

    /** The epoch of the last batch, counted from 0; -1 before the first batch. */
    long epoch();

    /** Batches drawn so far. */
    long batches();

    /** Whether the last batch was the first of its epoch (a new shuffle was drawn for it). */
    boolean epochStarted();

    /** Points in the last batch (B, or the remainder N mod B at the end of an epoch); 0 before the first. */
    int lastBatchLength();

    /** The data index of the k-th point of the last batch. */
    int lastBatchIndex(int k);

    /** The mean loss over the last batch at the point where its gradient was taken (NaN before the first). */
    double lastBatchLoss();

    /**
     * ‖g_batch − ∇f‖ at the point of the last batch, with ∇f the full-batch gradient: costs O(N), so
     * it is computed only when asked (NaN before the first batch).
     */
    double lastGradientError();

    /**
     * Makes the next gradient take the last batch again instead of drawing one: SAM's gradient at
     * the perturbed point is taken on the batch its ascent step used (Foret et al. 2021, Alg. 1).
     * Counts no new batch; the call after it draws as usual.
     */
    void reuseLastBatch();
}
