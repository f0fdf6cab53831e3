package dev.descent.session;

import java.util.List;

/**
 * A lesson: a session (runs, surface, view) plus the beats a lecturer steps through and the claims
 * the lesson makes, each checkable by {@link LessonCheck}.
 *
 * @param id      the lesson's id (its file name without number and extension)
 * @param session the session, from the preset of the same id
 * @param beats   in order; may be empty
 * @param claims  in order; may be empty
 */
public record Lesson(String id, SessionConfig session, List<Beat> beats, List<Claim> claims) {

    public Lesson {
        beats = List.copyOf(beats);
        claims = List.copyOf(claims);
    }

    public String title() {
        return session.title() == null ? id : session.title();
    }
}
