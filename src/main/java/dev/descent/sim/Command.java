package dev.descent.sim;

import dev.descent.math.Surface;
import java.util.List;

/** What the user interface asks of the simulation. Immutable; sent through {@link Simulation#submit}. */
public sealed interface Command {

    /** A run's identity (chosen by the UI) and its spec. */
    record RunConfig(int id, RunSpec spec) { }

    /** Replaces the surface and every run (a preset or a session). */
    record Load(List<RunConfig> runs) implements Command { }

    record AddRun(RunConfig run) implements Command { }

    record RemoveRun(int id) implements Command { }

    /**
     * New settings for one run. With {@code restart} the run starts again from its start; otherwise it
     * goes on from where it is with fresh optimizer state, and its path records where it changed.
     */
    record UpdateRun(int id, RunSpec spec, boolean restart) implements Command { }

    /** A new surface for every run, each starting again at (x0, y0). */
    record SetSurface(Surface surface, double x0, double y0) implements Command { }

    /** Moves the start of one run (or of all when {@code id} is null) and restarts it. */
    record MoveStart(Integer id, double x, double y) implements Command { }

    record Play() implements Command { }

    record Pause() implements Command { }

    /** One step of every run that can still move (pauses first). */
    record StepOnce() implements Command { }

    /** Every run back to its start. */
    record Reset() implements Command { }

    /** Steps per second while playing, 1 to 10 000 or more. */
    record SetSpeed(double stepsPerSecond) implements Command { }

    /** Runs stop at this many steps. */
    record SetStepLimit(long steps) implements Command { }
}
