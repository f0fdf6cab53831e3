package dev.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Log colour-bar labels for a field whose minimum is exactly 0 (the grid hits a minimum, as on the ravine). */
class ColorBarTicksTest {

    private static List<String> labels(double fmin, double fmax) {
        Levels levels = Levels.logFor(fmin, fmax, 20);
        return ColorBarPainter.ticks(levels, 600, Style.forSize(1280, 720, 1)).stream().map(ColorBarPainter.Tick::label).toList();
    }

    @Test
    void aMinimumOfExactlyZeroIsLabelledLikeAPositiveField() {
        // before: lower() rounded to 1.7e-18, so the bar claimed 20 decades and read 10⁻¹⁷, 10⁻¹⁵, ...
        assertEquals(List.of("0.01", "0.1", "1", "10", "100"), labels(0, 500));
        assertEquals(labels(1e-31, 500), labels(0, 500));
        assertEquals(List.of("10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹"), labels(0, 60));
    }

    @Test
    void aFieldGoingNegativeKeepsItsShiftedLabels() {
        List<String> l = labels(-3, 50);
        assertEquals("−3", l.get(0), l.toString()); // f itself, not the 10⁻⁴ its shifted log starts at
    }
}
