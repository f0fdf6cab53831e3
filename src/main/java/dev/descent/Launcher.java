package dev.descent;

import dev.descent.cli.Cli;

/**
 * The jar's entry point. With no arguments (or {@code --presenter}, {@code --lesson ID}) it opens the window; with a sub-command it runs headless
 * and never starts the JavaFX toolkit. (A main class that extends Application cannot start from a
 * plain classpath jar, hence this class.)
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--presenter") || args[0].equals("--lesson")) {
            dev.descent.app.DescentApp.launchWindow(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
