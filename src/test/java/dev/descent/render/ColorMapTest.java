package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColorMapTest {

    @ParameterizedTest
    @CsvSource({
            "viridis, 0.0, 440154", "viridis, 1.0, FDE725",
            "cividis, 0.0, 00224E", "cividis, 1.0, FEE838",
            "magma, 0.0, 000004", "magma, 1.0, FCFDBF",
            "inferno, 0.0, 000004", "inferno, 1.0, FCFFA4"})
    void publishedEndpoints(String name, double t, String hex) {
        assertEquals(0xFF000000 | Integer.parseInt(hex, 16), ColorMap.byName(name).argb(t));
    }

    @Test
    void viridisMiddleIsTheKnownTeal() {
        // matplotlib: viridis(0.5) = #21918C (entries 127 and 128 are #21908D and #21918C)
        assertClose(0x21918C, ColorMap.VIRIDIS.argb(0.5), 1);
        assertEquals(0xFF21918C, ColorMap.VIRIDIS.entry(128));
        assertEquals(256, ColorMap.VIRIDIS.size());
    }

    @Test
    void clampsAndFlagsNaN() {
        assertEquals(ColorMap.VIRIDIS.argb(0), ColorMap.VIRIDIS.argb(-3));
        assertEquals(ColorMap.VIRIDIS.argb(1), ColorMap.VIRIDIS.argb(7));
        assertEquals(ColorMap.BAD_ARGB, ColorMap.VIRIDIS.argb(Double.NaN));
    }

    @Test
    void interpolatesBetweenEntries() {
        int a = ColorMap.MAGMA.entry(10);
        int b = ColorMap.MAGMA.entry(11);
        int mid = ColorMap.MAGMA.argb(10.5 / 255);
        for (int shift : new int[] {0, 8, 16}) {
            int ca = (a >> shift) & 0xFF;
            int cb = (b >> shift) & 0xFF;
            int cm = (mid >> shift) & 0xFF;
            assertTrue(cm >= Math.min(ca, cb) && cm <= Math.max(ca, cb));
        }
    }

    @Test
    void everyMapGetsLighterFromZeroToOne() {
        for (ColorMap m : ColorMap.all()) {
            double prev = -1;
            for (int i = 0; i < m.size(); i += 8) {
                double lum = ColorMap.luminance(m.entry(i));
                assertTrue(lum >= prev - 1e-3, m + " at entry " + i);
                prev = lum;
            }
        }
    }

    @Test
    void lookupByName() {
        assertSame(ColorMap.VIRIDIS, ColorMap.DEFAULT);
        assertSame(ColorMap.GREY, ColorMap.byName("Gray"));
        assertSame(ColorMap.CIVIDIS, ColorMap.byName(" cividis "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColorMap.byName("jet"));
        assertTrue(e.getMessage().contains("viridis"), e.getMessage());
    }

    @Test
    void bandColorsSampleBinCentres() {
        int[] c = ColorMap.VIRIDIS.bandColors(4);
        assertEquals(4, c.length);
        assertEquals(ColorMap.VIRIDIS.argb(0.125), c[0]);
        assertEquals(ColorMap.VIRIDIS.argb(0.875), c[3]);
    }

    static void assertClose(int rgb, int argb, int tol) {
        for (int shift : new int[] {0, 8, 16}) {
            int want = (rgb >> shift) & 0xFF;
            int got = (argb >> shift) & 0xFF;
            assertTrue(Math.abs(want - got) <= tol,
                    String.format("expected #%06X, got #%06X", rgb, argb & 0xFFFFFF));
        }
    }
}
