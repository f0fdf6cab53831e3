package dev.descent.optim;

import dev.descent.math.Params;

/**
 * An optimizer around another ({@link Lookahead}, {@link Sam}): its kind is the variant around its
 * inner optimizer's kind, its values are its own and its inner optimizer's (see {@link WrapperSettings}),
 * and the learning rate is the inner optimizer's.
 */
interface Wrapper extends Optimizer {

    /** The optimizer that takes the steps. */
    Optimizer inner();

    /** The wrapper's settings and its variants, one per inner kind: those its class declared. */
    default WrapperSettings settings() {
        return WrapperSettings.of(getClass());
    }

    /** The kind around this inner optimizer's: the wrapper's settings, inner, and exactly the inner's settings. */
    @Override
    default OptimizerKind kind() {
        return settings().variant(inner().kind());
    }

    /** The wrapper's values, inner, and the inner optimizer's values. */
    @Override
    default Params hyperparameters() {
        return settings().hyperparameters(this, inner());
    }

    /** The wrapper's title and changed settings, then the inner optimizer's label. */
    @Override
    default String label() {
        return settings().label(this, inner());
    }

    @Override
    default double lr() {
        return inner().lr();
    }
}
