package dev.descent.render;

import dev.descent.math.CriticalPoint;
import dev.descent.math.Viewport;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.List;

/** The relief drawn for one camera and size: colours and depths, reused for every frame. */
public final class ReliefDrawing {
    private final Relief relief;
    private final Camera3D.Projection projection;
    private final int width;
    private final int height;
    private final boolean dark;
    private final int[] argb;
    private final float[] depth;
    private final double[] scratch = new double[3];
    /** The relief with the runs' paths as last drawn, and what of each run it holds. */
    private int[] trails;
    private final List<Traced> traced = new java.util.ArrayList<>();
    /** Which run last blended each pixel, so a hidden path is blended once, not once per stamp. */
    private final int[] stamp;
    private int stamps;
    /** A map draped over the relief (the basin map), or null. */
    private ReliefDrape drape;

    ReliefDrawing(Relief relief, Camera3D camera, int width, int height, boolean dark) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a picture needs at least one pixel, got " + width + " × " + height);
        }
        this.relief = relief;
        this.projection = camera.projection(width, height, relief.halfU, relief.halfV);
        this.width = width;
        this.height = height;
        this.dark = dark;
        this.argb = new int[width * height];
        this.depth = new float[width * height];
        this.stamp = new int[width * height];
        Arrays.fill(argb, Style.background(dark).getRGB());
        Arrays.fill(depth, Float.POSITIVE_INFINITY);
    }

    /** The same relief for another thread: its colours and depths shared (read only), its runs its own. */
    public ReliefDrawing copy() {
        return new ReliefDrawing(this);
    }

    private ReliefDrawing(ReliefDrawing d) {
        this.relief = d.relief;
        this.projection = d.projection;
        this.width = d.width;
        this.height = d.height;
        this.dark = d.dark;
        this.argb = d.argb;
        this.depth = d.depth;
        this.stamp = new int[d.stamp.length];
        this.drape = d.drape;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The relief's colour at a pixel (before any run is painted). */
    public int argbAt(int px, int py) {
        return argb[py * width + px];
    }

    /** Where a point of the plane at height level {@code t} lands: {x, y, depth}. */
    public double[] project(double x, double y, double t) {
        double[] out = new double[3];
        projection.apply(relief.u(x), relief.v(y), t * Camera3D.HEIGHT, out);
        return out;
    }

    void fillRelief(boolean contourLines, ReliefDrape drape) {
        this.drape = drape;
        int n = relief.grid;
        double[] sx = new double[n * n];
        double[] sy = new double[n * n];
        double[] sd = new double[n * n];
        double[] t = new double[n * n];
        double[] shade = new double[n * n];
        double[] values = relief.field.values();
        boolean[] bad = new boolean[n * n];
        for (int k = 0; k < n * n; k++) {
            t[k] = relief.level(values[k]);
            bad[k] = !Double.isFinite(values[k]);
        }
        double[] eye = projection.towardsEye();
        double lx = eye[0] + 0.35 * eye[1];
        double ly = eye[1] - 0.35 * eye[0];
        double lz = eye[2] + 0.6;
        double ll = Math.sqrt(lx * lx + ly * ly + lz * lz);
        lx /= ll;
        ly /= ll;
        lz /= ll;
        double du = 2 * relief.halfU / (n - 1);
        double dv = 2 * relief.halfV / (n - 1);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int k = j * n + i;
                double u = -relief.halfU + i * du;
                double v = -relief.halfV + j * dv;
                projection.apply(u, v, t[k] * Camera3D.HEIGHT, scratch);
                sx[k] = scratch[0];
                sy[k] = scratch[1];
                sd[k] = scratch[2];
                int i0 = Math.max(0, i - 1);
                int i1 = Math.min(n - 1, i + 1);
                int j0 = Math.max(0, j - 1);
                int j1 = Math.min(n - 1, j + 1);
                double gu = (t[j * n + i1] - t[j * n + i0]) * Camera3D.HEIGHT / ((i1 - i0) * du);
                double gv = (t[j1 * n + i] - t[j0 * n + i]) * Camera3D.HEIGHT / ((j1 - j0) * dv);
                double norm = Math.sqrt(gu * gu + gv * gv + 1);
                double lambert = Math.abs(-gu * lx - gv * ly + lz) / norm;
                shade[k] = 0.5 + 0.5 * lambert;
            }
        }
        int lines = contourLines ? Relief.LEVELS + 1 : 0;
        for (int j = 0; j + 1 < n; j++) {
            for (int i = 0; i + 1 < n; i++) {
                int a = j * n + i;
                int b = a + 1;
                int c = a + n + 1;
                int d = a + n;
                // where f is undefined the relief is the plot's grey for it, at the top
                boolean undefined = bad[a] || bad[b] || bad[c] || bad[d];
                triangle(sx, sy, sd, t, shade, a, b, c, lines, undefined);
                triangle(sx, sy, sd, t, shade, a, c, d, lines, undefined);
            }
        }
        floor();
    }

    /** Fills one triangle of the mesh: depth-tested, colour and shade interpolated, contours drawn. */
    private void triangle(double[] sx, double[] sy, double[] sd, double[] t, double[] shade, int a, int b, int c,
                          int lines, boolean undefined) {
        double x0 = sx[a], y0 = sy[a], x1 = sx[b], y1 = sy[b], x2 = sx[c], y2 = sy[c];
        double area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
        if (!(Math.abs(area) > 1e-9)) {
            return;
        }
        int minX = Math.max(0, (int) Math.floor(Math.min(x0, Math.min(x1, x2))));
        int maxX = Math.min(width - 1, (int) Math.ceil(Math.max(x0, Math.max(x1, x2))));
        int minY = Math.max(0, (int) Math.floor(Math.min(y0, Math.min(y1, y2))));
        int maxY = Math.min(height - 1, (int) Math.ceil(Math.max(y0, Math.max(y1, y2))));
        if (minX > maxX || minY > maxY) {
            return;
        }
        double inv = 1 / area;
        // the plane of each quantity over the screen: q = q0 + qx·(px − x0) + qy·(py − y0)
        double ex1 = x1 - x0, ey1 = y1 - y0, ex2 = x2 - x0, ey2 = y2 - y0;
        double dtx = ((t[b] - t[a]) * ey2 - (t[c] - t[a]) * ey1) * inv;
        double dty = ((t[c] - t[a]) * ex1 - (t[b] - t[a]) * ex2) * inv;
        double ddx = ((sd[b] - sd[a]) * ey2 - (sd[c] - sd[a]) * ey1) * inv;
        double ddy = ((sd[c] - sd[a]) * ex1 - (sd[b] - sd[a]) * ex2) * inv;
        double dsx = ((shade[b] - shade[a]) * ey2 - (shade[c] - shade[a]) * ey1) * inv;
        double dsy = ((shade[c] - shade[a]) * ex1 - (shade[b] - shade[a]) * ex2) * inv;
        // contour lines about one pixel wide whatever the slope: the level's change per pixel
        double perPixel = lines * Math.hypot(dtx, dty);
        for (int py = minY; py <= maxY; py++) {
            double cy = py + 0.5;
            for (int px = minX; px <= maxX; px++) {
                double cx = px + 0.5;
                double w0 = ((x1 - cx) * (y2 - cy) - (x2 - cx) * (y1 - cy)) * inv;
                double w1 = ((x2 - cx) * (y0 - cy) - (x0 - cx) * (y2 - cy)) * inv;
                double w2 = 1 - w0 - w1;
                if (w0 < -1e-9 || w1 < -1e-9 || w2 < -1e-9) {
                    continue;
                }
                double ox = cx - x0;
                double oy = cy - y0;
                float z = (float) (sd[a] + ddx * ox + ddy * oy);
                int p = py * width + px;
                if (!(z < depth[p])) {
                    continue;
                }
                depth[p] = z;
                double level = Math.max(0, Math.min(1, t[a] + dtx * ox + dty * oy));
                double s = shade[a] + dsx * ox + dsy * oy;
                if (lines > 0 && !undefined && perPixel < 0.4) { // where levels crowd closer than ~2 px, lines would merge into a dark wall
                    double x = level * lines;
                    double off = Math.abs(x - Math.rint(x));
                    if (Math.rint(x) >= 1 && Math.rint(x) < lines && off < 0.55 * perPixel) {
                        s *= 0.72;
                    }
                }
                int colour = undefined ? ColorMap.BAD_ARGB : relief.map.argb(level);
                if (drape != null && !undefined) { // the point of the plane under this pixel, from the corners' weights
                    colour = drape.over(colour, w0 * planeX(a) + w1 * planeX(b) + w2 * planeX(c),
                            w0 * planeY(a) + w1 * planeY(b) + w2 * planeY(c));
                }
                argb[p] = ColorMap.shade(colour, s);
            }
        }
    }

    /** The plane's x of mesh node k (nodes row by row from the view's bottom left corner). */
    private double planeX(int k) {
        return relief.view.xMin() + (k % relief.grid) * relief.view.width() / (relief.grid - 1);
    }

    private double planeY(int k) {
        return relief.view.yMin() + (k / relief.grid) * relief.view.height() / (relief.grid - 1);
    }

    /** The box's floor outline, so the view's extent reads at any angle; hidden edges are not drawn. */
    private void floor() {
        double[][] corners = {
            {relief.view.xMin(), relief.view.yMin()}, {relief.view.xMax(), relief.view.yMin()},
            {relief.view.xMax(), relief.view.yMax()}, {relief.view.xMin(), relief.view.yMax()}};
        int edge = dark ? 0xFF8B949E : 0xFF555555;
        for (int k = 0; k < 4; k++) {
            double[] p = corners[k];
            double[] q = corners[(k + 1) % 4];
            line(argb, project(p[0], p[1], 0), project(q[0], q[1], 0), edge, 0.6, false);
            // up to the relief's corner, so the floor reads as the box's
            line(argb, project(p[0], p[1], 0), project(p[0], p[1], relief.level(relief.surface.value(p[0], p[1]))),
                    edge, 0.6, false);
        }
    }

    /**
     * A copy of the relief with the runs on it: their paths (faint where the relief hides them),
     * starts and heads, and the surface's minima, saddles and maxima.
     */
    public BufferedImage paint(List<Relief.Run> runs, Style style) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        paint(runs, style, img);
        return img;
    }

    /** {@link #paint(List, Style)} into {@code img}, an INT_ARGB_PRE image of this drawing's size (reused every frame). */
    public void paint(List<Relief.Run> runs, Style style, BufferedImage img) {
        if (img.getWidth() != width || img.getHeight() != height || img.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
            throw new IllegalArgumentException("the image must be INT_ARGB_PRE, " + width + " × " + height);
        }
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        trace(runs);
        System.arraycopy(trails, 0, out, 0, out.length);
        Graphics2D g = img.createGraphics();
        try {
            Style.applyHints(g);
            for (CriticalPoint cp : relief.surface.criticalPoints()) {
                if (relief.inView(cp.x(), cp.y())) {
                    double[] p = onRelief(cp.x(), cp.y(), relief.surface.value(cp.x(), cp.y()));
                    marker(g, p, () -> MarkerPainter.glyph(g, MarkerPainter.Glyph.of(cp.kind()), p[0], p[1],
                            Color.WHITE, style));
                }
            }
            for (Relief.Run r : runs) {
                if (relief.inView(r.startX(), r.startY())) {
                    double[] p = onRelief(r.startX(), r.startY(), relief.surface.value(r.startX(), r.startY()));
                    marker(g, p, () -> MarkerPainter.start(g, p[0], p[1], r.color(), style));
                }
                int last = lastFinite(r);
                if (last >= 0 && relief.inView(r.xs()[last], r.ys()[last])) {
                    double[] p = onRelief(r.xs()[last], r.ys()[last], r.fs()[last]);
                    // a diverged run's ✕ where it was last seen, as on the plot
                    marker(g, p, r.diverged() ? () -> MarkerPainter.diverged(g, p[0], p[1], style)
                            : () -> MarkerPainter.head(g, p[0], p[1], r.color(), style));
                }
            }
            axes(g, style);
            // the runs' legend top right, the basin map's below it (top left is the window's play hint)
            java.awt.geom.Rectangle2D area = new java.awt.geom.Rectangle2D.Double(0, 0, width, height);
            if (!runs.isEmpty()) {
                List<LegendPainter.Entry> entries = runs.stream()
                        .map(r -> new LegendPainter.Entry(r.color(), r.label(), r.diverged())).toList();
                java.awt.geom.Rectangle2D box = LegendPainter.paint(g, area, entries, LegendPainter.Corner.TOP_RIGHT, style);
                if (box != null) {
                    double top = box.getMaxY() + style.px(4);
                    area = new java.awt.geom.Rectangle2D.Double(0, top, width, Math.max(1, height - top));
                }
            }
            if (drape != null) {
                BasinMapPainter.paintLegend(g, area, drape.legend(), drape.total(), style, drape.title(),
                        LegendPainter.Corner.TOP_RIGHT);
            }
        } finally {
            g.dispose();
        }
    }

    /** The run's last point with x, y and f finite, or −1. */
    private static int lastFinite(Relief.Run r) {
        for (int k = r.count() - 1; k >= Math.max(0, r.from()); k--) {
            if (Double.isFinite(r.xs()[k]) && Double.isFinite(r.ys()[k]) && Double.isFinite(r.fs()[k])) {
                return k;
            }
        }
        return -1;
    }

    /** Whether a projected point lies in front of the relief (or off it). */
    private boolean visible(double[] p) {
        int px = (int) Math.floor(p[0]);
        int py = (int) Math.floor(p[1]);
        if (px < 0 || py < 0 || px >= width || py >= height) {
            return false;
        }
        return p[2] <= depth[py * width + px] + Relief.DEPTH_SLACK;
    }

    private double[] onRelief(double x, double y, double f) {
        double[] p = new double[3];
        projection.apply(relief.u(x), relief.v(y), relief.level(f) * Camera3D.HEIGHT + Relief.LIFT, p);
        return p;
    }

    private void marker(Graphics2D g, double[] p, Runnable draw) {
        Composite old = g.getComposite();
        if (!visible(p)) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
        }
        draw.run();
        g.setComposite(old);
    }

    /**
     * Ticks and names of x and y along the floor's front edges (the two lower on the screen), as
     * a plot's axes: the labels stand outside the floor, turned with the camera.
     */
    private void axes(Graphics2D g, Style style) {
        Viewport v = relief.view;
        g.setColor(style.text());
        double yEdge = project(v.xMin() + v.width() / 2, v.yMin(), 0)[1] >= project(v.xMin() + v.width() / 2, v.yMax(), 0)[1]
                ? v.yMin() : v.yMax();
        double xEdge = project(v.xMin(), v.yMin() + v.height() / 2, 0)[1] >= project(v.xMax(), v.yMin() + v.height() / 2, 0)[1]
                ? v.xMin() : v.xMax();
        double outY = (yEdge == v.yMin() ? -1 : 1) * v.height();
        double outX = (xEdge == v.xMin() ? -1 : 1) * v.width();
        double step = Ticks.step(v.xMin(), v.xMax(), 5);
        g.setFont(style.tickFont());
        for (double x : Ticks.nice(v.xMin(), v.xMax(), 5)) {
            g.draw(new java.awt.geom.Line2D.Double(at(x, yEdge), at(x, yEdge + 0.025 * outY)));
            label(g, Ticks.format(x, step), x, yEdge + 0.08 * outY);
        }
        step = Ticks.step(v.yMin(), v.yMax(), 5);
        for (double y : Ticks.nice(v.yMin(), v.yMax(), 5)) {
            g.draw(new java.awt.geom.Line2D.Double(at(xEdge, y), at(xEdge + 0.025 * outX, y)));
            label(g, Ticks.format(y, step), xEdge + 0.08 * outX, y);
        }
        g.setFont(style.labelFont());
        List<String> names = relief.surface.axisLabels();
        label(g, names.get(0), v.xMin() + v.width() / 2, yEdge + 0.18 * outY);
        label(g, names.get(1), xEdge + 0.18 * outX, v.yMin() + v.height() / 2);
    }

    /** The floor's point (x, y) in the picture. */
    private java.awt.geom.Point2D at(double x, double y) {
        double[] p = project(x, y, 0);
        return new java.awt.geom.Point2D.Double(p[0], p[1]);
    }

    /** A label centred on the floor's point (x, y). */
    private void label(Graphics2D g, String text, double x, double y) {
        double[] p = project(x, y, 0);
        double w = Style.width(text, g.getFont());
        g.drawString(text, (float) (p[0] - w / 2), (float) (p[1] + Style.digitHeight(g.getFont()) / 2));
    }

    /**
     * Brings {@link #trails} up to {@code runs}: while the runs only grew since the last frame, only
     * their new steps are drawn (a frame then costs its new steps, not the whole history); anything
     * else (a reset, another selection, a trail's window moving) draws them all again.
     */
    private void trace(List<Relief.Run> runs) {
        boolean grown = trails != null && traced.size() == runs.size();
        for (int i = 0; grown && i < runs.size(); i++) {
            grown = traced.get(i).grownInto(runs.get(i));
        }
        if (grown) {
            for (int i = 0; i < runs.size(); i++) {
                Relief.Run r = runs.get(i);
                path(trails, r, Math.max(0, traced.get(i).count() - 1));
                traced.set(i, Traced.of(r));
            }
            return;
        }
        if (trails == null) {
            trails = new int[argb.length];
        }
        System.arraycopy(argb, 0, trails, 0, argb.length);
        traced.clear();
        for (Relief.Run r : runs) {
            path(trails, r, r.from());
            traced.add(Traced.of(r));
        }
    }

    /** One run's path from point {@code first} on, lifted a little above the relief; faint where the relief hides it. */
    private void path(int[] out, Relief.Run r, int first) {
        List<double[]> polyline = polyline(r, first);
        double width = r.selected() ? 1.6 : 1.1;
        // a dark rim first, as the plot outlines its paths: a white or yellow path stays visible on a yellow slope
        strokes(out, polyline, dark ? 0xFF000000 : 0xFF333333, width + 0.9, false);
        strokes(out, polyline, r.color().getRGB() | 0xFF000000, width, true);
    }

    /**
     * The run's points projected, steps under a pixel (a run creeping or converged) joined to the
     * next: the same picture with far fewer stamps. A null breaks the line (a point outside the
     * view, or not finite).
     */
    private List<double[]> polyline(Relief.Run r, int first) {
        List<double[]> out = new java.util.ArrayList<>();
        double[] prev = null;
        for (int k = Math.max(0, first); k < r.count(); k++) {
            double x = r.xs()[k];
            double y = r.ys()[k];
            double f = r.fs()[k];
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(f) || !relief.inView(x, y)) {
                if (prev != null) {
                    out.add(null);
                }
                prev = null;
                continue;
            }
            double[] p = onRelief(x, y, f);
            if (prev == null || k == r.count() - 1 || Math.abs(p[0] - prev[0]) + Math.abs(p[1] - prev[1]) >= 1) {
                out.add(p);
                prev = p;
            }
        }
        return out;
    }

    private void strokes(int[] out, List<double[]> polyline, int colour, double width, boolean through) {
        stamps++;
        for (int k = 1; k < polyline.size(); k++) {
            double[] a = polyline.get(k - 1);
            double[] b = polyline.get(k);
            if (a != null && b != null) {
                line(out, a, b, colour, width, through);
            }
        }
    }

    /**
     * A line from a to b (pixel x, pixel y, depth), {@code radius} px thick; where the relief is in
     * front it is skipped, or blended faintly when {@code through}.
     */
    private void line(int[] out, double[] a, double[] b, int colour, double radius, boolean through) {
        double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
        int steps = Math.max(1, (int) Math.ceil(len)); // a sample a pixel: the stamps (radius ≥ 1) overlap
        int r = (int) Math.ceil(radius);
        double r2 = radius * radius;
        for (int s = 0; s <= steps; s++) {
            double f = (double) s / steps;
            double x = a[0] + (b[0] - a[0]) * f;
            double y = a[1] + (b[1] - a[1]) * f;
            double z = a[2] + (b[2] - a[2]) * f;
            int cx = (int) Math.floor(x);
            int cy = (int) Math.floor(y);
            for (int dy = -r; dy <= r; dy++) {
                for (int dx = -r; dx <= r; dx++) {
                    int px = cx + dx;
                    int py = cy + dy;
                    if (px < 0 || py < 0 || px >= width || py >= height) {
                        continue;
                    }
                    double ddx = px + 0.5 - x;
                    double ddy = py + 0.5 - y;
                    if (ddx * ddx + ddy * ddy > r2 + 0.25) {
                        continue;
                    }
                    int p = py * width + px;
                    if (z <= depth[p] + Relief.DEPTH_SLACK) {
                        out[p] = colour;
                        stamp[p] = stamps;
                    } else if (through && stamp[p] != stamps) {
                        out[p] = ColorMap.lerp(out[p], colour, 0.3);
                        stamp[p] = stamps;
                    }
                }
            }
        }
    }

    /** What the drawn paths hold of one run: its look, its first point and how many points, the last of them. */
    private record Traced(Color color, boolean selected, int from, int count, double lastX, double lastY, double lastF) {

        static Traced of(Relief.Run r) {
            int k = r.count() - 1;
            return k < 0 ? new Traced(r.color(), r.selected(), r.from(), 0, Double.NaN, Double.NaN, Double.NaN)
                    : new Traced(r.color(), r.selected(), r.from(), r.count(), r.xs()[k], r.ys()[k], r.fs()[k]);
        }

        /** Whether {@code r} is this run with more points: the same look, from the start, the points drawn still there. */
        boolean grownInto(Relief.Run r) {
            if (!color.equals(r.color()) || selected != r.selected() || from != 0 || r.from() != 0 || r.count() < count) {
                return false;
            }
            int k = count - 1;
            return k < 0 || Double.compare(r.xs()[k], lastX) == 0 && Double.compare(r.ys()[k], lastY) == 0
                    && Double.compare(r.fs()[k], lastF) == 0;
        }
    }
}
