package dev.descent.sim;

import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Where one run ends for every pair of values of two of its optimizer's hyperparameters: cell (i, j)
 * runs the spec from its own start with {@code x.value(i, cols)} and {@code y.value(j, rows)}, every
 * other setting as in the spec. Cells run one by one (each has its own optimizer) on all threads.
 * A pair the optimizer refuses (say, Nesterov without momentum) is {@link MapEnds#INVALID}.
 */
public final class HyperMap {

    private HyperMap() {
    }

    public record Request(RunSpec spec, HyperAxis x, HyperAxis y, int cols, int rows, int steps, double tolerance) {

        public Request {
            java.util.Objects.requireNonNull(spec, "spec");
            if (x.name().equals(y.name())) {
                throw new IllegalArgumentException("A hyperparameter map needs two different hyperparameters, got " + x.name() + " twice");
            }
            HyperAxis.spec(spec.optimizer().kind(), x.name());
            HyperAxis.spec(spec.optimizer().kind(), y.name());
            if (cols < 1 || rows < 1 || cols > 4096 || rows > 4096) {
                throw new IllegalArgumentException("Invalid map size: " + cols + " × " + rows + " (1 … 4096 a side)");
            }
            if (steps < 0 || steps > 1_000_000) {
                throw new IllegalArgumentException("Invalid step count for a map: " + steps + " (0 … 1000000)");
            }
        }

        public Request withSize(int c, int r) {
            return new Request(spec, x, y, c, r, steps, tolerance);
        }

        /** The optimizer of cell (i, j). @throws IllegalArgumentException when it refuses the pair */
        public Optimizer optimizer(int i, int j) {
            return withValues(spec.optimizer(), x.name(), x.value(i, cols), y.name(), y.value(j, rows));
        }
    }

    /** The optimizer with two hyperparameters replaced (beta1 / beta2 replace one half of betas). */
    public static Optimizer withValues(Optimizer base, String a, double va, String b, double vb) {
        OptimizerKind kind = base.kind();
        Map<String, Object> values = new LinkedHashMap<>(base.hyperparameters().asMap());
        put(values, a, va);
        put(values, b, vb);
        return kind.create(values);
    }

    private static void put(Map<String, Object> values, String name, double v) {
        if (name.equals("beta1") || name.equals("beta2")) {
            double[] betas = ((double[]) values.get("betas")).clone();
            betas[name.equals("beta1") ? 0 : 1] = v;
            values.put("betas", betas);
        } else {
            values.put(name, v);
        }
    }

    /** The current value of a sweepable hyperparameter of an optimizer. */
    public static double valueOf(Optimizer o, String name) {
        if (name.equals("beta1") || name.equals("beta2")) {
            return o.hyperparameters().pair("betas")[name.equals("beta1") ? 0 : 1];
        }
        return o.hyperparameters().real(name);
    }

    public static MapResult compute(Request req, int threads, BooleanSupplier cancelled) {
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        int total = req.cols() * req.rows();
        MapEnds ends = MapEnds.of(req.spec().surface().criticalPoints(), req.spec().surface().defaultViewport(), req.tolerance());
        double[] xs = new double[total];
        double[] ys = new double[total];
        int[] end = new int[total];
        int[] since = new int[total];
        List<Runnable> jobs = new ArrayList<>();
        int rowsPerJob = Math.max(1, 256 / req.cols());
        for (int j0 = 0; j0 < req.rows(); j0 += rowsPerJob) {
            int from = j0;
            int to = Math.min(req.rows(), j0 + rowsPerJob);
            jobs.add(() -> {
                for (int j = from; j < to; j++) {
                    if (stop.getAsBoolean()) {
                        throw new BasinMap.Cancelled();
                    }
                    for (int i = 0; i < req.cols(); i++) {
                        int k = j * req.cols() + i;
                        Optimizer o;
                        try {
                            o = req.optimizer(i, j);
                        } catch (IllegalArgumentException refused) {
                            xs[k] = req.spec().x0();
                            ys[k] = req.spec().y0();
                            end[k] = MapEnds.INVALID;
                            continue;
                        }
                        BasinMap.track(req.spec().withOptimizer(o), ends, req.steps(), 1, xs, ys, end, since, k);
                    }
                }
            });
        }
        BasinMap.runAll(jobs, threads, stop);
        double[] loss = new double[total];
        for (int k = 0; k < total; k++) {
            loss[k] = end[k] == MapEnds.INVALID ? Double.NaN : req.spec().surface().value(xs[k], ys[k]);
        }
        return new MapResult(req.cols(), req.rows(), req.steps(), ends, xs, ys, end, since, loss);
    }
}
