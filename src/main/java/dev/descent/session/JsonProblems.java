package dev.descent.session;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a piece of JSON in the user's words, where it is, and what would be
 * accepted, instead of Jackson's own message (which names its classes and feature flags). Shared by
 * session files and golden headers.
 */
public final class JsonProblems {

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern CHARACTER = Pattern.compile("Unexpected character \\('(.*?)' \\(code (\\d+)");

    private JsonProblems() {
    }

    /** "not valid JSON at line 3, column 7: the text ends in the middle of a value (...)". */
    public static String describe(JacksonException e) {
        String m = e.getOriginalMessage();
        String kind = m != null && m.startsWith("Duplicate field") ? "ambiguous JSON" : "not valid JSON";
        return kind + where(e.getLocation()) + ": " + problem(m);
    }

    /** " at line L, column C", or "" when Jackson does not know. */
    public static String where(JsonLocation l) {
        return l == null || l.getLineNr() < 0 ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /** Jackson's original message in plain words. */
    static String problem(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("Duplicate field")) {
            return "the field \"" + quoted(m) + "\" appears twice; give each field once";
        }
        if (m.startsWith("Non-standard token")) {
            return quoted(m) + " is not a number JSON allows; every number must be finite";
        }
        if (m.contains("exceeds the maximum allowed") || m.contains("exceeds the maximum length")) {
            if (m.contains("nesting depth")) {
                return "lists and objects are nested far too deeply for a Descent file";
            }
            return (m.startsWith("String") ? "a string" : m.startsWith("Number") ? "a number" : "a value") + " is far too long for a Descent file";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "the text ends in the middle of a value (a missing } or ] or closing quote?)";
        }
        if (m.startsWith("Trailing token")) {
            return "more text after the end of the JSON object; a file holds exactly one object";
        }
        if (m.startsWith("Illegal unquoted character") || m.startsWith("Illegal character")) {
            return "a control character (such as a line break or tab) inside a string; write it as \\n or \\t";
        }
        if (m.startsWith("Invalid UTF-8") || m.contains("Invalid UTF-8")) {
            return "bytes that are not UTF-8 text";
        }
        if (m.startsWith("Leading zeroes") || m.startsWith("Invalid numeric value") || m.startsWith("Unexpected character")
                && m.contains("expected digit")) {
            return "a malformed number (numbers look like 0.05, -1.5 or 1e-3)";
        }
        if (m.startsWith("Unrecognized token")) {
            return "'" + quoted(m) + "' is not a JSON value (expected a number, a \"string\" in double quotes, true, false, null, "
                    + "an object {...} or a list [...])";
        }
        if (m.startsWith("Unexpected close marker")) {
            return "a closing " + quoted(m) + " that does not match what was opened";
        }
        Matcher c = CHARACTER.matcher(m);
        if (c.find()) {
            int code = Integer.parseInt(c.group(2));
            String ch = code < 32 ? "a control character (code " + code + ")" : "'" + c.group(1) + "'";
            if (m.contains("comment")) {
                return "comments are not allowed in JSON";
            }
            if (m.contains("double-quote to start field name")) {
                return "unexpected " + ch + " where a field name in double quotes was expected";
            }
            if (m.contains("was expecting comma") || m.contains("was expecting a colon")) {
                return "unexpected " + ch + " (a missing comma or colon?)";
            }
            return "unexpected " + ch + " where a value was expected (a number, a \"string\" in double quotes, true, false, "
                    + "null, an object or a list)";
        }
        return "the text is not JSON";
    }

    private static String quoted(String m) {
        Matcher q = QUOTED.matcher(m);
        return q.find() ? q.group(1) : "?";
    }
}
