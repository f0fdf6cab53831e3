/**
 * Lessons: a session (a preset's session file) plus scripted beats and machine-checked claims.
 * JavaFX-free; the window, {@code render --lesson} and {@code lessons --check} all read lessons
 * from here and simulate them with the same {@code sim} code, so the numbers agree everywhere.
 */
package dev.descent.session;
