package dev.descent.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The filled contour image: every pixel of the plot area coloured by the field's value at the
 * pixel's centre (bilinear between the field's nodes), either by the band of levels it falls in
 * (like matplotlib's contourf) or continuously through the colour map. Where the field is NaN, or
 * outside the field's viewport, pixels get {@link ColorMap#BAD_ARGB}; ±∞ (overflow) get the colours
 * of the bottom and top ends.
 *
 * <p>Writes straight into the int pixels of a {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image,
 * in parallel over rows; other image types go through {@code setRGB} a row at a time. Pure apart
 * from the image it is given.
 */
public final class FieldRaster {

    /** How pixels are coloured. */
    public enum Fill {
        /** One flat colour per band between consecutive levels. */
        BANDS,
        /** The colour map at the value's position in the level range (log position for log levels). */
        CONTINUOUS
    }

    private static final int CONTINUOUS_LUT = 1024;

    private FieldRaster() {
    }

    /**
     * A new {@code TYPE_INT_RGB} image of the given size showing the field's whole viewport.
     */
    public static BufferedImage render(ScalarField field, Levels levels, ColorMap colorMap, Fill fill, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        paint(field, levels, colorMap, fill, new PlotTransform(field.viewport(), 0, 0, width, height), img);
        return img;
    }

    /**
     * Paints the pixels of the transform's plot area (rounded to whole pixels, clipped to the
     * image) into the image.
     *
     * @param img Modified.
     */
    public static void paint(ScalarField field, Levels levels, ColorMap colorMap, Fill fill, PlotTransform t, BufferedImage img) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(colorMap, "colorMap");
        Objects.requireNonNull(fill, "fill");
        int px0 = Math.max(0, (int) Math.round(t.left()));
        int py0 = Math.max(0, (int) Math.round(t.top()));
        int px1 = Math.min(img.getWidth(), (int) Math.round(t.left() + t.width()));
        int py1 = Math.min(img.getHeight(), (int) Math.round(t.top() + t.height()));
        int w = px1 - px0;
        int h = py1 - py0;
        if (w <= 0 || h <= 0) {
            return;
        }
        int nx = field.nx();
        int ny = field.ny();
        double[] v = field.values();
        // where each pixel column / row falls in the grid
        int[] ix = new int[w];
        double[] fx = new double[w];
        boolean[] colOut = new boolean[w];
        double xMin = field.viewport().xMin();
        double dx = field.dx();
        for (int i = 0; i < w; i++) {
            double g = (t.toDataX(px0 + i + 0.5) - xMin) / dx;
            colOut[i] = !(g >= -1e-9 && g <= nx - 1 + 1e-9);
            g = Math.max(0, Math.min(nx - 1, g));
            int c = Math.min((int) g, nx - 2);
            ix[i] = c;
            fx[i] = g - c;
        }
        int[] iy = new int[h];
        double[] fy = new double[h];
        boolean[] rowOut = new boolean[h];
        double yMin = field.viewport().yMin();
        double dy = field.dy();
        for (int j = 0; j < h; j++) {
            double g = (t.toDataY(py0 + j + 0.5) - yMin) / dy;
            rowOut[j] = !(g >= -1e-9 && g <= ny - 1 + 1e-9);
            g = Math.max(0, Math.min(ny - 1, g));
            int r = Math.min((int) g, ny - 2);
            iy[j] = r;
            fy[j] = g - r;
        }
        boolean bands = fill == Fill.BANDS;
        int[] lut = bands ? bandColors(levels, colorMap) : colorMap.resample(CONTINUOUS_LUT);
        int bad = ColorMap.BAD_ARGB;

        int[] data = intPixels(img);
        int stride = data == null ? w : scanlineStride(img);
        int[] target = data;
        IntStream.range(0, h).parallel().forEach(j -> {
            int[] row = target != null ? target : new int[w];
            int base = target != null ? (py0 + j) * stride + px0 : 0;
            int r = iy[j];
            double b = fy[j];
            double a = 1 - b;
            int k0 = r * nx;
            int k1 = k0 + nx;
            boolean out = rowOut[j];
            for (int i = 0; i < w; i++) {
                if (out || colOut[i]) {
                    row[base + i] = bad;
                    continue;
                }
                int c = ix[i];
                double f = fx[i];
                double e = 1 - f;
                double val = (v[k0 + c] * e + v[k0 + c + 1] * f) * a + (v[k1 + c] * e + v[k1 + c + 1] * f) * b;
                if (!(val - val == 0)) {
                    // a non-finite neighbour: the nearest node decides
                    val = b < 0.5 ? (f < 0.5 ? v[k0 + c] : v[k0 + c + 1]) : (f < 0.5 ? v[k1 + c] : v[k1 + c + 1]);
                    if (!(val == val)) {
                        row[base + i] = bad;
                        continue;
                    }
                }
                int argb;
                if (bands) {
                    argb = lut[levels.band(val)];
                } else {
                    double tt = levels.normalize(val);
                    int idx = tt <= 0 ? 0 : tt >= 1 ? CONTINUOUS_LUT - 1 : (int) (tt * (CONTINUOUS_LUT - 1) + 0.5);
                    argb = tt == tt ? lut[idx] : bad;
                }
                row[base + i] = argb;
            }
            if (target == null) {
                img.setRGB(px0, py0 + j, w, 1, row, 0, w);
            }
        });
    }

    /** The colour of each band, index 0 … count(). */
    public static int[] bandColors(Levels levels, ColorMap colorMap) {
        int[] c = new int[levels.bandCount()];
        for (int b = 0; b < c.length; b++) {
            c[b] = colorMap.argb(levels.bandCenter(b));
        }
        return c;
    }

    /** The image's int pixel array when pixels are packed ARGB/RGB ints, else null. */
    static int[] intPixels(BufferedImage img) {
        int type = img.getType();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && img.getRaster().getDataBuffer() instanceof DataBufferInt db
                && img.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel
                && img.getRaster().getSampleModelTranslateX() == 0 && img.getRaster().getSampleModelTranslateY() == 0) {
            return db.getData();
        }
        return null;
    }

    static int scanlineStride(BufferedImage img) {
        return ((SinglePixelPackedSampleModel) img.getRaster().getSampleModel()).getScanlineStride();
    }
}
