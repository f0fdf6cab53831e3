package dev.descent.render;

import dev.descent.math.CriticalPoint;
import dev.descent.sim.MapEnds;
import dev.descent.sim.MapResult;
import java.awt.image.BufferedImage;

/**
 * The colours of a map's cells. By ending: each known critical point its own hue (minima first,
 * saddles and maxima in paler hues), shaded darker the more steps the run took to settle; grey for
 * not converged, black for diverged, white for a refused setting. By loss: the final loss on a log
 * colour ramp. By steps: the steps to settle at a minimum on a ramp (grey where none was reached).
 */
public final class MapColors {

    public enum Mode { ENDING, LOSS, STEPS }

    public static final int NOT_CONVERGED = 0xFF9A9A9A;
    public static final int DIVERGED = 0xFF000000;
    public static final int INVALID = 0xFFFFFFFF;

    /** Hues for minima (Tol's bright, without its grey, and Okabe–Ito), then for saddles and maxima. */
    private static final int[] MINIMUM = {0xEE6677, 0x4477AA, 0x228833, 0xCCBB44, 0x66CCEE, 0xAA3377, 0xE69F00, 0x009E73,
        0xCC79A7, 0x0072B2, 0xD55E00, 0x56B4E9};
    private static final int[] OTHER = {0xF4C7CE, 0xC7D7EA, 0xF5E9B8, 0xD9C2E6, 0xBFE6D6};

    private MapColors() {
    }

    /** The unshaded colour of an ending (a point index or a {@link MapEnds} constant). */
    public static int ending(MapEnds ends, int end) {
        return switch (end) {
            case MapEnds.NOT_CONVERGED -> NOT_CONVERGED;
            case MapEnds.DIVERGED -> DIVERGED;
            case MapEnds.INVALID -> INVALID;
            default -> 0xFF000000 | hue(ends, end);
        };
    }

    private static int hue(MapEnds ends, int end) {
        int minima = 0;
        int others = 0;
        for (int p = 0; p < end; p++) {
            if (ends.points().get(p).isMinimum()) {
                minima++;
            } else {
                others++;
            }
        }
        CriticalPoint p = ends.points().get(end);
        return p.isMinimum() ? MINIMUM[minima % MINIMUM.length] : OTHER[others % OTHER.length];
    }

    /** The colour of cell k. */
    public static int cell(MapResult r, int k, Mode mode, ColorMap ramp, double[] lossRange) {
        int end = r.end()[k];
        if (end == MapEnds.INVALID || end == MapEnds.DIVERGED) {
            return ending(r.ends(), end);
        }
        return switch (mode) {
            case ENDING -> {
                int c = ending(r.ends(), end);
                if (end < 0) {
                    yield c;
                }
                // settled at step 0 keeps the full colour; settling at the last step darkens to 45 %
                double f = r.stepBudget() == 0 ? 0 : Math.min(1, (double) r.steps()[k] / r.stepBudget());
                yield ColorMap.shade(c, 1 - 0.55 * Math.sqrt(f));
            }
            case LOSS -> {
                double l = r.loss()[k];
                if (!Double.isFinite(l)) {
                    yield DIVERGED;
                }
                double t = (Math.log10(Math.max(l - lossRange[0], 1e-300)) - lossRange[1]) / (lossRange[2] - lossRange[1]);
                yield ramp.argb(Math.max(0, Math.min(1, t)));
            }
            case STEPS -> {
                if (end < 0 || !r.ends().points().get(end).isMinimum()) {
                    yield NOT_CONVERGED;
                }
                double t = r.stepBudget() == 0 ? 0 : (double) r.steps()[k] / r.stepBudget();
                yield ramp.argb(1 - Math.max(0, Math.min(1, t)));
            }
        };
    }

    /**
     * The range the loss colours span: {offset, log10 low, log10 high}, with the offset the smallest
     * finite loss minus a little (so the best cell sits at the bottom of a log scale even when losses
     * are negative) and the range clamped to at most 12 decades.
     */
    public static double[] lossRange(MapResult r) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < r.cells(); k++) {
            double l = r.loss()[k];
            if (Double.isFinite(l) && r.end()[k] != MapEnds.DIVERGED) {
                min = Math.min(min, l);
                max = Math.max(max, l);
            }
        }
        if (!(min <= max)) {
            return new double[] {0, 0, 1};
        }
        double offset = min >= 0 ? 0 : min - 1e-12 * Math.max(1, Math.abs(min));
        double lo = Math.log10(Math.max(min - offset, 1e-300));
        double hi = Math.log10(Math.max(max - offset, 1e-300));
        lo = Math.max(lo, hi - 12);
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        return new double[] {offset, lo, hi};
    }

    /**
     * The cells as an image, one pixel a cell, row 0 at the bottom (the image's last row).
     */
    public static BufferedImage image(MapResult r, Mode mode, ColorMap ramp) {
        BufferedImage img = new BufferedImage(r.cols(), r.rows(), BufferedImage.TYPE_INT_ARGB);
        int[] px = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        double[] range = lossRange(r);
        for (int j = 0; j < r.rows(); j++) {
            int row = (r.rows() - 1 - j) * r.cols();
            for (int i = 0; i < r.cols(); i++) {
                px[row + i] = cell(r, r.index(i, j), mode, ramp, range);
            }
        }
        return img;
    }

    /**
     * Where two maps of the same grid differ: cells with the same ending pale (A's colour mixed 75 %
     * with white), cells with different endings in A's colour.
     */
    public static BufferedImage differenceImage(MapResult a, MapResult b) {
        if (a.cols() != b.cols() || a.rows() != b.rows()) {
            throw new IllegalArgumentException("difference of maps of different grids: " + a.cols() + "×" + a.rows()
                    + " and " + b.cols() + "×" + b.rows());
        }
        BufferedImage img = new BufferedImage(a.cols(), a.rows(), BufferedImage.TYPE_INT_ARGB);
        int[] px = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int j = 0; j < a.rows(); j++) {
            int row = (a.rows() - 1 - j) * a.cols();
            for (int i = 0; i < a.cols(); i++) {
                int k = a.index(i, j);
                int c = ending(a.ends(), a.end()[k]);
                px[row + i] = a.end()[k] == b.end()[k] ? pale(c) : c;
            }
        }
        return img;
    }

    private static int pale(int argb) {
        int r = (((argb >> 16) & 0xFF) + 3 * 255) / 4;
        int g = (((argb >> 8) & 0xFF) + 3 * 255) / 4;
        int b = ((argb & 0xFF) + 3 * 255) / 4;
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
