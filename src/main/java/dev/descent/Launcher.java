package dev.descent;

import dev.descent.cli.Cli;

/**
 * The jar's entry point. With no arguments (or {@code --presenter}, {@code --lesson ID}, or a file to
 * open) it opens the window; with a sub-command it runs headless and never starts the JavaFX toolkit. (A main class that extends Application cannot start from a
 * plain classpath jar, hence this class.)
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (opensWindow(args)) {
            dev.descent.app.DescentApp.launchWindow(args);
            return;
        }
        System.exit(Cli.run(args));
    }

    /**
     * Whether {@code args} are the window's: none, {@code --presenter} or {@code --lesson} first, or
     * first a file that exists and is not named like a command ({@code java -jar descent.jar race.json}).
     */
    static boolean opensWindow(String[] args) {
        if (args.length == 0 || args[0].equals("--presenter") || args[0].equals("--lesson")) {
            return true;
        }
        if (args[0].startsWith("-") || Cli.isCommand(args[0])) {
            return false;
        }
        try {
            return java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
