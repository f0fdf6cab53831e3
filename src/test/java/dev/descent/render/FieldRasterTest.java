package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FieldRasterTest {

    private static final dev.descent.math.Surface ROSEN = dev.descent.math.Surfaces.create("rosenbrock");

    @Test
    void sharedBandsGiveTheSameImage() {
        ScalarField f = ScalarField.of(ROSEN, ROSEN.defaultViewport(), 300, 300);
        Levels levels = Levels.of(f, Levels.Mode.LOG, 20);
        PlotTransform t = new PlotTransform(f.viewport(), 0, 0, 500, 400);
        BufferedImage a = new BufferedImage(500, 400, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(500, 400, BufferedImage.TYPE_INT_RGB);
        FieldRaster.paint(f, levels, ColorMap.VIRIDIS, FieldRaster.Fill.BANDS, t, a);
        FieldRaster.paint(f, levels, levels.bands(f, null), ColorMap.VIRIDIS, FieldRaster.Fill.BANDS, t, b);
        int differ = 0;
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 500; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differ++;
                }
            }
        }
        assertTrue(differ <= 2, differ + " pixels differ");
    }

    @Test
    void everyImageTypeGetsTheSameColours() {
        ScalarField f = ScalarField.of(ROSEN, ROSEN.defaultViewport(), 100, 100);
        Levels levels = Levels.of(f, Levels.Mode.LOG, 10);
        BufferedImage rgb = FieldRaster.render(f, levels, ColorMap.MAGMA, FieldRaster.Fill.CONTINUOUS, 120, 90);
        for (int type : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR}) {
            BufferedImage other = new BufferedImage(120, 90, type);
            FieldRaster.paint(f, levels, ColorMap.MAGMA, FieldRaster.Fill.CONTINUOUS, new PlotTransform(f.viewport(), 0, 0, 120, 90), other);
            for (int y = 0; y < 90; y += 7) {
                for (int x = 0; x < 120; x += 7) {
                    assertEquals(rgb.getRGB(x, y), other.getRGB(x, y));
                }
            }
        }
    }

    @Test
    void onlyThePlotAreaIsPainted() {
        ScalarField f = ScalarField.of(ROSEN, ROSEN.defaultViewport(), 50, 50);
        Levels levels = Levels.of(f, Levels.Mode.AUTO, 10);
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        FieldRaster.paint(f, levels, ColorMap.VIRIDIS, FieldRaster.Fill.BANDS, new PlotTransform(f.viewport(), 50, 20, 100, 60), img);
        assertEquals(0xFF000000, img.getRGB(49, 50));
        assertEquals(0xFF000000, img.getRGB(150, 50));
        assertEquals(0xFF000000, img.getRGB(100, 19));
        assertEquals(0xFF000000, img.getRGB(100, 80));
        assertTrue(img.getRGB(100, 50) != 0xFF000000);
    }
}
