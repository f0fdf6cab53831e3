package dev.descent.cli;

/** Headless commands. Placeholder until the CLI lands. */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args) {
        System.err.println("descent: no commands yet");
        return 2;
    }
}
