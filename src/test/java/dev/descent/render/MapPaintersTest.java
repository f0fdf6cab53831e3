package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.descent.math.CriticalPoint;
import dev.descent.math.Surfaces;
import dev.descent.math.Viewport;
import dev.descent.sim.MapEnds;
import dev.descent.sim.MapResult;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Map painters on BufferedImages: cells land where their starts are, colours mean what the legend says. */
class MapPaintersTest {

    private static final MapEnds ENDS = MapEnds.of(List.of(new CriticalPoint(0, 0, CriticalPoint.Kind.GLOBAL_MINIMUM),
            new CriticalPoint(1, 1, CriticalPoint.Kind.SADDLE)), new Viewport(-1, 1, -1, 1), 1e-2);

    /** 2 × 2 cells: bottom-left minimum, bottom-right not converged, top-left diverged, top-right saddle. */
    private static MapResult quad() {
        return new MapResult(2, 2, 100, ENDS, new double[4], new double[4], new int[] {0, MapEnds.NOT_CONVERGED,
            MapEnds.DIVERGED, 1}, new int[] {0, 100, 7, 0}, new double[] {0, 1, Double.NaN, 2});
    }

    @Test
    void basinCellsAreDrawnAtTheirStartsUnderNoContours() {
        Viewport view = new Viewport(-1, 1, -1, 1);
        SceneSettings bare = SceneSettings.DEFAULT.withContourLines(false).withCriticalPoints(false).withColorBar(false);
        StaticLayer layer = StaticLayer.render(new Scene(Surfaces.create("quadratic"), view, 400, 400, bare));
        MapResult r = quad();
        BufferedImage img = new BufferedImage(layer.width(), layer.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.drawImage(layer.image(), 0, 0, null);
        BasinMapPainter.paint(g, layer, layer.transform(), view, r, MapColors.image(r, MapColors.Mode.ENDING, ColorMap.VIRIDIS),
                1f, false);
        g.dispose();
        PlotTransform t = layer.transform();
        // the starts are the view's corners; each cell reaches halfway to the next start
        assertEquals(MapColors.ending(ENDS, 0) & 0xFFFFFF, rgb(img, t, -0.5, -0.5), "bottom-left: the minimum, settled at once");
        assertEquals(MapColors.NOT_CONVERGED & 0xFFFFFF, rgb(img, t, 0.5, -0.5), "bottom-right: grey");
        assertEquals(MapColors.DIVERGED & 0xFFFFFF, rgb(img, t, -0.5, 0.5), "top-left: black");
        assertEquals(MapColors.ending(ENDS, 1) & 0xFFFFFF, rgb(img, t, 0.5, 0.5), "top-right: the saddle's paler hue");
    }

    private static int rgb(BufferedImage img, PlotTransform t, double x, double y) {
        return img.getRGB((int) t.toPixelX(x), (int) t.toPixelY(y)) & 0xFFFFFF;
    }

    @Test
    void moreStepsShadeDarkerAndTheLegendCountsEveryEnding() {
        MapResult slow = new MapResult(1, 1, 100, ENDS, new double[1], new double[1], new int[] {0}, new int[] {100},
                new double[] {0});
        int fast = MapColors.cell(quad(), 0, MapColors.Mode.ENDING, ColorMap.VIRIDIS, null);
        int late = MapColors.cell(slow, 0, MapColors.Mode.ENDING, ColorMap.VIRIDIS, null);
        assertEquals(fast, MapColors.ending(ENDS, 0));
        assertEquals(ColorMap.shade(fast, 0.45), late, "settling at the last step darkens to 45 %");
        List<BasinMapPainter.Entry> legend = BasinMapPainter.entries(quad());
        assertEquals(List.of("global minimum (0, 0)", "saddle (1, 1)", "not converged", "diverged"),
                legend.stream().map(BasinMapPainter.Entry::label).toList());
        assertArrayEquals(new int[] {1, 1, 1, 1}, legend.stream().mapToInt(BasinMapPainter.Entry::count).toArray());
    }

    @Test
    void hyperMapPixelsMapBackToTheirCells() {
        Rectangle2D plot = new Rectangle2D.Double(100, 50, 400, 200);
        MapResult r = quad();
        assertArrayEquals(new int[] {0, 0}, HyperMapPainter.cellAt(plot, r, 101, 249));
        assertArrayEquals(new int[] {1, 1}, HyperMapPainter.cellAt(plot, r, 499, 51));
        assertArrayEquals(new int[] {1, 0}, HyperMapPainter.cellAt(plot, r, 350, 200));
        assertNull(HyperMapPainter.cellAt(plot, r, 99, 100));
    }
}
