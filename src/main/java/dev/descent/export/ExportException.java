package dev.descent.export;

import java.io.IOException;

/**
 * An export or a save that could not be done, with a message meant for the user: it names the file
 * or folder and the cause (no such folder, permission denied, disk full). When it is thrown, no
 * partial file is left behind and an existing file of that name is unchanged.
 */
public class ExportException extends IOException {

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
