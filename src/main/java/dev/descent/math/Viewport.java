package dev.descent.math;

/** An axis-aligned rectangle of the (x, y) plane: what the plot shows. */
public record Viewport(double xMin, double xMax, double yMin, double yMax) {

    public Viewport {
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin) && Double.isFinite(yMax))) {
            throw new IllegalArgumentException("viewport bounds must be finite numbers");
        }
        if (!(xMin < xMax)) {
            throw new IllegalArgumentException("viewport needs xMin < xMax, got " + xMin + " and " + xMax);
        }
        if (!(yMin < yMax)) {
            throw new IllegalArgumentException("viewport needs yMin < yMax, got " + yMin + " and " + yMax);
        }
    }

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }

    public boolean contains(double x, double y) {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }
}
