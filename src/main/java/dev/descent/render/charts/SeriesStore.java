package dev.descent.render.charts;

import dev.descent.sim.Engine;
import dev.descent.sim.Frame;
import dev.descent.sim.History;
import dev.descent.sim.RunFrame;
import dev.descent.sim.RunSpec;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The chart series of every run, kept up to date from frames at a cost that depends only on the
 * rows added since the last update: each (run, channel, axis) series is a {@link Decimator} that
 * reads the new rows of the run's history snapshot. A run that starts again (reset, a new start, new
 * settings) is read afresh. Series nobody asked for during an update are dropped at its end, so
 * memory follows what is shown. No JavaFX; one thread.
 *
 * <pre>
 * store.begin(frame);
 * Points loss = store.series(run, SeriesStore.LOSS, true);
 * store.end();
 * </pre>
 */
public final class SeriesStore {

    public static final int STEP = 0;
    public static final int LOSS = 3;
    public static final int LR = 4;
    public static final int GRAD_NORM = 5;
    public static final int STEP_NORM = 6;

    /** Buckets per series by default: at most 3 072 points drawn per series. */
    public static final int DEFAULT_BUCKETS = 1024;

    private final int maxBuckets;
    private final Map<Integer, Track> tracks = new HashMap<>();
    private int xChannel = STEP;

    public SeriesStore() {
        this(DEFAULT_BUCKETS);
    }

    public SeriesStore(int maxBuckets) {
        this.maxBuckets = maxBuckets;
    }

    /**
     * The channel the series use as x: {@link #STEP} (default) or the cumulative gradient evaluations
     * ({@code Engine.GRADIENT_EVALUATIONS_TOTAL}), so that methods that evaluate several times per
     * step are compared by work done. Changing it reads every series afresh.
     */
    public void setXChannel(int channel) {
        if (channel != xChannel) {
            xChannel = channel;
            for (Track t : tracks.values()) {
                t.series.clear();
            }
        }
    }

    public int xChannel() {
        return xChannel;
    }

    /** The history channel of probe {@code k}'s coordinate ({@code 0} = x, {@code 1} = y). */
    public static int probeChannel(int k, int coordinate) {
        return Engine.CHANNELS.size() + 2 * k + coordinate;
    }

    private static final class Track {
        RunSpec spec;
        double lastStep = -1;
        final Map<Long, Entry> series = new HashMap<>();
        boolean used;
        // whether each probe's two coordinates ever differed
        boolean[] differs = new boolean[0];
        double scalarStep = Double.NEGATIVE_INFINITY;
        // the uphill steps' marks on the loss chart
        Points uphill;
        LossScale uphillScale;
        double uphillStep = Double.NEGATIVE_INFINITY;
    }

    /** The most uphill marks a run keeps for its loss chart: past it every other one is dropped. */
    public static final int MAX_UPHILL_MARKS = 256;

    /**
     * The steps of run {@code r} that raised f, as points (x, loss drawn through {@code scale}) for
     * marks on the loss chart, brought up to the frame's rows. At most {@link #MAX_UPHILL_MARKS}: a
     * run that goes uphill at every other step keeps an evenly thinned subset, so the cost stays bounded.
     */
    public Points uphill(RunFrame r, LossScale scale) {
        Track t = track(r);
        if (t.uphill == null || !java.util.Objects.equals(t.uphillScale, scale)) {
            t.uphill = new Points();
            t.uphillScale = scale;
            t.uphillStep = Double.NEGATIVE_INFINITY;
        }
        History.Snapshot h = r.history();
        int rows = h.rows();
        for (int i = Steps.firstRowAfter(h, t.uphillStep); i < rows; i++) {
            if (h.get(Engine.UPHILL, i) == 1) {
                double v = h.get(LOSS, i);
                double y = scale == null ? v : scale.map(v);
                if (scale != null && scale.logAxis() && !(y > 0)) {
                    continue; // a log axis has no place for it
                }
                t.uphill.add(h.get(xChannel, i), y);
                if (t.uphill.count() > MAX_UPHILL_MARKS) {
                    Points half = new Points();
                    for (int k = 0; k < t.uphill.count(); k += 2) {
                        half.add(t.uphill.x(k), t.uphill.y(k));
                    }
                    t.uphill = half;
                }
            }
        }
        if (rows > 0) {
            t.uphillStep = h.get(STEP, rows - 1);
        }
        return t.uphill;
    }

    private static final class Entry {
        final Decimator decimator;
        LossScale scale;
        boolean used;
        /** The step of the last row read (the x of the series may be another channel). */
        double lastStep = Double.NEGATIVE_INFINITY;

        Entry(Decimator d) {
            decimator = d;
        }
    }

    /** Starts an update: runs not in {@code frame} are forgotten. */
    public void begin(Frame frame) {
        for (Track t : tracks.values()) {
            t.used = false;
            for (Entry e : t.series.values()) {
                e.used = false;
            }
        }
        if (frame != null) {
            java.util.Set<Integer> ids = new java.util.HashSet<>();
            for (RunFrame r : frame.runs()) {
                ids.add(r.id());
            }
            tracks.keySet().retainAll(ids);
        }
    }

    /** Ends an update: series not asked for since {@link #begin} are dropped. */
    public void end() {
        for (Iterator<Track> it = tracks.values().iterator(); it.hasNext();) {
            Track t = it.next();
            if (!t.used) {
                it.remove();
                continue;
            }
            t.series.values().removeIf(e -> !e.used);
        }
    }

    private Track track(RunFrame r) {
        Track t = tracks.computeIfAbsent(r.id(), id -> new Track());
        t.used = true;
        if (t.spec != r.spec() || r.step() < t.lastStep) {
            // the run started again (reset, new start, new settings): read it afresh
            t.spec = r.spec();
            t.series.clear();
            t.uphill = null;
            t.differs = new boolean[r.probeNames().size()];
            t.scalarStep = Double.NEGATIVE_INFINITY;
        }
        t.lastStep = r.step();
        return t;
    }

    /**
     * The decimated series of {@code channel} of run {@code r}, brought up to the frame's rows.
     *
     * @param log whether it is drawn on a log axis (values not above zero are left out)
     * @return points owned by the store, valid until the next call for the same series
     */
    public Points series(RunFrame r, int channel, boolean log) {
        return series(r, channel, log, null);
    }

    /**
     * As {@link #series(RunFrame, int, boolean)}, each value drawn through {@code scale} (the loss
     * chart's gap or symmetric log); null draws values as they are. A different scale starts the
     * series again.
     */
    public Points series(RunFrame r, int channel, boolean log, LossScale scale) {
        Track t = track(r);
        long key = (long) channel << 1 | (log ? 1 : 0);
        Entry e = t.series.get(key);
        if (e == null || !java.util.Objects.equals(e.scale, scale)) {
            e = new Entry(new Decimator(maxBuckets, log));
            e.scale = scale;
            t.series.put(key, e);
        }
        e.used = true;
        Decimator d = e.decimator;
        History.Snapshot h = r.history();
        int rows = h.rows();
        for (int i = Steps.firstRowAfter(h, e.lastStep); i < rows; i++) {
            double v = h.get(channel, i);
            d.add(h.get(xChannel, i), scale == null ? v : scale.map(v));
        }
        if (rows > 0) {
            e.lastStep = h.get(STEP, rows - 1);
        }
        return d.points();
    }

    /**
     * Whether probe {@code k} of run {@code r} has had the same value in both coordinates at every
     * step so far (a scalar such as a bias correction or a step length): then one line is enough.
     */
    public boolean isScalar(RunFrame r, int k) {
        Track t = track(r);
        if (k >= t.differs.length) {
            return false;
        }
        History.Snapshot h = r.history();
        int rows = h.rows();
        // one scan position for all probes: every probe of the new rows is checked at once
        for (int i = Steps.firstRowAfter(h, t.scalarStep); i < rows; i++) {
            for (int p = 0; p < t.differs.length; p++) {
                if (!t.differs[p] && Double.compare(h.get(probeChannel(p, 0), i), h.get(probeChannel(p, 1), i)) != 0) {
                    t.differs[p] = true;
                }
            }
        }
        if (rows > 0) {
            t.scalarStep = h.get(STEP, rows - 1);
        }
        return !t.differs[k];
    }

    /** Series held now (memory tests). */
    public int seriesCount() {
        int n = 0;
        for (Track t : tracks.values()) {
            n += t.series.size();
        }
        return n;
    }

    /** Points held by all series now, counted by array capacity (memory tests). */
    public long pointsHeld() {
        long n = 0;
        for (Track t : tracks.values()) {
            for (Entry e : t.series.values()) {
                n += e.decimator.points().capacity();
            }
        }
        return n;
    }
}
