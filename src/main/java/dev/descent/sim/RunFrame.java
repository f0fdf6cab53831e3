package dev.descent.sim;

import java.util.List;

/**
 * One run as it is at a frame: immutable, safe to read on any thread.
 *
 * @param history     rows with the channels {@link Engine#CHANNELS} then two per probe
 * @param probeNames  the optimizer's probes in channel order (their x channel is {@code Engine.CHANNELS.size() + 2k})
 * @param probeSymbols their lecture symbols
 * @param lastX       the last finite position (where a diverged run is marked)
 * @param uphillSteps how many steps raised f so far
 * @param functionEvaluations f evaluations the optimizer asked for so far
 * @param gradientEvaluations gradient evaluations the optimizer asked for so far
 * @param batch       the data indices of the last minibatch (empty without minibatches); do not modify
 */
public record RunFrame(int id, RunSpec spec, long step, double x, double y, double loss, double gradNorm, double lr,
                       RunStatus status, double lastX, double lastY, History.Snapshot history,
                       List<String> probeNames, List<String> probeSymbols,
                       long uphillSteps, long functionEvaluations, long gradientEvaluations, int[] batch) {
}
