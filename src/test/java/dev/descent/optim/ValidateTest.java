package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Values in messages are written as Python writes them, as torch's messages show them. */
class ValidateTest {

    @Test
    void reprIsPythons() {
        // expected strings are Python 3's repr() of the same doubles
        assertEquals("1.0", Validate.repr(1.0));
        assertEquals("-1.0", Validate.repr(-1.0));
        assertEquals("0.0", Validate.repr(0.0));
        assertEquals("-0.0", Validate.repr(-0.0));
        assertEquals("0.1", Validate.repr(0.1));
        assertEquals("0.001", Validate.repr(0.001));
        assertEquals("0.0001", Validate.repr(1e-4));
        assertEquals("1e-05", Validate.repr(1e-5));
        assertEquals("-1e-08", Validate.repr(-1e-8));
        assertEquals("1.5e-10", Validate.repr(1.5e-10));
        assertEquals("100.0", Validate.repr(100.0));
        assertEquals("12345678.0", Validate.repr(12345678.0));
        assertEquals("1234567890123456.0", Validate.repr(1234567890123456.0));
        assertEquals("1e+16", Validate.repr(1e16));
        assertEquals("1.7976931348623157e+308", Validate.repr(Double.MAX_VALUE));
        assertEquals("5e-324", Validate.repr(Double.MIN_VALUE));
        assertEquals("0.30000000000000004", Validate.repr(0.1 + 0.2));
        assertEquals("inf", Validate.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Validate.repr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", Validate.repr(Double.NaN));
    }

    /** Shortest digits: what repr writes reads back as the same double, and has no more digits than Java's. */
    @Property(tries = 2000)
    void reprRoundTrips(@ForAll double v) {
        String r = Validate.repr(v);
        double back = r.equals("inf") ? Double.POSITIVE_INFINITY : r.equals("-inf") ? Double.NEGATIVE_INFINITY
                : r.equals("nan") ? Double.NaN : Double.parseDouble(r);
        assertEquals(v, back, r);
        assertTrue(digits(r) <= digits(Double.toString(v)), r + " vs " + v);
    }

    private static int digits(String s) {
        String mantissa = s.toLowerCase().split("e")[0].replace("-", "").replace(".", "").replaceAll("^0+", "");
        return mantissa.replaceAll("0+$", "").length();
    }
}
