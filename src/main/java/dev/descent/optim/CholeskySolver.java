package dev.descent.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Solves A·x = b for a symmetric positive definite n×n matrix through EJML's Cholesky
 * factorisation A = L·Lᵀ, reusing its work matrices. A matrix whose factorisation fails, or has a
 * pivot Lᵢᵢ² below a given floor, is refused (false) rather than solved.
 */
final class CholeskySolver {

    private final int n;
    private final DMatrixRMaj work;
    private final DMatrixRMaj lower;
    private final CholeskyDecomposition_F64<DMatrixRMaj> chol;

    CholeskySolver(int n) {
        this.n = n;
        this.work = new DMatrixRMaj(n, n);
        this.lower = new DMatrixRMaj(n, n);
        this.chol = DecompositionFactory_DDRM.chol(n, true);
    }

    /**
     * x ← A⁻¹·b.
     *
     * @param a        row-major n×n, symmetric. Not modified.
     * @param shift    added to A's diagonal first (A + shift·I)
     * @param minPivot the smallest pivot Lᵢᵢ² accepted (0: any positive pivot)
     * @param b        Not modified.
     * @param x        Modified (also when false is returned).
     * @return false if A + shift·I has no Cholesky factorisation with pivots ≥ minPivot
     */
    boolean solve(double[] a, double shift, double minPivot, double[] b, double[] x) {
        System.arraycopy(a, 0, work.data, 0, n * n);
        if (shift != 0) {
            for (int i = 0; i < n; i++) {
                work.data[i * n + i] += shift;
            }
        }
        if (!chol.decompose(work)) {
            return false;
        }
        chol.getT(lower);
        double[] l = lower.data;
        for (int i = 0; i < n; i++) {
            double pivot = l[i * n + i] * l[i * n + i];
            if (!(pivot > 0 && pivot >= minPivot)) {
                return false;
            }
        }
        System.arraycopy(b, 0, x, 0, n);
        TriangularSolver_DDRM.solveL(l, x, n);
        TriangularSolver_DDRM.solveTranL(l, x, n);
        return true;
    }
}
