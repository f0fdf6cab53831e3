package dev.descent.export;

import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.session.ViewBox;
import java.util.List;
import java.util.Map;

/**
 * The benchmark scene, as in the classic matplotlib animation of optimizers: six runs from
 * (1, 1.5) on Beale's function over [-4.5, 4.5]² — SGD, momentum, Nesterov, Adagrad, RMSprop, Adam.
 */
public final class RaceScene {

    private RaceScene() {
    }

    public static SessionConfig session() {
        double x = 1;
        double y = 1.5;
        List<RunConfig> runs = List.of(
                RunConfig.of("SGD", "#E69F00", "sgd", Map.of("lr", 1e-3), x, y),
                RunConfig.of("Momentum", "#56B4E9", "sgd", Map.of("lr", 1e-3, "momentum", 0.9), x, y),
                RunConfig.of("Nesterov", "#F0E442", "sgd", Map.of("lr", 1e-3, "momentum", 0.9, "nesterov", true), x, y),
                RunConfig.of("Adagrad", "#D55E00", "adagrad", Map.of("lr", 0.5), x, y),
                RunConfig.of("RMSprop", "#CC79A7", "rmsprop", Map.of("lr", 1e-2), x, y),
                RunConfig.of("Adam", "#FFFFFF", "adam", Map.of("lr", 3e-2), x, y));
        return new SessionConfig("Beale race", "Six optimizers from (1, 1.5) on Beale's function", "beale", Map.of(), runs,
                100, 10_000, new ViewBox(-4.5, 4.5, -4.5, 4.5), "viridis", true, false, 0, false);
    }
}
