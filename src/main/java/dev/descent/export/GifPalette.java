package dev.descent.export;

import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * One fixed palette for a whole animation: up to 255 colours plus one transparent index (for
 * pixels that did not change since the previous frame), built once from sample frames (the static
 * layer and the last frame, which between them hold every colour the animation shows) with the run
 * colours kept exactly. Colours are chosen by median cut over the samples' colour histogram with
 * square-root weights, so thin lines and small text keep their colours beside large flat areas.
 *
 * <p>{@link #index(int)} maps any RGB to its nearest palette entry through an exact-colour hash
 * cache (a frame holds few distinct colours, almost all seen before), falling back to a search of
 * the palette. Not thread-safe: one instance per encoding thread ({@link #copy()}).
 */
public final class GifPalette {

    /** Palette index that means "keep the previous frame's pixel". */
    public static final int TRANSPARENT = 255;
    private static final int COLORS = 255;

    private final int[] rgb;
    private final int size;
    // open-addressing cache rgb -> index; keys are rgb | 0x1000000 so that 0 means empty
    private int[] keys = new int[1 << 14];
    private byte[] values = new byte[1 << 14];
    private int cached;

    private GifPalette(int[] rgb, int size) {
        this.rgb = rgb;
        this.size = size;
    }

    /** A palette with exactly these colours (at most 255). */
    public static GifPalette of(int... colors) {
        if (colors.length == 0 || colors.length > COLORS) {
            throw new IllegalArgumentException("a palette holds 1 to 255 colours, got " + colors.length);
        }
        int[] c = new int[colors.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = colors[i] & 0xFFFFFF;
        }
        return new GifPalette(c, c.length);
    }

    /**
     * Builds the palette from sample pixels (opaque RGB, alpha ignored) and colours that must be
     * in it exactly.
     */
    public static GifPalette build(Collection<int[]> samples, Collection<Integer> forced) {
        IntCounts hist = new IntCounts();
        for (int[] px : samples) {
            int i = 0;
            while (i < px.length) {
                int c = px[i] & 0xFFFFFF;
                int j = i + 1;
                while (j < px.length && (px[j] & 0xFFFFFF) == c) {
                    j++;
                }
                hist.add(c, j - i); // runs of one colour (flat bands) cost one lookup
                i = j;
            }
        }
        List<Integer> must = new ArrayList<>();
        for (Integer f : forced) {
            int c = f & 0xFFFFFF;
            if (!must.contains(c)) {
                must.add(c);
            }
        }
        int[] colors = hist.keys();
        int[] counts = hist.counts(colors);
        if (colors.length + must.size() <= COLORS) {
            int[] all = new int[colors.length + must.size()];
            int n = 0;
            for (int c : must) {
                all[n++] = c;
            }
            for (int c : colors) {
                if (!must.contains(c)) {
                    all[n++] = c;
                }
            }
            return new GifPalette(Arrays.copyOf(all, n), n);
        }
        int room = COLORS - must.size();
        int[] cut = medianCut(colors, counts, room);
        int[] all = new int[must.size() + cut.length];
        int n = 0;
        for (int c : must) {
            all[n++] = c;
        }
        for (int c : cut) {
            all[n++] = c;
        }
        return new GifPalette(all, n);
    }

    /** A copy with its own cache, for another thread. */
    public GifPalette copy() {
        GifPalette p = new GifPalette(rgb, size);
        p.keys = keys.clone();
        p.values = values.clone();
        p.cached = cached;
        return p;
    }

    public int size() {
        return size;
    }

    /** The colour of palette entry i (RGB). */
    public int color(int i) {
        return rgb[i];
    }

    /** A 256-entry colour model: the palette, then black padding, with {@link #TRANSPARENT} transparent. */
    public IndexColorModel colorModel() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < size; i++) {
            r[i] = (byte) (rgb[i] >> 16);
            g[i] = (byte) (rgb[i] >> 8);
            b[i] = (byte) rgb[i];
        }
        return new IndexColorModel(8, 256, r, g, b, TRANSPARENT);
    }

    /** The nearest palette entry to an RGB colour (alpha ignored). */
    public int index(int color) {
        int c = color & 0xFFFFFF;
        int key = c | 0x1000000;
        int mask = keys.length - 1;
        int h = mix(c) & mask;
        while (true) {
            int k = keys[h];
            if (k == key) {
                return values[h] & 0xFF;
            }
            if (k == 0) {
                break;
            }
            h = (h + 1) & mask;
        }
        int idx = nearest(c);
        keys[h] = key;
        values[h] = (byte) idx;
        if (++cached * 2 > keys.length) {
            grow();
        }
        return idx;
    }

    private void grow() {
        int[] ok = keys;
        byte[] ov = values;
        keys = new int[ok.length * 2];
        values = new byte[ok.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != 0) {
                int h = mix(ok[i] & 0xFFFFFF) & mask;
                while (keys[h] != 0) {
                    h = (h + 1) & mask;
                }
                keys[h] = ok[i];
                values[h] = ov[i];
            }
        }
    }

    private static int mix(int c) {
        int h = c * 0x9E3779B1;
        return h ^ (h >>> 15);
    }

    /** Nearest entry by a weighted RGB distance (green counts most, as the eye does). */
    private int nearest(int c) {
        int r = (c >> 16) & 0xFF;
        int g = (c >> 8) & 0xFF;
        int b = c & 0xFF;
        int best = 0;
        int bestD = Integer.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            int p = rgb[i];
            int dr = ((p >> 16) & 0xFF) - r;
            int dg = ((p >> 8) & 0xFF) - g;
            int db = (p & 0xFF) - b;
            int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
                if (d == 0) {
                    break;
                }
            }
        }
        return best;
    }

    // ---- median cut ---------------------------------------------------------------------------------

    private static int[] medianCut(int[] colors, int[] counts, int k) {
        int n = colors.length;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.sqrt(counts[i]);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<int[]> boxes = new ArrayList<>(); // {from, to} into order
        boxes.add(new int[] {0, n});
        while (boxes.size() < k) {
            // split the box with the largest weighted extent
            int bi = -1;
            double bestScore = -1;
            int bestAxis = 0;
            for (int j = 0; j < boxes.size(); j++) {
                int[] bx = boxes.get(j);
                if (bx[1] - bx[0] < 2) {
                    continue;
                }
                int[] ext = extent(colors, order, bx);
                int axis = ext[0] >= ext[1] && ext[0] >= ext[2] ? 0 : ext[1] >= ext[2] ? 1 : 2;
                double weight = 0;
                for (int i = bx[0]; i < bx[1]; i++) {
                    weight += w[order[i]];
                }
                double score = ext[axis] * Math.sqrt(weight);
                if (score > bestScore) {
                    bestScore = score;
                    bi = j;
                    bestAxis = axis;
                }
            }
            if (bi < 0 || bestScore <= 0) {
                break;
            }
            int[] bx = boxes.get(bi);
            int shift = 16 - 8 * bestAxis;
            Arrays.sort(order, bx[0], bx[1], (a, b) -> Integer.compare((colors[a] >> shift) & 0xFF, (colors[b] >> shift) & 0xFF));
            double total = 0;
            for (int i = bx[0]; i < bx[1]; i++) {
                total += w[order[i]];
            }
            double acc = 0;
            int cut = bx[0] + 1;
            for (int i = bx[0]; i < bx[1] - 1; i++) {
                acc += w[order[i]];
                cut = i + 1;
                if (acc >= total / 2) {
                    break;
                }
            }
            boxes.set(bi, new int[] {bx[0], cut});
            boxes.add(new int[] {cut, bx[1]});
        }
        int[] out = new int[boxes.size()];
        for (int j = 0; j < boxes.size(); j++) {
            int[] bx = boxes.get(j);
            double r = 0;
            double g = 0;
            double b = 0;
            double t = 0;
            for (int i = bx[0]; i < bx[1]; i++) {
                int c = colors[order[i]];
                double wi = w[order[i]];
                r += wi * ((c >> 16) & 0xFF);
                g += wi * ((c >> 8) & 0xFF);
                b += wi * (c & 0xFF);
                t += wi;
            }
            out[j] = ((int) Math.round(r / t) << 16) | ((int) Math.round(g / t) << 8) | (int) Math.round(b / t);
        }
        return out;
    }

    private static int[] extent(int[] colors, Integer[] order, int[] bx) {
        int[] lo = {255, 255, 255};
        int[] hi = {0, 0, 0};
        for (int i = bx[0]; i < bx[1]; i++) {
            int c = colors[order[i]];
            for (int a = 0; a < 3; a++) {
                int v = (c >> (16 - 8 * a)) & 0xFF;
                lo[a] = Math.min(lo[a], v);
                hi[a] = Math.max(hi[a], v);
            }
        }
        return new int[] {hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]};
    }

    /** A small int → count hash map for the colour histogram. */
    private static final class IntCounts {
        int[] keys = new int[1 << 12];
        int[] counts = new int[1 << 12];
        int size;

        void add(int c, int n) {
            int key = c | 0x1000000;
            int mask = keys.length - 1;
            int h = mix(c) & mask;
            while (keys[h] != 0 && keys[h] != key) {
                h = (h + 1) & mask;
            }
            if (keys[h] == 0) {
                keys[h] = key;
                if (++size * 2 > keys.length) {
                    counts[h] += n;
                    rehash();
                    return;
                }
            }
            counts[h] += n;
        }

        void rehash() {
            int[] ok = keys;
            int[] oc = counts;
            keys = new int[ok.length * 2];
            counts = new int[ok.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] != 0) {
                    int h = mix(ok[i] & 0xFFFFFF) & mask;
                    while (keys[h] != 0) {
                        h = (h + 1) & mask;
                    }
                    keys[h] = ok[i];
                    counts[h] = oc[i];
                }
            }
        }

        int[] keys() {
            int[] out = new int[size];
            int n = 0;
            for (int k : keys) {
                if (k != 0) {
                    out[n++] = k & 0xFFFFFF;
                }
            }
            Arrays.sort(out);
            return out;
        }

        int[] counts(int[] colors) {
            int[] out = new int[colors.length];
            int mask = keys.length - 1;
            for (int i = 0; i < colors.length; i++) {
                int key = colors[i] | 0x1000000;
                int h = mix(colors[i]) & mask;
                while (keys[h] != key) {
                    h = (h + 1) & mask;
                }
                out[i] = counts[h];
            }
            return out;
        }
    }
}
