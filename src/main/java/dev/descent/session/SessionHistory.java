package dev.descent.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Undo and redo as a history of immutable {@link SessionConfig} snapshots, and whether the session has
 * changed since it was last opened or saved. Each state carries a revision number, so undoing back
 * to the saved state counts as saved again.
 *
 * <p>Changes of one kind that follow each other quickly (a slider or a start ring being dragged)
 * are one step of the history: a record with the same key within {@link #COALESCE_NANOS} of the
 * previous one keeps the older snapshot.
 */
final class SessionHistory {

    /** At most this many changes can be undone. */
    static final int LIMIT = 200;
    static final long COALESCE_NANOS = 600_000_000L;

    private record State(SessionConfig session, long revision) {
    }

    private final Deque<State> undo = new ArrayDeque<>();
    private final Deque<State> redo = new ArrayDeque<>();
    private final LongSupplier clock;
    private long revision;
    private long nextRevision = 1;
    private long savedRevision;
    private String lastKey;
    private long lastTime;

    SessionHistory() {
        this(System::nanoTime);
    }

    SessionHistory(LongSupplier clock) {
        this.clock = clock;
    }

    /** Forgets everything: a new session was opened; it counts as saved. */
    void clear() {
        undo.clear();
        redo.clear();
        revision = nextRevision++;
        savedRevision = revision;
        lastKey = null;
    }

    /**
     * {@code before} is about to be replaced by a change; {@code key} names the kind of change
     * (null: never merged with the previous one).
     */
    void record(SessionConfig before, String key) {
        long now = clock.getAsLong();
        boolean merge = key != null && key.equals(lastKey) && now - lastTime < COALESCE_NANOS && !undo.isEmpty()
                && redo.isEmpty();
        if (!merge) {
            undo.push(new State(before, revision));
            while (undo.size() > LIMIT) {
                undo.removeLast();
            }
        }
        redo.clear();
        revision = nextRevision++;
        lastKey = key;
        lastTime = now;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The session to go back to, or null; {@code current} becomes redoable. */
    SessionConfig undo(SessionConfig current) {
        return step(undo, redo, current);
    }

    /** The session to go forward to, or null; {@code current} becomes undoable. */
    SessionConfig redo(SessionConfig current) {
        return step(redo, undo, current);
    }

    private SessionConfig step(Deque<State> from, Deque<State> to, SessionConfig current) {
        if (from.isEmpty()) {
            return null;
        }
        State s = from.pop();
        to.push(new State(current, revision));
        revision = s.revision();
        lastKey = null;
        return s.session();
    }

    boolean dirty() {
        return revision != savedRevision;
    }

    void markSaved() {
        savedRevision = revision;
    }
}
