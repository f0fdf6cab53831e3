package dev.descent.export;

import dev.descent.session.SessionConfig;
import dev.descent.session.SessionFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Session files on disk: the JSON of {@link SessionFiles#toJson} written through a temporary file in
 * the same folder and an atomic move. The session layer builds and reads the JSON; writing files
 * safely is export's job, beside every other file Descent writes.
 */
public final class SessionFileOutput {

    private SessionFileOutput() {
    }

    /**
     * Writes the session to {@code file}: the file is either the old one or the whole new one.
     *
     * @throws IOException with a message that names the file and the cause (unwritable, disk full)
     */
    public static void write(SessionConfig s, Path file) throws IOException {
        byte[] bytes = SessionFiles.toJson(s).getBytes(StandardCharsets.UTF_8);
        AtomicOutput.write(file, out -> out.write(bytes), () -> false);
    }
}
