package dev.descent.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Reads one {@code NAME=VALUE} of a repeatable option ({@code --param}, {@code --surface-param},
 * {@code --schedule-param}) into its map. A name given twice is refused, as a second
 * {@code --optimizer} is: the last one silently winning hides a typo.
 */
final class KeyValues implements CommandLine.IParameterConsumer {

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        String option = argSpec instanceof OptionSpec o ? o.longestName() : argSpec.paramLabel();
        if (args.isEmpty()) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(),
                    option + " needs a value NAME=VALUE, e.g. " + option + " " + example(option));
        }
        String text = args.pop();
        int eq = text.indexOf('=');
        String name = eq < 0 ? "" : text.substring(0, eq).trim();
        if (eq < 0 || name.isEmpty()) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), "Invalid value for " + option + ": '" + text
                    + "' (expected NAME=VALUE such as " + example(option) + ")");
        }
        Map<String, String> map = argSpec.getValue();
        if (map == null) {
            map = new LinkedHashMap<>();
        }
        if (map.containsKey(name)) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), option + " " + name + " is given twice ("
                    + name + "=" + map.get(name) + " and " + text.trim() + "); give it once");
        }
        map.put(name, text.substring(eq + 1));
        argSpec.setValue(map);
    }

    private static String example(String option) {
        return switch (option) {
            case "--surface-param" -> "b=50";
            case "--schedule-param" -> "gamma=0.99";
            default -> "lr=0.05";
        };
    }
}
