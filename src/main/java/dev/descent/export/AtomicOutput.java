package dev.descent.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Writes a file (or a folder of files) so that a reader never sees half of it: everything goes to a
 * hidden temporary name in the target's own folder, and {@link #commit()} moves it into place
 * atomically. Closing without committing (an exception, a cancel) deletes the temporary file, so a
 * failed or cancelled export leaves nothing behind and an existing file of that name is unchanged.
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.file(target)) {
 *     write(out.temp());
 *     out.commit();
 * }
 * }</pre>
 */
public final class AtomicOutput implements AutoCloseable {

    /** Writes a body to a stream. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private final Path target;
    private final Path temp;
    private final boolean folder;
    private final boolean createdTargetFolder;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, boolean folder, boolean createdTargetFolder) {
        this.target = target;
        this.temp = temp;
        this.folder = folder;
        this.createdTargetFolder = createdTargetFolder;
    }

    /**
     * Opens a single file target: checks that its folder exists and is writable (by creating the
     * temporary file there) and that the target is not a folder.
     *
     * @throws ExportException naming the folder and the reason
     */
    public static AtomicOutput file(Path target) throws ExportException {
        Path t = target.toAbsolutePath().normalize();
        Path dir = t.getParent();
        if (Files.isDirectory(t)) {
            throw new ExportException(t + " is a folder; choose a file name");
        }
        checkFolder(dir);
        try {
            Path tmp = Files.createTempFile(dir, "." + t.getFileName() + ".", ".part");
            readableByAll(tmp);
            return new AtomicOutput(t, tmp, false, false);
        } catch (IOException e) {
            throw explain(t, e);
        }
    }

    /**
     * Opens a folder target for a set of files (a PNG sequence): the folder is created if its parent
     * exists; files are written into a hidden temporary folder inside it and moved out on commit.
     */
    public static AtomicOutput folder(Path target) throws ExportException {
        Path t = target.toAbsolutePath().normalize();
        boolean created = false;
        if (Files.exists(t) && !Files.isDirectory(t)) {
            throw new ExportException(t + " exists and is not a folder");
        }
        if (!Files.exists(t)) {
            checkFolder(t.getParent());
            try {
                Files.createDirectory(t);
                created = true;
            } catch (IOException e) {
                throw explain(t, e);
            }
        }
        try {
            Path tmp = Files.createTempDirectory(t, ".descent-export-");
            return new AtomicOutput(t, tmp, true, created);
        } catch (IOException e) {
            if (created) {
                deleteQuietly(t);
            }
            throw explain(t, e);
        }
    }

    /** Temporary files are private (rw-------); the finished file should be like any other (rw-r--r--). */
    private static void readableByAll(Path tmp) {
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    /** Writes a whole file atomically; {@code cancelled} is checked before the move. */
    public static void write(Path target, Body body, BooleanSupplier cancelled) throws ExportException {
        try (AtomicOutput out = file(target)) {
            try (OutputStream os = Files.newOutputStream(out.temp())) {
                body.write(os);
            } catch (IOException e) {
                throw explain(target, e);
            }
            if (cancelled.getAsBoolean()) {
                throw new ExportCancelledException();
            }
            out.commit();
        }
    }

    /** Where to write: a file, or for a folder target, a folder to fill with files. */
    public Path temp() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /** Moves what was written into place. */
    public void commit() throws ExportException {
        try {
            if (!folder) {
                move(temp, target);
            } else {
                List<Path> files = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(temp)) {
                    ds.forEach(files::add);
                }
                files.sort(null);
                for (Path f : files) {
                    move(f, target.resolve(f.getFileName()));
                }
                Files.delete(temp);
            }
            committed = true;
        } catch (IOException e) {
            throw explain(target, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the temporary file or folder unless committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        deleteQuietly(temp);
        if (createdTargetFolder) {
            deleteQuietly(target);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            if (Files.isDirectory(p)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                    for (Path c : ds) {
                        deleteQuietly(c);
                    }
                }
            }
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more to do; the temporary name is hidden
        }
    }

    private static void checkFolder(Path dir) throws ExportException {
        if (dir == null || !Files.exists(dir)) {
            throw new ExportException("The folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new ExportException(dir + " is not a folder");
        }
        if (!Files.isWritable(dir)) {
            throw new ExportException("Cannot write to " + dir + ": permission denied");
        }
    }

    /** A message for the user: which file or folder, and why. */
    public static ExportException explain(Path target, IOException e) {
        if (e instanceof ExportException x) {
            return x;
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();
        }
        String lower = reason.toLowerCase(Locale.ROOT);
        Path where = target.toAbsolutePath();
        if (lower.contains("no space left") || lower.contains("disk full") || lower.contains("not enough space")
                || lower.contains("quota")) {
            return new ExportException("Could not write " + where + ": the disk is full", e);
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied") || lower.contains("read-only")) {
            return new ExportException("Cannot write to " + where.getParent() + ": permission denied", e);
        }
        if (e instanceof NoSuchFileException) {
            return new ExportException("The folder " + where.getParent() + " does not exist", e);
        }
        if (e instanceof NotDirectoryException) {
            return new ExportException(where.getParent() + " is not a folder", e);
        }
        return new ExportException("Could not write " + where + ": " + reason, e);
    }
}
