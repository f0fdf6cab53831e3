package dev.descent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.descent.sim.RunSpec;
import dev.descent.sim.WorkedStep;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints one step of a run worked out with its numbers, as the window's worked-step panel shows it. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Work out one step of a run: the optimizer's update rule, line by line, with the numbers",
                "plugged in. --json prints every quantity as name -> value instead (probe names; [x, y])."})
final class ExplainCommand implements Callable<Integer> {

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--step", paramLabel = "T", defaultValue = "1", description = "the step to work out, 1 = the first; default: ${DEFAULT-VALUE}")
    long step;

    @Option(names = "--json", description = "print {name: value} for θ before and after, f, lr and every probe, then the lines")
    boolean json;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        RunSpec spec = run.toRunSpec();
        WorkedStep w = WorkedStep.at(spec, step);
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("optimizer", spec.optimizer().kind().id());
            o.put("label", spec.optimizer().label());
            o.put("surface", spec.surface().id());
            o.put("t", w.t());
            w.values().forEach((name, v) -> o.put(name, v.length == 1 ? v[0] : v));
            List<Map<String, String>> lines = w.lines().stream().map(l -> {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("symbol", l.symbol());
                m.put("formula", l.formula());
                m.put("numbers", l.numbers());
                return m;
            }).toList();
            o.put("lines", lines);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
        } else {
            out.printf("%s on %s, step %d (lr %s), from (%s, %s)%n", spec.optimizer().label(), spec.surface().id(), w.t(),
                    dev.descent.optim.WorkedLine.number(w.lr()), dev.descent.optim.WorkedLine.number(w.before()[0]),
                    dev.descent.optim.WorkedLine.number(w.before()[1]));
            out.print(w.toText());
        }
        out.flush();
        return 0;
    }
}
