package dev.descent.app;

import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for what the window builds after its first full plot (the run editor below the fold, the
 * charts' content), so that a test finds the window as a user does a moment after it opened.
 */
final class Startup {

    private Startup() {
    }

    static void await(MainView view) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(view::startupComplete).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
