package dev.descent.render.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.GradientNoise;
import dev.descent.math.Quadratic;
import dev.descent.math.Rosenbrock;
import dev.descent.math.Surface;
import dev.descent.optim.Adam;
import dev.descent.optim.Sgd;
import dev.descent.sim.Command;
import dev.descent.sim.Engine;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import dev.descent.sim.RunSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesStoreTest {

    private final Surface bowl = new Quadratic(1, 10, 0);

    private static int probe(RunFrame r, String name) {
        int k = r.probeNames().indexOf(name);
        assertTrue(k >= 0, name + " in " + r.probeNames());
        return k;
    }

    /** Adam's moments after 3 steps, computed here from the formulas of Kingma and Ba (and torch). */
    @Test
    void adamsBiasCorrectedMomentsAreTheHandComputedOnes() {
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        RunSpec spec = new RunSpec(bowl, Adam.KIND.create(Map.of("lr", lr)), 2, 1);
        Engine engine = new Engine(bowl);
        engine.apply(new Command.Load(List.of(new Command.RunConfig(7, spec))));
        engine.step(3);
        RunFrame r = engine.frame().run(7);
        assertEquals(3, r.step());

        // by hand: f = ½(x² + 10y²), ∇f = (x, 10y)
        double[] th = {2, 1};
        double[] m = new double[2];
        double[] v = new double[2];
        double[][] mHat = new double[4][2];
        double[][] vHat = new double[4][2];
        double[][] raw = new double[4][2];
        double[][] rawV = new double[4][2];
        double[][] bc = new double[4][2];
        double[][] eff = new double[4][2];
        for (int t = 1; t <= 3; t++) {
            double[] g = {th[0], 10 * th[1]};
            double c1 = 1 - Math.pow(b1, t);
            double c2 = 1 - Math.pow(b2, t);
            for (int i = 0; i < 2; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                raw[t][i] = m[i];
                rawV[t][i] = v[i];
                mHat[t][i] = m[i] / c1;
                vHat[t][i] = v[i] / c2;
                eff[t][i] = lr / (Math.sqrt(vHat[t][i]) + eps);
                th[i] -= lr * mHat[t][i] / (Math.sqrt(vHat[t][i]) + eps);
            }
            bc[t][0] = c1;
            bc[t][1] = c2;
        }

        SeriesStore store = new SeriesStore();
        store.begin(engine.frame());
        for (int coord = 0; coord < 2; coord++) {
            Points pm = store.series(r, SeriesStore.probeChannel(probe(r, "m_hat"), coord), false);
            Points pv = store.series(r, SeriesStore.probeChannel(probe(r, "v_hat"), coord), false);
            Points rm = store.series(r, SeriesStore.probeChannel(probe(r, "m"), coord), false);
            Points rv = store.series(r, SeriesStore.probeChannel(probe(r, "v"), coord), false);
            Points pe = store.series(r, SeriesStore.probeChannel(probe(r, "effective_lr"), coord), true);
            assertEquals(4, pm.count(), "steps 0 to 3");
            assertTrue(Double.isNaN(pm.y(0)), "no moment before the first step: a gap");
            for (int t = 1; t <= 3; t++) {
                assertEquals(t, pm.x(t));
                assertEquals(mHat[t][coord], pm.y(t), 1e-15 * Math.abs(mHat[t][coord]), "m̂ step " + t + " coord " + coord);
                assertEquals(vHat[t][coord], pv.y(t), 1e-13 * vHat[t][coord], "v̂ step " + t + " coord " + coord);
                assertEquals(raw[t][coord], rm.y(t), 1e-15 * Math.abs(raw[t][coord]), "m step " + t);
                assertEquals(rawV[t][coord], rv.y(t), 1e-13 * rawV[t][coord], "v step " + t);
                assertEquals(eff[t][coord], pe.y(pe.count() - 4 + t), 1e-12 * eff[t][coord], "η/(√v̂+ε) step " + t);
            }
        }
        // the early bias is visible: m is a tenth of m̂ at step 1
        Points m1 = store.series(r, SeriesStore.probeChannel(probe(r, "m"), 0), false);
        Points mh1 = store.series(r, SeriesStore.probeChannel(probe(r, "m_hat"), 0), false);
        assertEquals(0.1, m1.y(1) / mh1.y(1), 1e-12);
        // the bias corrections are scalars: one line each
        int bc1 = probe(r, "bias_correction1");
        int bc2 = probe(r, "bias_correction2");
        assertTrue(store.isScalar(r, bc1));
        assertTrue(store.isScalar(r, bc2));
        assertFalse(store.isScalar(r, probe(r, "m_hat")));
        Points pb1 = store.series(r, SeriesStore.probeChannel(bc1, 0), false);
        Points pb2 = store.series(r, SeriesStore.probeChannel(bc2, 0), false);
        for (int t = 1; t <= 3; t++) {
            assertEquals(bc[t][0], pb1.y(t), 1e-15);
            assertEquals(bc[t][1], pb2.y(t), 1e-15);
        }
        store.end();
    }

    @Test
    void theSeriesFollowTheRunRowByRowAndStartAgainOnReset() {
        RunSpec spec = new RunSpec(bowl, Sgd.KIND.create(Map.of("lr", 0.02)), 2, 1);
        Engine engine = new Engine(bowl);
        engine.apply(new Command.Load(List.of(new Command.RunConfig(1, spec))));
        SeriesStore store = new SeriesStore(64);
        for (int k = 0; k < 10; k++) {
            engine.step(3);
            RunFrame r = engine.frame().run(1);
            store.begin(engine.frame());
            Points loss = store.series(r, SeriesStore.LOSS, true);
            store.end();
            assertEquals(r.history().rows(), loss.count());
            for (int i = 0; i < loss.count(); i++) {
                assertEquals(r.history().get(3, i), loss.y(i));
            }
        }
        engine.apply(new Command.Reset());
        engine.step(2);
        RunFrame r = engine.frame().run(1);
        store.begin(engine.frame());
        Points loss = store.series(r, SeriesStore.LOSS, false);
        Points stepNorm = store.series(r, SeriesStore.STEP_NORM, true);
        store.end();
        assertEquals(3, loss.count(), "read afresh after the reset");
        assertEquals(3, stepNorm.count(), "step 0 has no step (a gap), then steps 1 and 2");
        assertTrue(Double.isNaN(stepNorm.y(0)));
    }

    /** A million steps of two runs: what the charts hold stays the same size. */
    @Test
    void chartDataStaysBoundedOverAMillionSteps() {
        Surface rosen = new Rosenbrock();
        // gradient noise: the runs never converge, so they take every step
        GradientNoise noise = new GradientNoise(GradientNoise.Kind.ADDITIVE, 0.5, 3);
        RunSpec sgd = new RunSpec(rosen, noise, Sgd.KIND.create(Map.of("lr", 1e-4)), null, -1.5, 2);
        RunSpec adam = new RunSpec(rosen, noise, Adam.KIND.create(Map.of("lr", 1e-3)), null, -1.5, 2);
        Engine engine = new Engine(rosen);
        engine.apply(new Command.Load(List.of(new Command.RunConfig(1, sgd), new Command.RunConfig(2, adam))));
        engine.apply(new Command.SetStepLimit(1_000_000));
        engine.apply(new Command.Play());
        SeriesStore store = new SeriesStore();
        long heldAt100k = -1;
        int limit = 3 * SeriesStore.DEFAULT_BUCKETS + 1;
        long steps = 0;
        while (steps < 1_000_000) {
            engine.step(5_000);
            steps += 5_000;
            Frame f = engine.frame();
            store.begin(f);
            for (RunFrame r : f.runs()) {
                for (int c : new int[] {SeriesStore.LOSS, SeriesStore.STEP_NORM, SeriesStore.GRAD_NORM, SeriesStore.LR}) {
                    Points p = store.series(r, c, c != SeriesStore.LR);
                    assertTrue(p.count() <= limit, "series " + c + " has " + p.count() + " points at step " + steps);
                }
                if (r.id() == 2) {
                    for (int k = 0; k < r.probeNames().size(); k++) {
                        for (int coord = 0; coord < 2; coord++) {
                            assertTrue(store.series(r, SeriesStore.probeChannel(k, coord), false).count() <= limit);
                        }
                    }
                }
            }
            store.end();
            if (steps == 100_000) {
                heldAt100k = store.pointsHeld();
            }
        }
        Frame f = engine.frame();
        assertEquals(1_000_000, f.run(1).step(), "the runs went all the way");
        assertEquals(1_000_000, f.run(2).step());
        int series = 2 * 4 + 2 * f.run(2).probeNames().size();
        assertEquals(series, store.seriesCount());
        assertTrue(store.pointsHeld() <= (long) series * 2 * limit, store.pointsHeld() + " points held");
        assertTrue(store.pointsHeld() <= 2 * heldAt100k, "flat from 100 000 steps on: " + heldAt100k + " → " + store.pointsHeld());
        // the newest step is always there
        store.begin(f);
        Points loss = store.series(f.run(1), SeriesStore.LOSS, true);
        assertEquals(1_000_000, loss.x(loss.count() - 1));
        // a series no longer asked for is dropped
        store.end();
        assertEquals(1, store.seriesCount());
    }
}
