package dev.descent.sim;

import dev.descent.math.Surface;
import dev.descent.optim.Probe;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs of a scene and what is done to them, on one thread and without any clock: applying
 * commands and taking steps. {@link Simulation} drives it from its own thread; tests drive it
 * directly. A run's numbers depend only on its spec, never on how the steps are batched.
 */
public final class Engine {

    /**
     * The first channels of every history row; each probe adds two more (x, y). {@code lr} is the
     * step length actually taken (a line search's t); {@code uphill} is 1 where the step raised f;
     * the evaluation channels count what that row cost (an L-BFGS row may be many iterations).
     */
    public static final List<String> CHANNELS = List.of("step", "x", "y", "loss", "lr", "grad_norm", "step_norm",
            "uphill", "function_evaluations", "gradient_evaluations", "gradient_evaluations_total",
            "batch_loss", "grad_error", "epoch");
    public static final int UPHILL = 7;
    public static final int FUNCTION_EVALUATIONS = 8;
    public static final int GRADIENT_EVALUATIONS = 9;
    /** Gradient evaluations from the start up to this row: the charts' alternative x axis. */
    public static final int GRADIENT_EVALUATIONS_TOTAL = 10;
    /**
     * With minibatches (NaN otherwise): the mean loss of the step's batch where its gradient was taken,
     * ‖g_batch − ∇f‖ there, and the epoch (from 0) the batch belongs to.
     */
    public static final int BATCH_LOSS = 11;
    public static final int GRAD_ERROR = 12;
    public static final int EPOCH = 13;

    /** ‖∇f‖ and ‖Δθ‖ below which a run stops (see {@link StatusRule}). */
    public static final double GRAD_TOL = StatusRule.GRAD_TOL;
    public static final double STEP_TOL = StatusRule.STEP_TOL;
    static final int MAX_HISTORY_ROWS = 65_536;

    private final int historyRows;
    private Surface surface;
    private final List<Slot> slots = new ArrayList<>();
    private boolean playing;
    private double speed = 100;
    private long stepLimit = 10_000;
    private long serial;

    public Engine(Surface surface) {
        this(surface, MAX_HISTORY_ROWS);
    }

    /**
     * @param historyRows rows each run's history keeps at full resolution before its older half is
     *                    thinned: an export passes more than its step count, so that row i is step i
     */
    public Engine(Surface surface, int historyRows) {
        this.surface = surface;
        this.historyRows = historyRows;
    }

    private final class Slot {
        final int id;
        RunSpec spec;
        Run run;
        History history;
        List<Probe> probes;
        RunStatus status = RunStatus.RUNNING;
        double startLoss;
        double prevLoss;
        long uphillSteps;
        long functionEvaluations;
        long gradientEvaluations;
        long runF;
        long runG;
        double lastX;
        double lastY;
        double gradNorm;
        double[] row;
        final double[] grad = new double[2];
        final double[] buf = new double[2];

        Slot(int id, RunSpec spec) {
            this.id = id;
            restart(spec);
        }

        void restart(RunSpec s) {
            spec = s;
            run = new Run(s);
            probes = run.stepper().probes();
            history = new History(CHANNELS.size() + 2 * probes.size(), historyRows);
            row = new double[history.channels()];
            status = RunStatus.RUNNING;
            startLoss = run.loss();
            prevLoss = run.loss();
            uphillSteps = 0;
            functionEvaluations = 0;
            gradientEvaluations = 0;
            runF = 0;
            runG = 0;
            lastX = s.x0();
            lastY = s.y0();
            record(Double.NaN, Double.NaN);
        }

        /** Goes on from the current point with fresh optimizer state (the history goes on too). */
        void continueWith(RunSpec s) {
            RunSpec here = s.withStart(run.x(), run.y());
            long steps = run.steps();
            spec = s;
            run = new Run(here, steps);
            probes = run.stepper().probes();
            History old = history;
            history = new History(CHANNELS.size() + 2 * probes.size(), historyRows);
            row = new double[history.channels()];
            runF = 0;
            runG = 0;
            History.Snapshot prev = old.snapshot();
            double[] r = new double[history.channels()];
            for (int i = 0; i < prev.rows(); i++) {
                java.util.Arrays.fill(r, Double.NaN);
                for (int c = 0; c < CHANNELS.size(); c++) {
                    r[c] = prev.get(c, i);
                }
                history.append(r);
            }
            if (status != RunStatus.DIVERGED && status != RunStatus.ESCAPED) {
                status = RunStatus.RUNNING;
            }
        }

        void record(double lr, double stepNorm) {
            double[] r = row;
            double x = run.x();
            double y = run.y();
            spec.surface().gradient(x, y, grad, 0);
            gradNorm = Math.hypot(grad[0], grad[1]);
            r[0] = run.steps();
            r[1] = x;
            r[2] = y;
            r[3] = run.loss();
            r[4] = lr;
            r[5] = gradNorm;
            r[6] = stepNorm;
            long f = run.functionEvaluations() - runF;
            long g = run.gradientEvaluations() - runG;
            runF += f;
            runG += g;
            functionEvaluations += f;
            gradientEvaluations += g;
            boolean uphill = run.steps() > 0 && run.loss() > prevLoss;
            if (uphill) {
                uphillSteps++;
            }
            prevLoss = run.loss();
            r[UPHILL] = run.steps() == 0 ? Double.NaN : uphill ? 1 : 0;
            r[FUNCTION_EVALUATIONS] = f;
            r[GRADIENT_EVALUATIONS] = g;
            r[GRADIENT_EVALUATIONS_TOTAL] = gradientEvaluations;
            dev.descent.math.Sampling smp = run.sampling();
            boolean batched = smp != null && run.steps() > 0 && smp.batches() > 0;
            r[BATCH_LOSS] = batched ? smp.lastBatchLoss() : Double.NaN;
            r[GRAD_ERROR] = batched ? smp.lastGradientError() : Double.NaN;
            r[EPOCH] = batched ? smp.epoch() : Double.NaN;
            int c = CHANNELS.size();
            for (int k = 0; k < probes.size(); k++) { // indexed: the iterator was not optimised away
                if (run.steps() == 0) {
                    r[c] = Double.NaN;
                    r[c + 1] = Double.NaN;
                } else {
                    probes.get(k).read(buf);
                    r[c] = buf[0];
                    r[c + 1] = buf[1];
                }
                c += 2;
            }
            history.append(r);
        }
    }

    // ---- commands -------------------------------------------------------------------------------

    /**
     * Applies one command.
     *
     * @throws IllegalArgumentException for an invalid value; nothing changes then
     */
    public void apply(Command c) {
        if (c instanceof Command.Load l) {
            slots.clear();
            for (Command.RunConfig rc : l.runs()) {
                slots.add(new Slot(rc.id(), rc.spec()));
            }
            if (!l.runs().isEmpty()) {
                surface = l.runs().get(0).spec().surface();
            }
            playing = false;
        } else if (c instanceof Command.AddRun a) {
            slots.removeIf(s -> s.id == a.run().id());
            slots.add(new Slot(a.run().id(), a.run().spec().withSurface(surface)));
        } else if (c instanceof Command.RemoveRun r) {
            slots.removeIf(s -> s.id == r.id());
        } else if (c instanceof Command.UpdateRun u) {
            slot(u.id()).ifPresent(s -> {
                RunSpec spec = u.spec().withSurface(surface);
                if (u.restart() || s.run.steps() == 0) {
                    s.restart(spec);
                } else {
                    s.continueWith(spec);
                }
            });
        } else if (c instanceof Command.SetSurface s) {
            surface = s.surface();
            for (Slot slot : slots) {
                slot.restart(slot.spec.withSurface(surface).withStart(s.x0(), s.y0()));
            }
        } else if (c instanceof Command.MoveStart m) {
            for (Slot slot : slots) {
                if (m.id() == null || m.id() == slot.id) {
                    slot.restart(slot.spec.withStart(m.x(), m.y()));
                }
            }
        } else if (c instanceof Command.Play) {
            playing = slots.stream().anyMatch(this::canMove);
        } else if (c instanceof Command.Pause) {
            playing = false;
        } else if (c instanceof Command.StepOnce) {
            playing = false;
            step(1);
        } else if (c instanceof Command.Reset) {
            for (Slot slot : slots) {
                slot.restart(slot.spec);
            }
        } else if (c instanceof Command.SetSpeed s) {
            if (!(s.stepsPerSecond() > 0) || Double.isInfinite(s.stepsPerSecond())) {
                throw new IllegalArgumentException("Invalid speed: " + s.stepsPerSecond() + " steps per second");
            }
            speed = s.stepsPerSecond();
        } else if (c instanceof Command.SetStepLimit s) {
            if (s.steps() < 1) {
                throw new IllegalArgumentException("Invalid step limit: " + s.steps() + " (must be >= 1)");
            }
            stepLimit = s.steps();
            for (Slot slot : slots) {
                if (slot.status == RunStatus.FINISHED && slot.run.steps() < stepLimit) {
                    slot.status = RunStatus.RUNNING;
                }
            }
        }
        serial++;
    }

    private java.util.Optional<Slot> slot(int id) {
        return slots.stream().filter(s -> s.id == id).findFirst();
    }

    private boolean canMove(Slot s) {
        return s.status == RunStatus.RUNNING && s.run.steps() < stepLimit;
    }

    // ---- stepping -------------------------------------------------------------------------------

    public boolean isPlaying() {
        return playing;
    }

    public double speed() {
        return speed;
    }

    /**
     * Takes up to {@code n} steps of every run that can still move; stops playing when none can.
     *
     * @return whether anything moved
     */
    public boolean step(long n) {
        boolean moved = false;
        for (Slot s : slots) {
            StatusRule rule = new StatusRule(s.spec.surface());
            for (long k = 0; k < n && canMove(s); k++) {
                double x0 = s.run.x();
                double y0 = s.run.y();
                s.run.step();
                double stepNorm = Math.hypot(s.run.x() - x0, s.run.y() - y0);
                s.record(s.run.stepLength(), stepNorm);
                moved = true;
                s.status = rule.after(s.run.x(), s.run.y(), s.run.loss(), s.startLoss, s.gradNorm, stepNorm,
                        s.run.steps(), stepLimit);
                if (s.status != RunStatus.DIVERGED && s.status != RunStatus.ESCAPED) {
                    s.lastX = s.run.x();
                    s.lastY = s.run.y();
                }
            }
        }
        if (slots.stream().noneMatch(this::canMove)) {
            playing = false;
        }
        if (moved) {
            serial++;
        }
        return moved;
    }

    public long serial() {
        return serial;
    }

    /** The data indices of the run's last minibatch (empty without minibatches). */
    private static int[] batchOf(Run run) {
        dev.descent.math.Sampling smp = run.sampling();
        if (smp == null || smp.batches() == 0) {
            return new int[0];
        }
        int[] idx = new int[smp.lastBatchLength()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = smp.lastBatchIndex(k);
        }
        return idx;
    }

    /** An immutable picture of every run now. */
    public Frame frame() {
        List<RunFrame> runs = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            List<String> names = new ArrayList<>();
            List<String> symbols = new ArrayList<>();
            for (Probe p : s.probes) {
                names.add(p.name());
                symbols.add(p.symbol());
            }
            runs.add(new RunFrame(s.id, s.spec, s.run.steps(), s.run.x(), s.run.y(), s.run.loss(), s.gradNorm,
                    s.run.lastLr(), s.status, s.lastX, s.lastY, s.history.snapshot(), List.copyOf(names), List.copyOf(symbols),
                    s.uphillSteps, s.functionEvaluations, s.gradientEvaluations, batchOf(s.run)));
        }
        return new Frame(serial, surface, playing, speed, stepLimit, List.copyOf(runs));
    }
}
