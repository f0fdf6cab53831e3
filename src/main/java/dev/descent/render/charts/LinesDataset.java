package dev.descent.render.charts;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * A JFreeChart dataset over {@link Points}: no item objects, no event per point. The owner swaps
 * all series with {@link #set} and then calls {@link #changed()} once.
 */
public final class LinesDataset extends AbstractXYDataset {

    private static final long serialVersionUID = 1L;

    private final List<String> keys = new ArrayList<>();
    private final List<Points> series = new ArrayList<>();

    /** Replaces every series without notifying anyone. */
    public void set(List<String> k, List<Points> p) {
        if (k.size() != p.size()) {
            throw new IllegalArgumentException(k.size() + " keys for " + p.size() + " series");
        }
        keys.clear();
        keys.addAll(k);
        series.clear();
        series.addAll(p);
    }

    /** Tells the plot (and so the chart) that the data changed: one redraw. */
    public void changed() {
        fireDatasetChanged();
    }

    public Points points(int s) {
        return series.get(s);
    }

    @Override
    public int getSeriesCount() {
        return series.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int s) {
        // keys must be unique for JFreeChart's legend; a key repeated gets an invisible suffix
        String k = keys.get(s);
        for (int i = 0; i < s; i++) {
            if (keys.get(i).equals(k)) {
                return k + "\u200b".repeat(s);
            }
        }
        return k;
    }

    @Override
    public int getItemCount(int s) {
        return series.get(s).count();
    }

    @Override
    public Number getX(int s, int item) {
        return series.get(s).x(item);
    }

    @Override
    public Number getY(int s, int item) {
        return series.get(s).y(item);
    }

    @Override
    public double getXValue(int s, int item) {
        return series.get(s).x(item);
    }

    @Override
    public double getYValue(int s, int item) {
        return series.get(s).y(item);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
