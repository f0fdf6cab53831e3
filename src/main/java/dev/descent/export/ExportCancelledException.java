package dev.descent.export;

import java.util.concurrent.CancellationException;

/** The user cancelled an export; whatever it had written is gone. */
public final class ExportCancelledException extends CancellationException {

    public ExportCancelledException() {
        super("Export cancelled");
    }
}
