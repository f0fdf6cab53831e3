package dev.descent.optim;

import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Every learning-rate schedule, in menu order; {@code constant} first. */
public final class Schedules {

    /** No schedule: every step uses the base learning rate. */
    public static final ScheduleKind CONSTANT = new ScheduleKind("constant", null, "Constant",
            "the base learning rate at every step", List.of(), p -> new Constant());

    private static final List<ScheduleKind> ALL = List.of(
            CONSTANT,
            StepLr.KIND,
            MultiStepLr.KIND,
            ExponentialLr.KIND,
            CosineAnnealingLr.KIND,
            CosineWarmRestarts.KIND,
            LinearLr.KIND,
            LinearWarmup.KIND,
            InverseTimeDecay.KIND,
            InverseSqrtDecay.KIND,
            PolynomialLr.KIND
    );

    /** Free-text keys of a golden header's schedule object, ignored by {@link #fromTorch}. */
    private static final Set<String> FREE_TEXT = Set.of("semantics", "when");

    /** Constructor arguments torch requires (no default there), so a header must give them. */
    private static final Map<String, List<String>> TORCH_REQUIRED = Map.of(
            "StepLR", List.of("step_size"),
            "MultiStepLR", List.of("milestones"),
            "ExponentialLR", List.of("gamma"),
            "CosineAnnealingLR", List.of("T_max"),
            "CosineAnnealingWarmRestarts", List.of("T_0"));

    private Schedules() {
    }

    public static List<ScheduleKind> all() {
        return ALL;
    }

    public static Schedule constant() {
        return CONSTANT.create(Map.of());
    }

    /** Finds a schedule by id or torch class name, ignoring case. */
    public static ScheduleKind find(String name) {
        return Registered.find(ALL, "schedule", name);
    }

    /**
     * Builds a schedule from a golden file header's {@code schedule} object: {@code type} is the torch
     * class name (exact spelling) and the other keys are its constructor arguments, e.g.
     * {@code {"type": "StepLR", "step_size": 100, "gamma": 0.5}}. {@code semantics} and {@code when} are
     * free text and ignored; {@code last_epoch} is accepted only as -1 (a fresh scheduler) and
     * {@code verbose} is accepted and ignored. {@code LambdaLR} is accepted only for
     * {@code "lambda": "linear_warmup"} with a {@code warmup} (and, if present, {@code lr_lambda_expr}
     * equal to {@value LinearWarmup#LAMBDA_EXPR}); it maps to {@link LinearWarmup}.
     *
     * @param json the parsed object (not modified), or null for no schedule ({@link #constant()})
     * @throws IllegalArgumentException for an unknown type, an unknown key (named in the message), a
     *                                  missing required argument, another lambda, or an invalid value
     */
    public static Schedule fromTorch(Map<String, ?> json) {
        if (json == null) {
            return constant();
        }
        Object type = json.get("type");
        if (!(type instanceof String torchName)) {
            throw new IllegalArgumentException("A torch schedule needs a \"type\" naming the torch class, got "
                    + (type == null ? "none" : "'" + type + "'"));
        }
        Map<String, Object> args = new LinkedHashMap<>();
        json.forEach((k, v) -> {
            if (!k.equals("type") && !FREE_TEXT.contains(k)) {
                args.put(k, v);
            }
        });
        if (args.containsKey("last_epoch")) {
            Object lastEpoch = args.remove("last_epoch");
            if (!(lastEpoch instanceof Number n && n.doubleValue() == -1)) {
                throw new IllegalArgumentException("Unsupported last_epoch " + lastEpoch + " for " + torchName
                        + ": only -1 (a fresh scheduler) is supported");
            }
        }
        if (args.containsKey("verbose")) {
            Object verbose = args.remove("verbose");
            if (!(verbose instanceof Boolean)) {
                throw new IllegalArgumentException("Invalid verbose for " + torchName + ": '" + verbose
                        + "' is not true or false");
            }
        }
        if (torchName.equals("LambdaLR")) {
            return linearWarmupFromLambda(args);
        }
        ScheduleKind kind = ALL.stream().filter(k -> torchName.equals(k.torchName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown torch scheduler '" + torchName + "'; known: "
                        + ALL.stream().map(ScheduleKind::torchName).filter(n -> n != null)
                        .collect(Collectors.joining(", ")) + ", LambdaLR (linear_warmup)"));
        List<String> names = kind.params().stream().map(ParamSpec::name).toList();
        for (String key : args.keySet()) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("Unknown key '" + key + "' for torch " + torchName + "; known: "
                        + String.join(", ", names));
            }
        }
        for (String required : TORCH_REQUIRED.getOrDefault(torchName, List.of())) {
            if (!args.containsKey(required)) {
                throw new IllegalArgumentException(torchName + " requires " + required + " (torch has no default)");
            }
        }
        return kind.create(args);
    }

    private static Schedule linearWarmupFromLambda(Map<String, Object> args) {
        Object lambda = args.get("lambda");
        if (lambda == null) {
            throw new IllegalArgumentException("LambdaLR needs a \"lambda\" naming its function; only 'linear_warmup' ("
                    + LinearWarmup.LAMBDA_EXPR + ") is known");
        }
        if (!"linear_warmup".equals(lambda)) {
            throw new IllegalArgumentException("Unsupported LambdaLR lambda '" + lambda + "'; only 'linear_warmup' ("
                    + LinearWarmup.LAMBDA_EXPR + ") is known");
        }
        List<String> known = List.of("lambda", "warmup", "lr_lambda_expr");
        for (String key : args.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("Unknown key '" + key + "' for torch LambdaLR (linear_warmup); known: "
                        + String.join(", ", known));
            }
        }
        if (!args.containsKey("warmup")) {
            throw new IllegalArgumentException("LambdaLR linear_warmup requires warmup");
        }
        Object expr = args.get("lr_lambda_expr");
        if (expr != null && !String.valueOf(expr).replaceAll("\\s+", "")
                .equals(LinearWarmup.LAMBDA_EXPR.replaceAll("\\s+", ""))) {
            throw new IllegalArgumentException("LambdaLR linear_warmup with lr_lambda_expr '" + expr
                    + "' is not the known " + LinearWarmup.LAMBDA_EXPR);
        }
        return LinearWarmup.KIND.create(Map.of("warmup", args.get("warmup")));
    }

    private record Constant() implements Schedule {
        @Override
        public ScheduleKind kind() {
            return CONSTANT;
        }

        @Override
        public State begin(double baseLr) {
            return new Chained(baseLr, (lr, epoch) -> lr);
        }

        @Override
        public String toString() {
            return label();
        }
    }
}
