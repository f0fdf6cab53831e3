package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registry as the command line and the menus see it, and the settings' validation messages. */
class SurfacesTest {

    private static final List<String> MENU = List.of("quadratic", "rosenbrock", "beale", "himmelblau", "booth", "saddle",
            "monkey_saddle", "rastrigin", "ackley", "sixhump_camel", "goldstein_price", "ravine", "plateau", "cliff", "sharp_flat",
            "linear_regression", "logistic_regression", "tanh_net", "custom");

    @Test
    void menuOrderAndIds() {
        assertEquals(MENU, Surfaces.all().stream().map(SurfaceKind::id).toList());
    }

    @Test
    void everyKindBuildsASurfaceThatKnowsItsIdAndTitle() {
        for (SurfaceKind k : Surfaces.all()) {
            Surface s = k.create();
            assertEquals(k.id(), s.id());
            assertEquals(k.title(), s.title());
            assertFalse(s.description().isBlank(), k.id());
            assertTrue(s.formula().startsWith("f = "), k.id() + ": " + s.formula());
            assertEquals(k.params().size(), s.parameters().asMap().size(), k.id());
        }
    }

    @Test
    void findIgnoresCaseDashesAndSpaces() {
        assertEquals("monkey_saddle", Surfaces.find(" Monkey-Saddle ").id());
        assertEquals("sixhump_camel", Surfaces.find("SIXHUMP_CAMEL").id());
    }

    @Test
    void unknownSurfaceListsEveryKnownId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Surfaces.find("banana"));
        assertEquals("Unknown surface 'banana'; known: " + String.join(", ", MENU), e.getMessage());
    }

    @Test
    void surfacesWithoutSettingsSayTheyTakeNone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Surfaces.create("rosenbrock", Map.of("b", 10)));
        assertEquals("Unknown parameter 'b' for surface rosenbrock (it takes none)", e.getMessage());
    }

    @Test
    void unknownSettingListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Surfaces.create("ravine", Map.of("narrowness", 10)));
        assertEquals("Unknown parameter 'narrowness' for surface ravine; known: k, slope, angle", e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', value = {
        "quadratic | a | 0 | quadratic needs curvatures a > 0 and b > 0, got a=0.0, b=10.0",
        "quadratic | b | -1 | quadratic needs curvatures a > 0 and b > 0, got a=1.0, b=-1.0",
        "quadratic | a | nan | quadratic needs curvatures a > 0 and b > 0, got a=NaN, b=10.0",
        "quadratic | angle | inf | quadratic angle must be a finite number of degrees, got Infinity",
        "ravine | k | 0 | ravine needs a wall curvature k > 0, got k=0.0",
        "ravine | slope | -0.5 | ravine needs a floor slope > 0, got slope=-0.5",
        "ravine | angle | nan | ravine angle must be a finite number of degrees, got NaN",
        "plateau | width | 0 | plateau needs a basin width > 0, got width=0.0",
        "plateau | tilt | -1e-3 | plateau needs a tilt >= 0, got tilt=-0.001",
        "cliff | steepness | 0 | cliff needs a steepness > 0, got steepness=0.0",
        "cliff | width | 2 | cliff needs a face width in (0, 1.5] so that the face ends left of the minimum, got width=2.0",
        "cliff | width | 0 | cliff needs a face width in (0, 1.5] so that the face ends left of the minimum, got width=0.0",
    })
    void invalidSettingsAreRefusedWithAMessageNamingThem(String id, String name, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Surfaces.create(id, Map.of(name, value)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void settingsThatAreNotNumbersAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Surfaces.create("plateau", Map.of("width", "wide")));
        assertEquals("Invalid value for width: 'wide' is not a number", e.getMessage());
    }

    @Test
    void parametersRebuildTheSameSurface() {
        for (Surface s : SurfaceCases.all()) {
            Surface again = Surfaces.create(s.id(), s.parameters().asMap());
            assertEquals(s.parameters(), again.parameters(), s.toString());
            assertEquals(s.toString(), again.toString());
            assertEquals(s.value(0.3, -0.7), again.value(0.3, -0.7), 0.0, s.toString());
        }
        assertEquals("ravine(k=1000 slope=0.1 angle=-25)", Ravine.KIND.create(Map.of("k", 1000, "slope", 0.1, "angle", -25)).toString());
    }

    @ParameterizedTest(name = "{0} starts at ({1}, {2})")
    @CsvSource({
        "quadratic, 2, 1",
        "rosenbrock, -1.2, 1",
        "beale, 1, 1.5",
        "himmelblau, 0, 0",
        "saddle, 1, 0.001",
        "booth, -5, 5",
        "goldstein_price, -1, 1",
    })
    void suggestedStarts(String id, double x, double y) {
        assertArrayEquals(new double[] {x, y}, Surfaces.create(id).suggestedStart(), 0.0);
    }

    @Test
    void suggestedStartsAreInViewAndNotAtAStationaryPoint() {
        double[] g = new double[2];
        for (Surface s : SurfaceCases.all()) {
            double[] start = s.suggestedStart();
            assertTrue(s.defaultViewport().contains(start[0], start[1]), s + " starts out of view");
            s.gradient(start[0], start[1], g, 0);
            assertTrue(Math.hypot(g[0], g[1]) > 1e-4, s + " starts where nothing moves");
        }
    }

    @Test
    void suggestedStartIsACopyTheCallerMayChange() {
        Surface s = Surfaces.create("rosenbrock");
        double[] a = s.suggestedStart();
        a[0] = 99;
        assertNotSame(a, s.suggestedStart());
        assertEquals(-1.2, s.suggestedStart()[0], 0.0);
    }
}
