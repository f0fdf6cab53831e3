package dev.descent.cli;

import static dev.descent.cli.CliTest.assertRefused;
import static dev.descent.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where `render` writes: never somewhere the user did not name, never over a read-only file, never beside an old set. */
class RenderTargetsTest {

    @TempDir
    Path dir;

    static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anEmptyOutIsRefused() {
        // it used to write 20 PNG frames into the current folder and report "wrote  (png frames…)"
        assertRefused(run("render", "--preset", "ravine", "--steps", "3", "--out", ""), "Invalid value for --out: it is empty");
        assertRefused(run("render", "--preset", "ravine", "--steps", "3", "--out", "  "), "--out: it is empty");
    }

    @Test
    void aFolderNamedLikeAFileIsNotFilledWithFrames() throws Exception {
        Path gif = Files.createDirectory(dir.resolve("d.gif"));
        assertRefused(run("render", "--preset", "ravine", "--steps", "3", "--out", gif.toString()), "d.gif is a folder; choose a file name");
        assertEquals(List.of(), names(gif));
    }

    @Test
    void aNewSetOfFramesReplacesTheOldOneAndLeavesOtherFilesAlone() throws Exception {
        Path frames = dir.resolve("frames");
        assertEquals(0, run("render", "--preset", "ravine", "--steps", "8", "--size", "64x64", "-q", "--out", frames + "/").exit());
        assertEquals(8, names(frames).size());
        Files.writeString(frames.resolve("notes.txt"), "mine");
        Files.writeString(frames.resolve("frame_cover.png"), "mine too");
        CliTest.Result r = run("render", "--preset", "ravine", "--steps", "3", "--size", "64x64", "-q", "--out", frames + "/");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("frame_0001.png", "frame_0002.png", "frame_0003.png", "frame_cover.png", "notes.txt"), names(frames));
    }

    @Test
    void aReadOnlyFileIsNotReplaced() throws Exception {
        Path gif = Files.writeString(dir.resolve("keep.gif"), "old");
        Files.setPosixFilePermissions(gif, PosixFilePermissions.fromString("r--r--r--"));
        assertRefused(run("render", "--preset", "ravine", "--steps", "3", "--out", gif.toString()), "keep.gif is read-only");
        assertEquals("old", Files.readString(gif));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(gif)));
        assertEquals(List.of("keep.gif"), names(dir));
    }
}
