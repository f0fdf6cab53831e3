package dev.descent.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shipped lessons. Each preset session ({@code assets/presets/NN-id.json}) is a lesson; its
 * script, {@code assets/lessons/id.json} on the classpath as {@code lessons/id.json}, adds beats and
 * claims (see docs/lessons.md). A preset without a script is a lesson without beats or claims.
 * Scripts are read strictly: an unknown field, claim kind or event, or a run name the session does
 * not have, is an error naming the file and the value.
 */
public final class Lessons {

    public static final String DIR = "lessons";

    /** The most steps a beat may play (each beat is simulated when the lesson opens). */
    public static final long MAX_BEAT_STEPS = 200_000;

    static final Set<String> EVENTS = Set.of("reached", "diverged", "left_view");

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The script file's shape. */
    record Script(Integer version, List<Beat> beats, List<Claim> claims) {
    }

    private Lessons() {
    }

    /** Every lesson, in the presets' order. */
    public static List<Lesson> all() {
        List<Lesson> out = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            out.add(of(p));
        }
        return out;
    }

    /** @throws IllegalArgumentException when there is no lesson with that id */
    public static Lesson load(String id) {
        for (Presets.Preset p : Presets.all()) {
            if (p.id().equals(id)) {
                return of(p);
            }
        }
        List<String> ids = Presets.all().stream().map(Presets.Preset::id).toList();
        throw new IllegalArgumentException("No lesson named '" + id + "'; known: " + String.join(", ", ids));
    }

    /** The lesson of a preset: its session with the script's beats and claims. */
    public static Lesson of(Presets.Preset p) {
        String res = DIR + "/" + p.id() + ".json";
        try (InputStream in = Lessons.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null) {
                return new Lesson(p.id(), p.session(), List.of(), List.of());
            }
            Script s = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), res);
            Lesson lesson = new Lesson(p.id(), p.session(),
                    s.beats() == null ? List.of() : s.beats(), s.claims() == null ? List.of() : s.claims());
            validate(lesson, res);
            return lesson;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + res + ": " + e.getMessage(), e);
        }
    }

    static Script parse(String json, String where) {
        try {
            Script s = STRICT.readValue(json, Script.class);
            if (s.version() == null || s.version() != 1) {
                throw new IllegalStateException(where + ": version must be 1, got " + s.version());
            }
            return s;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Checks every name, kind and event a script uses against its session. */
    static void validate(Lesson lesson, String where) {
        LessonRuns runs = new LessonRuns(lesson.session());
        for (int i = 0; i < lesson.beats().size(); i++) {
            Beat b = lesson.beats().get(i);
            String at = where + ", beat " + (i + 1) + ": ";
            if (b.caption() == null || b.caption().isBlank()) {
                throw new IllegalStateException(at + "no caption");
            }
            if (b.steps() == null || b.steps() < 0 || b.steps() > MAX_BEAT_STEPS) {
                throw new IllegalStateException(at + "steps must be a whole number from 0 to " + MAX_BEAT_STEPS + ", got " + b.steps());
            }
            if (b.runs() != null) {
                b.runs().forEach(n -> check(runs, n, at));
            }
            if (b.relief() != null && java.util.stream.Stream.of(b.relief().azimuth(), b.relief().elevation(), b.relief().zoom())
                    .anyMatch(v -> v != null && !Double.isFinite(v))) {
                throw new IllegalStateException(at + "relief: azimuth, elevation and zoom must be finite numbers");
            }
            if (b.until() != null) {
                if (!EVENTS.contains(b.until())) {
                    throw new IllegalStateException(at + "unknown event '" + b.until() + "'; known: " + EVENTS);
                }
                check(runs, b.run(), at);
                if (b.until().equals("reached") && b.tol() == null) {
                    throw new IllegalStateException(at + "'reached' needs tol");
                }
            }
        }
        for (int i = 0; i < lesson.claims().size(); i++) {
            Claim c = lesson.claims().get(i);
            String at = where + ", claim " + (i + 1) + ": ";
            try {
                ClaimKind.of(c.kind()).validate(c, runs);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(at + e.getMessage(), e);
            }
        }
    }

    private static void check(LessonRuns runs, String name, String at) {
        try {
            runs.model(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(at + e.getMessage(), e);
        }
    }
}
