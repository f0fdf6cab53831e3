package dev.descent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary parts: gone after an interruption, recognised and removed when a dead process left them. */
class AtomicOutputTest {

    @TempDir
    Path dir;

    static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theShutdownHookDeletesWhatIsNotCommitted() throws Exception {
        Path gif = dir.resolve("race.gif");
        Path frames = dir.resolve("frames");
        AtomicOutput file = AtomicOutput.file(gif);
        Files.writeString(file.temp(), "half a gif");
        AtomicOutput folder = AtomicOutput.folder(frames);
        Files.writeString(folder.temp().resolve("frame_0001.png"), "one frame");
        AtomicOutput done = AtomicOutput.file(dir.resolve("done.csv"));
        Files.writeString(done.temp(), "a,b\n");
        done.commit();
        assertEquals(3, names(dir).size(), "the gif's part and the new frames folder besides done.csv: " + names(dir));
        assertTrue(names(dir).get(0).startsWith(".race.gif." + ProcessHandle.current().pid() + "-"), names(dir).toString());
        assertEquals(1, names(frames).size());

        AtomicOutput.abandonAll();

        assertEquals(List.of("done.csv"), names(dir));
        assertFalse(Files.exists(gif));
    }

    @Test
    void partsOfADeadProcessAreRemovedOnTheNextExportAndALiveOnesAreKept() throws Exception {
        Path dead = Files.writeString(dir.resolve(".race.gif.999999999-42.part"), "left by kill -9"); // no such pid
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Path alive = Files.writeString(dir.resolve(".race.gif." + live + "-43.part"), "another export, still running");
        Path other = Files.writeString(dir.resolve(".other.gif.999999999-44.part"), "another target's");
        Path frames = Files.createDirectories(dir.resolve("frames/.descent-export-999999999-45"));
        Files.writeString(frames.resolve("frame_0001.png"), "x");

        try (AtomicOutput out = AtomicOutput.file(dir.resolve("race.gif"))) {
            Files.writeString(out.temp(), "gif");
            out.commit();
        }
        try (AtomicOutput out = AtomicOutput.folder(dir.resolve("frames"))) {
            out.commit();
        }

        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(alive));
        assertTrue(Files.exists(other), "only the parts of the file being written are looked at");
        assertFalse(Files.exists(frames));
        assertEquals("gif", Files.readString(dir.resolve("race.gif")));
    }

    @Test
    void refusalsNameTheFolderThatRefused() {
        Path frames = dir.resolve("frames");
        String denied = AtomicOutput.explain(frames, new AccessDeniedException(frames.resolve(".descent-export-1-2").toString()))
                .getMessage();
        assertEquals("Cannot write to " + frames.toAbsolutePath() + ": permission denied", denied);
        Path gif = dir.resolve("race.gif");
        String readOnly = AtomicOutput.explain(gif, new FileSystemException(dir.resolve(".race.gif.1-2.part").toString(), null,
                "Read-only file system")).getMessage();
        assertEquals("Cannot write to " + dir.toAbsolutePath() + ": the file system is read-only", readOnly);
    }
}
