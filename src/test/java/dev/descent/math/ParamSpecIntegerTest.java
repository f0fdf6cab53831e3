package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParamSpecIntegerTest {

    private final ParamSpec spec = ParamSpec.integer("history_size", "m", 100, 1, 100, "history");

    @Test
    void aWholeNumberTooLargeForAnIntIsOutOfRangeNotNonWhole() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.convert("4294967301"));
        assertEquals("Invalid value for history_size: '4294967301' is out of range (at most 2147483647)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> spec.convert(4294967301L));
        assertEquals("Invalid value for history_size: '4294967301' is out of range (at most 2147483647)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> spec.convert("-4294967301"));
        assertEquals("Invalid value for history_size: '-4294967301' is out of range (at least -2147483648)", e.getMessage());
    }

    @Test
    void theLargestIntIsAcceptedAndFractionsAreStillNotWhole() {
        assertEquals(2147483647, spec.convert("2147483647"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.convert("4.5"));
        assertEquals("Invalid value for history_size: '4.5' is not a whole number", e.getMessage());
    }
}
