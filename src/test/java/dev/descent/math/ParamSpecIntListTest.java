package dev.descent.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamSpecIntListTest {

    static final ParamSpec MILESTONES = ParamSpec.intList("milestones", "m", List.of(100, 200), 0, 1000, "steps");

    @Test
    void convertsTextListsAndNumbers() {
        assertEquals(List.of(30, 80), MILESTONES.convert("30,80"));
        assertEquals(List.of(30, 80), MILESTONES.convert(" [30, 80] "));
        assertEquals(List.of(30, 80), MILESTONES.convert("(30,80)"));
        assertEquals(List.of(30), MILESTONES.convert("30"));
        assertEquals(List.of(), MILESTONES.convert("[]"));
        assertEquals(List.of(30, 80), MILESTONES.convert(List.of(30, 80.0)));
        assertEquals(List.of(30, 80), MILESTONES.convert(List.of(30L, "80")));
        assertEquals(List.of(30, 80), MILESTONES.convert(new int[] {30, 80}));
        assertEquals(List.of(7), MILESTONES.convert(7));
    }

    @Test
    void refusesWhatIsNotAListOfWholeNumbers() {
        for (Object bad : new Object[] {"30,x", "30,,80", List.of(30, 2.5), "1e3", true}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MILESTONES.convert(bad));
            assertEquals("Invalid value for milestones: '" + bad + "' is not a list of whole numbers such as 30,80", e.getMessage());
        }
    }

    @Test
    void paramsHoldAnUnmodifiableListAndWriteItBackAsText() {
        Params p = Params.resolve("test", List.of(MILESTONES), Map.of("milestones", "[30, 80]"));
        assertEquals(List.of(30, 80), p.intList("milestones"));
        assertThrows(UnsupportedOperationException.class, () -> p.intList("milestones").add(5));
        assertEquals("milestones=30,80", p.toString());
        assertEquals(p, Params.resolve("test", List.of(MILESTONES), Map.of("milestones", "30,80")));
        assertEquals(p.hashCode(), Params.resolve("test", List.of(MILESTONES), Map.of("milestones", List.of(30, 80))).hashCode());
        assertEquals(List.of(100, 200), Params.resolve("test", List.of(MILESTONES), Map.of()).intList("milestones"));
    }
}
