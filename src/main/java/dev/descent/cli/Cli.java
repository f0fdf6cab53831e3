package dev.descent.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless commands. Bad input exits 2 with one line on stderr naming the offending value;
 * it never prints a stack trace.
 */
@Command(name = "descent", mixinStandardHelpOptions = true, version = "Descent 0.1.0",
        description = {"Watch gradient-based optimizers work on 2-D loss surfaces.",
                "Without a command, java -jar descent.jar opens the window (java -jar descent.jar FILE opens that session in it)."},
        subcommands = {TraceCommand.class, ExplainCommand.class, DataCommand.class, RenderCommand.class, ListCommand.class, BenchCommand.class, LessonsCommand.class, MapCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    /** Exit code for bad input: an unknown name, a value out of range, a malformed number or file. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    /** Whether {@code word} names one of the commands ({@code render}, {@code help}, …). */
    public static boolean isCommand(String word) {
        return commandLine().getSubcommands().containsKey(word);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String name = ex.getCommandLine().getCommandName();
            err.println(name + ": " + PlainWords.of(ex.getMessage(), name));
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException) {
                err.println(cmd.getCommandName() + ": " + ex.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            err.println(cmd.getCommandName() + ": internal error: " + ex);
            err.flush();
            return 1;
        });
        return cl;
    }
}
