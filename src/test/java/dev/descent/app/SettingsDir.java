package dev.descent.app;

import dev.descent.export.SettingsStore;
import java.nio.file.Path;

/** Test code run with the window's remembered settings in a folder of its own (the property restored after). */
final class SettingsDir {

    /** The body of a test that may throw. */
    interface Body {
        void run() throws Exception;
    }

    private SettingsDir() {
    }

    static void with(Path dir, Body body) throws Exception {
        String old = System.getProperty(SettingsStore.DIR_PROPERTY);
        System.setProperty(SettingsStore.DIR_PROPERTY, dir.toString());
        try {
            body.run();
        } finally {
            if (old == null) {
                System.clearProperty(SettingsStore.DIR_PROPERTY);
            } else {
                System.setProperty(SettingsStore.DIR_PROPERTY, old);
            }
        }
    }
}
