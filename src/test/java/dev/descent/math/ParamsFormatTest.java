package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParamsFormatTest {

    @Test
    void numbersReadWellAndParseBackExactly() {
        assertEquals("0.05", Params.format(0.05));
        assertEquals("2e-4", Params.format(2e-4));
        assertEquals("1e-8", Params.format(1e-8));
        assertEquals("1.5e-10", Params.format(1.5e-10));
        assertEquals("100", Params.format(100.0));
        assertEquals("0.9,0.999", Params.format(new double[] {0.9, 0.999}));
        for (double d : new double[] {2e-4, 1.5e-10, 0.05, 123.456, 1e20, 3.0000000000000004e-7}) {
            assertEquals(d, Double.parseDouble(Params.format(d)));
        }
    }
}
