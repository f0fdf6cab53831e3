package dev.descent.export;

import dev.descent.session.SessionConfig;
import dev.descent.session.Sessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the window remembers things between starts: {@code session.json} (the last session) and
 * {@code window.properties} (theme, window size) in {@code ~/.descent}, or in the directory named
 * by the system property {@value #DIR_PROPERTY} (tests point it at a temporary directory).
 */
public final class SettingsStore {

    public static final String DIR_PROPERTY = "descent.settings.dir";

    private final Path dir;

    public SettingsStore(Path dir) {
        this.dir = dir;
    }

    public static SettingsStore fromSystem() {
        String d = System.getProperty(DIR_PROPERTY);
        return new SettingsStore(d != null && !d.isBlank() ? Path.of(d) : Path.of(System.getProperty("user.home"), ".descent"));
    }

    public Path dir() {
        return dir;
    }

    /** The remembered session, if there is one and it can be read. */
    public Optional<SessionConfig> loadSession() {
        Path f = dir.resolve("session.json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(f)) {
            return Optional.of(Sessions.read(in));
        } catch (IOException | RuntimeException e) {
            System.err.println("descent: could not read " + f + " (" + e.getMessage() + "); opening the default lesson");
            return Optional.empty();
        }
    }

    public void saveSession(SessionConfig s) {
        try {
            // a new user's first quit: nothing else has made the folder yet
            Files.createDirectories(dir);
            SessionFileOutput.write(s, dir.resolve("session.json"));
        } catch (IOException | RuntimeException e) {
            System.err.println("descent: could not remember the session in " + dir + ": " + e.getMessage());
        }
    }

    public Properties loadWindow() {
        Properties p = new Properties();
        Path f = dir.resolve("window.properties");
        if (Files.isRegularFile(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            } catch (IOException e) {
                // defaults
            }
        }
        return p;
    }

    public void saveWindow(Properties p) {
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(dir.resolve("window.properties"))) {
                p.store(out, "Descent window");
            }
        } catch (IOException e) {
            System.err.println("descent: could not save window settings: " + e.getMessage());
        }
    }
}
