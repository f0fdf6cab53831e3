package dev.descent.export;

import dev.descent.session.RunModel;
import dev.descent.session.Session;
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

    public static Session session() {
        double x = 1;
        double y = 1.5;
        List<RunModel> runs = List.of(
                RunModel.of("SGD", "#E69F00", "sgd", Map.of("lr", 1e-3), x, y),
                RunModel.of("Momentum", "#56B4E9", "sgd", Map.of("lr", 1e-3, "momentum", 0.9), x, y),
                RunModel.of("Nesterov", "#F0E442", "sgd", Map.of("lr", 1e-3, "momentum", 0.9, "nesterov", true), x, y),
                RunModel.of("Adagrad", "#D55E00", "adagrad", Map.of("lr", 0.5), x, y),
                RunModel.of("RMSprop", "#CC79A7", "rmsprop", Map.of("lr", 1e-2), x, y),
                RunModel.of("Adam", "#FFFFFF", "adam", Map.of("lr", 3e-2), x, y));
        return new Session("Beale race", "Six optimizers from (1, 1.5) on Beale's function", "beale", Map.of(), runs,
                100, 10_000, new ViewBox(-4.5, 4.5, -4.5, 4.5), "viridis", true, false, 0, false);
    }
}
