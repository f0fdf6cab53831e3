package dev.descent.app;

import dev.descent.math.CriticalPoint;
import dev.descent.math.Surface;
import dev.descent.math.Viewport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The one place where the window meets the Java2D painters: it prepares the static layer (filled
 * contours, contour lines, gradient field, axes, colour bar, critical points) off the FX thread and
 * paints a frame (that layer, then trajectories, markers and legend) into any {@link Graphics2D} —
 * an FXGraphics2D over the plot's canvas in the window.
 *
 * <p>Until {@code dev.descent.render} lands, the drawing here is a small stand-in with the same
 * shape (prepare a layer for a scene; paint a frame for the current view), so swapping in the real
 * painters changes this class only. No JavaFX in here.
 */
public final class PlotPainter {

    /** How the static layer looks. */
    public record Look(String colorMap, boolean contourLines, boolean gradientField, boolean dark) {
    }

    /** What a frame shows of one run. Arrays are read only up to {@code count}. */
    public record Trail(Color color, String label, double[] xs, double[] ys, int count, double startX, double startY,
                        boolean diverged, double lastX, double lastY, boolean selected) {
    }

    /** Data ↔ pixel mapping of a plot area, y up. */
    public record Geometry(Viewport viewport, double left, double top, double width, double height) {
        public double px(double x) {
            return left + (x - viewport.xMin()) * width / viewport.width();
        }

        public double py(double y) {
            return top + (viewport.yMax() - y) * height / viewport.height();
        }

        public double dataX(double px) {
            return viewport.xMin() + (px - left) * viewport.width() / width;
        }

        public double dataY(double py) {
            return viewport.yMax() - (py - top) * viewport.height() / height;
        }

        public Rectangle2D area() {
            return new Rectangle2D.Double(left, top, width, height);
        }

        public Geometry withViewport(Viewport v) {
            return new Geometry(v, left, top, width, height);
        }
    }

    /** A prepared static layer: the requested scene and its image. Immutable. */
    public record Layer(Surface surface, Viewport requested, int width, int height, Look look,
                        Geometry geometry, BufferedImage image, double fMin, double fMax, boolean log) {
        public boolean matches(Surface s, Viewport v, int w, int h, Look l) {
            return surface == s && requested.equals(v) && width == w && height == h && look.equals(l);
        }
    }

    static final double LEFT = 56;
    static final double RIGHT = 78;
    static final double TOP = 14;
    static final double BOTTOM = 38;

    private PlotPainter() {
    }

    /**
     * The plot area for a canvas size, and the viewport actually shown: the requested one widened
     * along one axis so that one unit is as long on x as on y (circles stay round).
     */
    public static Geometry geometry(Viewport requested, int width, int height) {
        double w = Math.max(10, width - LEFT - RIGHT);
        double h = Math.max(10, height - TOP - BOTTOM);
        double sx = w / requested.width();
        double sy = h / requested.height();
        double s = Math.min(sx, sy);
        double vw = w / s;
        double vh = h / s;
        double cx = (requested.xMin() + requested.xMax()) / 2;
        double cy = (requested.yMin() + requested.yMax()) / 2;
        return new Geometry(new Viewport(cx - vw / 2, cx + vw / 2, cy - vh / 2, cy + vh / 2), LEFT, TOP, w, h);
    }

    // ---- the static layer ----------------------------------------------------------------------

    /** Computes the static layer. Any thread; allocates its own image. */
    public static Layer prepare(Surface surface, Viewport requested, int width, int height, Look look) {
        Geometry g = geometry(requested, width, height);
        Viewport v = g.viewport();
        int gw = (int) Math.ceil(g.width());
        int gh = (int) Math.ceil(g.height());
        // sample at half resolution, then fill every pixel from the nearest sample
        int nx = Math.max(2, gw / 2);
        int ny = Math.max(2, gh / 2);
        double[] f = new double[nx * ny];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ny; j++) {
            double y = v.yMax() - (j + 0.5) * v.height() / ny;
            for (int i = 0; i < nx; i++) {
                double x = v.xMin() + (i + 0.5) * v.width() / nx;
                double z = surface.value(x, y);
                f[j * nx + i] = z;
                if (Double.isFinite(z)) {
                    lo = Math.min(lo, z);
                    hi = Math.max(hi, z);
                }
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double[] sorted = f.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        boolean log = (median - lo) / (hi - lo) < 0.1;
        double delta = (hi - lo) * 1e-4;
        int bands = 22;
        int[] band = new int[nx * ny];
        for (int k = 0; k < f.length; k++) {
            double t = log ? Math.log((f[k] - lo) + delta) - Math.log(delta) : f[k] - lo;
            double tMax = log ? Math.log((hi - lo) + delta) - Math.log(delta) : hi - lo;
            double u = Double.isFinite(t) ? Math.max(0, Math.min(1, t / tMax)) : 1;
            band[k] = Math.min(bands - 1, (int) (u * bands));
        }
        int[] colors = new int[bands];
        for (int b = 0; b < bands; b++) {
            colors[b] = ColorMaps.argb(look.colorMap(), (b + 0.5) / bands);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = img.createGraphics();
        hints(g2);
        Color bg = look.dark() ? new Color(0x0d1117) : Color.WHITE;
        Color fg = look.dark() ? new Color(0xc9d1d9) : new Color(0x24292f);
        g2.setColor(bg);
        g2.fillRect(0, 0, width, height);
        int x0 = (int) g.left();
        int y0 = (int) g.top();
        for (int py = 0; py < gh && y0 + py < height; py++) {
            int j = Math.min(ny - 1, py * ny / gh);
            for (int px = 0; px < gw && x0 + px < width; px++) {
                int i = Math.min(nx - 1, px * nx / gw);
                int b = band[j * nx + i];
                int c = colors[b];
                if (look.contourLines()) {
                    int jr = Math.min(ny - 1, (py + 1) * ny / gh);
                    int ir = Math.min(nx - 1, (px + 1) * nx / gw);
                    if (band[jr * nx + i] != b || band[j * nx + ir] != b) {
                        c = darken(c);
                    }
                }
                img.setRGB(x0 + px, y0 + py, c);
            }
        }
        if (look.gradientField()) {
            paintGradientField(g2, surface, g);
        }
        paintCriticalPoints(g2, surface, g);
        g2.setColor(fg);
        paintAxes(g2, g, fg);
        paintColorBar(g2, g, look, lo, hi, log, fg);
        g2.dispose();
        return new Layer(surface, requested, width, height, look, g, img, lo, hi, log);
    }

    private static int darken(int argb) {
        int r = (argb >> 16) & 0xff;
        int gg = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return 0xff000000 | ((int) (r * 0.62) << 16) | ((int) (gg * 0.62) << 8) | (int) (b * 0.62);
    }

    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    private static void paintGradientField(Graphics2D g, Surface s, Geometry geo) {
        double[] grad = new double[2];
        double step = 34;
        g.setStroke(new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 255, 255, 150));
        for (double py = geo.top() + step / 2; py < geo.top() + geo.height(); py += step) {
            for (double px = geo.left() + step / 2; px < geo.left() + geo.width(); px += step) {
                s.gradient(geo.dataX(px), geo.dataY(py), grad, 0);
                double gx = -grad[0];
                double gy = grad[1];
                double n = Math.hypot(gx, gy);
                if (!(n > 0) || !Double.isFinite(n)) {
                    continue;
                }
                double len = step * 0.38;
                double ux = gx / n * len;
                double uy = gy / n * len;
                double ax = px - ux / 2;
                double ay = py - uy / 2;
                double bx = px + ux / 2;
                double by = py + uy / 2;
                g.draw(new Line2D.Double(ax, ay, bx, by));
                double hx = -ux / len * 4;
                double hy = -uy / len * 4;
                g.draw(new Line2D.Double(bx, by, bx + hx - hy * 0.6, by + hy + hx * 0.6));
                g.draw(new Line2D.Double(bx, by, bx + hx + hy * 0.6, by + hy - hx * 0.6));
            }
        }
    }

    private static void paintCriticalPoints(Graphics2D g, Surface s, Geometry geo) {
        Rectangle2D area = geo.area();
        for (CriticalPoint p : s.criticalPoints()) {
            double px = geo.px(p.x());
            double py = geo.py(p.y());
            if (!area.contains(px, py)) {
                continue;
            }
            if (p.isMinimum()) {
                Path2D star = star(px, py, p.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM ? 8 : 6);
                g.setColor(new Color(0, 0, 0, 160));
                g.setStroke(new BasicStroke(3f));
                g.draw(star);
                g.setColor(Color.WHITE);
                g.fill(star);
            } else {
                g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(new Color(0, 0, 0, 160));
                cross(g, px, py, 6);
                g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(Color.WHITE);
                cross(g, px, py, 6);
            }
        }
    }

    private static Path2D star(double cx, double cy, double r) {
        Path2D p = new Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double a = -Math.PI / 2 + k * Math.PI / 5;
            double rr = k % 2 == 0 ? r : r * 0.45;
            double x = cx + rr * Math.cos(a);
            double y = cy + rr * Math.sin(a);
            if (k == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }

    private static void cross(Graphics2D g, double x, double y, double r) {
        g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
        g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
    }

    private static void paintAxes(Graphics2D g, Geometry geo, Color fg) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(fg);
        g.setStroke(new BasicStroke(1f));
        g.draw(geo.area());
        Viewport v = geo.viewport();
        for (double t : ticks(v.xMin(), v.xMax(), Math.max(3, (int) (geo.width() / 90)))) {
            double px = geo.px(t);
            g.draw(new Line2D.Double(px, geo.top() + geo.height(), px, geo.top() + geo.height() + 5));
            String s = tickLabel(t);
            g.drawString(s, (float) (px - fm.stringWidth(s) / 2.0), (float) (geo.top() + geo.height() + 8 + fm.getAscent()));
        }
        for (double t : ticks(v.yMin(), v.yMax(), Math.max(3, (int) (geo.height() / 70)))) {
            double py = geo.py(t);
            g.draw(new Line2D.Double(geo.left() - 5, py, geo.left(), py));
            String s = tickLabel(t);
            g.drawString(s, (float) (geo.left() - 8 - fm.stringWidth(s)), (float) (py + fm.getAscent() / 2.0 - 1));
        }
        Font it = font.deriveFont(Font.ITALIC, 13f);
        g.setFont(it);
        g.drawString("x", (float) (geo.left() + geo.width() / 2), (float) (geo.top() + geo.height() + 34));
        g.drawString("y", (float) (geo.left() - 48), (float) (geo.top() + geo.height() / 2));
    }

    static double[] ticks(double lo, double hi, int target) {
        double raw = (hi - lo) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        double step = (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * mag;
        double first = Math.ceil(lo / step) * step;
        int n = (int) Math.floor((hi - first) / step) + 1;
        double[] t = new double[Math.max(0, Math.min(n, 100))];
        for (int k = 0; k < t.length; k++) {
            double x = first + k * step;
            t[k] = Math.abs(x) < step * 1e-9 ? 0 : x;
        }
        return t;
    }

    static String tickLabel(double t) {
        if (t == Math.rint(t) && Math.abs(t) < 1e6) {
            return Long.toString((long) t);
        }
        String s = String.format(java.util.Locale.ROOT, "%.6g", t);
        if (s.contains("e")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static void paintColorBar(Graphics2D g, Geometry geo, Look look, double lo, double hi, boolean log, Color fg) {
        double x = geo.left() + geo.width() + 16;
        double w = 14;
        double top = geo.top();
        double h = geo.height();
        for (int k = 0; k < (int) h; k++) {
            double u = 1 - (k + 0.5) / h;
            g.setColor(new Color(ColorMaps.argb(look.colorMap(), u), true));
            g.fill(new Rectangle2D.Double(x, top + k, w, 1.2));
        }
        g.setColor(fg);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x, top, w, h));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        double delta = (hi - lo) * 1e-4;
        for (int k = 0; k <= 4; k++) {
            double u = k / 4.0;
            double value = log ? lo + delta * (Math.exp(u * (Math.log((hi - lo) + delta) - Math.log(delta))) - 1) : lo + u * (hi - lo);
            double py = top + (1 - u) * h;
            g.draw(new Line2D.Double(x + w, py, x + w + 3, py));
            g.drawString(shortNumber(value), (float) (x + w + 5), (float) (py + fm.getAscent() / 2.0 - 1));
        }
        g.drawString(log ? "f (log)" : "f", (float) x, (float) (top + h + 16));
    }

    static String shortNumber(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e4 || a < 1e-2) {
            return String.format(java.util.Locale.ROOT, "%.1e", v);
        }
        return tickLabel(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v)));
    }

    // ---- a frame -------------------------------------------------------------------------------

    /**
     * Paints the static part for the view shown now ({@code now}: the plot area and viewport at the
     * canvas's current size): the layer as it is when it matches, otherwise stretched to where its
     * viewport falls (while a new layer is being computed), with axes for the current view.
     */
    public static void paintBackground(Graphics2D g, Layer layer, Geometry now, int width, int height, boolean dark) {
        hints(g);
        Geometry old = layer.geometry();
        if (layer.width() == width && layer.height() == height && now.viewport().equals(old.viewport())) {
            g.drawImage(layer.image(), 0, 0, null);
            return;
        }
        Color fg = dark ? new Color(0xc9d1d9) : new Color(0x24292f);
        g.setColor(dark ? new Color(0x0d1117) : Color.WHITE);
        g.fillRect(0, 0, width, height);
        int cx = (int) (old.left() + old.width() + 2);
        g.drawImage(layer.image().getSubimage(cx, 0, layer.width() - cx, layer.height()),
                (int) (now.left() + now.width() + 2), 0, null);
        java.awt.Shape clip = g.getClip();
        g.clip(now.area());
        double kx = (now.width() / now.viewport().width()) / (old.width() / old.viewport().width());
        double ky = (now.height() / now.viewport().height()) / (old.height() / old.viewport().height());
        double dx = now.px(old.viewport().xMin());
        double dy = now.py(old.viewport().yMax());
        BufferedImage plot = layer.image().getSubimage((int) old.left(), (int) old.top(),
                (int) Math.ceil(old.width()), (int) Math.ceil(old.height()));
        g.drawImage(plot, new AffineTransform(kx, 0, 0, ky, dx, dy), null);
        g.setClip(clip);
        paintAxes(g, now, fg);
    }

    /** Paints the moving parts over the background: trajectories, start and head markers, the legend. */
    public static void paintOverlay(Graphics2D g, Geometry now, List<Trail> trails) {
        hints(g);
        paintTrails(g, now, trails);
    }

    static void paintTrails(Graphics2D g, Geometry geo, List<Trail> trails) {
        java.awt.Shape clip = g.getClip();
        g.clip(geo.area());
        BasicStroke halo = new BasicStroke(4.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        BasicStroke line = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        Color haloColor = new Color(0, 0, 0, 120);
        for (Trail t : trails) {
            Path2D path = path(geo, t);
            g.setStroke(halo);
            g.setColor(haloColor);
            g.draw(path);
            g.setStroke(line);
            g.setColor(t.color());
            g.draw(path);
        }
        for (Trail t : trails) {
            // start: a hollow ring
            double sx = geo.px(t.startX());
            double sy = geo.py(t.startY());
            double r = t.selected() ? 7 : 6;
            g.setStroke(new BasicStroke(4f));
            g.setColor(haloColor);
            g.draw(new Ellipse2D.Double(sx - r, sy - r, 2 * r, 2 * r));
            g.setStroke(new BasicStroke(2f));
            g.setColor(t.color());
            g.draw(new Ellipse2D.Double(sx - r, sy - r, 2 * r, 2 * r));
            if (t.diverged()) {
                double hx = geo.px(t.lastX());
                double hy = geo.py(t.lastY());
                g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(haloColor);
                cross(g, hx, hy, 7);
                g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(t.color());
                cross(g, hx, hy, 7);
            } else if (t.count() > 0) {
                double hx = geo.px(t.xs()[t.count() - 1]);
                double hy = geo.py(t.ys()[t.count() - 1]);
                double hr = 5.5;
                g.setColor(t.color());
                g.fill(new Ellipse2D.Double(hx - hr, hy - hr, 2 * hr, 2 * hr));
                g.setStroke(new BasicStroke(1.5f));
                g.setColor(new Color(0, 0, 0, 200));
                g.draw(new Ellipse2D.Double(hx - hr, hy - hr, 2 * hr, 2 * hr));
            }
        }
        g.setClip(clip);
        paintLegend(g, geo, trails);
    }

    /** The drawn path: points closer than half a pixel to the last drawn one are skipped. */
    private static Path2D path(Geometry geo, Trail t) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, Math.min(t.count(), 4096) + 1);
        double lx = Double.NaN;
        double ly = Double.NaN;
        boolean open = false;
        for (int i = 0; i < t.count(); i++) {
            double x = t.xs()[i];
            double y = t.ys()[i];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                break;
            }
            double px = geo.px(x);
            double py = geo.py(y);
            // keep coordinates drawable even when a run flies far outside the view
            px = Math.max(-1e5, Math.min(1e5, px));
            py = Math.max(-1e5, Math.min(1e5, py));
            if (!open) {
                p.moveTo(px, py);
                open = true;
                lx = px;
                ly = py;
            } else if (Math.abs(px - lx) + Math.abs(py - ly) >= 0.6 || i == t.count() - 1) {
                p.lineTo(px, py);
                lx = px;
                ly = py;
            }
        }
        return p;
    }

    private static void paintLegend(Graphics2D g, Geometry geo, List<Trail> trails) {
        if (trails.isEmpty()) {
            return;
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        double lineH = fm.getHeight() + 3;
        double w = 0;
        for (Trail t : trails) {
            w = Math.max(w, fm.stringWidth(t.label() + (t.diverged() ? "  (diverged)" : "")));
        }
        w = w * 1.12 + 44;
        double h = trails.size() * lineH + 10;
        double x = geo.left() + geo.width() - w - 10;
        double y = geo.top() + 10;
        g.setColor(new Color(255, 255, 255, 215));
        g.fill(new java.awt.geom.RoundRectangle2D.Double(x, y, w, h, 8, 8));
        g.setColor(new Color(0, 0, 0, 60));
        g.setStroke(new BasicStroke(1f));
        g.draw(new java.awt.geom.RoundRectangle2D.Double(x, y, w, h, 8, 8));
        double ty = y + 5;
        for (Trail t : trails) {
            double cy = ty + lineH / 2;
            g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(new Color(0, 0, 0, 110));
            g.draw(new Line2D.Double(x + 9, cy, x + 27, cy));
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(t.color());
            g.draw(new Line2D.Double(x + 9, cy, x + 27, cy));
            g.setColor(new Color(0x24292f));
            g.drawString(t.label() + (t.diverged() ? "  (diverged)" : ""), (float) (x + 34), (float) (cy + fm.getAscent() / 2.0 - 1));
            ty += lineH;
        }
    }
}
