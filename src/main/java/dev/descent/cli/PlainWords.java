package dev.descent.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picocli's messages without Java's type names ("'1.5' is not a long" becomes "is not a whole number"). */
final class PlainWords {

    private static final Pattern NOT_A_TYPE = Pattern.compile("Invalid value for option '([^']+)': '(.*)' is not an? (\\w+)");
    private static final Pattern EXPECTED = Pattern.compile("Expected parameter for option '([^']+)' but found '(.*)'");
    private static final Pattern MISSING = Pattern.compile("Missing required parameter for (?:option )?'([^']+)' \\((.*)\\)");
    private static final Pattern UNMATCHED = Pattern.compile("Unmatched arguments? from index \\d+: (.*)|Unmatched argument at index \\d+: (.*)");

    private PlainWords() {
    }

    static String of(String message, String command) {
        if (message == null) {
            return "invalid input; see " + command + " --help";
        }
        Matcher m = NOT_A_TYPE.matcher(message);
        if (m.matches()) {
            String what = switch (m.group(3)) {
                case "int" -> "a whole number (at most " + Integer.MAX_VALUE + ")";
                case "long" -> "a whole number";
                case "double", "float" -> "a number";
                case "boolean" -> "true or false";
                default -> "a valid " + m.group(3);
            };
            return "Invalid value for " + m.group(1) + ": '" + m.group(2) + "' is not " + what;
        }
        m = EXPECTED.matcher(message);
        if (m.matches()) {
            return m.group(1) + " needs a value, but the next argument is '" + m.group(2) + "'";
        }
        m = MISSING.matcher(message);
        if (m.matches()) {
            return m.group(1) + " needs a value " + m.group(2);
        }
        m = UNMATCHED.matcher(message);
        if (m.matches()) {
            String args = m.group(1) != null ? m.group(1) : m.group(2);
            return "Unexpected argument " + args + "; options start with -- (see " + command + " --help)";
        }
        if (message.startsWith("Unknown option")) {
            return message + "; see " + command + " --help";
        }
        return message.replace("option '", "'");
    }
}
