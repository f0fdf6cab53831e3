package dev.descent.session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.math.ExpressionSurface;
import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.math.Viewport;
import dev.descent.optim.Schedule;
import dev.descent.optim.Schedules;
import dev.descent.sim.RunSpec;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference trajectory from torch.optim in the golden CSV format: a one-line JSON header that
 * specifies the case in torch's vocabulary, then rows {@code step,x,y,loss}. Reading one gives the
 * {@link RunSpec} that should reproduce it. The header is an adapter into {@link RunConfig} (which
 * builds the spec); reading the file lives here, in {@code session}, because {@code sim} does no
 * file I/O.
 */
public record GoldenCase(String name, String surfaceId, String expr, String optimizer, Map<String, Object> hyper,
                         Map<String, Object> schedule, double x0, double y0, int steps, List<double[]> rows) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Golden files hold a few thousand rows; anything much larger is not one. */
    static final long MAX_BYTES = 64L << 20;
    private static final Pattern QUADRATIC = Pattern.compile(
            "0\\.5\\*\\(([-+0-9.eE]+)\\*x\\*\\*2 \\+ ([-+0-9.eE]+)\\*y\\*\\*2\\)");

    /**
     * Reads a golden file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static GoldenCase read(Path file) {
        List<String> lines;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("Golden file " + file + " is " + Files.size(file) / (1 << 20)
                        + " MB; a golden file is at most " + MAX_BYTES / (1 << 20) + " MB");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Golden file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("Cannot read golden file " + file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Golden file " + file + " is not a text file (not UTF-8)");
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "it is a folder" : e.getMessage();
            throw new IllegalArgumentException("Cannot read golden file " + file + ": " + why);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("#")) {
            throw new IllegalArgumentException("Not a golden file: " + file + " (line 1 must be '# {json header}')");
        }
        Map<String, Object> h;
        try {
            h = JSON.readValue(lines.get(0).substring(1).trim(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("Malformed JSON header in " + file + " (line 1): " + JsonProblems.describe(e));
        }
        if (h == null) {
            throw new IllegalArgumentException("Malformed JSON header in " + file + " (line 1): expected a JSON object after '#'");
        }
        try {
            List<?> start = (List<?>) field(require(h, "start"), "start", List.class, "two numbers [x0, y0]");
            if (start.size() != 2 || !(start.get(0) instanceof Number) || !(start.get(1) instanceof Number)) {
                throw new IllegalArgumentException("header field \"start\" must be two numbers [x0, y0]");
            }
            List<double[]> rows = new ArrayList<>();
            for (int i = 2; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != 4) {
                    throw new IllegalArgumentException("line " + (i + 1) + " has " + f.length + " fields, expected step,x,y,loss");
                }
                double[] row = new double[4];
                for (int k = 0; k < 4; k++) {
                    try {
                        row[k] = Double.parseDouble(f[k]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("line " + (i + 1) + ", field " + (k + 1) + ": '" + f[k].trim() + "' is not a number");
                    }
                }
                rows.add(row);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> schedule = (Map<String, Object>) field(h.get("schedule"), "schedule", Map.class, "an object or null");
            @SuppressWarnings("unchecked")
            Map<String, Object> hyper = (Map<String, Object>) field(require(h, "hyper"), "hyper", Map.class, "an object");
            return new GoldenCase(file.getFileName().toString(), (String) field(require(h, "surface"), "surface", String.class, "a string"),
                    (String) field(h.get("expr"), "expr", String.class, "a string"),
                    (String) field(require(h, "optimizer"), "optimizer", String.class, "a string"), hyper, schedule,
                    ((Number) start.get(0)).doubleValue(), ((Number) start.get(1)).doubleValue(),
                    steps(require(h, "steps")), List.copyOf(rows));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed golden file " + file + ": " + e.getMessage());
        }
    }

    /** {@code "steps"} must be a whole number that an int holds: 2.7 or 4294967301 is a mistake, not 2 or 5. */
    private static int steps(Object v) {
        if (!(v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger)) {
            throw new IllegalArgumentException("header field \"steps\" must be a whole number of steps, found " + v);
        }
        java.math.BigInteger n = new java.math.BigInteger(v.toString());
        if (n.signum() < 0 || n.compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("header field \"steps\" is " + v + "; it must be from 0 to " + Integer.MAX_VALUE);
        }
        return n.intValue();
    }

    private static Object field(Object v, String name, Class<?> type, String expected) {
        if (v != null && !type.isInstance(v)) {
            throw new IllegalArgumentException("header field \"" + name + "\" must be " + expected + ", found " + v);
        }
        return v;
    }

    private static Object require(Map<String, Object> h, String key) {
        Object v = h.get(key);
        if (v == null) {
            throw new IllegalArgumentException("header has no '" + key + "'");
        }
        return v;
    }

    /**
     * The run that should reproduce this case: the surface, torch's optimizer with every
     * hyperparameter of the header, and its scheduler.
     *
     * <p>The surface is Descent's built-in one of the header's {@code surface} id (the quadratic's a and
     * b read from the expression) when its value at the start agrees with the file's row-0 loss within
     * 1e-12 relative; otherwise, or when Descent has no such surface, it is the header's {@code expr}
     * itself, compiled with automatic differentiation ({@link ExpressionSurface}).
     *
     * @throws IllegalArgumentException if a name or value is unknown or invalid
     */
    public RunSpec toRunSpec() {
        return toRunConfig().toRunSpec(surface());
    }

    /**
     * The header as a run configuration: torch's optimizer and hyperparameters as they are, torch's
     * scheduler translated to Descent's schedule id and parameters, the start; no noise, no clipping.
     *
     * @throws IllegalArgumentException if the scheduler is unknown or invalid
     */
    public RunConfig toRunConfig() {
        Schedule sched = Schedules.fromTorch(schedule);
        Map<String, Object> scheduleParams = new LinkedHashMap<>();
        sched.parameters().asMap().forEach((k, v) -> scheduleParams.put(k, Values.toJson(v)));
        return new RunConfig(name, null, optimizer, hyper, sched.kind().id(), scheduleParams, new double[] {x0, y0},
                "none", null, 0, true, null);
    }

    /** The surface of {@link #toRunSpec()}. */
    public Surface surface() {
        Surface builtIn;
        try {
            builtIn = builtIn();
        } catch (IllegalArgumentException e) {
            if (expr == null) {
                throw e;
            }
            builtIn = null;
        }
        if (expr == null) {
            return builtIn;
        }
        if (builtIn != null && !rows.isEmpty() && agrees(builtIn.value(x0, y0), rows.get(0)[3])) {
            return builtIn;
        }
        Surface fromExpr = new ExpressionSurface(expr, new Viewport(Math.min(-2, x0 - 1), Math.max(2, x0 + 1),
                Math.min(-2, y0 - 1), Math.max(2, y0 + 1)));
        if (builtIn != null && rows.isEmpty() && agrees(builtIn.value(x0, y0), fromExpr.value(x0, y0))) {
            return builtIn;
        }
        return fromExpr;
    }

    private static boolean agrees(double a, double b) {
        return Double.compare(a, b) == 0 || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
    }

    private Surface builtIn() {
        if (surfaceId.equals("quadratic") && expr != null) {
            Matcher m = QUADRATIC.matcher(expr.replace(" ", "").replace("+", " + "));
            if (!m.matches()) {
                throw new IllegalArgumentException("Unrecognised quadratic expression: " + expr);
            }
            return Surfaces.create("quadratic", Map.of("a", Double.parseDouble(m.group(1)), "b", Double.parseDouble(m.group(2))));
        }
        return Surfaces.create(surfaceId);
    }
}
