package dev.descent.export;

import dev.descent.render.PlotPainter;
import dev.descent.session.BasinMapConfig;
import dev.descent.session.SessionController;
import dev.descent.session.RunConfig;
import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import dev.descent.render.LegendPainter;
import dev.descent.sim.BasinMap;
import dev.descent.sim.MapResult;
import dev.descent.sim.RunSpec;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The basin-of-attraction map under the plot's contours: every pixel of the view is a start of the
 * selected run's optimizer (or, comparing, where it and another run's optimizer end differently).
 * Computed off the FX thread, coarse first and then finer; a change to anything the map shows (the
 * run's settings while a slider is dragged, the view, the size) cancels the computation under way
 * and starts again, while the last map stays on screen.
 */
public final class BasinMapOverlay {

    /** What a map was computed for; equal keys, equal maps (the start does not matter). */
    private record Key(Surface surface, RunConfig run, RunConfig other, Viewport view, int width, int height, int steps) {
    }

    /** A finished map ready to paint. */
    private record Shown(Key key, MapUnderlay.Picture picture) {
        MapResult result() {
            return picture.result();
        }
    }

    private final SessionController ctl;
    private final ExecutorService coordinator = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "basin-map");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private final int threads = Runtime.getRuntime().availableProcessors();
    private volatile Shown shown;
    private volatile boolean fresh;
    private volatile String problem;
    private Key requested;
    private boolean wasPainted;
    /** The steps and comparison the map takes when it is turned on (the session's while it is on). */
    private int steps = BasinMapConfig.DEFAULT_STEPS;
    private int compareWith = -1;
    private final AtomicLong mapsMade = new AtomicLong();

    public BasinMapOverlay(SessionController ctl) {
        this.ctl = ctl;
    }

    /** Whether the map is on: the session's own setting, so it is saved and opened with the session. */
    public boolean enabled() {
        return ctl.session().basinMap() != null;
    }

    private BasinMapConfig config() {
        return ctl.session().basinMap();
    }

    /** Shows or hides the map (a hidden map computes nothing); the session remembers it. */
    public void setEnabled(boolean on) {
        if (on != enabled()) {
            ctl.setBasinMap(on ? new BasinMapConfig(Math.max(0, ctl.selected()), compareWith >= 0 ? compareWith : null, steps)
                    : null);
        }
        fresh = true;
    }

    public int steps() {
        BasinMapConfig c = config();
        return c != null ? c.steps() : steps;
    }

    /** Steps of every run of the map. */
    public void setSteps(int n) {
        if (n < 1 || n > BasinMapConfig.MAX_STEPS) {
            throw new IllegalArgumentException("Invalid map step count: " + n + " (1 … " + BasinMapConfig.MAX_STEPS + ")");
        }
        steps = n;
        BasinMapConfig c = config();
        if (c != null) {
            ctl.setBasinMap(c.withSteps(n));
        }
    }

    /** The run (index) whose optimizer the selected run's map is compared with, or -1 for a plain map. */
    public void setCompareWith(int index) {
        compareWith = index;
        BasinMapConfig c = config();
        if (c != null) {
            ctl.setBasinMap(c.withCompareWith(index < 0 ? null : index));
        }
    }

    public int compareWith() {
        BasinMapConfig c = config();
        if (c != null) {
            return c.compareWith() == null ? -1 : c.compareWith();
        }
        return compareWith;
    }

    /** Maps finished so far, coarse ones included (tests wait on it). */
    public long mapsMade() {
        return mapsMade.get();
    }

    /** The newest finished map, or null. */
    /** The map as last finished, while the map is on; null otherwise. */
    public MapUnderlay.Picture picture() {
        Shown s = shown;
        return enabled() && s != null ? s.picture() : null;
    }

    public MapResult result() {
        Shown s = shown;
        return s == null ? null : s.result();
    }

    /** Why no map can be shown (e.g. no run selected), or null. */
    public String problem() {
        return problem;
    }

    /**
     * Called on every pulse on the FX thread: starts a computation when what the map shows changed.
     *
     * @return whether the plot's background must be painted again (a new map, or the map turned off)
     */
    public boolean update(PlotPainter.Geometry g) {
        boolean repaint = fresh;
        fresh = false;
        if (!enabled()) {
            if (requested != null) {
                // turned off, or a session without a map opened: whatever is under way stops
                generation.incrementAndGet();
                requested = null;
            }
            if (wasPainted) {
                wasPainted = false;
                return true;
            }
            return repaint;
        }
        Key key = key(g);
        if (key != null && !key.equals(requested)) {
            requested = key;
            start(key);
        }
        return repaint;
    }

    private Key key(PlotPainter.Geometry g) {
        int sel = ctl.selected() >= 0 ? ctl.selected() : 0;
        if (ctl.runs().isEmpty()) {
            problem = "no run to map";
            return null;
        }
        sel = Math.min(sel, ctl.runs().size() - 1);
        BasinMapConfig c = config();
        if (c != null && c.run() != sel) {
            // the map follows the selected run; the session says which one, for saving
            ctl.setBasinMap(c.withRun(sel));
        }
        int compareWith = compareWith();
        int steps = steps();
        RunConfig run = ctl.run(sel).withStart(0, 0);
        RunConfig other = compareWith >= 0 && compareWith < ctl.runs().size() && compareWith != sel
                ? ctl.run(compareWith).withStart(0, 0) : null;
        return new Key(ctl.surface(), run, other, g.viewport(), (int) Math.round(g.width()), (int) Math.round(g.height()), steps);
    }

    private void start(Key key) {
        long gen = generation.incrementAndGet();
        BooleanSupplier cancelled = () -> generation.get() != gen;
        coordinator.execute(() -> {
            if (cancelled.getAsBoolean()) {
                return;
            }
            try {
                RunSpec spec = key.run().toRunSpec(key.surface());
                RunSpec other = key.other() == null ? null : key.other().toRunSpec(key.surface());
                // coarse at once, then finer; start-by-start optimizers stop at a quarter of the pixels
                int[] divisors = MapUnderlay.batched(spec, other) ? new int[] {8, 2, 1} : new int[] {16, 4};
                for (int d : divisors) {
                    int cols = Math.max(8, key.width() / d);
                    int rows = Math.max(8, key.height() / d);
                    MapUnderlay.Picture p = MapUnderlay.compute(key.surface(), key.run(), key.other(), key.view(), cols, rows,
                            key.steps(), d > divisors[divisors.length - 1], threads, cancelled);
                    Shown s = new Shown(key, p);
                    if (cancelled.getAsBoolean()) {
                        return;
                    }
                    shown = s;
                    mapsMade.incrementAndGet();
                    problem = null;
                    fresh = true;
                }
            } catch (BasinMap.Cancelled c) {
                // a newer request took over
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem = e.getMessage();
                fresh = true;
            }
        });
    }

    /** Paints the newest map under the contours of the layer (FX thread, into the back canvas). */
    public void paint(Graphics2D g, PlotPainter.Layer layer, PlotPainter.Geometry now) {
        Shown s = shown;
        if (!enabled() || s == null || layer == null || s.key().surface() != layer.surface()) {
            return;
        }
        MapUnderlay.paint(g, layer.layer(), now.transform(), s.picture(), now.area(), LegendPainter.Corner.BOTTOM_RIGHT);
        wasPainted = true;
    }

    /**
     * The plot with the newest map as a still: the field, the map under the contours, the markers,
     * the legend and a title, drawn off-screen by the same painters.
     *
     * @throws IllegalStateException when no map has been computed yet
     */
    public BufferedImage still(String colorMap, boolean dark) {
        Shown s = shown;
        if (!enabled() || s == null) {
            throw new IllegalStateException("No basin map to save: turn it on first (Maps → Basin map, Ctrl+B)");
        }
        int w = s.key().width() + 200;
        int h = s.key().height() + 90;
        PlotPainter.Layer layer = PlotPainter.prepare(s.key().surface(), s.key().view(), w, h,
                new PlotPainter.Look(colorMap, true, false, dark));
        BufferedImage img = new BufferedImage(layer.layer().width(), layer.layer().height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            dev.descent.render.Style.applyHints(g);
            g.drawImage(layer.layer().image(), 0, 0, null);
            MapUnderlay.paint(g, layer.layer(), layer.layer().transform(), s.picture(), LegendPainter.Corner.BOTTOM_RIGHT);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The newest map's cells as CSV ({@link dev.descent.export.MapCsv}). */
    public void writeCsv(java.io.OutputStream out) throws java.io.IOException {
        Shown s = shown;
        if (!enabled() || s == null) {
            throw new IllegalStateException("No basin map to save: turn it on first (Maps → Basin map, Ctrl+B)");
        }
        dev.descent.export.MapCsv.write(out, s.result(), null, s.key().view());
    }

    public void dispose() {
        generation.incrementAndGet();
        coordinator.shutdownNow();
    }
}
