package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.ConfigChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A session may name exactly the colour maps that render draws (the session layer cannot ask render). */
class ColorMapNamesTest {

    @Test
    void theSessionsListIsTheMapsRenderDraws() {
        assertEquals(ColorMap.all().stream().map(ColorMap::name).toList(), ConfigChecks.COLOR_MAPS);
        for (String n : List.of("viridis", "Magma", " gray ")) {
            assertEquals(ColorMap.byName(n).name(), ConfigChecks.colorMap(n));
        }
        String m = assertThrows(IllegalArgumentException.class, () -> ConfigChecks.colorMap("jet")).getMessage();
        assertTrue(m.startsWith("Invalid colour map: 'jet' (known: viridis, cividis"), m);
    }
}
