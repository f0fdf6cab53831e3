package dev.descent.math;

/** A known stationary point of a surface, marked on the plot. */
public record CriticalPoint(double x, double y, Kind kind) {

    public enum Kind { GLOBAL_MINIMUM, LOCAL_MINIMUM, SADDLE, MAXIMUM }

    public boolean isMinimum() {
        return kind == Kind.GLOBAL_MINIMUM || kind == Kind.LOCAL_MINIMUM;
    }
}
