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
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *
 * <p>An interrupted program (Ctrl-C, SIGTERM, quitting the window) deletes its open temporary files
 * in a shutdown hook. Temporary names carry the process id, so a later export to the same place
 * recognises and deletes the parts left by a process that no longer runs (killed with SIGKILL, or a
 * power cut).
 */
public final class AtomicOutput implements AutoCloseable {

    /** Every temporary file or folder not yet committed or closed, for the shutdown hook. */
    private static final Set<AtomicOutput> OPEN = ConcurrentHashMap.newKeySet();
    private static final long PID = ProcessHandle.current().pid();
    private static final String FOLDER_PREFIX = ".descent-export-";
    private static final Pattern STALE_FOLDER = Pattern.compile(Pattern.quote(FOLDER_PREFIX) + "(\\d+)-\\d+");

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicOutput::abandonAll, "descent-export-cleanup"));
        } catch (IllegalStateException | SecurityException e) {
            // already shutting down: nothing is open yet
        }
    }

    /** Writes a body to a stream. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private final Path target;
    private final Path temp;
    private final boolean folder;
    private final boolean createdTargetFolder;
    private final Pattern owned;
    private boolean committed;
    private boolean closed;

    private AtomicOutput(Path target, Path temp, boolean folder, boolean createdTargetFolder, Pattern owned) {
        this.target = target;
        this.temp = temp;
        this.folder = folder;
        this.createdTargetFolder = createdTargetFolder;
        this.owned = owned;
        OPEN.add(this);
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
        if (Files.exists(t) && readOnly(t)) {
            throw new ExportException(t + " is read-only; make it writable or choose another name");
        }
        String prefix = "." + t.getFileName() + ".";
        deleteStale(dir, Pattern.compile(Pattern.quote(prefix) + "(\\d+)-\\d+\\.part"));
        try {
            Path tmp = Files.createTempFile(dir, prefix + PID + "-", ".part");
            readableByAll(tmp);
            return new AtomicOutput(t, tmp, false, false, null);
        } catch (IOException e) {
            throw explain(t, e);
        }
    }

    /** Write permission for nobody (0444): as root, {@link Files#isWritable} would say yes. */
    private static boolean readOnly(Path file) {
        if (!Files.isWritable(file)) {
            return true;
        }
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return !p.contains(PosixFilePermission.OWNER_WRITE) && !p.contains(PosixFilePermission.GROUP_WRITE)
                    && !p.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    /**
     * Deletes the temporary files in {@code dir} that {@code name} recognises as a Descent export's,
     * left by a process that no longer runs (or by this one, and no longer open).
     */
    private static void deleteStale(Path dir, Pattern name) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                Matcher m = name.matcher(p.getFileName().toString());
                if (m.matches() && stale(p, m.group(1))) {
                    deleteQuietly(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a part we cannot list or delete stays hidden
        }
    }

    private static boolean stale(Path p, String pidText) {
        long pid;
        try {
            pid = Long.parseLong(pidText);
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == PID) {
            return OPEN.stream().noneMatch(o -> o.temp.equals(p.toAbsolutePath().normalize()));
        }
        return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }

    /**
     * Opens a folder target for a set of files (a PNG sequence): the folder is created if its parent
     * exists; files are written into a hidden temporary folder inside it and moved out on commit.
     */
    public static AtomicOutput folder(Path target) throws ExportException {
        return folder(target, null);
    }

    /**
     * Like {@link #folder(Path)}; on commit, files in the folder whose names match {@code owned} and
     * that this output did not write are deleted, so the folder holds exactly the new set (5 new
     * frames do not sit beside frames 6 to 20 of an older render).
     */
    public static AtomicOutput folder(Path target, Pattern owned) throws ExportException {
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
        deleteStale(t, STALE_FOLDER);
        try {
            Path tmp = Files.createTempDirectory(t, FOLDER_PREFIX + PID + "-");
            return new AtomicOutput(t, tmp, true, created, owned);
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
    public synchronized void commit() throws ExportException {
        if (closed) {
            throw new ExportCancelledException();
        }
        try {
            if (!folder) {
                move(temp, target);
            } else {
                List<Path> files = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(temp)) {
                    ds.forEach(files::add);
                }
                files.sort(null);
                Set<Path> written = new HashSet<>();
                for (Path f : files) {
                    move(f, target.resolve(f.getFileName()));
                    written.add(f.getFileName());
                }
                Files.delete(temp);
                deleteOlderSet(written);
            }
            committed = true;
            OPEN.remove(this);
        } catch (IOException e) {
            throw explain(target, e);
        }
    }

    private void deleteOlderSet(Set<Path> written) throws IOException {
        if (owned == null) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target)) {
            for (Path p : ds) {
                if (owned.matcher(p.getFileName().toString()).matches() && !written.contains(p.getFileName()) && Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
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
    public synchronized void close() {
        OPEN.remove(this);
        if (committed || closed) {
            return;
        }
        closed = true;
        // a writer may still be adding files (the shutdown hook runs beside it): try again until empty
        for (int attempt = 0; attempt < 20 && Files.exists(temp); attempt++) {
            deleteQuietly(temp);
        }
        if (createdTargetFolder) {
            deleteQuietly(target);
        }
    }

    /** The shutdown hook: deletes every temporary file or folder not committed yet. */
    static void abandonAll() {
        for (AtomicOutput o : List.copyOf(OPEN)) {
            o.close();
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
            throw new ExportException("Cannot write to " + dir + ": " + (readOnlyStore(dir) ? "the file system is read-only" : "permission denied"));
        }
    }

    private static boolean readOnlyStore(Path dir) {
        try {
            return Files.getFileStore(dir).isReadOnly();
        } catch (IOException e) {
            return false;
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
        // the folder that refused is the one holding the file the system names, not always the target's parent
        Path folder = e instanceof FileSystemException fse && fse.getFile() != null
                ? Path.of(fse.getFile()).toAbsolutePath().getParent() : where.getParent();
        if (lower.contains("read-only file system")) {
            return new ExportException("Cannot write to " + folder + ": the file system is read-only", e);
        }
        if (lower.contains("no space left") || lower.contains("disk full") || lower.contains("not enough space")
                || lower.contains("quota")) {
            return new ExportException("Could not write " + where + ": the disk is full", e);
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
            return new ExportException("Cannot write to " + folder + ": permission denied", e);
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
