package dev.descent.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Session files: a {@link SessionConfig} as JSON with a format {@code version}. Writing always stamps
 * {@link #VERSION} (on disk: {@code export.SessionFileOutput}). Reading a session file (and every
 * preset) is <em>strict</em>: the whole file is refused, with one message naming the problem (every
 * problem, one per line, once the JSON is readable: {@link ConfigChecks}), when it is not JSON, comes from a newer version,
 * has an unknown field, names an unknown surface, optimizer, schedule or colour map, or holds a
 * value out of range — a lesson brought to class either opens exactly as saved or not at all. Only
 * the window's own remembered session is read leniently ({@link #readLenient}), leaving out runs that
 * this build cannot make.
 *
 * <p>Plain Jackson data binding onto records; polymorphic default typing is never enabled.
 */
public final class SessionFiles {

    /** The format version this build writes and the newest it reads. */
    public static final int VERSION = 1;

    /** The highest speed (steps per second) and step limit a file may ask for. */
    public static final double MAX_SPEED = ConfigChecks.MAX_SPEED;
    public static final long MAX_STEP_LIMIT = ConfigChecks.MAX_STEP_LIMIT;

    /** SessionConfig files are a few kilobytes; a larger file is refused before it is read into memory. */
    public static final long MAX_BYTES = 1L << 20;

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final ObjectMapper LENIENT = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private SessionFiles() {
    }

    // ---- writing --------------------------------------------------------------------------------

    /** The session as JSON, {@code version} first. */
    public static String toJson(SessionConfig s) {
        ObjectNode root = STRICT.createObjectNode();
        root.put("version", VERSION);
        root.setAll((ObjectNode) STRICT.valueToTree(s));
        try {
            return STRICT.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- strict reading ---------------------------------------------------------------------------

    /**
     * Reads and validates a session file, and fills in what the file may leave out (starts,
     * colours, names).
     *
     * @throws SessionFileException naming the file and the problem; nothing else happens
     */
    public static SessionConfig read(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new SessionFileException(file + " is a folder, not a session file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SessionFileException(String.format(java.util.Locale.ROOT,
                        "%s is %.1f MB; a session file is at most %d MB, so this is not one", file, size / 1048576.0, MAX_BYTES >> 20));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SessionFileException(file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new SessionFileException(file + " cannot be read: permission denied");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SessionFileException(file + " is not a text file (not UTF-8)");
        } catch (IOException e) {
            throw new SessionFileException(file + " cannot be read: " + e.getMessage());
        }
        try {
            return parse(withDataFileBeside(text, file));
        } catch (SessionFileException e) {
            throw new SessionFileException(file.getFileName() + ": " + e.getMessage());
        }
    }

    /**
     * A data surface's relative {@code file} names a CSV beside the session file, wherever the app
     * was started from: when such a file exists there, the text gets its absolute path. Anything
     * else (no such field, an absolute path, no file there, text that is not JSON) is left for
     * {@link #parse} to read and judge as it is.
     */
    static String withDataFileBeside(String text, Path sessionFile) {
        try {
            JsonNode root = LENIENT.readTree(text);
            JsonNode params = root == null ? null : root.get("surfaceParams");
            JsonNode name = params == null ? null : params.get("file");
            if (name == null || !name.isTextual() || name.asText().isBlank() || !(params instanceof ObjectNode o)) {
                return text;
            }
            Path data = Path.of(name.asText().strip());
            Path folder = sessionFile.toAbsolutePath().getParent();
            if (data.isAbsolute() || folder == null || !Files.isRegularFile(folder.resolve(data))) {
                return text;
            }
            o.put("file", folder.resolve(data).normalize().toString());
            return LENIENT.writeValueAsString(root);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return text;
        }
    }

    /** {@link #parse(String)} of a stream's UTF-8 text. */
    public static SessionConfig read(InputStream in) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Parses and validates session JSON; see the class comment for what is refused.
     *
     * @throws SessionFileException naming the problem
     */
    public static SessionConfig parse(String text) {
        if (text.length() > MAX_BYTES) {
            throw new SessionFileException("far too long for a session (" + text.length() + " characters; at most " + MAX_BYTES + ")");
        }
        JsonNode root;
        try {
            // a UTF-8 byte-order mark, as some editors write, is not part of the text
            root = STRICT.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            throw new SessionFileException(JsonProblems.describe(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new SessionFileException("empty file, expected a JSON object");
        }
        if (!root.isObject()) {
            throw new SessionFileException("not a Descent session: expected a JSON object, found " + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        ObjectNode obj = (ObjectNode) root;
        checkVersion(obj.get("version"));
        obj.remove("version");
        RenamedSettings.migrate(obj);
        checkRanges(obj);
        SessionConfig s;
        try {
            s = STRICT.treeToValue(obj, SessionConfig.class);
        } catch (JsonProcessingException e) {
            throw new SessionFileException(describe(e));
        } catch (IllegalArgumentException e) {
            throw new SessionFileException(e.getMessage());
        }
        return validate(s);
    }

    /**
     * Checks everything a session names ({@link ConfigChecks#session}: every problem, by field, each
     * run built once) and fills in starts, colours and names the file left out.
     *
     * @throws SessionFileException listing every problem, one per line
     */
    public static SessionConfig validate(SessionConfig s) {
        List<Problem> problems = ConfigChecks.session(s);
        if (!problems.isEmpty()) {
            throw new SessionFileException(ConfigChecks.describe(problems));
        }
        return Sessions.fillIn(s, Sessions.surface(s));
    }

    private static void checkVersion(JsonNode v) {
        if (v == null || v.isNull()) {
            throw new SessionFileException("no \"version\" field; this Descent writes and reads format version " + VERSION);
        }
        if (!v.canConvertToExactIntegral() || !v.isNumber()) {
            throw new SessionFileException("\"version\" must be a whole number, found " + v);
        }
        long version = v.asLong();
        if (version > VERSION) {
            throw new SessionFileException("written by a newer Descent (format version " + version
                    + "); this one reads format version " + VERSION + " and older");
        }
        if (version < 1) {
            throw new SessionFileException("invalid \"version\" " + version + " (must be 1 or more)");
        }
    }

    /** Values that the record's compact constructor would quietly replace by defaults are refused here. */
    /**
     * Ranges that must be checked on the JSON itself, before binding fills in defaults for values
     * out of range: speed, step limit, trail, seeds and σ. Messages come from {@link ConfigChecks}.
     */
    private static void checkRanges(ObjectNode obj) {
        List<Problem> out = new java.util.ArrayList<>();
        JsonNode speed = obj.get("speed");
        if (speed != null && !speed.isNull()) {
            if (!speed.isNumber()) {
                out.add(new Problem("speed", "Invalid speed: " + speed + " (steps per second, a number)"));
            } else {
                ConfigChecks.check(out, "speed", () -> ConfigChecks.speed(speed.asDouble()));
            }
        }
        JsonNode limit = obj.get("stepLimit");
        if (limit != null && !limit.isNull()) {
            if (!limit.canConvertToExactIntegral() || !limit.canConvertToLong()) {
                out.add(new Problem("stepLimit", "Invalid step limit: " + limit + " (a whole number from 1 to "
                        + ConfigChecks.MAX_STEP_LIMIT + ")"));
            } else {
                ConfigChecks.check(out, "stepLimit", () -> ConfigChecks.stepLimit(limit.asLong()));
            }
        }
        JsonNode trail = obj.get("trail");
        if (trail != null && !trail.isNull()) {
            if (!trail.canConvertToExactIntegral() || trail.asLong() < 0 || trail.asLong() > Integer.MAX_VALUE) {
                out.add(new Problem("trail", "Invalid trail: " + trail + " (a whole number of steps, 0 for the whole path)"));
            }
        }
        JsonNode runs = obj.get("runs");
        if (runs != null && runs.isArray()) {
            for (int i = 0; i < runs.size(); i++) {
                JsonNode name = runs.get(i).get("name");
                String run = ConfigChecks.runField(i, name != null && name.isTextual() ? name.asText() : null);
                JsonNode seed = runs.get(i).get("seed");
                if (seed != null && seed.isNumber() && !wholeLong(seed)) {
                    out.add(new Problem(run + ".seed", "Invalid seed: " + seed + " (a whole number from "
                            + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")"));
                }
                JsonNode sigma = runs.get(i).get("sigma");
                if (sigma != null && sigma.isNumber()) {
                    ConfigChecks.check(out, run + ".sigma", () -> ConfigChecks.sigma(sigma.asDouble()));
                }
            }
        }
        checkBasinMap(out, obj.get("basinMap"), runs != null && runs.isArray() ? runs.size() : 0);
        if (!out.isEmpty()) {
            throw new SessionFileException(ConfigChecks.describe(out));
        }
    }

    /** The basin map's run indices must name runs of the file (the record would let them go quietly). */
    private static void checkBasinMap(List<Problem> out, JsonNode map, int runs) {
        if (map == null || !map.isObject()) {
            return;
        }
        JsonNode run = map.get("run");
        if (run == null || run.isNull()) {
            out.add(new Problem("basinMap.run", "Invalid basin map: no \"run\" (the index of the run whose optimizer is mapped)"));
        } else if (!run.canConvertToExactIntegral() || run.asLong() < 0 || run.asLong() >= runs) {
            out.add(new Problem("basinMap.run", "Invalid basin map run: " + run + (runs == 0 ? " (the session has no runs)"
                    : " (the index of a run, 0 to " + (runs - 1) + ")")));
        }
        JsonNode other = map.get("compareWith");
        if (other != null && !other.isNull()) {
            if (!other.canConvertToExactIntegral() || other.asLong() < 0 || other.asLong() >= runs) {
                out.add(new Problem("basinMap.compareWith", "Invalid basin map comparison: " + other
                        + (runs == 0 ? " (the session has no runs)" : " (the index of a run, 0 to " + (runs - 1) + ")")));
            } else if (run != null && run.canConvertToExactIntegral() && other.asLong() == run.asLong()) {
                out.add(new Problem("basinMap.compareWith", "Invalid basin map comparison: " + other
                        + " is the mapped run itself (compare with another run, or leave it out)"));
            }
        }
        JsonNode steps = map.get("steps");
        if (steps != null && !steps.isNull()) {
            if (!steps.canConvertToExactIntegral()) {
                out.add(new Problem("basinMap.steps", "Invalid map steps: " + steps + " (a whole number from 1 to "
                        + BasinMapConfig.MAX_STEPS + ")"));
            } else {
                ConfigChecks.check(out, "basinMap.steps", () -> ConfigChecks.mapSteps(steps.asLong()));
            }
        }
    }

    /** A whole number that a long holds: 7 or 7.0, not 1.5 or 1e30 (which Jackson would truncate). */
    private static boolean wholeLong(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.canConvertToLong();
        }
        double d = n.asDouble();
        return d == Math.rint(d) && Math.abs(d) < 0x1p63;
    }

    private static String describe(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            int dot = path.lastIndexOf('.');
            return "unknown field \"" + u.getPropertyName() + "\"" + (dot > 0 ? " in " + path.substring(0, dot) : "");
        }
        if (e instanceof InvalidFormatException f) {
            return (path.isEmpty() ? "" : path + ": ") + "cannot read " + f.getValue() + " as " + typeName(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return (path.isEmpty() ? "" : path + ": ") + "expected " + typeName(m.getTargetType());
        }
        if (e instanceof JsonParseException) {
            return JsonProblems.describe(e);
        }
        Throwable c = e.getCause();
        if (c instanceof IllegalArgumentException) {
            return (path.isEmpty() ? "" : path + ": ") + c.getMessage();
        }
        return (path.isEmpty() ? "" : path + ": ") + "a value of the wrong kind";
    }

    private static String typeName(Class<?> t) {
        if (t == null) {
            return "another kind of value";
        }
        if (t == double.class || t == Double.class || t == long.class || t == Long.class || t == int.class || t == Integer.class) {
            return "a number";
        }
        if (t == String.class) {
            return "a string";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t.isArray() || List.class.isAssignableFrom(t)) {
            return "a list";
        }
        return "an object";
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            }
        }
        return sb.toString();
    }

    // ---- lenient reading ----------------------------------------------------------------------------

    /**
     * Reads the window's remembered session: unknown fields and the version are ignored; runs that
     * cannot be built are left out later by {@link Sessions#open}.
     */
    public static SessionConfig readLenient(InputStream in) throws IOException {
        try {
            JsonNode tree = LENIENT.readTree(in);
            RenamedSettings.migrate(tree);
            return LENIENT.treeToValue(tree, SessionConfig.class);
        } catch (JsonParseException e) {
            throw new IOException(JsonProblems.describe(e), e);
        } catch (JsonProcessingException e) {
            throw new IOException(describe(e), e);
        }
    }

    /** A session file that cannot be opened; the message names the problem. */
    public static final class SessionFileException extends IllegalArgumentException {
        public SessionFileException(String message) {
            super(message);
        }
    }
}
