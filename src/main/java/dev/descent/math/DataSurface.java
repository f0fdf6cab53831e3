package dev.descent.math;

import dev.descent.math.CriticalPoint;
import dev.descent.math.MinibatchSource;
import dev.descent.math.Objective;
import dev.descent.math.ParamSpec;
import dev.descent.math.ParamSpec.Scale;
import dev.descent.math.Params;
import dev.descent.math.Stationary;
import dev.descent.math.Surface;
import dev.descent.math.SurfaceKind;
import dev.descent.math.Viewport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss of a two-parameter model over a data set, f(θ) = (1/N)·Σᵢ ℓᵢ(θ), drawn over θ = (θ₁, θ₂)
 * as it is. Value, gradient and Hessian are exact full-batch sums, so every optimizer works on it;
 * {@link #minibatches} gives the minibatch gradients (O(B) a step) and {@link #batchLoss} the loss
 * one batch sees.
 *
 * <p>Linear regression's value comes from sufficient statistics in closed form,
 * f(w, b) = s_xx·(w − w*)² + v_res + (w·x̄ + b − ȳ)², with w* = s_xy/s_xx and v_res the residual
 * variance of the least-squares line: O(1) per point of the plot, and never negative by rounding.
 * Its gradient is the direct sum, which is what a NumPy computation on the CSV does.
 *
 * <p>The tanh network's value is w₂²·A(w₁) − 2·w₂·B(w₁) + mean(y²) with A and B one pass over the
 * data per w₁, remembered per thread, so a plot's grid costs O(columns·N). Logistic regression's is
 * the direct sum; the plot samples it on a coarser grid ({@link #maxGridResolution}).
 *
 * <p>The data are generated from {@code data_seed} with the surface's settings, or read from
 * {@code file} (a CSV, see {@link DataSet}) when that is given; the settings then play no part.
 */
public final class DataSurface extends Surface implements MinibatchSource {

    private static final ParamSpec N = ParamSpec.integer("n", "N", 100, 1, 10_000, "number of data points");
    private static final ParamSpec OUTLIERS = ParamSpec.real("outliers", "outliers", 0, 0, 0.5, Scale.LINEAR,
            "fraction of points made outliers (targets thrown far off; labels flipped for classification)");
    private static final ParamSpec DATA_SEED = ParamSpec.integer("data_seed", "data seed", 1, 0, 1_000_000,
            "seed the data are generated from");
    private static final ParamSpec FILE = ParamSpec.text("file", "file", "",
            "a CSV to read the data from (x,y or x1,x2,label); empty: generate from the settings");

    public static final SurfaceKind LINEAR_KIND = new SurfaceKind("linear_regression", "Linear regression (data)", List.of(
            N, ParamSpec.real("noise", "σ", 0.5, 0, 3, Scale.LINEAR, "standard deviation of the targets' noise"),
            ParamSpec.real("x_mean", "x̄", 1, -5, 5, Scale.LINEAR,
                    "mean of the inputs: far from 0 the bowl becomes a tilted ravine (poor conditioning)"),
            OUTLIERS, DATA_SEED, FILE), p -> new DataSurface(DataModel.LINEAR, p));

    public static final SurfaceKind LOGISTIC_KIND = new SurfaceKind("logistic_regression", "Logistic regression (data)", List.of(
            N, ParamSpec.real("noise", "σ", 1, 0.05, 3, Scale.LINEAR, "spread of each class around its centre"),
            ParamSpec.real("separation", "d", 3, 0, 8, Scale.LINEAR, "distance between the two class centres"),
            OUTLIERS, DATA_SEED, FILE), p -> new DataSurface(DataModel.LOGISTIC, p));

    public static final SurfaceKind TANH_KIND = new SurfaceKind("tanh_net", "Tiny tanh network (data)", List.of(
            N, ParamSpec.real("noise", "σ", 0.2, 0, 3, Scale.LINEAR, "standard deviation of the targets' noise"),
            OUTLIERS, DATA_SEED, FILE), p -> new DataSurface(DataModel.TANH, p));

    /** The true parameters the regression data are generated from. */
    static final double LINEAR_W = 1.5;
    static final double LINEAR_B = -0.5;
    static final double TANH_W1 = 1.5;
    static final double TANH_W2 = 2;

    private final DataModel model;
    private final Params params;
    private final DataSet data;
    private final Viewport viewport;
    // linear regression's sufficient statistics (centred)
    private final double xBar;
    private final double yBar;
    private final double sxx;
    private final double wStar;
    private final double residual;
    private final double meanY2;
    private volatile List<CriticalPoint> criticalPoints;

    private DataSurface(DataModel model, Params p) {
        this(model, p, p.text("file").isBlank() ? generate(model, p) : DataSet.readCsv(p.text("file").strip()));
    }

    private DataSurface(DataModel model, Params p, DataSet data) {
        if (data.isClassification() != model.isClassification()) {
            throw new IllegalArgumentException("The " + model.word() + " model needs " + (model.isClassification()
                    ? "classification data (x1,x2,label)" : "regression data (x,y)") + ", the file has " + data.header());
        }
        this.model = model;
        this.params = p;
        this.data = data;
        int n = data.size();
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += data.x(i);
            sy += data.y(i);
        }
        xBar = sx / n;
        yBar = sy / n;
        double cxx = 0;
        double cxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = data.x(i) - xBar;
            cxx += dx * dx;
            cxy += dx * (data.y(i) - yBar);
        }
        sxx = cxx / n;
        wStar = sxx > 0 ? cxy / cxx : 0;
        double res = 0;
        for (int i = 0; i < n; i++) {
            double r = (data.y(i) - yBar) - wStar * (data.x(i) - xBar);
            res += r * r;
        }
        residual = res / n;
        double y2 = 0;
        for (int i = 0; i < n; i++) {
            y2 += data.y(i) * data.y(i);
        }
        meanY2 = y2 / n;
        this.viewport = switch (model) {
            case LINEAR -> {
                double b = yBar - wStar * xBar;
                yield new Viewport(wStar - 3, wStar + 3, b - 3, b + 3);
            }
            case LOGISTIC -> new Viewport(-4, 6, -4, 6);
            case TANH -> new Viewport(-3, 3, -3, 3);
        };
    }

    /** The surface of {@code model} over the given data; the settings report the file as "(given)". */
    public static DataSurface of(DataModel model, DataSet data) {
        SurfaceKind k = kindOf(model);
        return new DataSurface(model, Params.resolve("surface " + k.id(), k.params(), Map.of()), data);
    }

    public static SurfaceKind kindOf(DataModel model) {
        return switch (model) {
            case LINEAR -> LINEAR_KIND;
            case LOGISTIC -> LOGISTIC_KIND;
            case TANH -> TANH_KIND;
        };
    }

    /**
     * Generates the data set of a model from its settings (see docs/minibatch.md).
     *
     * @throws IllegalArgumentException for a setting out of range
     */
    static DataSet generate(DataModel model, Params p) {
        int n = p.integer("n");
        if (n < 1 || n > DataSet.MAX_POINTS) {
            throw new IllegalArgumentException("Invalid n: " + n + " (must be 1 to " + DataSet.MAX_POINTS + ")");
        }
        double noise = p.real("noise");
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("Invalid noise: " + noise + " (must be a finite number >= 0)");
        }
        double outliers = p.real("outliers");
        if (!(outliers >= 0 && outliers <= 1)) {
            throw new IllegalArgumentException("Invalid outliers: " + outliers + " (must be a fraction from 0 to 1)");
        }
        int k = (int) Math.round(outliers * n);
        SplitMix64 rng = new SplitMix64(p.integer("data_seed"));
        double[] a = new double[n];
        double[] b = new double[n];
        double[] y = new double[n];
        switch (model) {
            case LINEAR -> {
                double mean = p.real("x_mean");
                if (!Double.isFinite(mean)) {
                    throw new IllegalArgumentException("Invalid x_mean: " + mean + " (must be finite)");
                }
                for (int i = 0; i < n; i++) {
                    a[i] = mean + rng.nextGaussian();
                    y[i] = LINEAR_W * a[i] + LINEAR_B + noise * rng.nextGaussian();
                }
                for (int i = 0; i < k; i++) {
                    y[i] += (rng.nextDouble() < 0.5 ? -1 : 1) * (4 + 8 * noise);
                }
                return DataSet.regression(a, y);
            }
            case LOGISTIC -> {
                double d = p.real("separation");
                if (!(d >= 0) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("Invalid separation: " + d + " (must be a finite number >= 0)");
                }
                double c = d / 2 / Math.sqrt(2); // class centres ±(d/2)·(1, 1)/√2
                for (int i = 0; i < n; i++) {
                    y[i] = rng.nextDouble() < 0.5 ? 0 : 1;
                    double s = y[i] == 1 ? 1 : -1;
                    a[i] = s * c + noise * rng.nextGaussian();
                    b[i] = s * c + noise * rng.nextGaussian();
                }
                for (int i = 0; i < k; i++) {
                    y[i] = 1 - y[i];
                }
                return DataSet.classification(a, b, y);
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    a[i] = -2 + 4 * rng.nextDouble();
                    y[i] = TANH_W2 * Math.tanh(TANH_W1 * a[i]) + noise * rng.nextGaussian();
                }
                for (int i = 0; i < k; i++) {
                    y[i] += (rng.nextDouble() < 0.5 ? -1 : 1) * 3;
                }
                return DataSet.regression(a, y);
            }
        }
    }

    public DataModel model() {
        return model;
    }

    public DataSet data() {
        return data;
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public String id() {
        return kindOf(model).id();
    }

    @Override
    public String title() {
        return kindOf(model).title();
    }

    @Override
    public String description() {
        return switch (model) {
            case LINEAR -> "Mean squared error of a line y = w·x + b over " + size() + " points: a bowl whose shape follows the data's mean and spread.";
            case LOGISTIC -> "Cross-entropy of p = σ(w₁x₁ + w₂x₂) over " + size() + " points of two classes: convex, flat far out when the classes separate.";
            case TANH -> "Mean squared error of y = w₂·tanh(w₁·x) over " + size() + " points: a saddle at the origin between two mirror-image minima.";
        };
    }

    @Override
    public String formula() {
        return switch (model) {
            case LINEAR -> "f = (1/N)·Σ (w·xᵢ + b − yᵢ)²";
            case LOGISTIC -> "f = (1/N)·Σ [log(1 + e^zᵢ) − yᵢ·zᵢ],  zᵢ = w₁x₁ᵢ + w₂x₂ᵢ";
            case TANH -> "f = (1/N)·Σ (w₂·tanh(w₁·xᵢ) − yᵢ)²";
        };
    }

    @Override
    public Params parameters() {
        return params;
    }

    /** w and b, or w₁ and w₂. */
    @Override
    public List<String> axisLabels() {
        return List.of(model.firstSymbol(), model.secondSymbol());
    }

    @Override
    public Viewport defaultViewport() {
        return viewport;
    }

    @Override
    public double[] suggestedStart() {
        return switch (model) {
            case LINEAR -> new double[] {viewport.xMin() + 0.5, viewport.yMax() - 0.5};
            case LOGISTIC -> new double[] {-3, 4};
            case TANH -> new double[] {-0.4, 2.2};
        };
    }

    /**
     * Linear regression's value is O(1) and the tanh network's O(1) per node once its column is known:
     * no cap. Logistic regression's costs O(N) a node, so its grid is capped at about 6·10⁶ point
     * evaluations (N = 1000: 77 nodes a side, sampled on all cores; never fewer than 64): the surface
     * is smooth and convex, and the contours appear within half a second.
     */
    @Override
    public int maxGridResolution() {
        if (model != DataModel.LOGISTIC) {
            return 0;
        }
        return (int) Math.max(64, Math.min(1000, Math.sqrt(6e6 / size())));
    }

    /** Minima and saddles found by Newton's method from a grid of starts (the data decide where they are). */
    @Override
    public List<CriticalPoint> criticalPoints() {
        List<CriticalPoint> c = criticalPoints;
        if (c == null) {
            c = Stationary.find(this, viewport);
            criticalPoints = c;
        }
        return c;
    }

    @Override
    public double value(double a, double b) {
        if (model == DataModel.LINEAR) {
            double dw = a - wStar;
            double m = a * xBar + b - yBar;
            return sxx * dw * dw + residual + m * m;
        }
        if (model == DataModel.TANH) {
            // (1/N)·Σ (w₂·tᵢ − yᵢ)² = w₂²·A(w₁) − 2·w₂·B(w₁) + C with tᵢ = tanh(w₁·xᵢ): one O(N) pass per w₁,
            // remembered, so a plot's grid costs O(columns·N + nodes) rather than O(nodes·N)
            double[] ab = columns.get().sums(a);
            double v = b * b * ab[0] - 2 * b * ab[1] + meanY2;
            return Math.max(v, 0);
        }
        return directValue(a, b);
    }

    /**
     * A(w₁) = mean tanh²(w₁·xᵢ) and B(w₁) = mean tanh(w₁·xᵢ)·yᵢ for the tanh model, remembered per
     * thread: an open-addressing table of up to 12 288 w₁, emptied when it fills.
     */
    private final class Columns {
        private static final int SIZE = 16_384;
        private static final int LIMIT = SIZE / 4 * 3;
        private final long[] keys = new long[SIZE];
        private final boolean[] used = new boolean[SIZE];
        private final double[] sums = new double[2 * SIZE];
        private final double[] out = new double[2];
        private int count;

        double[] sums(double w1) {
            long bits = Double.doubleToLongBits(w1);
            int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 50); // 14 bits
            while (used[slot] && keys[slot] != bits) {
                slot = (slot + 1) & (SIZE - 1);
            }
            if (!used[slot]) {
                if (count >= LIMIT) {
                    java.util.Arrays.fill(used, false);
                    count = 0;
                    slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 50);
                }
                double[] x = data.x1Array();
                double[] y = data.yArray();
                double sa = 0;
                double sb = 0;
                for (int i = 0; i < y.length; i++) {
                    double t = Math.tanh(w1 * x[i]);
                    sa += t * t;
                    sb += t * y[i];
                }
                keys[slot] = bits;
                used[slot] = true;
                count++;
                sums[2 * slot] = sa / y.length;
                sums[2 * slot + 1] = sb / y.length;
            }
            out[0] = sums[2 * slot];
            out[1] = sums[2 * slot + 1];
            return out;
        }
    }

    private final ThreadLocal<Columns> columns = ThreadLocal.withInitial(Columns::new);

    /** The full-batch value as the direct sum (1/N)·Σ ℓᵢ, for every model (linear regression's check). */
    public double directValue(double a, double b) {
        double[] x1 = data.x1Array();
        double[] x2 = data.x2Array();
        double[] y = data.yArray();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += model.loss(a, b, x1[i], x2[i], y[i], null, 0);
        }
        return s / y.length;
    }

    @Override
    public void gradient(double a, double b, double[] out, int offset) {
        double[] g = new double[2];
        batchGradient(a, b, null, 0, data.size(), g);
        out[offset] = g[0];
        out[offset + 1] = g[1];
    }

    @Override
    public void hessian(double a, double b, double[] out) {
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        out[3] = 0;
        double[] x1 = data.x1Array();
        double[] x2 = data.x2Array();
        double[] y = data.yArray();
        for (int i = 0; i < y.length; i++) {
            model.hessian(a, b, x1[i], x2[i], y[i], out, 1);
        }
        for (int k = 0; k < 4; k++) {
            out[k] /= y.length;
        }
    }

    /**
     * The mean loss and gradient over the points {@code index[from..to)} (over {@code from..to} itself
     * when {@code index} is null): (1/|B|)·Σ_{i∈B} ℓᵢ and its gradient. O(|B|).
     *
     * @param index the data indices; Not modified.
     * @param g     the batch gradient; Modified.
     * @return the batch's mean loss
     */
    public double batchGradient(double a, double b, int[] index, int from, int to, double[] g) {
        double[] x1 = data.x1Array();
        double[] x2 = data.x2Array();
        double[] y = data.yArray();
        g[0] = 0;
        g[1] = 0;
        double s = 0;
        for (int k = from; k < to; k++) {
            int i = index == null ? k : index[k];
            s += model.loss(a, b, x1[i], x2[i], y[i], g, 1);
        }
        int m = to - from;
        g[0] /= m;
        g[1] /= m;
        return s / m;
    }

    /** The mean loss over the points {@code index[from..to)}: what a minibatch sees. O(|B|). */
    public double batchLoss(double a, double b, int[] index, int from, int to) {
        double[] x1 = data.x1Array();
        double[] x2 = data.x2Array();
        double[] y = data.yArray();
        double s = 0;
        for (int k = from; k < to; k++) {
            int i = index[k];
            s += model.loss(a, b, x1[i], x2[i], y[i], null, 0);
        }
        return s / (to - from);
    }

    /**
     * The covariance of the minibatch gradient for batches of B points drawn without replacement:
     * Cov[g_B] = (1/B)·(N − B)/(N − 1)·Σ, with Σ the covariance of the per-point gradients at θ
     * (Σ·(N−B)/(N−1) is the finite-population correction; 0 at B = N). O(N).
     *
     * @param out [c₁₁, c₁₂, c₂₂]; Modified.
     */
    public void minibatchCovariance(double a, double b, int batchSize, double[] out) {
        double[] x1 = data.x1Array();
        double[] x2 = data.x2Array();
        double[] y = data.yArray();
        int n = y.length;
        double[] mean = new double[2];
        gradient(a, b, mean, 0);
        double c11 = 0;
        double c12 = 0;
        double c22 = 0;
        double[] g = new double[2];
        for (int i = 0; i < n; i++) {
            g[0] = 0;
            g[1] = 0;
            model.loss(a, b, x1[i], x2[i], y[i], g, 1);
            double d0 = g[0] - mean[0];
            double d1 = g[1] - mean[1];
            c11 += d0 * d0;
            c12 += d0 * d1;
            c22 += d1 * d1;
        }
        double f = n > 1 ? (double) (n - batchSize) / (n - 1) / batchSize / n : 0;
        out[0] = c11 * f;
        out[1] = c12 * f;
        out[2] = c22 * f;
    }

    @Override
    public Objective minibatches(int batchSize, long seed) {
        return new Minibatches(this, batchSize, seed);
    }

    /** The settings as a map, e.g. for the {@code data} command's summary. */
    public Map<String, Object> settings() {
        return new LinkedHashMap<>(params.asMap());
    }

    /** The minima the data give, for labels: an unmodifiable list. */
    public List<CriticalPoint> minima() {
        List<CriticalPoint> out = new ArrayList<>();
        for (CriticalPoint c : criticalPoints()) {
            if (c.isMinimum()) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
