package dev.descent.optim;

import dev.descent.math.ParamSpec.Scale;

/**
 * The settings the strong-Wolfe direction methods ({@link Bfgs}, {@link ConjugateGradient}) share,
 * declared once: the first trial step of each search ({@code lr}), the Wolfe constants c₁ and c₂
 * (whose default depends on the method) and {@code tolerance_grad}, and their checks.
 */
interface LineSearchSettings extends Coupled {

    Hyper<LineSearchSettings, Double> LR = Hyper.real("lr", "t₀", 1, 1e-4, 10, Scale.LOG,
            "first trial step of each line search", LineSearchSettings::lr);
    Hyper<LineSearchSettings, Double> C1 = Hyper.real("c1", "c₁", 1e-4, 1e-6, 0.5, Scale.LOG,
            "sufficient-decrease constant of the line search", LineSearchSettings::c1);
    Hyper<LineSearchSettings, Double> TOLERANCE_GRAD = Hyper.real("tolerance_grad", "tol_g", 1e-10, 1e-15, 1e-3,
            Scale.LOG, "do not move once max|∇f| is at most this", LineSearchSettings::toleranceGrad);

    /** {@code c2} with this method's default (BFGS 0.9; CG 0.1, since Fletcher–Reeves needs c₂ &lt; ½). */
    static Hyper<LineSearchSettings, Double> c2(double def) {
        return Hyper.real("c2", "c₂", def, 1e-3, 0.99, Scale.LINEAR, "curvature constant of the line search",
                LineSearchSettings::c2);
    }

    /** The line search's checks: 0 &lt; c1 &lt; c2 &lt; 1, then tolerance_grad &gt;= 0. */
    static void check(double c1, double c2, double toleranceGrad) {
        Checks.wolfe(c1, c2);
        Validate.nonNegative("tolerance_grad", toleranceGrad);
    }

    double c1();

    double c2();

    double toleranceGrad();
}
