package dev.descent.cli;

import dev.descent.export.SessionFileOutput;
import dev.descent.session.GoldenCase;
import dev.descent.sim.RunSpec;
import dev.descent.sim.Trace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints a run as CSV {@code step,x,y,loss[,probes]}: row 0 is the start, one row per step. */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print one run's trajectory as CSV (step,x,y,loss) on stdout.",
                "With minibatches (--batch-size) three columns follow: batch_loss, grad_error (‖g_batch − ∇f‖), epoch;"
                        + " loss is the full-batch loss.",
                "A diverging run ends with its first non-finite row and exits 0."})
final class TraceCommand implements Callable<Integer> {

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--golden", paramLabel = "FILE",
            description = "reproduce a golden reference file: the run and the number of steps come from its JSON header")
    Path golden;

    /** The most steps (rows) one trace prints: about 1 GB of CSV, a minute's output. */
    static final long MAX_STEPS = 10_000_000L;

    @Option(names = "--steps", paramLabel = "N", description = "number of steps, at most 10000000; default: 100 (or the golden file's)")
    Long steps;

    @Spec
    CommandSpec commandSpec;

    @Option(names = "--save-session", paramLabel = "FILE",
            description = "also save the run as a session file, every run option kept and --steps as its step limit"
                    + " (File > Open session in the window shows the same run)")
    Path saveSession;

    @Option(names = "--probes", description = "add one column per probe and coordinate (e.g. m_hat_x, m_hat_y)")
    boolean probes;

    @Option(names = "--summary", description = {"print one JSON object instead of the CSV: status (converged, stalled,"
            + " escaped, diverged, finished), steps, function_evaluations, gradient_evaluations, uphill_steps, x, y, f,"
            + " grad_norm; the run stops where the window's would"})
    boolean summary;

    @Override
    public Integer call() throws IOException {
        RunSpec spec;
        long n;
        if (golden != null) {
            String other = run.firstGiven();
            if (other != null) {
                throw new IllegalArgumentException("--golden gives the whole run, so " + other
                        + " would be ignored; leave out " + other + " (only --steps and --probes go with --golden)");
            }
            GoldenCase g = GoldenCase.read(golden);
            spec = g.toRunSpec();
            n = steps != null ? steps : g.steps();
        } else {
            spec = run.toRunSpec();
            n = steps != null ? steps : 100;
        }
        String what = steps == null && golden != null ? "\"steps\" in the header of " + golden : "--steps";
        if (n < 0) {
            throw new IllegalArgumentException("Invalid value for " + what + ": " + n + " (must be >= 0)");
        }
        if (n > MAX_STEPS) {
            throw new IllegalArgumentException("Invalid value for " + what + ": " + n + " (trace prints at most " + MAX_STEPS
                    + " steps, one row each)");
        }
        if (saveSession != null) {
            if (golden != null) {
                throw new IllegalArgumentException("--save-session saves the run options; a --golden run is its file already");
            }
            try {
                SessionFileOutput.write(run.toSessionConfig().withStepLimit(Math.max(1, n)), saveSession);
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        Writer out = new BufferedWriter(commandSpec.commandLine().getOut(), 1 << 16);
        if (summary) {
            out.write(Trace.summarize(spec, n).toJson());
            out.write('\n');
            out.flush();
            return 0;
        }
        out.write("step,x,y,loss");
        if (probes) {
            for (String c : Trace.probeColumns(spec)) {
                out.write(',');
                out.write(c);
            }
        }
        boolean batches = Trace.hasBatches(spec);
        if (batches) {
            for (String c : Trace.BATCH_COLUMNS) {
                out.write(',');
                out.write(c);
            }
        }
        out.write('\n');
        StringBuilder line = new StringBuilder(128);
        Trace.run(spec, n, probes, row -> {
            line.setLength(0);
            line.append(row.step()).append(',').append(row.x()).append(',').append(row.y()).append(',').append(row.loss());
            for (double v : row.probes()) {
                line.append(',');
                if (!Double.isNaN(v) || row.step() > 0) {
                    line.append(v);
                }
            }
            if (batches) {
                Trace.Batch b = row.batch();
                if (b == null) {
                    line.append(",,,");
                } else {
                    line.append(',').append(b.loss()).append(',').append(b.gradError()).append(',').append(b.epoch());
                }
            }
            line.append('\n');
            try {
                out.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
        return 0;
    }
}
