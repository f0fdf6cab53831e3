package dev.descent.math;

/**
 * A loss that is a mean over N data points, so that its gradient can be estimated from a minibatch.
 * {@link GradientNoise.Kind#MINIBATCH} turns such a surface into its minibatch objective.
 */
public interface MinibatchSource {

    /** Number of data points N. */
    int size();

    /**
     * A fresh minibatch objective: every gradient call takes the next batch of {@code batchSize}
     * points of a seeded shuffle (see docs/minibatch.md); values stay full-batch.
     *
     * @throws IllegalArgumentException if the batch size is not in 1..N
     */
    Objective minibatches(int batchSize, long seed);
}
