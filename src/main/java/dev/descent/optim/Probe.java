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
}
