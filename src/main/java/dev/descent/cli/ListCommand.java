package dev.descent.cli;

import dev.descent.session.Presets;
import dev.descent.math.ParamSpec;
import dev.descent.math.Params;
import dev.descent.math.SurfaceKind;
import dev.descent.math.Surfaces;
import dev.descent.optim.OptimizerKind;
import dev.descent.optim.Optimizers;
import dev.descent.optim.ScheduleKind;
import dev.descent.optim.Schedules;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** Lists the surfaces, optimizers and schedules with their parameters and defaults. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the surfaces, optimizers and schedules, with their parameters and defaults, and the lessons.")
final class ListCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public void run() {
        PrintWriter out = commandSpec.commandLine().getOut();
        out.println("Surfaces (--surface ID, --surface-param NAME=VALUE):");
        for (SurfaceKind k : Surfaces.all()) {
            out.printf("  %-18s %s%n", k.id(), k.create().description());
            params(out, k.params());
        }
        out.println();
        out.println("Optimizers (--optimizer ID, --param NAME=VALUE):");
        for (OptimizerKind k : Optimizers.all()) {
            String source = k.source();
            out.printf("  %-18s %s%s%n", k.id(), k.title(), source.isEmpty() ? "" : "  (" + source + ")");
            params(out, k.params());
        }
        out.println();
        out.println("Schedules (--schedule ID, --schedule-param NAME=VALUE):");
        for (ScheduleKind k : Schedules.all()) {
            out.printf("  %-18s %s%n", k.id(), k.description());
            params(out, k.params());
        }
        out.println();
        out.println("Lessons (render --preset ID, render --lesson ID, lessons --check):");
        for (Presets.Preset p : Presets.all()) {
            out.printf("  %-26s %s%n", p.id(), p.title());
        }
        out.flush();
    }

    private static void params(PrintWriter out, List<ParamSpec> specs) {
        for (ParamSpec p : specs) {
            String def = p.defaultValue() == null ? "none" : Params.format(p.defaultValue());
            String choices = p.choices().isEmpty() ? "" : " [" + String.join("|", p.choices()) + "]";
            out.printf("      %-26s %s%s%n", p.name() + "=" + def, p.help(), choices);
        }
    }
}
