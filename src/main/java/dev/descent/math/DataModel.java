package dev.descent.math;

/**
 * The three two-parameter models, each a mean loss over the data: f(θ) = (1/N)·Σᵢ ℓᵢ(θ).
 *
 * <ul>
 *   <li>{@link #LINEAR}: θ = (w, b), ℓᵢ = (w·xᵢ + b − yᵢ)², mean squared error;</li>
 *   <li>{@link #LOGISTIC}: θ = (w₁, w₂), p = σ(w₁x₁ + w₂x₂), cross-entropy
 *       ℓᵢ = −yᵢ·log p − (1 − yᵢ)·log(1 − p) = softplus(z) − yᵢ·z;</li>
 *   <li>{@link #TANH}: θ = (w₁, w₂), ℓᵢ = (w₂·tanh(w₁·xᵢ) − yᵢ)², a 1-1-1 network without biases.</li>
 * </ul>
 * Per-point loss, gradient and Hessian are written out here once; the surface sums them.
 */
public enum DataModel {

    LINEAR("linear", "w", "b"),
    LOGISTIC("logistic", "w₁", "w₂"),
    TANH("tanh", "w₁", "w₂");

    private final String word;
    private final String first;
    private final String second;

    DataModel(String word, String first, String second) {
        this.word = word;
        this.first = first;
        this.second = second;
    }

    /** linear, logistic or tanh. */
    public String word() {
        return word;
    }

    /** The symbol of θ₁ (the plot's x axis). */
    public String firstSymbol() {
        return first;
    }

    /** The symbol of θ₂ (the plot's y axis). */
    public String secondSymbol() {
        return second;
    }

    /** Whether the model reads classification data (x1, x2, label). */
    public boolean isClassification() {
        return this == LOGISTIC;
    }

    /**
     * ℓᵢ at θ = (a, b) for the point (x1, x2, y); adds {@code scale}·∇ℓᵢ to g[0], g[1] when g is not null.
     *
     * @param g Modified (accumulated into) when not null.
     */
    double loss(double a, double b, double x1, double x2, double y, double[] g, double scale) {
        switch (this) {
            case LINEAR -> {
                double r = a * x1 + b - y;
                if (g != null) {
                    g[0] += scale * 2 * r * x1;
                    g[1] += scale * 2 * r;
                }
                return r * r;
            }
            case LOGISTIC -> {
                double z = a * x1 + b * x2;
                if (g != null) {
                    double d = sigmoid(z) - y;
                    g[0] += scale * d * x1;
                    g[1] += scale * d * x2;
                }
                return softplus(z) - y * z;
            }
            default -> {
                double t = Math.tanh(a * x1);
                double r = b * t - y;
                if (g != null) {
                    g[0] += scale * 2 * r * b * x1 * (1 - t * t);
                    g[1] += scale * 2 * r * t;
                }
                return r * r;
            }
        }
    }

    /**
     * Adds {@code scale}·∇²ℓᵢ(θ) to h = [h₁₁, h₁₂, h₂₁, h₂₂].
     *
     * @param h Modified (accumulated into).
     */
    void hessian(double a, double b, double x1, double x2, double y, double[] h, double scale) {
        switch (this) {
            case LINEAR -> {
                h[0] += scale * 2 * x1 * x1;
                h[1] += scale * 2 * x1;
                h[2] += scale * 2 * x1;
                h[3] += scale * 2;
            }
            case LOGISTIC -> {
                double p = sigmoid(a * x1 + b * x2);
                double w = p * (1 - p);
                h[0] += scale * w * x1 * x1;
                h[1] += scale * w * x1 * x2;
                h[2] += scale * w * x1 * x2;
                h[3] += scale * w * x2 * x2;
            }
            default -> {
                double t = Math.tanh(a * x1);
                double s = 1 - t * t;
                double r = b * t - y;
                double d1 = b * x1 * s; // ∂(prediction)/∂w₁
                double h11 = 2 * (d1 * d1 - 2 * r * b * x1 * x1 * s * t);
                double h12 = 2 * (t * d1 + r * x1 * s);
                h[0] += scale * h11;
                h[1] += scale * h12;
                h[2] += scale * h12;
                h[3] += scale * 2 * t * t;
            }
        }
    }

    /** The model's output at input (x1, x2): the prediction, or the probability of class 1. */
    public double predict(double a, double b, double x1, double x2) {
        return switch (this) {
            case LINEAR -> a * x1 + b;
            case LOGISTIC -> sigmoid(a * x1 + b * x2);
            case TANH -> b * Math.tanh(a * x1);
        };
    }

    /** σ(z) = 1/(1 + e^−z), evaluated without overflow: e^z/(1 + e^z) for z &lt; 0. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** log(1 + e^z) = max(z, 0) + log1p(e^−|z|). */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
