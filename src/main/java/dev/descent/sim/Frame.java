package dev.descent.sim;

import dev.descent.math.Surface;
import java.util.List;

/** Everything the window draws at one moment. Immutable. */
public record Frame(long serial, Surface surface, boolean playing, double speed, long stepLimit, List<RunFrame> runs) {

    public RunFrame run(int id) {
        return runs.stream().filter(r -> r.id() == id).findFirst().orElse(null);
    }
}
