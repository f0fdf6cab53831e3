package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGTERM (what Ctrl-C and `kill` send) in the middle of `render` leaves nothing behind. */
class InterruptedRenderIT {

    @TempDir
    Path dir;

    static boolean anyFile(Path root, Predicate<Path> p) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.anyMatch(p);
        } catch (IOException e) {
            return false; // a folder vanished while walking
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"race.gif", "frames/"})
    void aTerminatedRenderLeavesNoParts(String out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", Path.of(System.getProperty("descent.jar", "target/descent.jar")).toAbsolutePath().toString(),
                "render", "--preset", "ravine", "--steps", "50000", "--size", "320x240", "-q", "--out", out));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            Predicate<Path> started = f -> Files.isRegularFile(f) && (f.getFileName().toString().endsWith(".part")
                    || f.getFileName().toString().startsWith("frame_")) && f.toFile().length() > 0;
            while (!anyFile(dir, started) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(p.isAlive() && anyFile(dir, started), "the render had started writing");
            Thread.sleep(300);
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the render stopped");
        } finally {
            p.destroyForcibly();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(List.of(dir), s.toList(), "nothing left behind");
        }
    }
}
