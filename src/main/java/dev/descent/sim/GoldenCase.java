package dev.descent.sim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.math.ExpressionSurface;
import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.math.Viewport;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedule;
import dev.descent.optim.Schedules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * {@link RunSpec} that should reproduce it.
 */
public record GoldenCase(String name, String surfaceId, String expr, String optimizer, Map<String, Object> hyper,
                         Map<String, Object> schedule, double x0, double y0, int steps, List<double[]> rows) {

    private static final ObjectMapper JSON = new ObjectMapper();
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
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read golden file " + file + ": " + e.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("#")) {
            throw new IllegalArgumentException("Not a golden file: " + file + " (line 1 must be '# {json header}')");
        }
        Map<String, Object> h;
        try {
            h = JSON.readValue(lines.get(0).substring(1).trim(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("Malformed JSON header in " + file + ": " + e.getOriginalMessage());
        }
        try {
            List<?> start = (List<?>) require(h, "start");
            if (start.size() != 2) {
                throw new IllegalArgumentException("start must be [x0, y0]");
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
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3])});
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> schedule = (Map<String, Object>) h.get("schedule");
            @SuppressWarnings("unchecked")
            Map<String, Object> hyper = (Map<String, Object>) require(h, "hyper");
            return new GoldenCase(file.getFileName().toString(), (String) require(h, "surface"), (String) h.get("expr"),
                    (String) require(h, "optimizer"), hyper, schedule,
                    ((Number) start.get(0)).doubleValue(), ((Number) start.get(1)).doubleValue(),
                    ((Number) require(h, "steps")).intValue(), List.copyOf(rows));
        } catch (ClassCastException | NumberFormatException e) {
            throw new IllegalArgumentException("Malformed golden file " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed golden file " + file + ": " + e.getMessage());
        }
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
        Surface surface = surface();
        Optimizer opt = Optimizers.find(optimizer).create(hyper);
        Schedule sched = Schedules.fromTorch(schedule);
        return new RunSpec(surface, null, opt, sched, x0, y0);
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
