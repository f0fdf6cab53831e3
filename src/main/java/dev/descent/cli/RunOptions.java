package dev.descent.cli;

import dev.descent.math.ExpressionSurface;
import dev.descent.math.GradientNoise;
import dev.descent.math.Surface;
import dev.descent.math.Surfaces;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedule;
import dev.descent.optim.Schedules;
import dev.descent.sim.RunSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that describe one run, shared by the commands that run one. */
final class RunOptions {

    @Option(names = "--surface", paramLabel = "ID", description = "surface id (see `list`); default: rosenbrock, or custom with --expr")
    String surface;

    @Option(names = "--expr", paramLabel = "FORMULA",
            description = "a formula in x and y in Python syntax, e.g. 'x**2 + 3*y**2' (^ works too): "
                    + "the same as --surface custom --surface-param expr=FORMULA")
    String expr;

    @Option(names = "--surface-param", paramLabel = "NAME=VALUE", description = "a surface parameter, e.g. b=50 (repeatable)")
    Map<String, String> surfaceParams = new LinkedHashMap<>();

    @Option(names = {"--optimizer", "-o"}, paramLabel = "ID", description = "optimizer id or torch name; default: ${DEFAULT-VALUE}",
            defaultValue = "adam")
    String optimizer;

    @Option(names = {"--param", "-p"}, paramLabel = "NAME=VALUE",
            description = "a hyperparameter with torch's name, e.g. lr=0.05 or betas=0.9,0.999 (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--schedule", paramLabel = "ID", description = "learning-rate schedule id; default: constant", defaultValue = "constant")
    String schedule;

    @Option(names = "--schedule-param", paramLabel = "NAME=VALUE", description = "a schedule parameter, e.g. gamma=0.99 (repeatable)")
    Map<String, String> scheduleParams = new LinkedHashMap<>();

    @Option(names = "--start", paramLabel = "X,Y", description = "start point; default: the surface's classic start")
    String start;

    @Option(names = "--noise", paramLabel = "KIND", description = "gradient noise: none, additive or multiplicative; default: ${DEFAULT-VALUE}",
            defaultValue = "none")
    String noise;

    @Option(names = "--sigma", paramLabel = "SIGMA", description = "standard deviation of the gradient noise; default: ${DEFAULT-VALUE}",
            defaultValue = "0.1")
    double sigma;

    @Option(names = "--seed", paramLabel = "SEED", description = "seed of the gradient noise; default: ${DEFAULT-VALUE}", defaultValue = "0")
    long seed;

    @Option(names = "--clip", paramLabel = "NORM", description = "clip the gradient to this norm (torch's clip_grad_norm_); default: no clipping",
            defaultValue = "0")
    double clip;

    /** @throws IllegalArgumentException naming the offending value */
    RunSpec toRunSpec() {
        Surface s = Surfaces.create(surfaceId(), surfaceParams());
        Optimizer o = Optimizers.find(optimizer).create(params);
        o.checkObjective(s);
        Schedule sch = Schedules.find(schedule).create(scheduleParams);
        double[] xy = start == null ? s.suggestedStart() : parsePoint("--start", start);
        return new RunSpec(s, noise(), o, sch, xy[0], xy[1], clip);
    }

    private String surfaceId() {
        if (surface == null) {
            return expr != null ? ExpressionSurface.KIND.id() : "rosenbrock";
        }
        return surface;
    }

    private Map<String, String> surfaceParams() {
        if (expr == null) {
            return surfaceParams;
        }
        if (!Surfaces.find(surfaceId()).id().equals(ExpressionSurface.KIND.id())) {
            throw new IllegalArgumentException("--expr gives a custom surface; it cannot be used with --surface " + surface);
        }
        if (surfaceParams.containsKey("expr") && !surfaceParams.get("expr").equals(expr)) {
            throw new IllegalArgumentException("Two formulas: --expr and --surface-param expr=...; give one");
        }
        Map<String, String> p = new LinkedHashMap<>(surfaceParams);
        p.put("expr", expr);
        return p;
    }

    private GradientNoise noise() {
        GradientNoise.Kind kind;
        try {
            kind = GradientNoise.Kind.valueOf(noise.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown noise '" + noise + "'; choose none, additive or multiplicative");
        }
        return kind == GradientNoise.Kind.NONE ? GradientNoise.NONE : new GradientNoise(kind, sigma, seed);
    }

    static double[] parsePoint(String option, String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("Invalid value for " + option + ": '" + text + "' (expected X,Y such as -1.5,2)");
        }
        double[] p = new double[2];
        for (int i = 0; i < 2; i++) {
            try {
                p[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid value for " + option + ": '" + parts[i].trim() + "' is not a number");
            }
            if (!Double.isFinite(p[i])) {
                throw new IllegalArgumentException("Invalid value for " + option + ": '" + text + "' must be finite");
            }
        }
        return p;
    }
}
