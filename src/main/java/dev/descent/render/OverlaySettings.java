package dev.descent.render;

import java.util.Objects;

/**
 * How the moving part of a frame looks (cheap to change: no new static layer).
 *
 * @param trailLength draw only each run's last N points (0: the whole path)
 * @param lineWidth   trajectory width in pixels at unit scale
 * @param startMarkers mark where each run began
 * @param headMarkers  mark where each run is now
 * @param legend       list the runs in a box
 * @param legendCorner where the legend goes
 */
public record OverlaySettings(int trailLength, float lineWidth, boolean startMarkers, boolean headMarkers,
                              boolean legend, LegendPainter.Corner legendCorner) {

    public static final OverlaySettings DEFAULT = new OverlaySettings(0, 2.2f, true, true, true, LegendPainter.Corner.TOP_RIGHT);

    public OverlaySettings {
        Objects.requireNonNull(legendCorner, "legendCorner");
        if (trailLength < 0) {
            throw new IllegalArgumentException("trailLength must be ≥ 0 (0 = all), got " + trailLength);
        }
        if (!(lineWidth > 0 && lineWidth <= 20)) {
            throw new IllegalArgumentException("lineWidth must be in (0, 20], got " + lineWidth);
        }
    }

    public OverlaySettings withTrailLength(int n) {
        return new OverlaySettings(n, lineWidth, startMarkers, headMarkers, legend, legendCorner);
    }

    public OverlaySettings withLineWidth(float w) {
        return new OverlaySettings(trailLength, w, startMarkers, headMarkers, legend, legendCorner);
    }

    public OverlaySettings withLegend(boolean b) {
        return new OverlaySettings(trailLength, lineWidth, startMarkers, headMarkers, b, legendCorner);
    }

    public OverlaySettings withLegendCorner(LegendPainter.Corner c) {
        return new OverlaySettings(trailLength, lineWidth, startMarkers, headMarkers, legend, c);
    }

    public OverlaySettings withMarkers(boolean start, boolean head) {
        return new OverlaySettings(trailLength, lineWidth, start, head, legend, legendCorner);
    }
}
