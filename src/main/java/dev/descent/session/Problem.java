package dev.descent.session;

/**
 * One thing wrong with a configuration, addressed by the field it is in: {@code speed},
 * {@code run 3 ('Adam').color}, {@code run 1} (its optimizer or schedule refused a value). The message follows torch's style and names
 * the value: "Invalid colour: 'red' (expected #rrggbb)".
 */
public record Problem(String field, String message) {

    @Override
    public String toString() {
        return field == null || field.isEmpty() ? message : field + ": " + message;
    }
}
