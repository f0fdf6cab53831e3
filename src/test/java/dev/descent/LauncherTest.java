package dev.descent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arguments open the window and which run a command. */
class LauncherTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatExistsOpensTheWindowAndCommandsStayCommands() throws Exception {
        Path f = Files.writeString(dir.resolve("race.json"), "{}");
        assertTrue(Launcher.opensWindow(new String[0]));
        assertTrue(Launcher.opensWindow(new String[] {"--presenter", "--lesson", "ravine"}));
        assertTrue(Launcher.opensWindow(new String[] {f.toString()}));
        assertFalse(Launcher.opensWindow(new String[] {dir.resolve("missing.json").toString()}),
                "the command line says that no command has that name");
        assertFalse(Launcher.opensWindow(new String[] {"render", "--lesson", "ravine", "--out", "x.gif"}));
        assertFalse(Launcher.opensWindow(new String[] {"--help"}));
        assertFalse(Launcher.opensWindow(new String[] {"help"}));
    }
}
