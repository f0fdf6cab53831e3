package dev.descent.render;

import dev.descent.math.DataModel;
import dev.descent.math.DataSet;
import dev.descent.math.DataSurface;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The data panel: the data points of a loss from data, the model at θ (the regression line, the
 * fitted tanh curve, or logistic regression's decision boundary w₁x₁ + w₂x₂ = 0 with its p = ½
 * side shaded), and the points of the current minibatch ringed. Pure Java2D: the window draws it
 * through FXGraphics2D, tests into a BufferedImage.
 */
public final class DataPainter {

    /** Class 0 and class 1, and the points of regression data (Okabe–Ito blue, vermillion; grey-blue). */
    public static final Color CLASS0 = new Color(0x0072B2);
    public static final Color CLASS1 = new Color(0xD55E00);
    public static final Color POINT = new Color(0x56B4E9);
    public static final Color BATCH = new Color(0xE69F00);

    private final DataSurface surface;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    public DataPainter(DataSurface surface) {
        this.surface = surface;
        DataSet d = surface.data();
        double a = Double.POSITIVE_INFINITY;
        double b = Double.NEGATIVE_INFINITY;
        double c = Double.POSITIVE_INFINITY;
        double e = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.size(); i++) {
            double px = d.x(i);
            double py = d.isClassification() ? d.x2(i) : d.y(i);
            a = Math.min(a, px);
            b = Math.max(b, px);
            c = Math.min(c, py);
            e = Math.max(e, py);
        }
        double padX = 0.08 * Math.max(b - a, 1e-6);
        double padY = 0.08 * Math.max(e - c, 1e-6);
        xMin = a - padX;
        xMax = b + padX;
        yMin = c - padY;
        yMax = e + padY;
    }

    public DataSurface surface() {
        return surface;
    }

    /**
     * Paints the panel into {@code area}.
     *
     * @param theta the model's parameters (θ₁, θ₂); NaN draws no model
     * @param batch data indices of the current minibatch (empty: none). Not modified.
     * @param modelColor the colour of the model (the run's)
     */
    public void paint(Graphics2D g, Rectangle2D area, double t1, double t2, int[] batch, Color modelColor, boolean dark) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color bg = dark ? new Color(0x1E1E1E) : Color.WHITE;
        Color fg = dark ? new Color(0xDDDDDD) : new Color(0x333333);
        g.setColor(bg);
        g.fill(area);
        DataSet d = surface.data();
        DataModel model = surface.model();
        Font font = g.getFont().deriveFont(11f);
        g.setFont(font);
        double left = area.getX() + 8;
        double top = area.getY() + 22;
        double w = area.getWidth() - 16;
        double h = area.getHeight() - 40;
        if (w < 20 || h < 20) {
            return;
        }
        Rectangle2D box = new Rectangle2D.Double(left, top, w, h);
        g.setColor(fg);
        g.drawString(title(), (float) left, (float) (area.getY() + 15));
        java.awt.Shape clip = g.getClip();
        g.clip(box);
        if (model == DataModel.LOGISTIC && Double.isFinite(t1) && Double.isFinite(t2)) {
            // the side where p > ½, lightly shaded in class 1's colour
            Path2D side = halfPlane(t1, t2, box);
            if (side != null) {
                g.setColor(new Color(CLASS1.getRed(), CLASS1.getGreen(), CLASS1.getBlue(), 28));
                g.fill(side);
            }
        }
        double r = d.size() > 400 ? 2 : 3;
        for (int i = 0; i < d.size(); i++) {
            double py = d.isClassification() ? d.x2(i) : d.y(i);
            g.setColor(d.isClassification() ? (d.y(i) == 1 ? CLASS1 : CLASS0) : POINT);
            g.fill(new Ellipse2D.Double(sx(d.x(i), box) - r, sy(py, box) - r, 2 * r, 2 * r));
        }
        g.setStroke(new BasicStroke(1.8f));
        g.setColor(BATCH);
        for (int i : batch) {
            if (i >= 0 && i < d.size()) {
                double py = d.isClassification() ? d.x2(i) : d.y(i);
                g.draw(new Ellipse2D.Double(sx(d.x(i), box) - r - 2.5, sy(py, box) - r - 2.5, 2 * r + 5, 2 * r + 5));
            }
        }
        if (Double.isFinite(t1) && Double.isFinite(t2)) {
            g.setColor(modelColor);
            g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            if (model == DataModel.LOGISTIC) {
                Line2D boundary = boundary(t1, t2, box);
                if (boundary != null) {
                    g.draw(boundary);
                }
            } else {
                Path2D curve = new Path2D.Double();
                int n = 120;
                for (int k = 0; k <= n; k++) {
                    double x = xMin + (xMax - xMin) * k / n;
                    double y = model.predict(t1, t2, x, 0);
                    double py = Math.max(-1e4, Math.min(1e4, sy(y, box)));
                    if (k == 0) {
                        curve.moveTo(sx(x, box), py);
                    } else {
                        curve.lineTo(sx(x, box), py);
                    }
                }
                g.draw(curve);
            }
        }
        g.setClip(clip);
        g.setStroke(new BasicStroke(1f));
        g.setColor(dark ? new Color(0x555555) : new Color(0xBBBBBB));
        g.draw(box);
        g.setColor(fg);
        String axes = model == DataModel.LOGISTIC ? "x₁ →, x₂ ↑" : "x →, y ↑";
        String legend = batch.length > 0 ? axes + "   ○ minibatch (" + batch.length + ")" : axes;
        g.drawString(legend, (float) left, (float) (area.getMaxY() - 5));
    }

    private String title() {
        return switch (surface.model()) {
            case LINEAR -> "Data: y = w·x + b";
            case LOGISTIC -> "Data: boundary w₁x₁ + w₂x₂ = 0";
            case TANH -> "Data: y = w₂·tanh(w₁·x)";
        } + "  (N = " + surface.size() + ")";
    }

    private double sx(double x, Rectangle2D box) {
        return box.getX() + (x - xMin) / (xMax - xMin) * box.getWidth();
    }

    private double sy(double y, Rectangle2D box) {
        return box.getMaxY() - (y - yMin) / (yMax - yMin) * box.getHeight();
    }

    /** The boundary w₁x₁ + w₂x₂ = 0 across the data's box, in pixels; null when θ = 0. */
    private Line2D boundary(double w1, double w2, Rectangle2D box) {
        double norm = Math.hypot(w1, w2);
        if (!(norm > 0)) {
            return null;
        }
        // direction along the boundary (−w₂, w₁); long enough to cross the box
        double span = 4 * (Math.abs(xMax - xMin) + Math.abs(yMax - yMin) + Math.abs(xMin) + Math.abs(yMin));
        double dx = -w2 / norm * span;
        double dy = w1 / norm * span;
        return new Line2D.Double(sx(-dx, box), sy(-dy, box), sx(dx, box), sy(dy, box));
    }

    /** The half-plane w₁x₁ + w₂x₂ > 0 clipped to a large square, in pixels; null when θ = 0. */
    private Path2D halfPlane(double w1, double w2, Rectangle2D box) {
        double norm = Math.hypot(w1, w2);
        if (!(norm > 0)) {
            return null;
        }
        double span = 4 * (Math.abs(xMax - xMin) + Math.abs(yMax - yMin) + Math.abs(xMin) + Math.abs(yMin));
        double ux = -w2 / norm * span;
        double uy = w1 / norm * span;
        double nx = w1 / norm * span;
        double ny = w2 / norm * span;
        Path2D p = new Path2D.Double();
        p.moveTo(sx(-ux, box), sy(-uy, box));
        p.lineTo(sx(ux, box), sy(uy, box));
        p.lineTo(sx(ux + nx, box), sy(uy + ny, box));
        p.lineTo(sx(-ux + nx, box), sy(-uy + ny, box));
        p.closePath();
        return p;
    }
}
