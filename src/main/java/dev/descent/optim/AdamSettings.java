package dev.descent.optim;

/**
 * The settings {@link Adam} and {@link AdamW} share, so that both read them through the same declared
 * {@link Hyper}s ({@code Adam.LR}, {@code Adam.BETAS}, ...); only the weight decay's default and
 * meaning differ.
 */
interface AdamSettings extends Optimizer {
    double lr();

    double beta1();

    double beta2();

    double eps();

    double weightDecay();

    boolean amsgrad();

    boolean maximize();

    boolean biasCorrection();

    String epsMode();
}
