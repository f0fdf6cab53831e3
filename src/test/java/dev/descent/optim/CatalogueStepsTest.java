package dev.descent.optim;

import static dev.descent.optim.HandComputedStepsTest.BOWL;
import static dev.descent.optim.HandComputedStepsTest.CURVATURE;
import static dev.descent.optim.HandComputedStepsTest.START;
import static dev.descent.optim.HandComputedStepsTest.close;
import static dev.descent.optim.HandComputedStepsTest.probe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Objective;
import dev.descent.math.Quadratic;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's optimizers (Rprop, ASGD, signSGD, Signum, Lion, AdaBelief, Yogi, AdaGrad without the
 * root): their first steps computed here from the published rules in plain double arithmetic, to
 * 1e-14 relative, on f = ½(x² + 10y²) from (2, 1), and the identities between them.
 */
class CatalogueStepsTest {

    /** f = g·θ: the same gradient g everywhere, where the papers' closed forms hold. */
    static Objective constantGradient(double gx, double gy) {
        return new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] x) {
                return gx * x[0] + gy * x[1];
            }

            @Override
            public double gradient(double[] x, double[] grad) {
                grad[0] = gx;
                grad[1] = gy;
                return value(x);
            }
        };
    }

    @Test
    void rpropGrowsTheStepWhileTheSignStaysAndRestsAfterAFlip() {
        double lr = 0.3;
        Stepper s = new Rprop(lr).newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] delta = {lr, lr};
        double[] prev = {0, 0};
        for (int t = 1; t <= 6; t++) {
            s.step(BOWL, theta, lr);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                double factor = g * prev[i] > 0 ? 1.2 : g * prev[i] < 0 ? 0.5 : 1;
                delta[i] = Math.min(Math.max(delta[i] * factor, 1e-6), 50);
                if (factor == 0.5) {
                    g = 0;
                }
                x[i] -= Math.signum(g) * delta[i];
                prev[i] = g;
                close(x[i], theta[i], "θ step " + t);
                close(delta[i], probe(s, "step_size")[i], "Δ step " + t);
            }
        }
        // x: 2 → 1.7 → 1.34 → 0.908 → 0.3896 → −0.23248 (still the same sign of g) …
        close(2 - 0.3 - 0.36 - 0.432 - 0.5184 - 0.62208, nthX(new Rprop(lr), 5), "x after five steps");
        // y flips at step 2 (1 → 0.7 → 0.34 … no: 10y keeps its sign until y < 0)
        Stepper flip = new Rprop(0.3).newStepper(2);
        double[] y = {0.0, 0.2};
        flip.step(BOWL, y, 0.3); // y: 0.2 → −0.1
        close(-0.1, y[1], "first step is Δ₀ = lr");
        flip.step(BOWL, y, 0.3); // the sign flipped: Δ halves and y rests
        close(-0.1, y[1], "after a sign flip the coordinate rests one step");
        close(0.15, probe(flip, "step_size")[1], "Δ·η⁻");
        assertEquals(0.0, probe(flip, "prev")[1], "the flipped gradient is forgotten");
        flip.step(BOWL, y, 0.3); // prev = 0: factor 1, moves by the halved Δ
        close(0.05, y[1], "then it moves by the halved Δ");
    }

    private static double nthX(Optimizer o, int steps) {
        Stepper s = o.newStepper(2);
        double[] theta = START.clone();
        for (int t = 0; t < steps; t++) {
            s.step(BOWL, theta, o.lr());
        }
        return theta[0];
    }

    @Test
    void rpropClampsTheStepSize() {
        Stepper s = Rprop.KIND.create(Map.of("lr", 0.1, "step_sizes", "0.01,0.15")).newStepper(2);
        double[] theta = {100, 100};
        for (int t = 0; t < 5; t++) {
            s.step(BOWL, theta, 0.1);
        }
        assertArrayEquals(new double[] {0.15, 0.15}, probe(s, "step_size"), "Δ stops at Δmax");
        close(100 - 0.1 - 0.12 - 0.144 - 0.15 - 0.15, theta[0], "x");
    }

    @Test
    void asgdDecaysItsRateAndAveragesAfterT0() {
        double lr = 0.05;
        double lambd = 0.1;
        double alpha = 0.5;
        double t0 = 2;
        Stepper s = new Asgd(lr, lambd, alpha, t0, 0, false).newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] ax = new double[2];
        double eta = lr;
        double mu = 1;
        for (int t = 1; t <= 6; t++) {
            s.step(BOWL, theta, lr);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                x[i] = x[i] * (1 - lambd * eta) - eta * g;
                ax[i] = mu == 1 ? x[i] : ax[i] + mu * (x[i] - ax[i]);
                close(x[i], theta[i], "θ step " + t);
                close(ax[i], probe(s, "ax")[i], "ā step " + t);
            }
            close(eta, probe(s, "eta")[0], "η_t step " + t);
            eta = lr / Math.pow(1 + lambd * lr * t, alpha);
            mu = 1 / Math.max(1, t - t0);
        }
        // after t₀ + 1 steps the average starts lagging behind θ: step 4 used μ = 1/(3 − 2) = 1, step 5 μ = 1/2
        double[] ahead = probe(s, "ax");
        assertTrue(Math.abs(ahead[1]) > Math.abs(theta[1]), "ā trails θ towards the minimum");
    }

    @Test
    void asgdFirstStepIsSgdWithShrinkage() {
        Stepper s = new Asgd(0.05).newStepper(2);
        double[] theta = START.clone();
        s.step(BOWL, theta, 0.05);
        close(2 * (1 - 1e-4 * 0.05) - 0.05 * 2, theta[0], "x");
        close(1 * (1 - 1e-4 * 0.05) - 0.05 * 10, theta[1], "y");
        assertArrayEquals(theta, probe(s, "ax"), "ā = θ while μ = 1");
    }

    @Test
    void signSgdMovesEveryCoordinateByExactlyLr() {
        Stepper s = new SignSgd(0.25, 0).newStepper(2);
        double[] theta = {2, -1};
        s.step(BOWL, theta, 0.25);
        assertArrayEquals(new double[] {1.75, -0.75}, theta);
        double[] zero = {0, 0.5};
        s.step(BOWL, zero, 0.25);
        assertArrayEquals(new double[] {0, 0.25}, zero, "sign(0) = 0: a coordinate at its minimum stays");
    }

    @Test
    void signumFollowsTheSignOfItsMomentum() {
        double lr = 0.1;
        double beta = 0.9;
        Stepper s = new Signum(lr, beta, 0).newStepper(2);
        double[] theta = {0.05, 1};
        double[] x = theta.clone();
        double[] m = new double[2];
        for (int t = 1; t <= 4; t++) {
            s.step(BOWL, theta, lr);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                m[i] = beta * m[i] + (1 - beta) * g;
                x[i] -= lr * Math.signum(m[i]);
                close(m[i], probe(s, "m")[i], "m step " + t);
                close(x[i], theta[i], "θ step " + t);
            }
        }
    }

    @Test
    void signumWithoutMomentumIsSignSgd() {
        for (double wd : new double[] {0, 0.05}) {
            Stepper a = new Signum(0.07, 0, wd).newStepper(2);
            Stepper b = new SignSgd(0.07, wd).newStepper(2);
            double[] x = {1.3, -0.4};
            double[] y = x.clone();
            Quadratic rotated = new Quadratic(1, 10, 30);
            for (int t = 0; t < 50; t++) {
                a.step(rotated, x, 0.07);
                b.step(rotated, y, 0.07);
                assertArrayEquals(y, x, "step " + t + " wd " + wd);
            }
        }
    }

    @Test
    void lionStepsBySignOfTheInterpolationThenUpdatesMomentum() {
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.99;
        double wd = 0.5;
        Stepper s = new Lion(lr, b1, b2, wd).newStepper(2);
        double[] theta = {0.3, 1};
        double[] x = theta.clone();
        double[] m = new double[2];
        for (int t = 1; t <= 5; t++) {
            s.step(BOWL, theta, lr);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                double c = b1 * m[i] + (1 - b1) * g;
                x[i] = x[i] * (1 - lr * wd) - lr * Math.signum(c);
                m[i] = b2 * m[i] + (1 - b2) * g;
                close(c, probe(s, "direction")[i], "c step " + t);
                close(m[i], probe(s, "m")[i], "m step " + t);
                close(x[i], theta[i], "θ step " + t);
            }
        }
    }

    /** Lion with β₁ = 0 and no weight decay steps by sign(g): signSGD. */
    @Test
    void lionWithBeta1ZeroIsSignSgd() {
        Stepper a = new Lion(0.05, 0, 0.99, 0).newStepper(2);
        Stepper b = new SignSgd(0.05, 0).newStepper(2);
        double[] x = {1.3, -0.4};
        double[] y = x.clone();
        for (int t = 0; t < 30; t++) {
            a.step(BOWL, x, 0.05);
            b.step(BOWL, y, 0.05);
            assertArrayEquals(y, x, "step " + t);
        }
    }

    @Test
    void adaBeliefFollowsItsFormulas() {
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        Stepper s = new AdaBelief(lr, b1, b2, eps, 0).newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] m = new double[2];
        double[] sv = new double[2];
        for (int t = 1; t <= 4; t++) {
            s.step(BOWL, theta, lr);
            double bc1 = 1 - Math.pow(b1, t);
            double bc2 = 1 - Math.pow(b2, t);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                sv[i] = b2 * sv[i] + (1 - b2) * (g - m[i]) * (g - m[i]) + eps;
                x[i] -= lr * (m[i] / bc1) / (Math.sqrt(sv[i] / bc2) + eps);
                close(g - m[i], probe(s, "residual")[i], "g − m step " + t);
                close(sv[i] / bc2, probe(s, "s_hat")[i], "ŝ step " + t);
                close(x[i], theta[i], "θ step " + t);
            }
        }
    }

    /**
     * On a constant gradient g, m_t = (1 − β₁ᵗ)·g, so g − m_t = β₁ᵗ·g and
     * s_t = (1 − β₂)·g²·β₁²·(β₂ᵗ − β₁²ᵗ)/(β₂ − β₁²) + ε·(1 − β₂ᵗ)/(1 − β₂), far below Adam's v_t = (1 − β₂ᵗ)·g²
     * (ŝ ≈ 4.3·g²/t for 10 ≲ t ≪ 1000): AdaBelief's steps grow like √t beyond Adam's η·sign(g) while the gradient is as predicted.
     */
    @Test
    void adaBeliefOnAConstantGradientMatchesTheClosedFormAndOutrunsAdam() {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-16;
        double lr = 1e-3;
        double[] gr = {0.5, -3};
        Objective f = constantGradient(gr[0], gr[1]);
        Stepper belief = new AdaBelief(lr, b1, b2, eps, 0).newStepper(2);
        Stepper adam = new Adam(lr).newStepper(2);
        double[] a = {0, 0};
        double[] b = {0, 0};
        for (int t = 1; t <= 20; t++) {
            belief.step(f, a, lr);
            adam.step(f, b, lr);
            double[] s = probe(belief, "s");
            double[] m = probe(belief, "m");
            for (int i = 0; i < 2; i++) {
                double g = gr[i];
                close((1 - Math.pow(b1, t)) * g, m[i], "m step " + t);
                double want = (1 - b2) * g * g * b1 * b1 * (Math.pow(b2, t) - Math.pow(b1, 2 * t)) / (b2 - b1 * b1)
                        + eps * (1 - Math.pow(b2, t)) / (1 - b2);
                assertEquals(want, s[i], 1e-13 * want, "s step " + t);
                double adamV = (1 - Math.pow(b2, t)) * g * g; // 1 − β₂ᵗ cancels: the closed form holds to ~1e-13
                assertEquals(adamV, probe(adam, "v")[i], 1e-12 * adamV, "Adam's v step " + t);
            }
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(-20 * lr * Math.signum(gr[i]), b[i], 1e-9, "Adam moves by ≈ η·sign(g) a step");
            assertTrue(Math.abs(a[i]) > 1.5 * Math.abs(b[i]), "AdaBelief goes further: " + a[i] + " vs " + b[i]);
        }
    }

    @Test
    void yogiFollowsItsFormulas() {
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-3;
        double v0 = 1e-6;
        Stepper s = new Yogi(lr, b1, b2, eps, v0, 0).newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] m = new double[2];
        double[] v = {v0, v0};
        for (int t = 1; t <= 4; t++) {
            s.step(BOWL, theta, lr);
            double bc1 = 1 - Math.pow(b1, t);
            double bc2 = 1 - Math.pow(b2, t);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = v[i] - (1 - b2) * Math.signum(v[i] - g * g) * g * g;
                x[i] -= lr * (m[i] / bc1) / (Math.sqrt(v[i] / bc2) + eps);
                close(v[i], probe(s, "v")[i], "v step " + t);
                close(x[i], theta[i], "θ step " + t);
            }
        }
        assertArrayEquals(new double[] {1, 1}, probe(s, "v_direction"), "v is still growing towards g²");
    }

    /**
     * On a constant gradient with v₀ = 0 Yogi's v climbs linearly, v_t = t·(1 − β₂)·g², while Adam's
     * approaches g² as (1 − β₂ᵗ)·g²: Yogi's v is the larger, so its steps are the more careful.
     * Yogi's v falls by (1 − β₂)·g² per step when the gradient shrinks, where Adam's decays by a factor.
     */
    @Test
    void yogiOnAConstantGradientGrowsLinearlyWhereAdamSaturates() {
        double b2 = 0.999;
        double[] gr = {0.5, -3};
        Objective f = constantGradient(gr[0], gr[1]);
        Stepper yogi = new Yogi(1e-3, 0.9, b2, 1e-8, 0, 0).newStepper(2);
        Stepper adam = new Adam(1e-3).newStepper(2);
        double[] a = {0, 0};
        double[] b = {0, 0};
        for (int t = 1; t <= 200; t++) {
            yogi.step(f, a, 1e-3);
            adam.step(f, b, 1e-3);
            for (int i = 0; i < 2; i++) {
                double g2 = gr[i] * gr[i];
                close(t * (1 - b2) * g2, probe(yogi, "v")[i], "Yogi's v step " + t);
                assertTrue(probe(yogi, "v")[i] >= probe(adam, "v")[i], "Yogi's v ≥ Adam's at step " + t);
                assertEquals(probe(adam, "m")[i], probe(yogi, "m")[i], 0, "the same first moment");
            }
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(Math.abs(a[i]) < Math.abs(b[i]), "Yogi moved less than Adam in coordinate " + i);
        }
    }

    @Test
    void adagradWithoutTheRootDividesByTheSumItself() {
        double lr = 0.5;
        double eps = 1e-10;
        Adagrad o = (Adagrad) Adagrad.KIND.create(Map.of("lr", lr, "root", false));
        Stepper s = o.newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] r = new double[2];
        for (int t = 1; t <= 4; t++) {
            s.step(BOWL, theta, lr);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                r[i] += g * g;
                x[i] -= lr * g / (r[i] + eps);
                close(lr / (r[i] + eps), probe(s, "effective_lr")[i], "η/(r + ε) step " + t);
                close(x[i], theta[i], "θ step " + t);
            }
        }
        // the first step is η/g, not Adagrad's η·sign(g)
        Stepper first = o.newStepper(2);
        double[] p = START.clone();
        first.step(BOWL, p, lr);
        close(2 - lr * 2 / (4 + eps), p[0], "x − η/g_x");
        close(1 - lr * 10 / (100 + eps), p[1], "y − η/g_y");
    }

    /** On a steady gradient g the rooted step is η/√t (the sign), the rootless one η/(t·g). */
    @Test
    void adagradRootsOnAConstantGradient() {
        double lr = 0.1;
        Objective f = constantGradient(4, 0.25);
        Stepper rooted = new Adagrad(lr).newStepper(2);
        Stepper plain = new Adagrad(lr, 0, 0, 0, 1e-10, false, false).newStepper(2);
        double[] a = {0, 0};
        double[] b = {0, 0};
        for (int t = 1; t <= 10; t++) {
            rooted.step(f, a, lr);
            plain.step(f, b, lr);
            double eps = 1e-10;
            close(-lr * 4 / (Math.sqrt(t) * 4 + eps), probe(rooted, "step")[0], "√: step " + t);
            close(-lr * 0.25 / (Math.sqrt(t) * 0.25 + eps), probe(rooted, "step")[1], "√: the same in y");
            assertEquals(-lr / Math.sqrt(t), probe(rooted, "step")[1], 1e-8, "≈ η/√t whatever g");
            close(-lr * 4 / (t * 16.0 + eps), probe(plain, "step")[0], "no root: step " + t);
            close(-lr * 0.25 / (t * 0.0625 + eps), probe(plain, "step")[1], "no root: the small gradient takes the big step");
        }
    }

    /**
     * Schedule-Free AdamW against the reference's own form, which updates y in place,
     * y ← y + c·(z − y) + η_k·(β₁(1 − c) − 1)·ĝ, z ← z − η_k·ĝ, and recovers x = y + (1 − 1/β₁)·(z − y).
     */
    @Test
    void scheduleFreeAdamWMatchesTheReferenceUpdate() {
        double lr = 0.05;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        int warmup = 2;
        Stepper s = new ScheduleFreeAdamW(lr, b1, b2, eps, 0, warmup, 0, 2).newStepper(2);
        double[] theta = START.clone();
        double[] y = START.clone();
        double[] z = START.clone();
        double[] v = new double[2];
        double lrMax = -1;
        double weightSum = 0;
        for (int k = 0; k < 5; k++) {
            s.step(BOWL, theta, lr);
            double sched = k < warmup ? (k + 1) / (double) warmup : 1;
            double stepLr = lr * sched * Math.sqrt(1 - Math.pow(b2, k + 1));
            lrMax = Math.max(stepLr, lrMax);
            double weight = Math.pow(k + 1, 0) * lrMax * lrMax;
            weightSum += weight;
            double c = weight / weightSum;
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * y[i];
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double gn = g / (Math.sqrt(v[i]) + eps);
                y[i] = y[i] + c * (z[i] - y[i]);
                y[i] += stepLr * (b1 * (1 - c) - 1) * gn;
                z[i] -= stepLr * gn;
                close(y[i], theta[i], "y step " + (k + 1));
                close(z[i], probe(s, "z")[i], "z step " + (k + 1));
                double x = y[i] + (1 - 1 / b1) * (z[i] - y[i]);
                assertEquals(x, probe(s, "x_avg")[i], 1e-13 * Math.max(1, Math.abs(x)), "x step " + (k + 1));
            }
            close(c, probe(s, "average_weight")[0], "c step " + (k + 1));
            close(stepLr, probe(s, "effective_lr")[0], "η_k step " + (k + 1));
        }
    }

    /** The first step has c = 1: x, y and z all take the same normalised step, ≈ η·√(1 − β₂)·sign(g). */
    @Test
    void scheduleFreeFirstStepMovesAllThreeTogether() {
        Stepper s = new ScheduleFreeAdamW(0.1).newStepper(2);
        double[] theta = START.clone();
        s.step(BOWL, theta, 0.1);
        double lr1 = 0.1 * Math.sqrt(1 - 0.999);
        double gx = 2;
        close(2 - lr1 * gx / (Math.sqrt((1 - 0.999) * gx * gx) + 1e-8), theta[0], "y");
        assertArrayEquals(theta, probe(s, "z"));
        assertArrayEquals(theta, probe(s, "x_avg"));
    }
}
