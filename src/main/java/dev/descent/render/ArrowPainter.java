package dev.descent.render;

import dev.descent.optim.RoleVector;
import dev.descent.sim.HeadArrows;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws the vectors of each run's last step as arrows (the gradient used, the velocity, the step,
 * look-ahead and slow-weight points, the preconditioned direction, the Newton step, trial points),
 * one colour per role, with a scale note in the plot's lower left corner. Shared by the window,
 * stills and exported frames.
 *
 * <p>Scaling: steps, displacements and points are drawn to scale (they are places on the plot);
 * each role of direction (a gradient, a buffer) is multiplied by one factor from 1, 2, 5 × 10ᵏ, the
 * largest that keeps its longest arrow within {@link #TARGET} of the plot's shorter side, and the
 * note says the factor ("−∇f ×0.01"). A step box (an adaptive method's effective rates) is drawn
 * with half-sides of k·rate pixels, one k for both sides (so its aspect is the ratio of the rates),
 * the largest 1, 2, 5 × 10ᵏ that keeps its larger half-side within the target; the note names it
 * ("η_eff ×200 px box"). Line-search trial points are small markers joined to the head, the
 * accepted one a ring around the head. A path (Lookahead's fast weights since the last
 * synchronisation) is a translucent band over the run's own trail with a dot at each point.
 */
public final class ArrowPainter {

    /** Longest direction arrow, as a fraction of the plot's shorter side. */
    public static final double TARGET = 0.2;

    /** Which roles are drawn. */
    public record Settings(Set<RoleVector.Role> shown) {
        public static final Settings ALL = new Settings(EnumSet.allOf(RoleVector.Role.class));

        public Settings {
            shown = shown.isEmpty() ? EnumSet.noneOf(RoleVector.Role.class) : EnumSet.copyOf(shown);
        }

        public boolean shows(RoleVector.Role r) {
            return shown.contains(r);
        }

        /**
         * "all", or role ids separated by commas ("gradient,velocity,step").
         *
         * @throws IllegalArgumentException naming the unknown id and the known ones
         */
        public static Settings parse(String text) {
            String t = text == null ? "" : text.trim();
            if (t.equalsIgnoreCase("all")) {
                return ALL;
            }
            Set<RoleVector.Role> roles = EnumSet.noneOf(RoleVector.Role.class);
            for (String part : t.split(",")) {
                String id = part.trim().toLowerCase(java.util.Locale.ROOT);
                RoleVector.Role match = null;
                for (RoleVector.Role r : RoleVector.Role.values()) {
                    if (r.id().equals(id)) {
                        match = r;
                    }
                }
                if (match == null) {
                    throw new IllegalArgumentException("Invalid arrow kind '" + part.trim() + "': use all, or some of "
                            + String.join(", ", ids()) + " separated by commas");
                }
                roles.add(match);
            }
            return new Settings(roles);
        }

        /** Every role id, in order. */
        public static List<String> ids() {
            List<String> out = new ArrayList<>();
            for (RoleVector.Role r : RoleVector.Role.values()) {
                out.add(r.id());
            }
            return out;
        }
    }

    private static final Map<RoleVector.Role, Color> COLORS = new EnumMap<>(Map.ofEntries(
            Map.entry(RoleVector.Role.GRADIENT, new Color(0xE4, 0x1A, 0x1C)),
            Map.entry(RoleVector.Role.VELOCITY, new Color(0x37, 0x7E, 0xB8)),
            Map.entry(RoleVector.Role.STEP, new Color(0x11, 0x11, 0x11)),
            Map.entry(RoleVector.Role.LOOKAHEAD, new Color(0x98, 0x4E, 0xA3)),
            Map.entry(RoleVector.Role.SLOW_WEIGHTS, new Color(0xFF, 0x7F, 0x00)),
            Map.entry(RoleVector.Role.PRECONDITIONED, new Color(0x4D, 0xAF, 0x4A)),
            Map.entry(RoleVector.Role.NEWTON_STEP, new Color(0xA6, 0x56, 0x28)),
            Map.entry(RoleVector.Role.TRIAL, new Color(0xF7, 0x81, 0xBF)),
            Map.entry(RoleVector.Role.AVERAGED, new Color(0x1B, 0x9E, 0x77)),
            Map.entry(RoleVector.Role.RATE_BOX, new Color(0x66, 0x66, 0x66)),
            Map.entry(RoleVector.Role.FAST_PATH, new Color(0xFF, 0x7F, 0x00))));

    private ArrowPainter() {
    }

    public static Color color(RoleVector.Role role) {
        return COLORS.get(role);
    }

    /**
     * The display factor of each direction role for these arrows: 1, 2 or 5 × 10ᵏ, the largest that
     * keeps the role's longest arrow within {@link #TARGET} of the plot's shorter side. Roles drawn
     * to scale are absent.
     */
    public static Map<RoleVector.Role, Double> factors(PlotTransform t, List<List<HeadArrows.Arrow>> runs) {
        double target = TARGET * Math.min(t.width(), t.height());
        Map<RoleVector.Role, Double> longest = new EnumMap<>(RoleVector.Role.class);
        for (List<HeadArrows.Arrow> arrows : runs) {
            for (HeadArrows.Arrow a : arrows) {
                if (a.kind() == RoleVector.Kind.DIRECTION) {
                    double px = Math.hypot(a.dx() * t.scaleX(), a.dy() * t.scaleY());
                    longest.merge(a.role(), px, Math::max);
                } else if (a.kind() == RoleVector.Kind.BOX) {
                    // a box's factor is pixels per unit of rate: the larger half-side within the target
                    longest.merge(a.role(), Math.max(Math.abs(a.dx()), Math.abs(a.dy())), Math::max);
                }
            }
        }
        Map<RoleVector.Role, Double> out = new EnumMap<>(RoleVector.Role.class);
        longest.forEach((role, px) -> out.put(role, px > 0 ? nice(target / px) : 1.0));
        return out;
    }

    /** The largest of 1, 2, 5 × 10ᵏ not above x (x > 0). */
    static double nice(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        double m = x / p;
        double f = m >= 5 ? 5 : m >= 2 ? 2 : 1;
        return f * p;
    }

    /**
     * Draws every run's arrows and the scale note.
     *
     * @param runs   each run's arrows (see {@link HeadArrows})
     * @return the factor used for each direction role (empty when nothing was drawn)
     */
    public static Map<RoleVector.Role, Double> paint(Graphics2D g, PlotTransform t, Style s, List<List<HeadArrows.Arrow>> runs,
            Settings settings) {
        List<List<HeadArrows.Arrow>> shown = new ArrayList<>();
        for (List<HeadArrows.Arrow> arrows : runs) {
            List<HeadArrows.Arrow> keep = new ArrayList<>();
            for (HeadArrows.Arrow a : arrows) {
                if (settings.shows(a.role())) {
                    keep.add(a);
                }
            }
            shown.add(keep);
        }
        Map<RoleVector.Role, Double> factors = factors(t, shown);
        var oldClip = g.getClip();
        var oldStroke = g.getStroke();
        var oldPaint = g.getPaint();
        var oldFont = g.getFont();
        Set<RoleVector.Role> drawn = EnumSet.noneOf(RoleVector.Role.class);
        try {
            Style.applyHints(g);
            g.clip(t.plotArea());
            // the step underneath (a gradient step lies along it), then directions, then points on top
            for (RoleVector.Kind layer : new RoleVector.Kind[] {RoleVector.Kind.PATH, RoleVector.Kind.BOX, RoleVector.Kind.MOVE, RoleVector.Kind.DISPLACEMENT,
                    RoleVector.Kind.DIRECTION, RoleVector.Kind.POINT}) {
                for (List<HeadArrows.Arrow> arrows : shown) {
                    for (HeadArrows.Arrow a : arrows) {
                        if (a.kind() == layer) {
                            paintArrow(g, t, s, a, factors.getOrDefault(a.role(), 1.0));
                            drawn.add(a.role());
                        }
                    }
                }
            }
            g.setClip(oldClip);
            if (!drawn.isEmpty()) {
                paintNote(g, t, s, drawn, factors);
            }
        } finally {
            g.setClip(oldClip);
            g.setStroke(oldStroke);
            g.setPaint(oldPaint);
            g.setFont(oldFont);
        }
        return factors;
    }

    /** Where an arrow's tip is drawn, in pixels, with display factor k (POINT and MOVE tips are exact). */
    public static double[] tip(PlotTransform t, HeadArrows.Arrow a, double k) {
        double f = a.kind() == RoleVector.Kind.DIRECTION ? k : 1;
        return new double[] {t.toPixelX(a.x() + f * a.dx()), t.toPixelY(a.y() + f * a.dy())};
    }

    /**
     * The step box of a {@link RoleVector.Kind#BOX} arrow in pixels: centred at its anchor, half-sides
     * k·|dx| and k·|dy| (k in pixels per unit of rate), so its aspect is the ratio of the two rates.
     */
    public static Rectangle2D box(PlotTransform t, HeadArrows.Arrow a, double k) {
        double hx = k * Math.abs(a.dx());
        double hy = k * Math.abs(a.dy());
        return new Rectangle2D.Double(t.toPixelX(a.x()) - hx, t.toPixelY(a.y()) - hy, 2 * hx, 2 * hy);
    }

    /** Whether a trial point is the one its search accepted: the point the step reached (its head). */
    public static boolean isAccepted(HeadArrows.Arrow a) {
        return a.role() == RoleVector.Role.TRIAL && a.kind() == RoleVector.Kind.POINT && a.dx() == 0 && a.dy() == 0;
    }

    private static void paintArrow(Graphics2D g, PlotTransform t, Style s, HeadArrows.Arrow a, double k) {
        double x0 = t.toPixelX(a.x());
        double y0 = t.toPixelY(a.y());
        double[] tip = tip(t, a, k);
        Color c = COLORS.get(a.role());
        if (a.kind() == RoleVector.Kind.BOX) {
            Rectangle2D r = box(t, a, k);
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 40));
            g.fill(r);
            g.setColor(c);
            g.setStroke(new BasicStroke(s.px(1.6)));
            g.draw(r);
            return;
        }
        if (a.role() == RoleVector.Role.TRIAL && a.kind() == RoleVector.Kind.POINT) {
            paintTrial(g, s, a, x0, y0, tip, c);
            return;
        }
        if (a.kind() == RoleVector.Kind.PATH) {
            // a highlighter over the trail's own stretch, with a dot at each point it reached
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
            g.setStroke(new BasicStroke(s.px(6), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(x0, y0, tip[0], tip[1]));
            double r = s.px(2.5);
            g.setColor(c);
            g.fill(new Ellipse2D.Double(tip[0] - r, tip[1] - r, 2 * r, 2 * r));
            return;
        }
        float w = s.px(a.kind() == RoleVector.Kind.MOVE ? 3.4 : 2.2);
        if (a.kind() == RoleVector.Kind.POINT) {
            g.setColor(c);
            g.setStroke(new BasicStroke(s.px(1.4), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10,
                    new float[] {s.px(4), s.px(3)}, 0));
            g.draw(new Line2D.Double(x0, y0, tip[0], tip[1]));
            double r = s.px(5);
            Ellipse2D dot = new Ellipse2D.Double(tip[0] - r, tip[1] - r, 2 * r, 2 * r);
            g.setColor(Color.WHITE);
            g.fill(dot);
            g.setColor(c);
            g.setStroke(new BasicStroke(s.px(2.2)));
            g.draw(dot);
            return;
        }
        double len = Math.hypot(tip[0] - x0, tip[1] - y0);
        if (len < 0.5) {
            return;
        }
        double ux = (tip[0] - x0) / len;
        double uy = (tip[1] - y0) / len;
        double head = Math.min(s.px(11), len * 0.6);
        double bx = tip[0] - ux * head;
        double by = tip[1] - uy * head;
        // a thin white halo keeps the arrow visible on any colour map
        g.setStroke(new BasicStroke(w + s.px(2), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 255, 255, 150));
        g.draw(new Line2D.Double(x0, y0, bx, by));
        g.setStroke(new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.setColor(c);
        g.draw(new Line2D.Double(x0, y0, bx, by));
        Path2D.Double tri = new Path2D.Double();
        tri.moveTo(tip[0], tip[1]);
        tri.lineTo(bx - uy * head * 0.45, by + ux * head * 0.45);
        tri.lineTo(bx + uy * head * 0.45, by - ux * head * 0.45);
        tri.closePath();
        g.fill(tri);
    }

    /**
     * A trial point as a small marker joined to its anchor by a thin dashed line; the accepted one
     * (the point reached) as a ring around the head.
     */
    private static void paintTrial(Graphics2D g, Style s, HeadArrows.Arrow a, double x0, double y0, double[] tip,
            Color c) {
        if (isAccepted(a)) {
            double r = s.px(8);
            Ellipse2D ring = new Ellipse2D.Double(x0 - r, y0 - r, 2 * r, 2 * r);
            g.setColor(new Color(255, 255, 255, 150));
            g.setStroke(new BasicStroke(s.px(4)));
            g.draw(ring);
            g.setColor(c);
            g.setStroke(new BasicStroke(s.px(2.2)));
            g.draw(ring);
            return;
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(s.px(1), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10,
                new float[] {s.px(2), s.px(3)}, 0));
        g.draw(new Line2D.Double(x0, y0, tip[0], tip[1]));
        double r = s.px(3.5);
        Ellipse2D dot = new Ellipse2D.Double(tip[0] - r, tip[1] - r, 2 * r, 2 * r);
        g.fill(dot);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(s.px(1)));
        g.draw(dot);
    }

    /** The key and the scale: "−∇f ×0.01  v ×0.1  Δθ to scale", one entry per drawn role, in its colour. */
    public static List<String> noteEntries(Set<RoleVector.Role> drawn, Map<RoleVector.Role, Double> factors) {
        List<String> out = new ArrayList<>();
        for (RoleVector.Role r : drawn) {
            Double k = factors.get(r);
            out.add(r.symbol() + (k == null ? "" : " ×" + dev.descent.math.Params.format(k)
                    + (r == RoleVector.Role.RATE_BOX ? " px box" : "")));
        }
        return out;
    }

    /** The height the scale note takes above the plot's bottom edge, margin included. */
    public static double noteHeight(Style s) {
        return Style.lineHeight(s.legendFont()) + s.px(4) + s.px(6);
    }

    private static void paintNote(Graphics2D g, PlotTransform t, Style s, Set<RoleVector.Role> drawn,
            Map<RoleVector.Role, Double> factors) {
        Font f = s.legendFont();
        g.setFont(f);
        List<String> entries = noteEntries(drawn, factors);
        String suffix = factors.isEmpty() ? "" : "  (others to scale)";
        double gap = s.px(10);
        double width = gap;
        for (String e : entries) {
            width += Style.width(e, f) + gap;
        }
        width += Style.width(suffix, f);
        double lh = Style.lineHeight(f);
        Rectangle2D area = t.plotArea();
        double x = area.getX() + s.px(6);
        double y = area.getMaxY() - s.px(6) - lh - s.px(4);
        g.setColor(new Color(255, 255, 255, 215));
        g.fill(new Rectangle2D.Double(x, y, width, lh + s.px(4)));
        double base = y + s.px(2) + Style.ascent(f);
        double cx = x + gap;
        int i = 0;
        for (RoleVector.Role r : drawn) {
            g.setColor(COLORS.get(r));
            String e = entries.get(i++);
            g.drawString(e, (float) cx, (float) base);
            cx += Style.width(e, f) + gap;
        }
        g.setColor(new Color(0x44, 0x44, 0x44));
        g.drawString(suffix, (float) cx - (float) gap + s.px(2), (float) base);
    }
}
