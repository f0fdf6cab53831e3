package dev.descent.sim;

/**
 * What a map computed, per cell: where the run ended, which ending that is ({@link MapEnds}), how
 * many steps it took to settle there, and the loss there. Cell k = j·cols + i; row j = 0 is the
 * bottom of a basin map (smallest y) or the smallest value of a hyperparameter map's second axis.
 *
 * @param steps the step count from which on the run stayed at its ending (0 when it started there;
 *              for a run that never settled, the step of its last change of ending)
 */
public record MapResult(int cols, int rows, int stepBudget, MapEnds ends, double[] endX, double[] endY, int[] end,
                        int[] steps, double[] loss) {

    public int cells() {
        return cols * rows;
    }

    public int index(int i, int j) {
        return j * cols + i;
    }

    /** How many cells ended at each critical point, in the order of {@code ends().points()}. */
    public int[] countsByPoint() {
        int[] c = new int[ends.points().size()];
        for (int e : end) {
            if (e >= 0) {
                c[e]++;
            }
        }
        return c;
    }

    /** How many cells have this ending (a point index or one of the {@link MapEnds} constants). */
    public int count(int ending) {
        int c = 0;
        for (int e : end) {
            if (e == ending) {
                c++;
            }
        }
        return c;
    }
}
