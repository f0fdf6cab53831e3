package dev.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The worked step's opening line states the gradient the step really used: its sign when maximising
 * and the coupled weight decay, in the formula and in the typeset line alike.
 */
class WorkedGradientLineTest {

    private static WorkedLine first(Optimizer o) {
        return o.newStepper(2).workedStep().get(0);
    }

    @Test
    void radamMaximisingShowsTheNegatedGradient() {
        WorkedLine g = first(new RAdam(1e-3, 0.9, 0.999, 1e-8, 0, true));
        assertEquals("−∇f(θ)", g.formula());
        assertEquals("g = -\\nabla f(\\theta)", g.tex());
    }

    @Test
    void coupledDecayIsTypesetToo() {
        WorkedLine g = first(new Adagrad(0.01, 0, 0.1, 0, 1e-10, false, false));
        assertEquals("∇f(θ) + λ·θ", g.formula());
        assertEquals("g = \\nabla f(\\theta) + \\lambda\\theta", g.tex());
    }

    @Test
    void decoupledDecayStaysOutOfTheGradient() {
        WorkedLine g = first(new AdamW(1e-3, 0.9, 0.999, 1e-8, 0.01, false, false, true, Adam.OUTSIDE));
        assertEquals("∇f(θ)", g.formula());
        assertEquals("g = \\nabla f(\\theta)", g.tex());
    }
}
