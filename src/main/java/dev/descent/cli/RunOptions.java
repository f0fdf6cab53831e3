package dev.descent.cli;

import dev.descent.math.ExpressionSurface;
import dev.descent.math.GradientNoise;
import dev.descent.math.Surface;
import dev.descent.math.SurfaceKind;
import dev.descent.math.Surfaces;
import dev.descent.math.Params;
import dev.descent.optim.OptimizerKind;
import dev.descent.optim.Optimizers;
import dev.descent.optim.ScheduleKind;
import dev.descent.optim.Schedules;
import dev.descent.session.ConfigChecks;
import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.session.Values;
import dev.descent.sim.RunSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options that describe one run, shared by the commands that run one. */
final class RunOptions {

    @Option(names = "--surface", paramLabel = "ID", description = "surface id (see `list`); default: rosenbrock, or custom with --expr")
    String surface;

    @Option(names = "--expr", paramLabel = "FORMULA",
            description = "a formula in x and y in Python syntax, e.g. 'x**2 + 3*y**2' (^ works too): "
                    + "the same as --surface custom --surface-param expr=FORMULA")
    String expr;

    @Option(names = "--surface-param", parameterConsumer = KeyValues.class, paramLabel = "NAME=VALUE", description = "a surface parameter, e.g. b=50 (repeatable)")
    Map<String, String> surfaceParams = new LinkedHashMap<>();

    @Option(names = {"--optimizer", "-o"}, paramLabel = "ID", description = "optimizer id or torch name; default: ${DEFAULT-VALUE}",
            defaultValue = "adam")
    String optimizer;

    @Option(names = {"--param", "-p"}, parameterConsumer = KeyValues.class, paramLabel = "NAME=VALUE",
            description = "a hyperparameter with torch's name, e.g. lr=0.05 or betas=0.9,0.999 (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--schedule", paramLabel = "ID", description = "learning-rate schedule id; default: constant", defaultValue = "constant")
    String schedule;

    @Option(names = "--schedule-param", parameterConsumer = KeyValues.class, paramLabel = "NAME=VALUE", description = "a schedule parameter, e.g. gamma=0.99 (repeatable)")
    Map<String, String> scheduleParams = new LinkedHashMap<>();

    @Option(names = "--start", paramLabel = "X,Y", description = "start point; default: the surface's classic start")
    String start;

    @Option(names = "--noise", paramLabel = "KIND", description = "gradient noise: none, additive, multiplicative or minibatch (with --batch-size); default: ${DEFAULT-VALUE}",
            defaultValue = "none")
    String noise;

    @Option(names = "--sigma", paramLabel = "SIGMA", description = "standard deviation of the gradient noise; default: ${DEFAULT-VALUE}",
            defaultValue = "" + ConfigChecks.DEFAULT_SIGMA)
    double sigma;

    @Option(names = "--seed", paramLabel = "SEED", description = "seed of the gradient noise or of the minibatch shuffles; default: ${DEFAULT-VALUE}", defaultValue = "0")
    long seed;

    @Option(names = "--data", paramLabel = "MODEL",
            description = "a loss from data: linear (regression), logistic (regression) or tanh (network); "
                    + "the same as --surface linear_regression, logistic_regression or tanh_net")
    String data;

    @Option(names = "--data-file", paramLabel = "FILE.csv",
            description = "read the data from a CSV (x,y or x1,x2,label, as `data` writes); the same as --surface-param file=FILE.csv")
    String dataFile;

    @Option(names = "--batch-size", paramLabel = "B",
            description = "minibatch SGD on a loss from data: each step's gradient is the mean over the next B points of a "
                    + "shuffle seeded with --seed (1 = SGD, N = full batch)")
    Integer batchSize;

    @Option(names = "--clip", paramLabel = "NORM", description = "clip the gradient to this norm (torch's clip_grad_norm_); default: no clipping",
            defaultValue = "0")
    double clip;

    /** The command these options were parsed for; null when built by hand. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** Every option of a run; a golden file gives all of them itself. */
    static final List<String> NAMES = List.of("--surface", "--expr", "--surface-param", "--optimizer", "--param", "--schedule",
            "--schedule-param", "--start", "--noise", "--sigma", "--seed", "--data", "--data-file", "--batch-size", "--clip");

    /** The first run option given on the command line, or null. */
    String firstGiven() {
        for (String name : NAMES) {
            if (given(name)) {
                return name;
            }
        }
        return null;
    }

    private boolean given(String name) {
        switch (name) { // options read by KeyValues do not show in the parse result
            case "--param":
                return !params.isEmpty();
            case "--surface-param":
                return !surfaceParams.isEmpty();
            case "--schedule-param":
                return !scheduleParams.isEmpty();
            case "--data":
                return data != null;
            case "--data-file":
                return dataFile != null;
            case "--batch-size":
                return batchSize != null;
            default:
                break;
        }
        return mixee != null && mixee.commandLine().getParseResult() != null && mixee.commandLine().getParseResult().hasMatchedOption(name);
    }

    /**
     * The run these options describe, through the one {@link RunConfig#toRunSpec}.
     *
     * @throws IllegalArgumentException naming the offending value
     */
    RunSpec toRunSpec() {
        Surface s = surface();
        RunSpec spec = toRunConfig().toRunSpec(s);
        checkDefinedAt(s, new double[] {spec.x0(), spec.y0()});
        return spec;
    }

    /**
     * These options as a session of one run, exactly what a session file holds: every run option
     * of the command line (clipping and noise included) has its field there.
     *
     * @throws IllegalArgumentException naming the offending value
     */
    SessionConfig toSessionConfig() {
        SurfaceKind kind = Surfaces.find(surfaceId());
        Map<String, String> given = surfaceParams();
        Params sp = Params.resolve("surface " + kind.id(), kind.params(), given);
        Map<String, Object> typed = new LinkedHashMap<>();
        given.keySet().forEach(k -> typed.put(k, Values.toJson(sp.get(k))));
        return new SessionConfig(null, null, kind.id(), typed, List.of(toRunConfig()), 0, 0, null, null, null, null, 0, null);
    }

    /** The surface these options name. @throws IllegalArgumentException naming the offending value */
    Surface surface() {
        return Surfaces.create(surfaceId(), surfaceParams());
    }

    /**
     * These options as a run configuration (what a session file holds): the values typed as the
     * optimizer and schedule declare them, only those given on the command line.
     *
     * @throws IllegalArgumentException naming the offending value
     */
    RunConfig toRunConfig() {
        OptimizerKind kind = Optimizers.find(optimizer);
        Params hp = Params.resolve(kind.title(), kind.params(), params);
        Map<String, Object> hyper = new LinkedHashMap<>();
        params.keySet().forEach(k -> hyper.put(k, Values.toJson(hp.get(k))));
        ScheduleKind sk = Schedules.find(schedule);
        Params sp = Params.resolve("schedule " + sk.id(), sk.params(), scheduleParams);
        Map<String, Object> sched = new LinkedHashMap<>();
        scheduleParams.keySet().forEach(k -> sched.put(k, Values.toJson(sp.get(k))));
        GradientNoise.Kind noiseKind = noiseKind();
        double[] xy = start == null ? null : parsePoint("--start", start);
        return new RunConfig(null, null, kind.id(), hyper, sk.id(), sched, xy, noiseKind.name().toLowerCase(Locale.ROOT),
                sigma, seed, true, clip == 0 ? null : clip, noiseKind == GradientNoise.Kind.MINIBATCH ? batchSize : null);
    }

    /**
     * A run that diverges is a result, but a surface that is undefined or infinite where the run
     * starts (x/0, log of a negative number) is a mistake in the formula or the start.
     */
    private void checkDefinedAt(Surface s, double[] xy) {
        double f = s.value(xy[0], xy[1]);
        double[] g = new double[2];
        s.gradient(xy[0], xy[1], g, 0);
        String at = "(" + xy[0] + ", " + xy[1] + ")" + (start == null ? ", the surface's default start" : "");
        if (!Double.isFinite(f)) {
            throw new IllegalArgumentException("The surface is not defined at the start " + at + ": f = " + f
                    + "; choose another --start or formula");
        }
        if (!Double.isFinite(g[0]) || !Double.isFinite(g[1])) {
            throw new IllegalArgumentException("The surface's gradient is not finite at the start " + at + ": ("
                    + g[0] + ", " + g[1] + "); choose another --start or formula");
        }
    }

    private String surfaceId() {
        if (data != null) {
            String id = switch (data.trim().toLowerCase(Locale.ROOT)) {
                case "linear", "linear_regression" -> "linear_regression";
                case "logistic", "logistic_regression" -> "logistic_regression";
                case "tanh", "tanh_net" -> "tanh_net";
                default -> throw new IllegalArgumentException("Invalid value for --data: '" + data
                        + "'; choose linear, logistic or tanh");
            };
            if (surface != null && !Surfaces.find(surface).id().equals(id) || expr != null) {
                throw new IllegalArgumentException("--data " + data + " gives the surface " + id + "; leave out "
                        + (expr != null ? "--expr" : "--surface " + surface));
            }
            return id;
        }
        if (dataFile != null && surface == null) {
            throw new IllegalArgumentException("--data-file needs the model: add --data linear, logistic or tanh");
        }
        if (surface == null) {
            return expr != null ? ExpressionSurface.KIND.id() : "rosenbrock";
        }
        return surface;
    }

    private Map<String, String> surfaceParams() {
        if (dataFile != null) {
            if (surfaceParams.containsKey("file") && !surfaceParams.get("file").equals(dataFile)) {
                throw new IllegalArgumentException("Two data files: --data-file and --surface-param file=...; give one");
            }
            Map<String, String> p = new LinkedHashMap<>(surfaceParams);
            p.put("file", dataFile);
            return p;
        }
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

    private GradientNoise.Kind noiseKind() {
        GradientNoise.Kind kind = ConfigChecks.noiseKind(noise);
        if (batchSize != null || kind == GradientNoise.Kind.MINIBATCH) {
            if (kind != GradientNoise.Kind.NONE && kind != GradientNoise.Kind.MINIBATCH) {
                throw new IllegalArgumentException("--batch-size draws minibatches, which is the noise; leave out --noise " + noise);
            }
            if (batchSize == null) {
                throw new IllegalArgumentException("--noise minibatch needs --batch-size B");
            }
            if (given("--sigma")) {
                throw new IllegalArgumentException("--sigma sets Gaussian noise; minibatches have their own (leave out --sigma)");
            }
            return GradientNoise.Kind.MINIBATCH;
        }
        if (kind == GradientNoise.Kind.NONE) {
            for (String option : List.of("--sigma", "--seed")) {
                if (given(option)) {
                    throw new IllegalArgumentException(option + " sets the gradient noise, which is off; add --noise additive or --noise multiplicative, or --batch-size B");
                }
            }
        }
        return kind;
    }

    /** A point typed as X,Y ({@link ConfigChecks#parseStart}), the message naming the option. */
    static double[] parsePoint(String option, String text) {
        try {
            return ConfigChecks.parseStart(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^Invalid start:", "Invalid value for " + option + ":"));
        }
    }
}
