package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;
import java.util.Arrays;
import java.util.List;

/**
 * Decay at milestones, torch's {@code MultiStepLR(milestones, gamma=0.1)}: the learning rate is
 * multiplied by γ once the step count reaches each milestone.
 *
 * <p>torch 1.13.1 {@code MultiStepLR.get_lr} is recursive: with e = {@code last_epoch} after the
 * increment, {@code lr ← lr·γ^count(e)} when e is a milestone ({@code milestones} is a {@code Counter}),
 * otherwise lr is kept. Optimizer step t therefore uses base·γ^(number of milestones ≤ t−1), as a running
 * product. A milestone 0 applies γ in torch's initial step already, so step 1 uses base·γ.
 *
 * <p>Descent requires strictly increasing milestones, so every count is 1 and γ^1 = γ exactly. torch
 * also accepts unsorted and repeated milestones (a repeated one applies γ^k at once); write those as
 * distinct milestones or a smaller γ.
 */
public record MultiStepLr(List<Integer> milestones, double gamma) implements Schedule {

    static final Hyper<MultiStepLr, List<Integer>> MILESTONES = Hyper.intList("milestones", "milestones",
            List.of(100, 200), 0, 1000, "increasing step counts at which the lr is multiplied by γ, e.g. 30,80",
            MultiStepLr::milestones);
    static final Hyper<MultiStepLr, Double> GAMMA = Hyper.real("gamma", "γ", 0.1, 0.01, 1, Scale.LINEAR,
            "factor applied at each milestone", MultiStepLr::gamma);

    public static final ScheduleKind KIND = ScheduleKind.of(MultiStepLr.class, "multistep", "MultiStepLR",
            "Multi-step decay",
            "η ← γ·η at each milestone step", p -> new MultiStepLr(MILESTONES.of(p), GAMMA.of(p)), MILESTONES, GAMMA);

    public MultiStepLr {
        if (milestones == null || milestones.isEmpty()) {
            throw new IllegalArgumentException("Invalid milestones: " + milestones + " (must list at least one step)");
        }
        milestones = List.copyOf(milestones);
        int previous = -1;
        for (int m : milestones) {
            if (m < 0) {
                throw new IllegalArgumentException("Invalid milestones: " + milestones + " (must not be negative)");
            }
            if (m <= previous) {
                throw new IllegalArgumentException("Invalid milestones: " + milestones + " (must be increasing)");
            }
            previous = m;
        }
        ScheduleChecks.positive("gamma", gamma);
    }

    /** torch's initial step: last_epoch 0, a milestone only if milestones starts with 0. */
    @Override
    public Schedule.State begin(double baseLr) {
        int[] at = milestones.stream().mapToInt(Integer::intValue).toArray();
        return new Chained(at[0] == 0 ? baseLr * gamma : baseLr,
                (lr, e) -> e <= at[at.length - 1] && Arrays.binarySearch(at, (int) e) >= 0 ? lr * gamma : lr);
    }

    @Override
    public String toString() {
        return label();
    }
}
