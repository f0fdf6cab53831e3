package dev.descent.session;

import java.nio.file.Path;
import java.util.List;

/**
 * The window's command line: {@code --presenter} opens in presenter mode, {@code --lesson ID} opens
 * that lesson instead of the remembered session, and a file ({@code java -jar descent.jar race.json},
 * or a PNG, GIF, MP4 or SVG that Descent exported) opens the session it holds. Anything else is
 * named in {@code problems} and the window opens anyway.
 *
 * @param file the session file named on the command line, not yet read; null when none
 */
public record WindowOptions(boolean presenter, Presets.Preset lesson, Path file) {

    public static WindowOptions parse(List<String> args, List<String> problems) {
        boolean presenter = false;
        Presets.Preset lesson = null;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--presenter")) {
                presenter = true;
            } else if (a.equals("--lesson")) {
                if (i + 1 >= args.size()) {
                    problems.add("--lesson needs a lesson id (java -jar descent.jar list shows them).");
                    continue;
                }
                String id = args.get(++i);
                try {
                    lesson = Presets.load(id);
                } catch (RuntimeException e) {
                    problems.add("No lesson '" + id + "' (java -jar descent.jar list shows them); here is the remembered session.");
                }
            } else if (!a.startsWith("-") && file == null) {
                try {
                    file = Path.of(a);
                } catch (java.nio.file.InvalidPathException e) {
                    problems.add("'" + a + "' is not a file name: " + e.getReason() + ".");
                }
            } else if (!a.startsWith("-")) {
                problems.add("One session opens at a time: " + a + " was not opened.");
            } else {
                problems.add("Unknown option '" + a + "' (the window takes --presenter, --lesson ID and a session file).");
            }
        }
        if (lesson != null && file != null) {
            problems.add("The lesson opened, not " + file.getFileName() + ": one session opens at a time.");
            file = null;
        }
        return new WindowOptions(presenter, lesson, file);
    }
}
