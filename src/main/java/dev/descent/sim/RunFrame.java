package dev.descent.sim;

import java.util.List;

/**
 * One run as it is at a frame: immutable, safe to read on any thread.
 *
 * @param history     rows with the channels {@link Engine#CHANNELS} then two per probe
 * @param probeNames  the optimizer's probes in channel order (their x channel is {@code 7 + 2k})
 * @param probeSymbols their lecture symbols
 * @param lastX       the last finite position (where a diverged run is marked)
 */
public record RunFrame(int id, RunSpec spec, long step, double x, double y, double loss, double gradNorm, double lr,
                       RunStatus status, double lastX, double lastY, History.Snapshot history,
                       List<String> probeNames, List<String> probeSymbols) {
}
