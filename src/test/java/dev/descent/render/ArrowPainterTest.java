package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Viewport;
import dev.descent.optim.RoleVector.Anchor;
import dev.descent.optim.RoleVector.Kind;
import dev.descent.optim.RoleVector.Role;
import dev.descent.sim.HeadArrows.Arrow;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arrows painter puts each arrow where its vector says. */
class ArrowPainterTest {

    // 800 × 800 image, plot (100, 100) to (700, 700) over [-3, 3]²: 100 pixels per unit,
    // x = 0 at pixel 400, y = 0 at pixel 400, y upwards
    static final PlotTransform T = new PlotTransform(new Viewport(-3, 3, -3, 3), 100, 100, 600, 600);
    static final Style S = Style.forSize(800, 800, 1);

    static int px(double x) {
        return (int) Math.round(400 + 100 * x);
    }

    static int py(double y) {
        return (int) Math.round(400 - 100 * y);
    }

    static BufferedImage paint(List<Arrow> arrows, ArrowPainter.Settings settings) {
        BufferedImage img = new BufferedImage(800, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 800);
        ArrowPainter.paint(g, T, S, List.of(arrows), settings);
        g.dispose();
        return img;
    }

    /** Whether a pixel within r of (x, y) has about colour c. */
    static boolean near(BufferedImage img, int x, int y, int r, Color c) {
        for (int i = x - r; i <= x + r; i++) {
            for (int j = y - r; j <= y + r; j++) {
                Color p = new Color(img.getRGB(i, j));
                int d = Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen()) + Math.abs(p.getBlue() - c.getBlue());
                if (d < 60) {
                    return true;
                }
            }
        }
        return false;
    }

    // −∇f from (0, 0) pointing by (4, 0): 400 px long; the longest direction may be 0.2 · 600 = 120 px,
    // so the factor is 0.2 (the largest of 1, 2, 5 × 10ᵏ ≤ 0.3) and the tip is 80 px right, at x = 0.8
    final Arrow gradient = new Arrow(Role.GRADIENT, Kind.DIRECTION, 0, 0, 4, 0);
    // the step from (−1, −1) to (−1, −0.5), to scale
    final Arrow step = new Arrow(Role.STEP, Kind.MOVE, -1, -1, 0, 0.5);
    // a Newton step of (0.5, 0) from (−2, 1), to scale
    final Arrow newton = new Arrow(Role.NEWTON_STEP, Kind.DISPLACEMENT, -2, 1, 0.5, 0);
    // slow weights at (1.5, 1), joined to the head at (1, 2)
    final Arrow slow = new Arrow(Role.SLOW_WEIGHTS, Kind.POINT, 1, 2, 0.5, -1);

    @Test
    void eachArrowEndsWhereItsVectorSays() {
        BufferedImage img = paint(List.of(gradient, step, newton, slow), ArrowPainter.Settings.ALL);
        Color red = ArrowPainter.color(Role.GRADIENT);
        assertTrue(near(img, px(0.8) - 3, py(0), 2, red), "gradient arrow head just before x = 0.8");
        assertTrue(near(img, px(0.4), py(0), 2, red), "gradient shaft halfway");
        assertFalse(near(img, px(0.8) + 6, py(0), 2, red), "nothing of the gradient beyond its tip");

        Color black = ArrowPainter.color(Role.STEP);
        assertTrue(near(img, px(-1), py(-0.5) + 3, 2, black), "step head just below y = −0.5");
        assertFalse(near(img, px(-1), py(-0.5) - 6, 2, black), "step ends at the point it reached");

        Color brown = ArrowPainter.color(Role.NEWTON_STEP);
        assertTrue(near(img, px(-1.5) - 3, py(1), 2, brown), "Newton step ends at x = −1.5");
        assertFalse(near(img, px(-1.5) + 6, py(1), 2, brown));

        Color orange = ArrowPainter.color(Role.SLOW_WEIGHTS);
        assertTrue(near(img, px(1.5), py(1), 6, orange), "slow weights ringed at (1.5, 1)");
        assertTrue(near(img, px(1.25), py(1.5), 2, orange), "joined to the head by a dashed line");
        assertFalse(near(img, px(1.5), py(1) + 14, 3, orange));
    }

    @Test
    void theScaleNoteNamesTheFactorOfEachDirection() {
        Map<Role, Double> k = ArrowPainter.factors(T, List.of(List.of(gradient, step, newton)));
        assertEquals(Map.of(Role.GRADIENT, 0.2), k, "only directions are scaled");
        assertEquals(List.of("−∇f ×0.2", "Δθ", "−H⁻¹∇f"),
                ArrowPainter.noteEntries(EnumSet.of(Role.GRADIENT, Role.STEP, Role.NEWTON_STEP), k));
    }

    @Test
    void aSwitchedOffKindIsNotDrawn() {
        BufferedImage img = paint(List.of(gradient, step), new ArrowPainter.Settings(EnumSet.of(Role.STEP)));
        assertFalse(near(img, px(0.4), py(0), 3, ArrowPainter.color(Role.GRADIENT)));
        assertTrue(near(img, px(-1), py(-0.5) + 3, 2, ArrowPainter.color(Role.STEP)));
    }

    @Test
    void theFactorIsTheLargestOneTwoFiveNotAbove() {
        assertEquals(0.2, ArrowPainter.nice(0.3), 1e-15);
        assertEquals(5.0, ArrowPainter.nice(7), 1e-12);
        assertEquals(1.0, ArrowPainter.nice(1.99), 1e-12);
        assertEquals(0.002, ArrowPainter.nice(0.0049), 1e-15);
    }

    // BFGS's first step on ½(x² + 10y²) from (2, 1) drawn from a head at (1, −1): a rejected trial at
    // (2, 0) and the accepted one, the point reached (the head itself)
    final Arrow rejected = new Arrow(Role.TRIAL, Kind.POINT, 1, -1, 1, 1);
    final Arrow accepted = new Arrow(Role.TRIAL, Kind.POINT, 1, -1, 0, 0);

    @Test
    void eachTrialIsAMarkerAndTheAcceptedOneARingAroundTheHead() {
        BufferedImage img = paint(List.of(rejected, accepted), ArrowPainter.Settings.ALL);
        Color pink = ArrowPainter.color(Role.TRIAL);
        assertTrue(near(img, px(2), py(0), 1, pink), "a filled marker at the rejected trial (2, 0)");
        assertFalse(near(img, px(2), py(0) - 9, 2, pink), "a small one");
        assertTrue(near(img, px(1) + 8, py(-1), 1, pink), "a ring 8 px around the head");
        assertTrue(near(img, px(1), py(-1) - 8, 1, pink));
        assertFalse(near(img, px(1) - 3, py(-1) + 3, 1, pink), "the ring is open: the head shows through");
        assertTrue(ArrowPainter.isAccepted(accepted));
        assertFalse(ArrowPainter.isAccepted(rejected));
        BufferedImage off = paint(List.of(rejected, accepted), new ArrowPainter.Settings(EnumSet.of(Role.STEP)));
        assertFalse(near(off, px(2), py(0), 3, pink), "switched off with the trial kind");
    }

    // effective rates 0.3 in x and 0.1 in y at the head (−1, 1): the larger half-side may be 120 px,
    // 400 px per unit of rate, so the factor is 200 (1, 2, 5 × 10ᵏ): half-sides of 60 and 20 px
    final Arrow rates = new Arrow(Role.RATE_BOX, Kind.BOX, -1, 1, 0.3, 0.1);

    /** The centres of the first and the last run of box-border pixels along a line. */
    static double[] borders(BufferedImage img, boolean horizontal, int fixed, int from, int to) {
        Color c = ArrowPainter.color(Role.RATE_BOX);
        List<Integer> hits = new java.util.ArrayList<>();
        for (int i = from; i <= to; i++) {
            int x = horizontal ? i : fixed;
            int y = horizontal ? fixed : i;
            if (near(img, x, y, 0, c)) {
                hits.add(i);
            }
        }
        int a = hits.get(0);
        int a2 = a;
        while (hits.contains(a2 + 1)) {
            a2++;
        }
        int b = hits.get(hits.size() - 1);
        int b2 = b;
        while (hits.contains(b2 - 1)) {
            b2--;
        }
        return new double[] {(a + a2) / 2.0, (b + b2) / 2.0};
    }

    @Test
    void theStepBoxHasTheAspectOfTheTwoRates() {
        BufferedImage img = paint(List.of(rates), ArrowPainter.Settings.ALL);
        double[] h = borders(img, true, py(1), px(-1) - 150, px(-1) + 150);
        double[] v = borders(img, false, px(-1), py(1) - 150, py(1) + 150);
        double width = h[1] - h[0];
        double height = v[1] - v[0];
        assertEquals(3.0, width / height, 0.05, "aspect = 0.3 / 0.1");
        assertEquals(120, width, 1.5, "half-side 200 px × 0.3");
        assertEquals(px(-1), (h[0] + h[1]) / 2, 1, "centred at the head");
        assertEquals(py(1), (v[0] + v[1]) / 2, 1, "centred at the head");
        Map<Role, Double> k = ArrowPainter.factors(T, List.of(List.of(rates)));
        assertEquals(Map.of(Role.RATE_BOX, 200.0), k);
        assertEquals(List.of("η_eff ×200 px box"), ArrowPainter.noteEntries(EnumSet.of(Role.RATE_BOX), k));
        assertEquals(ArrowPainter.Settings.parse("rate_box"), new ArrowPainter.Settings(EnumSet.of(Role.RATE_BOX)));
    }

    @Test
    void aSquareBoxForEqualRates() {
        BufferedImage img = paint(List.of(new Arrow(Role.RATE_BOX, Kind.BOX, 0, 0, 0.02, 0.02)), ArrowPainter.Settings.ALL);
        double[] h = borders(img, true, py(0), px(0) - 150, px(0) + 150);
        double[] v = borders(img, false, px(0), py(0) - 150, py(0) + 150);
        assertEquals(1.0, (h[1] - h[0]) / (v[1] - v[0]), 0.03);
    }

    @Test
    void theFastPathIsABandOverTheTrailWithADotAtEachPoint() {
        // two fast steps: (−2, −2) → (−1, −2) → (−1, 0)
        List<Arrow> path = List.of(new Arrow(Role.FAST_PATH, Kind.PATH, -2, -2, 1, 0),
                new Arrow(Role.FAST_PATH, Kind.PATH, -1, -2, 0, 2));
        BufferedImage img = paint(path, ArrowPainter.Settings.ALL);
        Color orange = ArrowPainter.color(Role.FAST_PATH);
        assertTrue(near(img, px(-1), py(-2), 0, orange), "a dot at the first fast point");
        assertTrue(near(img, px(-1), py(0), 0, orange), "a dot at the head");
        Color band = new Color(img.getRGB(px(-1.5), py(-2)));
        assertTrue(band.getRed() > 240 && band.getBlue() < 200 && band.getBlue() > 60,
                "a translucent orange band along the first step, not a solid line: " + band);
        assertTrue(new Color(img.getRGB(px(-1), py(-1) + 0)).getBlue() < 200, "and along the second");
        assertFalse(near(img, px(-1.5), py(-1), 3, orange), "nothing off the path");
        BufferedImage off = paint(path, new ArrowPainter.Settings(EnumSet.of(Role.STEP)));
        assertFalse(near(off, px(-1), py(0), 3, orange), "switched off with its kind");
    }
}
