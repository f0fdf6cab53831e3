package dev.descent.session;

import java.util.List;

/**
 * The window's command line: {@code --presenter} opens in presenter mode, {@code --lesson ID} opens
 * that lesson instead of the remembered session. Anything else is named in {@code problems} and
 * the window opens anyway.
 */
public record WindowOptions(boolean presenter, Presets.Preset lesson) {

    public static WindowOptions parse(List<String> args, List<String> problems) {
        boolean presenter = false;
        Presets.Preset lesson = null;
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
            } else {
                problems.add("Unknown option '" + a + "' (the window takes --presenter and --lesson ID).");
            }
        }
        return new WindowOptions(presenter, lesson);
    }
}
