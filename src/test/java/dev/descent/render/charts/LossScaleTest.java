package dev.descent.render.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Surfaces;
import java.awt.Color;
import java.util.List;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

class LossScaleTest {

    private static StepChart.Line line(Points p) {
        return new StepChart.Line("a", p, Color.RED, 1.6f, StepChart.Dash.SOLID, s -> Double.NaN);
    }

    @Test
    void aKnownMinimumGivesTheGapToItOnALogAxis() {
        LossScale gp = LossScale.of(Surfaces.create("goldstein_price"), true);
        assertEquals(LossScale.Kind.GAP, gp.kind());
        assertEquals(3, gp.fStar(), 1e-9); // Goldstein–Price's minimum is f(0, −1) = 3
        assertEquals(0, gp.map(3), 1e-9);
        assertEquals(1, gp.map(4), 1e-9);
        assertTrue(gp.logAxis());
        assertTrue(gp.title().contains("f − f*") && gp.title().contains("f* = 3"), gp.title());
        assertEquals(LossScale.PLAIN, LossScale.of(Surfaces.create("goldstein_price"), false), "log off: f itself");
    }

    @Test
    void aSurfaceWithoutMinimumGetsASymmetricLogThatShowsNegativeZeroAndPositive() {
        LossScale s = LossScale.of(Surfaces.create("saddle"), true);
        assertEquals(LossScale.Kind.SYMLOG, s.kind());
        assertFalse(s.logAxis());
        assertTrue(s.title().contains("symmetric log"), s.title());
        assertEquals(0, s.map(0));
        double[] fs = {-1e12, -50, -1, -1e-3, -1e-5, 0, 1e-5, 1e-3, 0.5, 1, 1e4, 1e30};
        for (int i = 0; i < fs.length; i++) {
            assertEquals(fs[i], s.unmap(s.map(fs[i])), Math.abs(fs[i]) * 1e-12, "round trip of " + fs[i]);
            if (i > 0) {
                assertTrue(s.map(fs[i]) > s.map(fs[i - 1]), "monotone at " + fs[i]);
            }
        }
        // integer axis ticks are round losses, mirrored below zero
        assertEquals(1, s.unmap(4), 1e-12);
        assertEquals(-1000, s.unmap(-7), 1e-9);
        assertTrue(Math.abs(s.map(-1e12)) < 20, "twelve decades fit in a few ticks");
    }

    @Test
    void negativeLossesAreDrawnOnTheLossChartNotDropped() {
        StepChart chart = new StepChart("Loss f(θ)", true, false);
        chart.setScale(LossScale.SYMLOG);
        Decimator d = new Decimator(256, false);
        for (int i = 0; i < 100; i++) {
            d.add(i, LossScale.SYMLOG.map(1 - i * i)); // saddle: 1 falling to −9800
        }
        chart.setLines(List.of(line(d.points())));
        Range r = chart.plot().getRangeAxis().getRange();
        assertTrue(r.getLowerBound() <= LossScale.SYMLOG.map(-9000) && r.getUpperBound() >= LossScale.SYMLOG.map(1), r.toString());
        assertTrue(chart.chart().getTitle().getText().contains("symmetric log"));
    }

    @Test
    void oneOutlierDoesNotFlattenTheRest() {
        StepChart chart = new StepChart("Loss f(θ)", true, false);
        LossScale gap = LossScale.of(Surfaces.create("rosenbrock"), true);
        chart.setScale(gap);
        Decimator d = new Decimator(256, true);
        for (int i = 0; i < 200; i++) {
            // noisy SGD hovering between 1 and 2, with one wild step to 1e25
            d.add(i, gap.map(i == 50 ? 1e25 : 1.5 + 0.5 * Math.sin(i)));
        }
        chart.setLines(List.of(line(d.points())));
        Range r = chart.plot().getRangeAxis().getRange();
        assertTrue(r.getUpperBound() < 1e6, "the spike is cut off: " + r);
        assertTrue(r.getUpperBound() >= 2 && r.getLowerBound() <= 1, "the rest is all shown: " + r);

        // without an outlier the whole curve is shown as before
        Decimator calm = new Decimator(256, true);
        for (int i = 0; i < 200; i++) {
            calm.add(i, 4.7 * Math.pow(0.9, i));
        }
        chart.setLines(List.of(line(calm.points())));
        Range all = chart.plot().getRangeAxis().getRange();
        assertTrue(all.getUpperBound() >= 4.7 && all.getLowerBound() <= 4.7 * Math.pow(0.9, 199), all.toString());
    }
}
