package dev.descent.optim;

import dev.descent.math.Params;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Every learning-rate schedule, in menu order; {@code constant} first. */
public final class Schedules {

    /** No schedule: every step uses the base learning rate. */
    public static final ScheduleKind CONSTANT = new ScheduleKind("constant", null, "Constant",
            "the base learning rate at every step", List.of(), p -> new Constant());

    private static final List<ScheduleKind> ALL = List.of(
            CONSTANT
            // the torch schedules (helper C) are added here
    );

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
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (ScheduleKind k : ALL) {
            if (k.id().equals(key) || k.torchName() != null && k.torchName().toLowerCase(Locale.ROOT).equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown schedule '" + name + "'; known: "
                + ALL.stream().map(ScheduleKind::id).collect(Collectors.joining(", ")));
    }

    /**
     * A schedule from a golden file's {@code schedule} header object (torch class name in {@code type},
     * constructor arguments beside it); {@code null} is the constant schedule.
     *
     * @throws IllegalArgumentException for an unknown type or key
     */
    public static Schedule fromTorch(Map<String, Object> json) {
        if (json == null) {
            return constant();
        }
        throw new IllegalArgumentException("Unsupported schedule " + json.get("type"));
    }

    private record Constant() implements Schedule {
        @Override
        public ScheduleKind kind() {
            return CONSTANT;
        }

        @Override
        public Params parameters() {
            return Params.EMPTY;
        }

        @Override
        public State start(double baseLr) {
            return new State() {
                @Override
                public double lr() {
                    return baseLr;
                }

                @Override
                public void step() {
                }
            };
        }
    }
}
