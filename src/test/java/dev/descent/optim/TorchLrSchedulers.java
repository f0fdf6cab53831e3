package dev.descent.optim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent, deliberately literal re-implementation of torch 1.13.1's {@code lr_scheduler.py} for one
 * parameter group, used as the reference in tests. It keeps torch's structure: {@code base_lrs},
 * {@code last_epoch} starting at -1, the initial {@code step()} done by the constructor, and each
 * {@code get_lr} reading the current lr ({@code group['lr']}) with Python's operator order. Python's
 * {@code %} is floor modulo, {@code int / int} is one correctly rounded division, {@code **} is C
 * {@code pow} (here {@link Math#pow}) and {@code math.cos} is the C library's (here {@link Math#cos}, which
 * matches it on every value of {@code ScheduleRealTorchTest}).
 */
abstract class TorchLrSchedulers {

    final double baseLr;
    /** param_group['lr']. */
    double lr;
    long lastEpoch = -1;

    TorchLrSchedulers(double lr) {
        this.lr = lr;
        this.baseLr = lr; // group.setdefault('initial_lr', group['lr'])
    }

    /** _LRScheduler.step() without an epoch argument. */
    void step() {
        lastEpoch += 1;
        lr = getLr();
    }

    abstract double getLr();

    /** Python's % for a positive divisor. */
    static long pyMod(long a, long b) {
        long r = a % b;
        return r < 0 ? r + b : r;
    }

    static TorchLrSchedulers stepLr(double lr, int stepSize, double gamma) {
        TorchLrSchedulers s = new TorchLrSchedulers(lr) {
            @Override
            double getLr() {
                if (lastEpoch == 0 || lastEpoch % stepSize != 0) {
                    return this.lr;
                }
                return this.lr * gamma;
            }
        };
        s.step();
        return s;
    }

    static TorchLrSchedulers multiStepLr(double lr, List<Integer> milestones, double gamma) {
        Map<Long, Integer> counter = new HashMap<>(); // collections.Counter(milestones)
        for (int m : milestones) {
            counter.merge((long) m, 1, Integer::sum);
        }
        TorchLrSchedulers s = new TorchLrSchedulers(lr) {
            @Override
            double getLr() {
                if (!counter.containsKey(lastEpoch)) {
                    return this.lr;
                }
                return this.lr * Math.pow(gamma, counter.get(lastEpoch));
            }
        };
        s.step();
        return s;
    }

    static TorchLrSchedulers exponentialLr(double lr, double gamma) {
        TorchLrSchedulers s = new TorchLrSchedulers(lr) {
            @Override
            double getLr() {
                if (lastEpoch == 0) {
                    return this.lr;
                }
                return this.lr * gamma;
            }
        };
        s.step();
        return s;
    }

    static TorchLrSchedulers cosineAnnealingLr(double lr, int tMax, double etaMin) {
        TorchLrSchedulers s = new TorchLrSchedulers(lr) {
            @Override
            double getLr() {
                if (lastEpoch == 0) {
                    return this.lr;
                } else if (pyMod(lastEpoch - 1 - tMax, 2L * tMax) == 0) {
                    double inc = (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax));
                    return this.lr + inc / 2;
                }
                double num = 1 + Math.cos(Math.PI * (double) lastEpoch / tMax);
                double den = 1 + Math.cos(Math.PI * (double) (lastEpoch - 1) / tMax);
                double ratio = num / den;
                return ratio * (this.lr - etaMin) + etaMin;
            }
        };
        s.step();
        return s;
    }

    static TorchLrSchedulers linearLr(double lr, double startFactor, double endFactor, int totalIters) {
        TorchLrSchedulers s = new TorchLrSchedulers(lr) {
            @Override
            double getLr() {
                if (lastEpoch == 0) {
                    return this.lr * startFactor;
                }
                if (lastEpoch > totalIters) {
                    return this.lr;
                }
                double delta = endFactor - startFactor;
                double denominator = totalIters * startFactor + (lastEpoch - 1) * delta;
                double factor = 1.0 + delta / denominator;
                return this.lr * factor;
            }
        };
        s.step();
        return s;
    }

    static TorchLrSchedulers polynomialLr(double lr, int totalIters, double power) {
        TorchLrSchedulers s = new TorchLrSchedulers(lr) {
            @Override
            double getLr() {
                if (lastEpoch == 0 || lastEpoch > totalIters) {
                    return this.lr;
                }
                double now = 1.0 - (double) lastEpoch / totalIters;
                double before = 1.0 - (double) (lastEpoch - 1) / totalIters;
                double decayFactor = Math.pow(now / before, power);
                return this.lr * decayFactor;
            }
        };
        s.step();
        return s;
    }

    /** LambdaLR with lr_lambda = lambda epoch: min(1.0, (epoch + 1) / warmup). */
    static TorchLrSchedulers lambdaLrLinearWarmup(double lr, int warmup) {
        TorchLrSchedulers s = new TorchLrSchedulers(lr) {
            @Override
            double getLr() {
                double x = (double) (lastEpoch + 1) / warmup;
                double factor = x < 1.0 ? x : 1.0; // Python min(1.0, x) returns 1.0 unless x < 1.0
                return baseLr * factor;
            }
        };
        s.step();
        return s;
    }

    /** CosineAnnealingWarmRestarts, with its own step() (epoch=None path). */
    static TorchLrSchedulers cosineAnnealingWarmRestarts(double lr, int t0, int tMult, double etaMin) {
        TorchLrSchedulers s = new TorchLrSchedulers(lr) {
            long tI = t0;
            long tCur = -1; // self.T_cur = last_epoch

            @Override
            void step() {
                long epoch;
                if (lastEpoch < 0) {
                    epoch = 0;
                    // epoch given: epoch < T_0
                    tI = t0;
                    tCur = epoch;
                } else {
                    epoch = lastEpoch + 1;
                    tCur = tCur + 1;
                    if (tCur >= tI) {
                        tCur = tCur - tI;
                        tI = tI * tMult;
                    }
                }
                lastEpoch = epoch;
                lr = getLr();
            }

            @Override
            double getLr() {
                double c = Math.cos(Math.PI * (double) tCur / tI);
                return etaMin + (baseLr - etaMin) * (1 + c) / 2;
            }
        };
        s.step();
        return s;
    }
}
