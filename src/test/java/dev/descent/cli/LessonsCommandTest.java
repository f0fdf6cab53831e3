package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lessons} and {@code render --lesson}, in-process. */
class LessonsCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkPrintsEveryClaimWithItsNumbersAndEndsWithTheCount() {
        CliTest.Result r = CliTest.run("lessons", "--check", "--lesson", "ravine");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("2 passed, 0 failed", lines[lines.length - 1]);
        assertTrue(r.out().contains("pass  momentum reaches f < 1e-4 at least 3× sooner than GD at the same η"), r.out());
        assertTrue(r.out().contains("Momentum μ=0.9: f < 1e-04 at step 108; Gradient descent: f < 1e-04 at step 464"), r.out());
    }

    @Test
    void listsTheLessons() {
        CliTest.Result r = CliTest.run("lessons");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("saddle"), r.out());
        assertTrue(r.out().lines().count() >= 16, r.out());
    }

    @Test
    void renderALessonOrRefuseInPlainWords() throws Exception {
        Path gif = dir.resolve("lesson.gif");
        CliTest.Result ok = CliTest.run("render", "--lesson", "newton-vs-gd", "--size", "200x150", "--fps", "5", "--hold", "0.4",
                "-q", "--out", gif.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(Files.size(gif) > 1000);
        CliTest.assertRefused(CliTest.run("render", "--lesson", "nope", "--out", dir.resolve("x.gif").toString()),
                "No lesson named 'nope'");
        CliTest.assertRefused(CliTest.run("render", "--lesson", "ravine", "--out", dir.resolve("x.png").toString()),
                "--lesson renders to .gif or .mp4");
        assertFalse(Files.exists(dir.resolve("x.gif")));
        CliTest.assertRefused(CliTest.run("lessons", "--lesson", "nope"), "No lesson named 'nope'");
    }
}
