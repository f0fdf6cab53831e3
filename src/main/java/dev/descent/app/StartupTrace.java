package dev.descent.app;

import java.util.HashSet;
import java.util.Set;
import javafx.application.Platform;

/**
 * With {@code -Ddescent.startupTrace=true}, prints to stderr how long after the JVM started the
 * window reached each point of its start-up ({@code startup: window shown at 1234 ms}), once per
 * point: the figures the README's start-up time comes from. With {@code =exit} it also ends the
 * process once the full plot is drawn (to time start-up alone, or to write a class-data archive
 * with {@code -XX:ArchiveClassesAtExit}). Without the property it does nothing (and loads nothing).
 */
final class StartupTrace {

    private static final String MODE = System.getProperty("descent.startupTrace", "false");
    static final boolean ON = MODE.equalsIgnoreCase("true") || MODE.equalsIgnoreCase("exit");
    /** Whether the process ends once the full plot is drawn. */
    static final boolean EXIT = MODE.equalsIgnoreCase("exit");
    private static final Set<String> SEEN = new HashSet<>();

    private StartupTrace() {
    }

    /**
     * Marks the plot drawn, coarse or full, in the pulse that paints it (FX thread); with {@code =exit}
     * the process ends after the pulse that paints the full plot has been rendered.
     */
    static void plotDrawn(boolean coarse) {
        mark(coarse ? "first plot drawn (coarse raster)" : "plot drawn (full raster and contours)");
        if (EXIT && !coarse) {
            Platform.runLater(() -> System.exit(0));
        }
    }

    /** Prints the first time {@code what} is reached (any thread). */
    static void mark(String what) {
        if (!ON) {
            return;
        }
        synchronized (SEEN) {
            if (!SEEN.add(what)) {
                return;
            }
        }
        long start = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        // on the JavaFX thread, its CPU time so far too: less noisy than wall clock on a busy machine
        String cpu = Platform.isFxApplicationThread()
                ? " (JavaFX thread CPU " + java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000 + " ms)"
                : "";
        System.err.println("startup: " + what + " at " + (System.currentTimeMillis() - start) + " ms" + cpu);
    }
}
