package dev.descent.session;

import java.util.List;

/**
 * A checkable statement about the runs of a lesson: a kind from a small closed set and its
 * parameters (which ones each kind reads is listed in {@link ClaimKind} and docs/lessons.md).
 *
 * @param text    the claim in words, as a lecturer would say it
 * @param kind    one of {@link ClaimKind}'s ids
 * @param run     the run a one-run claim is about
 * @param a       the first run of a comparison
 * @param b       the second run of a comparison
 * @param runs    the runs of a claim over several runs (null = every run)
 * @param tol     a loss threshold (f &lt; tol) or a distance tolerance
 * @param factor  a ratio that must be met
 * @param steps   how many steps to simulate
 * @param atLeast a lower bound
 * @param atMost  an upper bound
 * @param angle   a rotation in degrees (rotation claims)
 */
public record Claim(String text, String kind, String run, String a, String b, List<String> runs, Double tol,
                    Double factor, Long steps, Double atLeast, Double atMost, Double angle) {

    public Claim {
        runs = runs == null ? null : List.copyOf(runs);
    }
}
