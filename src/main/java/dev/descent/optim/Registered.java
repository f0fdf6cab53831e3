package dev.descent.optim;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A kind in a registry ({@link Optimizers}, {@link Schedules}): found by its id, its torch class name or its title. */
interface Registered {

    String id();

    /** torch's class name ("Adam", "StepLR"), or null when torch has none. */
    String torchName();

    /** The display title ("Adam", "QHM", "Step decay"). */
    String title();

    /**
     * The kind in {@code all} whose id or torch class name is {@code name}, ignoring case and surrounding
     * blanks ("adam", "Adam", "lbfgs", "LBFGS"); else the one with that title ("QHM", "Signum").
     *
     * @param what what a kind is, for the message ("optimizer", "schedule")
     * @throws IllegalArgumentException "Unknown optimizer 'x'; known: " and every id
     */
    static <K extends Registered> K find(List<K> all, String what, String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (K k : all) {
            if (k.id().equals(key) || k.torchName() != null && k.torchName().toLowerCase(Locale.ROOT).equals(key)) {
                return k;
            }
        }
        for (K k : all) {
            if (k.title().toLowerCase(Locale.ROOT).equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown " + what + " '" + name + "'; known: "
                + all.stream().map(Registered::id).collect(Collectors.joining(", ")));
    }
}
