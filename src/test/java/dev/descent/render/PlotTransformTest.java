package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.math.Viewport;
import java.awt.geom.Point2D;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class PlotTransformTest {

    private static final PlotTransform T = new PlotTransform(new Viewport(-2, 2, -1, 3), 80, 40, 1100, 620);

    @Test
    void cornersMapToThePlotCornersWithYUp() {
        assertEquals(80, T.toPixelX(-2), 1e-12);
        assertEquals(1180, T.toPixelX(2), 1e-12);
        assertEquals(660, T.toPixelY(-1), 1e-12);
        assertEquals(40, T.toPixelY(3), 1e-12);
        Point2D.Double p = new Point2D.Double();
        T.dataToPixel().transform(new Point2D.Double(2, 3), p);
        assertEquals(1180, p.x, 1e-9);
        assertEquals(40, p.y, 1e-9);
    }

    @Property(tries = 200)
    void roundTrips(@ForAll @DoubleRange(min = -100, max = 100) @Scale(9) double x,
            @ForAll @DoubleRange(min = -100, max = 100) @Scale(9) double y) {
        assertEquals(x, T.toDataX(T.toPixelX(x)), 1e-9);
        assertEquals(y, T.toDataY(T.toPixelY(y)), 1e-9);
        Point2D.Double px = T.toPixel(x, y);
        Point2D.Double back = T.toData(px.x, px.y);
        assertEquals(x, back.x, 1e-9);
        assertEquals(y, back.y, 1e-9);
    }

    @Property(tries = 200)
    void zoomKeepsItsCentreFixed(@ForAll @DoubleRange(min = 0, max = 1100) @Scale(6) double px,
            @ForAll @DoubleRange(min = 0, max = 620) @Scale(6) double py,
            @ForAll @DoubleRange(min = 0.1, max = 10) @Scale(6) double factor) {
        double sx = 80 + px;
        double sy = 40 + py;
        double dx = T.toDataX(sx);
        double dy = T.toDataY(sy);
        PlotTransform z = T.withViewport(T.zoomAtPixel(sx, sy, factor));
        assertEquals(sx, z.toPixelX(dx), 1e-6);
        assertEquals(sy, z.toPixelY(dy), 1e-6);
        assertEquals(T.viewport().width() / factor, z.viewport().width(), 1e-9);
    }

    @Test
    void zoomAboutADataPoint() {
        Viewport v = PlotTransform.zoom(new Viewport(0, 4, 0, 2), 1, 1, 2);
        assertEquals(new Viewport(0.5, 2.5, 0.5, 1.5), v);
        assertThrows(IllegalArgumentException.class, () -> PlotTransform.zoom(v, 0, 0, 0));
    }

    @Test
    void panFollowsTheMouse() {
        // dragging 110 px right (a tenth of the width) moves the view 0.4 left
        Viewport v = T.panByPixels(110, 0);
        assertEquals(-2.4, v.xMin(), 1e-12);
        assertEquals(1.6, v.xMax(), 1e-12);
        // dragging down shows what lies above
        Viewport u = T.panByPixels(0, 62);
        assertEquals(-0.6, u.yMin(), 1e-12);
        assertEquals(new Viewport(1, 2, 3, 4), PlotTransform.pan(new Viewport(0, 1, 0, 1), 1, 3));
    }

    @Test
    void fitAspectGrowsTheShortSide() {
        Viewport v = PlotTransform.fitAspect(new Viewport(-2, 2, -1, 3), 1000, 500);
        assertEquals(8, v.width(), 1e-12);
        assertEquals(4, v.height(), 1e-12);
        assertEquals(0, (v.xMin() + v.xMax()) / 2, 1e-12);
        Viewport tall = PlotTransform.fitAspect(new Viewport(0, 4, 0, 1), 400, 400);
        assertEquals(4, tall.height(), 1e-12);
        assertEquals(0.5, (tall.yMin() + tall.yMax()) / 2, 1e-12);
    }
}
