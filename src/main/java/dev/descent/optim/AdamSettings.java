package dev.descent.optim;

/**
 * The settings {@link Adam} and {@link AdamW} share, so that both read them through the same declared
 * {@link Hyper}s ({@code Adam.LR}, {@code Adam.BETAS}, ...), and the steppers both build from them; only
 * the weight decay's default and meaning ({@link #decoupledDecay}) differ.
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

    /** Whether the weight decay scales θ directly (AdamW) instead of entering the gradient (Adam). */
    boolean decoupledDecay();

    @Override
    default Stepper newStepper(int n) {
        return new AdamStepper(n, beta1(), beta2(), eps(), weightDecay(), decoupledDecay(), amsgrad(), maximize(),
                biasCorrection(), epsMode());
    }

    /** The same steps with the FMA quotient (see {@link Optimizer#newBatchStepper}). */
    @Override
    default Stepper newBatchStepper(int n) {
        return new AdamStepper(n, beta1(), beta2(), eps(), weightDecay(), decoupledDecay(), amsgrad(), maximize(),
                biasCorrection(), epsMode(), true);
    }
}
