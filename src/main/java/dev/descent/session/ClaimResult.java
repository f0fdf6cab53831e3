package dev.descent.session;

/** A claim checked: whether it holds and the numbers measured, in words. */
public record ClaimResult(Claim claim, boolean passed, String measured) {
}
