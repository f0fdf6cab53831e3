package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.math.Quadratic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Steps computed here from the published formulas, with plain double arithmetic, one coordinate at a
 * time. The implementations round like torch (fused multiply-adds), so the two agree to a few units
 * in the last place, not bit for bit: {@link #close} allows 1e-14 relative, a million times tighter
 * than any formula mistake.
 */
class HandComputedStepsTest {

    /** f = ½(x² + 10y²): ∇f = (x, 10y). */
    static final Quadratic BOWL = new Quadratic(1, 10, 0);
    static final double[] CURVATURE = {1, 10};
    static final double[] START = {2, 1};

    static void close(double want, double got, String what) {
        assertEquals(want, got, 1e-14 * Math.max(Math.abs(want), 1e-300), what);
    }

    static double[] probe(Stepper s, String name) {
        double[] out = new double[2];
        Probe p = s.probes().stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no probe " + name + " in " + names(s)));
        p.read(out);
        return out;
    }

    static List<String> names(Stepper s) {
        return s.probes().stream().map(Probe::name).toList();
    }

    @Test
    void adamAfterThreeStepsMatchesTheFormulas() {
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        Stepper s = new Adam(lr).newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= 3; t++) {
            s.step(BOWL, theta, lr);
            double bc1 = 1 - Math.pow(b1, t);
            double bc2 = 1 - Math.pow(b2, t);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / bc1;
                double vHat = v[i] / bc2;
                x[i] = x[i] - lr * mHat / (Math.sqrt(vHat) + eps);
                close(mHat, probe(s, "m_hat")[i], "m_hat step " + t);
                close(vHat, probe(s, "v_hat")[i], "v_hat step " + t);
                close(lr / (Math.sqrt(vHat) + eps), probe(s, "effective_lr")[i], "effective_lr step " + t);
                close(x[i], theta[i], "θ step " + t);
            }
            close(bc1, probe(s, "bias_correction1")[0], "1 − β₁ᵗ");
            close(bc2, probe(s, "bias_correction2")[1], "1 − β₂ᵗ");
        }
        // on a quadratic with tiny ε, Adam's first steps are close to η·sign(g)
        assertEquals(2 - 3 * lr, theta[0], 1e-3);
        assertEquals(List.of("grad", "m", "v", "m_hat", "v_hat", "bias_correction1", "bias_correction2", "effective_lr",
                "step"), names(s));
    }

    /** Adam's variants on ε and the bias correction, with ε large enough to matter. */
    @Test
    void adamEpsModesAndBiasCorrectionFollowTheirFormulas() {
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 0.5;
        for (String mode : List.of("outside", "inside", "keras")) {
            for (boolean bias : List.of(true, false)) {
                Optimizer o = Adam.KIND.create(Map.of("lr", lr, "eps", eps, "eps_mode", mode, "bias_correction", bias));
                Stepper s = o.newStepper(2);
                double[] theta = START.clone();
                double[] x = START.clone();
                double[] m = new double[2];
                double[] v = new double[2];
                for (int t = 1; t <= 3; t++) {
                    s.step(BOWL, theta, lr);
                    double bc1 = bias ? 1 - Math.pow(b1, t) : 1;
                    double bc2 = bias ? 1 - Math.pow(b2, t) : 1;
                    for (int i = 0; i < 2; i++) {
                        double g = CURVATURE[i] * x[i];
                        m[i] = b1 * m[i] + (1 - b1) * g;
                        v[i] = b2 * v[i] + (1 - b2) * g * g;
                        double mHat = m[i] / bc1;
                        double vHat = v[i] / bc2;
                        double rate = switch (mode) {
                            case "outside" -> lr / (Math.sqrt(vHat) + eps);
                            case "inside" -> lr / Math.sqrt(vHat + eps);
                            default -> lr * Math.sqrt(bc2) / (Math.sqrt(v[i]) + eps);
                        };
                        x[i] -= rate * mHat;
                        close(x[i], theta[i], mode + " bias=" + bias + " θ step " + t);
                        close(rate, probe(s, "effective_lr")[i], mode + " bias=" + bias + " effective_lr");
                        close(-rate * mHat, probe(s, "step")[i], mode + " bias=" + bias + " step");
                        close(bias ? 1 - Math.pow(b1, t) : 1, probe(s, "bias_correction1")[i], "bc1");
                    }
                }
                double[] torch = adamTheta(Map.of("lr", lr, "eps", eps), 3);
                if (mode.equals("outside") && bias) {
                    assertArrayEquals(torch, theta, "the defaults are torch's Adam");
                } else {
                    assertTrue(Math.abs(torch[0] - theta[0]) > 1e-4, mode + " bias=" + bias + " should differ from torch's");
                }
            }
        }
    }

    static double[] adamTheta(Map<String, ?> hyper, int steps) {
        Optimizer o = Adam.KIND.create(hyper);
        Stepper s = o.newStepper(2);
        double[] theta = START.clone();
        for (int t = 0; t < steps; t++) {
            s.step(BOWL, theta, o.lr());
        }
        return theta;
    }

    @Test
    void amsgradDividesByTheLargestRawSecondMoment() {
        // β₂ = ½ makes v follow g², which shrinks as θ approaches the minimum: v falls, v_max stays at its peak
        double lr = 0.05;
        double b2 = 0.5;
        Stepper s = Adam.KIND.create(Map.of("lr", lr, "amsgrad", true, "betas", List.of(0.9, b2))).newStepper(2);
        double[] theta = {3, 0.5};
        double vmax0 = 0;
        double v0 = 0;
        double m0 = 0;
        double x = theta[0];
        for (int t = 1; t <= 40; t++) {
            s.step(BOWL, theta, lr);
            double g = x;
            m0 = 0.9 * m0 + 0.1 * g;
            v0 = b2 * v0 + (1 - b2) * g * g;
            vmax0 = Math.max(vmax0, v0);
            x -= lr / (1 - Math.pow(0.9, t)) * m0 / (Math.sqrt(vmax0) / Math.sqrt(1 - Math.pow(b2, t)) + 1e-8);
            close(v0, probe(s, "v")[0], "v step " + t);
            close(vmax0, probe(s, "v_max")[0], "v_max step " + t);
            close(vmax0 / (1 - Math.pow(b2, t)), probe(s, "v_hat")[0], "v̂ uses v_max step " + t);
        }
        close(x, theta[0], "θ after 40 AMSGrad steps");
        assertTrue(probe(s, "v_max")[0] > 1.5 * probe(s, "v")[0], "v has fallen below its maximum");
    }

    @Test
    void adamwDecaysTheWeightsBeforeTheMoments() {
        double lr = 0.1;
        double wd = 0.5;
        Stepper s = AdamW.KIND.create(Map.of("lr", lr, "weight_decay", wd)).newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= 3; t++) {
            s.step(BOWL, theta, lr);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                x[i] *= 1 - lr * wd;
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                x[i] -= lr * (m[i] / (1 - Math.pow(0.9, t))) / (Math.sqrt(v[i] / (1 - Math.pow(0.999, t))) + 1e-8);
                close(x[i], theta[i], "AdamW θ step " + t);
                close(g, probe(s, "grad")[i], "AdamW leaves g alone");
            }
        }
    }

    /**
     * NAdam's corrected rule (Dozat 2016, torch ≥ 2.0), written out for three steps, and shown to
     * differ from torch 1.13's rule that multiplies μ_t into the product twice.
     */
    @Test
    void nadamFollowsTheCorrectedMomentumSchedule() {
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double psi = 4e-3;
        Stepper s = new NAdam(lr).newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] buggy = START.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        double[] mb = new double[2];
        double[] vb = new double[2];
        double product = 1;
        double buggyProduct = 1;
        for (int t = 1; t <= 3; t++) {
            s.step(BOWL, theta, lr);
            double mu = b1 * (1 - 0.5 * Math.pow(0.96, t * psi));
            double muNext = b1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * psi));
            product = product * mu;
            double productNext = product * muNext;
            buggyProduct = buggyProduct * mu;
            double buggyNext = buggyProduct * mu * muNext;
            double bc2 = 1 - Math.pow(b2, t);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double d = Math.sqrt(v[i] / bc2) + eps;
                x[i] -= lr * (1 - mu) / (1 - product) * g / d + lr * muNext / (1 - productNext) * m[i] / d;
                close(x[i], theta[i], "NAdam θ step " + t);

                double gb = CURVATURE[i] * buggy[i];
                mb[i] = b1 * mb[i] + (1 - b1) * gb;
                vb[i] = b2 * vb[i] + (1 - b2) * gb * gb;
                double db = Math.sqrt(vb[i] / bc2) + eps;
                buggy[i] -= lr * (1 - mu) / (1 - buggyProduct) * gb / db + lr * muNext / (1 - buggyNext) * mb[i] / db;
            }
            close(mu, probe(s, "mu_t")[0], "μ_t");
            close(muNext, probe(s, "mu_next")[1], "μ_{t+1}");
            close(product, probe(s, "mu_product")[0], "Π_t");
        }
        // step 1 by hand: μ₁ = 0.9·(1 − ½·0.96^0.004), Π₁ = μ₁
        double mu1 = 0.9 * (1 - 0.5 * Math.pow(0.96, 0.004));
        assertEquals(0.45007347359, mu1, 1e-11);
        close(mu1, firstMu(new NAdam(lr).newStepper(2)), "μ₁ from the stepper");
        assertTrue(Math.abs(buggy[0] - theta[0]) > 1e-6, "torch 1.13's doubled μ_t gives another trajectory: "
                + buggy[0] + " vs " + theta[0]);
    }

    @Test
    void radamIsMomentumSgdUntilRhoExceedsFive() {
        double lr = 0.01;
        Stepper s = new RAdam(lr).newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        double[] rho = {1, 1.9995, 2.9987, 3.9975, 4.9960, 5.9942};
        double rhoInf = 2 / (1 - 0.999) - 1;
        for (int t = 1; t <= 8; t++) {
            s.step(BOWL, theta, lr);
            double bc1 = 1 - Math.pow(0.9, t);
            double bc2 = 1 - Math.pow(0.999, t);
            double rhoT = rhoInf - 2 * t * Math.pow(0.999, t) / bc2;
            if (t <= rho.length) {
                assertEquals(rho[t - 1], probe(s, "rho_t")[0], 1e-4, "ρ_t at step " + t + " (golden README 4.8)");
            }
            close(rhoT, probe(s, "rho_t")[0], "ρ_t");
            boolean rectified = rhoT > 5;
            assertEquals(t >= 6, rectified, "step 6 is the first rectified step");
            assertEquals(rectified ? 1.0 : 0.0, probe(s, "rectified")[0]);
            double r = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mHat = m[i] / bc1;
                x[i] -= rectified ? lr * mHat * Math.sqrt(bc2) / (Math.sqrt(v[i]) + 1e-8) * r : lr * mHat;
                close(x[i], theta[i], "RAdam θ step " + t);
            }
            if (rectified) {
                close(r, probe(s, "rect")[0], "r_t");
            } else {
                assertTrue(Double.isNaN(probe(s, "rect")[0]), "no r_t before rectification");
            }
        }
    }

    @Test
    void adagradDecaysItsRateFromTheSecondStep() {
        double lr = 0.5;
        double decay = 0.25;
        double r0 = 0.1;
        Stepper s = Adagrad.KIND.create(Map.of("lr", lr, "lr_decay", decay, "initial_accumulator_value", r0)).newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] r = {r0, r0};
        for (int t = 1; t <= 3; t++) {
            s.step(BOWL, theta, lr);
            double clr = lr / (1 + (t - 1) * decay);
            close(clr, probe(s, "clr")[0], "η_t");
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                r[i] += g * g;
                x[i] -= clr * g / (Math.sqrt(r[i]) + 1e-10);
                close(r[i], probe(s, "sum")[i], "r");
                close(clr / (Math.sqrt(r[i]) + 1e-10), probe(s, "effective_lr")[i], "η_t/(√r+ε)");
                close(x[i], theta[i], "Adagrad θ step " + t);
            }
        }
    }

    @Test
    void rmspropCentredWithMomentum() {
        double lr = 0.01;
        double alpha = 0.9;
        double mu = 0.5;
        Stepper s = RmsProp.KIND.create(Map.of("lr", lr, "alpha", alpha, "momentum", mu, "centered", true)).newStepper(2);
        assertEquals(List.of("grad", "v", "grad_avg", "momentum_buffer", "effective_lr", "step"), names(s));
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] v = new double[2];
        double[] ga = new double[2];
        double[] b = new double[2];
        for (int t = 1; t <= 4; t++) {
            s.step(BOWL, theta, lr);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                v[i] = alpha * v[i] + (1 - alpha) * g * g;
                ga[i] = alpha * ga[i] + (1 - alpha) * g;
                double a = Math.sqrt(v[i] - ga[i] * ga[i]) + 1e-8;
                b[i] = mu * b[i] + g / a;
                x[i] -= lr * b[i];
                close(x[i], theta[i], "RMSprop θ step " + t);
                close(ga[i], probe(s, "grad_avg")[i], "ḡ");
                close(lr / a, probe(s, "effective_lr")[i], "η/a");
            }
        }
    }

    @Test
    void adadeltaUsesTheOldDeltaAverage() {
        double lr = 1.0;
        double rho = 0.9;
        double eps = 1e-6;
        Stepper s = new Adadelta(lr).newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] v = new double[2];
        double[] u = new double[2];
        for (int t = 1; t <= 4; t++) {
            s.step(BOWL, theta, lr);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                v[i] = rho * v[i] + (1 - rho) * g * g;
                double ratio = Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps);
                double delta = ratio * g;
                u[i] = rho * u[i] + (1 - rho) * delta * delta;
                x[i] -= lr * delta;
                close(x[i], theta[i], "Adadelta θ step " + t);
                close(ratio, probe(s, "rms_ratio")[i], "√(u+ε)/√(v+ε)");
                close(u[i], probe(s, "u")[i], "u");
            }
        }
    }

    @Test
    void adamaxDividesByTheDecayingMaximum() {
        double lr = 0.1;
        Stepper s = Adamax.KIND.create(Map.of("lr", lr, "betas", "0.8,0.99")).newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] m = new double[2];
        double[] u = new double[2];
        for (int t = 1; t <= 4; t++) {
            s.step(BOWL, theta, lr);
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                m[i] = 0.8 * m[i] + 0.2 * g;
                u[i] = Math.max(0.99 * u[i], Math.abs(g) + 1e-8);
                x[i] -= lr / (1 - Math.pow(0.8, t)) * m[i] / u[i];
                close(x[i], theta[i], "Adamax θ step " + t);
                close(u[i], probe(s, "u")[i], "u");
            }
        }
    }

    /**
     * qhoptim's recursion (w_t = 1 + β·w_{t−1}, β' = 1 − 1/w_t, m̂ ← β'·m̂ + (1 − β')·g) written out,
     * and shown equal to Adam's m/(1 − βᵗ); the recursion's 1 − 1/w_t costs a few bits, so that
     * comparison allows 1e-12.
     */
    @Test
    void qhadamKeepsBiasCorrectedAverages() {
        double lr = 0.01;
        double b1 = 0.995;
        double b2 = 0.999;
        double nu1 = 0.7;
        Stepper s = QhAdam.KIND.create(Map.of("lr", lr)).newStepper(2);
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        double[] mHat = new double[2];
        double[] vHat = new double[2];
        double w1 = 0;
        double w2 = 0;
        for (int t = 1; t <= 4; t++) {
            s.step(BOWL, theta, lr);
            w1 = 1 + b1 * w1;
            w2 = 1 + b2 * w2;
            double a1 = 1 - 1 / w1;
            double a2 = 1 - 1 / w2;
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * x[i];
                mHat[i] = a1 * mHat[i] + (1 - a1) * g;
                vHat[i] = a2 * vHat[i] + (1 - a2) * g * g;
                x[i] -= lr * ((1 - nu1) * g + nu1 * mHat[i]) / (Math.sqrt(vHat[i]) + 1e-8);
                close(mHat[i], probe(s, "m_hat")[i], "m̂ step " + t);
                close(vHat[i], probe(s, "v_hat")[i], "v̂ step " + t);
                close(x[i], theta[i], "QHAdam θ step " + t);

                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                assertEquals(m[i] / (1 - Math.pow(b1, t)), mHat[i], 1e-12 * Math.abs(mHat[i]), "m̂ is Adam's m/(1 − β₁ᵗ)");
                assertEquals(v[i] / (1 - Math.pow(b2, t)), vHat[i], 1e-12 * Math.abs(vHat[i]), "v̂ is Adam's v/(1 − β₂ᵗ)");
            }
        }
    }

    /** QHM with ν = 0 is plain SGD, bit for bit (the ν-part adds −0·b). */
    @Test
    void qhmWithNuZeroIsPlainSgd() {
        assertSameTrajectory(Qhm.KIND.create(Map.of("lr", 0.05, "momentum", 0.9, "nu", 0.0)),
                Sgd.KIND.create(Map.of("lr", 0.05)), 200);
    }

    /**
     * QHM with ν = 1 is momentum with a dampened buffer: rate η and β equal torch's SGD with momentum β
     * and rate η·(1 − β). With β = ½ every rescaling is by a power of two, so they agree bit for bit.
     */
    @Test
    void qhmWithNuOneIsScaledTorchMomentum() {
        assertSameTrajectory(Qhm.KIND.create(Map.of("lr", 0.1, "momentum", 0.5, "nu", 1.0)),
                Sgd.KIND.create(Map.of("lr", 0.05, "momentum", 0.5)), 200);
        // any β: the same up to rounding
        Optimizer qhm = Qhm.KIND.create(Map.of("lr", 0.2, "momentum", 0.9, "nu", 1.0));
        Optimizer sgd = Sgd.KIND.create(Map.of("lr", 0.2 * (1 - 0.9), "momentum", 0.9));
        double[] a = START.clone();
        double[] b = START.clone();
        Stepper sa = qhm.newStepper(2);
        Stepper sb = sgd.newStepper(2);
        for (int t = 1; t <= 60; t++) {
            sa.step(BOWL, a, qhm.lr());
            sb.step(BOWL, b, sgd.lr());
            for (int i = 0; i < 2; i++) {
                assertEquals(b[i], a[i], 1e-13, "step " + t);
            }
        }
        assertTrue(Math.abs(a[0] - 2) > 0.5, "it moved");
    }

    @Test
    void lookaheadWithAlphaOneIsItsInnerOptimizer() {
        for (Optimizer inner : List.of(new Adam(0.05), Sgd.KIND.create(Map.of("lr", 0.02, "momentum", 0.9)),
                RmsProp.KIND.create(Map.of("lr", 0.01, "centered", true)), new NAdam(0.05), new Qhm(0.05, 0.9, 0.7, 0))) {
            assertSameTrajectory(new Lookahead(inner, 3, 1.0), inner, 100);
        }
    }

    @Test
    void lookaheadPullsBackToTheSlowWeightsEveryKSteps() {
        double lr = 0.05;
        int k = 3;
        double alpha = 0.25;
        Lookahead la = new Lookahead(Sgd.KIND.create(Map.of("lr", lr)), k, alpha);
        Stepper s = la.newStepper(2);
        assertEquals(List.of("grad", "effective_lr", "slow_weights", "fast_steps"), names(s));
        double[] theta = START.clone();
        double[] x = START.clone();
        double[] slow = START.clone();
        for (int t = 1; t <= 10; t++) {
            s.step(BOWL, theta, lr);
            for (int i = 0; i < 2; i++) {
                x[i] -= lr * CURVATURE[i] * x[i];
                if (t % k == 0) {
                    slow[i] += alpha * (x[i] - slow[i]);
                    x[i] = slow[i];
                }
                close(x[i], theta[i], "θ step " + t);
                close(slow[i], probe(s, "slow_weights")[i], "φ step " + t);
                assertEquals(t % k, probe(s, "fast_steps")[i], "fast steps since the sync, step " + t);
            }
        }
    }

    static void assertSameTrajectory(Optimizer a, Optimizer b, int steps) {
        Stepper sa = a.newStepper(2);
        Stepper sb = b.newStepper(2);
        double[] ta = START.clone();
        double[] tb = START.clone();
        for (int t = 1; t <= steps; t++) {
            sa.step(BOWL, ta, a.lr());
            sb.step(BOWL, tb, b.lr());
            assertArrayEquals(tb, ta, a.label() + " vs " + b.label() + " at step " + t);
        }
        assertTrue(ta[0] != START[0], "it moved");
    }

    static double firstMu(Stepper s) {
        s.step(BOWL, START.clone(), 0.01);
        return probe(s, "mu_t")[0];
    }
}
