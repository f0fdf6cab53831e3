package dev.descent.optim;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues (and, on request, eigenvectors) of a symmetric n×n matrix through EJML's symmetric QR
 * algorithm, with the work matrix kept between calls.
 */
final class SymmetricEigen {

    private final int n;
    private final DMatrixRMaj work;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;

    SymmetricEigen(int n, boolean vectors) {
        this.n = n;
        this.work = new DMatrixRMaj(n, n);
        this.eig = DecompositionFactory_DDRM.eig(n, vectors, true);
    }

    /**
     * Decomposes the matrix.
     *
     * @param a row-major n×n, symmetric. Not modified.
     * @return false if the decomposition failed (then nothing may be read)
     */
    boolean decompose(double[] a) {
        System.arraycopy(a, 0, work.data, 0, n * n);
        return eig.decompose(work);
    }

    /** The i-th eigenvalue of the last decomposition, in EJML's (unsorted) order. */
    double value(int i) {
        return eig.getEigenvalue(i).real;
    }

    /** The i-th unit eigenvector of the last decomposition (n×1, owned by EJML). */
    DMatrixRMaj vector(int i) {
        return eig.getEigenVector(i);
    }

    /**
     * The eigenvalues in ascending order into {@code out}, or NaN everywhere if the decomposition
     * fails.
     *
     * @param a   row-major n×n, symmetric. Not modified.
     * @param out length n. Modified.
     */
    void sortedValues(double[] a, double[] out) {
        if (!decompose(a)) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = value(i);
        }
        Arrays.sort(out);
    }
}
