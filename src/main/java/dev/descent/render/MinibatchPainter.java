package dev.descent.render;

import dev.descent.math.DataSurface;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;

/**
 * The minibatch aids on the plot of a loss made from data: faint contours of the current minibatch's
 * loss (what SGD "sees" this step), marks where an epoch begins on a path, and at a run's head the
 * spread of the minibatch gradient: the arrow −∇f and, around its tip, the 2σ ellipse of −g_B, whose
 * covariance (1/B)·(N − B)/(N − 1)·Σ shrinks as 1/B. The arrow and ellipse share one scale, fixed by
 * the spread of single-point gradients, so changing B shows the ellipse shrink against the arrow.
 */
public final class MinibatchPainter {

    /** Grid of the batch-loss field: coarse enough to recompute every frame in O(grid · B). */
    static final int NX = 96;
    static final int NY = 72;
    /** How long the arrow plus the single-point 2σ radius is drawn, in pixels. */
    static final double REACH = 90;

    private final ScalarField field = new ScalarField();

    /**
     * Faint contour lines of the mean loss over the batch {@code index[0..len)}.
     *
     * @param index Not modified.
     */
    public void paintBatchContours(Graphics2D g, PlotTransform t, DataSurface s, int[] index, Color color) {
        if (index.length == 0) {
            return;
        }
        field.sample((x, y) -> s.batchLoss(x, y, index, 0, index.length), t.viewport(), NX, NY);
        Levels levels = Levels.of(field, Levels.Mode.AUTO, 14);
        ContourLines lines = ContourLines.trace(field, levels);
        Shape clip = g.getClip();
        g.clip(t.plotArea());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(color);
        g.setStroke(new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 3f}, 0f));
        for (int k = 0; k < lines.levelCount(); k++) {
            for (ContourLines.Polyline p : lines.lines(k)) {
                Path2D.Double path = new Path2D.Double();
                for (int i = 0; i < p.size(); i++) {
                    double px = t.toPixelX(p.x(i));
                    double py = t.toPixelY(p.y(i));
                    if (i == 0) {
                        path.moveTo(px, py);
                    } else {
                        path.lineTo(px, py);
                    }
                }
                if (p.closed()) {
                    path.closePath();
                }
                g.draw(path);
            }
        }
        g.setClip(clip);
    }

    /**
     * Marks where each epoch begins on a path: a small bar across the path at the point where the
     * epoch's first batch was drawn.
     *
     * @param xs     the path's points; Not modified.
     * @param epochs the epoch of the batch each row's step drew (NaN where none); Not modified.
     */
    public static void paintEpochMarks(Graphics2D g, PlotTransform t, double[] xs, double[] ys, double[] epochs, int rows,
                                       Color color) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Shape clip = g.getClip();
        g.clip(t.plotArea());
        for (int i = 1; i < rows; i++) {
            boolean starts = Double.isFinite(epochs[i]) && (i == 1 ? epochs[i] == 0 : epochs[i] != epochs[i - 1]);
            if (!starts || epochs[i] == 0) {
                continue; // the first epoch begins at the start marker
            }
            double px = t.toPixelX(xs[i - 1]);
            double py = t.toPixelY(ys[i - 1]);
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                continue;
            }
            Shape d = new Path2D.Double(new java.awt.Polygon(new int[] {0, 5, 0, -5}, new int[] {-5, 0, 5, 0}, 4),
                    AffineTransform.getTranslateInstance(px, py));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(3f));
            g.draw(d);
            g.setColor(color);
            g.fill(d);
        }
        g.setClip(clip);
    }

    /**
     * The spread of the minibatch gradient at θ: the arrow −∇f from θ and around its tip the 2σ
     * ellipse of −g_B for batches of {@code batchSize}.
     */
    public static void paintSpread(Graphics2D g, PlotTransform t, DataSurface s, double x, double y, int batchSize, Color color) {
        double[] grad = new double[2];
        s.gradient(x, y, grad, 0);
        double[] one = new double[3];
        double[] cov = new double[3];
        s.minibatchCovariance(x, y, 1, one);
        s.minibatchCovariance(x, y, batchSize, cov);
        double oneRadius = 2 * Math.sqrt(Math.max(0, largestEigen(one)));
        double norm = Math.hypot(grad[0], grad[1]);
        double reach = norm + oneRadius;
        if (!(reach > 0) || !Double.isFinite(reach)) {
            return;
        }
        double k = REACH / reach; // pixels per unit of gradient
        double hx = t.toPixelX(x);
        double hy = t.toPixelY(y);
        double tx = hx - k * grad[0];
        double ty = hy + k * grad[1]; // screen y points down
        Graphics2D g2 = (Graphics2D) g.create();
        g2.clip(t.plotArea());
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // the ellipse: eigen-decomposition of the 2×2 covariance, in pixels (y flipped)
        double a = cov[0];
        double b = cov[1];
        double c = cov[2];
        double l1 = largestEigen(cov);
        double l2 = Math.max(0, a + c - l1);
        double angle = 0.5 * Math.atan2(2 * b, a - c);
        double r1 = 2 * Math.sqrt(Math.max(0, l1)) * k;
        double r2 = 2 * Math.sqrt(l2) * k;
        Shape e = AffineTransform.getRotateInstance(-angle, tx, ty)
                .createTransformedShape(new Ellipse2D.Double(tx - r1, ty - r2, 2 * r1, 2 * r2));
        g2.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
        g2.fill(e);
        g2.setColor(color);
        g2.setStroke(new BasicStroke(1.6f));
        g2.draw(e);
        g2.setColor(Color.WHITE);
        g2.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g2.draw(new Line2D.Double(hx, hy, tx, ty));
        g2.setColor(color);
        g2.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g2.draw(new Line2D.Double(hx, hy, tx, ty));
        double len = Math.hypot(tx - hx, ty - hy);
        if (len > 8) {
            double ux = (tx - hx) / len;
            double uy = (ty - hy) / len;
            Path2D head = new Path2D.Double();
            head.moveTo(tx, ty);
            head.lineTo(tx - 8 * ux + 4 * uy, ty - 8 * uy - 4 * ux);
            head.lineTo(tx - 8 * ux - 4 * uy, ty - 8 * uy + 4 * ux);
            head.closePath();
            g2.fill(head);
        }
        g2.dispose();
    }

    /** The larger eigenvalue of the symmetric [[a, b], [b, c]] given as {a, b, c}. */
    static double largestEigen(double[] m) {
        double mean = 0.5 * (m[0] + m[2]);
        double d = Math.hypot(0.5 * (m[0] - m[2]), m[1]);
        return mean + d;
    }
}
