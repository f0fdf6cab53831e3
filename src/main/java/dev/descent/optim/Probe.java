package dev.descent.optim;

/**
 * A named per-coordinate quantity an optimizer exposes after each step, read on demand so that
 * stepping stays cheap.
 *
 * @param name        stable id used in CSV columns and files: {@code grad}, {@code m}, {@code v_hat}, ...
 * @param symbol      lecture symbol for chart titles: "∇f", "m̂", "v̂", "η/(√v̂+ε)", ...
 * @param description one line for tooltips
 * @param reader      writes the current values, one per coordinate
 */
public record Probe(String name, String symbol, String description, Reader reader) {

    @FunctionalInterface
    public interface Reader {
        /** @param out one value per coordinate. Modified. */
        void read(double[] out);
    }

    public void read(double[] out) {
        reader.read(out);
    }

    /** The current value of the probe named {@code name} among {@code probes} (two coordinates), or null when none has that name. */
    public static double[] valueOf(java.util.List<Probe> probes, String name) {
        for (Probe p : probes) {
            if (p.name().equals(name)) {
                double[] out = new double[2];
                p.read(out);
                return out;
            }
        }
        return null;
    }

    /**
     * What a probe's two values are, for column names and chart labels: "min" and "max" for a
     * spectrum (a probe named {@code …eigenvalues} holds λ_min, λ_max, which are not coordinates and
     * may be negative), otherwise "x" and "y".
     */
    public static java.util.List<String> components(String name) {
        return isSpectrum(name) ? java.util.List.of("min", "max") : java.util.List.of("x", "y");
    }

    /** Whether the probe holds eigenvalues (signed, not per coordinate): never drawn on a log axis by default. */
    public static boolean isSpectrum(String name) {
        return name.endsWith("eigenvalues");
    }
}
