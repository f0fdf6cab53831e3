package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Viewport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The per-pixel reduction: bounded paths for any number of steps, drawn as the full polyline would be. */
class PathTracerTest {

    private static final int W = 400;
    private static final int H = 300;
    private static final PlotTransform T = new PlotTransform(new Viewport(0, 10, 0, 10), 20, 10, W, H);
    private static final Color RUN = new Color(0x00, 0x72, 0xB2);

    /** A restless run: a million steps jumping about the view, each one far from the last. */
    private static double[][] wander(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] xs = new double[n];
        double[] ys = new double[n];
        double x = 5;
        double y = 5;
        for (int i = 0; i < n; i++) {
            x = Math.min(14, Math.max(-4, x + rnd.nextGaussian() * 1.5));
            y = Math.min(14, Math.max(-4, y + rnd.nextGaussian() * 1.5));
            xs[i] = x;
            ys[i] = y;
        }
        return new double[][] {xs, ys};
    }

    private static int lineSegments(Shape s) {
        int lines = 0;
        double[] c = new double[6];
        for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
            if (it.currentSegment(c) == PathIterator.SEG_LINETO) {
                lines++;
            }
        }
        return lines;
    }

    @Test
    void aMillionStepsDrawAtMostSegmentsProportionalToThePlotsPixels() {
        int n = 1_000_000;
        double[][] p = wander(n, 7);
        TrajectoryPainter.Traced t = TrajectoryPainter.trace(T, p[0], p[1], 0, n);
        int segments = lineSegments(t.path());
        // the clip box is the view grown by half on each side: 2W × 2H pixels, one segment each at most
        long bound = 4L * (W + 4) * (H + 4) + 2;
        assertTrue(segments <= bound, "segments: " + segments + ", bound " + bound);
        // and far fewer than the steps: nearly every step lands on pixels already drawn
        assertTrue(segments < n / 10, "segments: " + segments);
        assertEquals(n - 1, t.lastFinite());

        // ten times the steps, hardly more segments: the count follows the pixels, not the steps
        TrajectoryPainter.Traced tenth = TrajectoryPainter.trace(T, p[0], p[1], 0, n / 10);
        int fewer = lineSegments(tenth.path());
        assertTrue(segments < fewer * 1.5, "segments after 1e5 steps: " + fewer + ", after 1e6: " + segments);
    }

    @Test
    void anOscillationBetweenTwoPointsIsOneSegmentWhateverItsLength() {
        int n = 1_000_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i % 2 == 0 ? 2 : 8;
            ys[i] = i % 2 == 0 ? 3 : 7;
        }
        TrajectoryPainter.Traced t = TrajectoryPainter.trace(T, xs, ys, 0, n);
        // the first pass, and the last segment again so the line ends at the head
        assertTrue(lineSegments(t.path()) <= 2, "segments: " + lineSegments(t.path()));
        double[] end = lastPoint(t.path());
        assertEquals(T.toPixelX(8), end[0], 1e-9);
        assertEquals(T.toPixelY(7), end[1], 1e-9);
    }

    @Test
    void feedingStepByStepGivesTheSamePathAsTracingAtOnce() {
        int n = 200_000;
        double[][] p = wander(n, 11);
        PathTracer live = new PathTracer(T);
        int at = 0;
        SplittableRandom rnd = new SplittableRandom(3);
        while (at < n) {
            int chunk = Math.min(n - at, 1 + rnd.nextInt(400));
            for (int k = 0; k < chunk; k++) {
                live.add(p[0][at + k], p[1][at + k]);
            }
            at += chunk;
            // after every frame the live path ends at the newest point
            double[] end = lastPoint(live.shape());
            assertEquals(T.toPixelX(p[0][at - 1]), end[0], 1e-9, "after " + at + " points");
            assertEquals(T.toPixelY(p[1][at - 1]), end[1], 1e-9, "after " + at + " points");
        }
        TrajectoryPainter.Traced once = TrajectoryPainter.trace(T, p[0], p[1], 0, n);
        assertArrayEquals(points(once.path()), points(live.shape()));
    }

    @Test
    void theReducedPathLooksLikeEveryPointDrawn() {
        // a run spiralling into a minimum, most of its steps on the last few pixels
        int n = 20_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double r = 4 * Math.exp(-i / 1500.0);
            double a = i * 0.9;
            xs[i] = 5 + r * Math.cos(a);
            ys[i] = 5 + r * Math.sin(a) * 0.6;
        }
        BufferedImage reduced = image();
        Graphics2D g = reduced.createGraphics();
        Style s = Style.forSize(W, H, 1);
        Style.applyHints(g);
        TrajectoryPainter.paint(g, T, TrajectorySnapshot.of(RUN, "a", xs, ys, n), 2f, TrajectoryPainter.Markers.NONE, s);
        g.dispose();

        // every point joined by one polyline, with the painter's strokes
        Path2D.Double all = new Path2D.Double();
        all.moveTo(T.toPixelX(xs[0]), T.toPixelY(ys[0]));
        for (int i = 1; i < n; i++) {
            all.lineTo(T.toPixelX(xs[i]), T.toPixelY(ys[i]));
        }
        BufferedImage full = image();
        g = full.createGraphics();
        Style.applyHints(g);
        g.clip(T.plotArea());
        float w = s.px(2f);
        g.setColor(Palette.outline(RUN));
        g.setStroke(new BasicStroke(w + s.px(2), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(all);
        g.setColor(RUN);
        g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(all);
        g.dispose();

        int painted = 0;
        int differ = 0;
        for (int y = 0; y < full.getHeight(); y++) {
            for (int x = 0; x < full.getWidth(); x++) {
                int a = full.getRGB(x, y) & 0xFFFFFF;
                int b = reduced.getRGB(x, y) & 0xFFFFFF;
                if (a != 0xFFFFFF || b != 0xFFFFFF) {
                    painted++;
                }
                if (!TrajectoryPainterTest.near(a, b, 48)) {
                    differ++;
                }
            }
        }
        assertTrue(painted > 3000, "painted: " + painted);
        assertTrue(differ < painted / 50, differ + " of " + painted + " pixels differ");
    }

    private static BufferedImage image() {
        BufferedImage img = new BufferedImage(W + 40, H + 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        return img;
    }

    private static double[] lastPoint(Shape s) {
        double[] c = new double[6];
        double[] last = new double[2];
        for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
            it.currentSegment(c);
            last[0] = c[0];
            last[1] = c[1];
        }
        return last;
    }

    private static double[] points(Shape s) {
        List<Double> out = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
            out.add((double) it.currentSegment(c));
            out.add(c[0]);
            out.add(c[1]);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
