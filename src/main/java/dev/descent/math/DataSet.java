package dev.descent.math;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A data set of N points: one input {@code x} and a target {@code y} (regression), or two inputs
 * {@code x1, x2} and a label 0 or 1 (classification). Immutable; the arrays are never handed out.
 *
 * <p>CSV: a header line, {@code x,y} or {@code x1,x2,label}, then one point per line. Numbers are
 * written with Java's shortest round-trip form, so reading a written file gives the same doubles
 * (NumPy's {@code float()} reads them exactly too). Blank lines and lines starting with {@code #} are
 * skipped.
 */
public final class DataSet {

    /** The most points a data set holds. */
    public static final int MAX_POINTS = 1_000_000;

    private final double[] x1;
    private final double[] x2;
    private final double[] y;
    private final boolean classification;

    private DataSet(double[] x1, double[] x2, double[] y, boolean classification) {
        if (y.length == 0) {
            throw new IllegalArgumentException("A data set needs at least one point");
        }
        if (y.length > MAX_POINTS) {
            throw new IllegalArgumentException("A data set holds at most " + MAX_POINTS + " points, got " + y.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(x1[i]) || !Double.isFinite(x2[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("Point " + (i + 1) + " is not finite");
            }
            if (classification && y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("Point " + (i + 1) + " has label " + y[i] + " (labels are 0 or 1)");
            }
        }
        this.x1 = x1;
        this.x2 = x2;
        this.y = y;
        this.classification = classification;
    }

    /** Regression data (x, y). Arrays are copied. */
    public static DataSet regression(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
        return new DataSet(x.clone(), new double[x.length], y.clone(), false);
    }

    /** Classification data (x1, x2, label ∈ {0, 1}). Arrays are copied. */
    public static DataSet classification(double[] x1, double[] x2, double[] label) {
        if (x1.length != x2.length || x1.length != label.length) {
            throw new IllegalArgumentException("x1, x2 and label differ in length");
        }
        return new DataSet(x1.clone(), x2.clone(), label.clone(), true);
    }

    public int size() {
        return y.length;
    }

    public boolean isClassification() {
        return classification;
    }

    /** The (first) input of point i. */
    public double x(int i) {
        return x1[i];
    }

    /** The second input of point i (0 for regression data). */
    public double x2(int i) {
        return x2[i];
    }

    /** The target (regression) or label (classification) of point i. */
    public double y(int i) {
        return y[i];
    }

    // package access for the models' loops, which must not copy
    double[] x1Array() {
        return x1;
    }

    double[] x2Array() {
        return x2;
    }

    double[] yArray() {
        return y;
    }

    /** The CSV header of this kind of data. */
    public String header() {
        return classification ? "x1,x2,label" : "x,y";
    }

    /** Writes the CSV (header, then one line per point). */
    public void writeCsv(Writer out) throws IOException {
        out.write(header());
        out.write('\n');
        StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < y.length; i++) {
            line.setLength(0);
            line.append(x1[i]).append(',');
            if (classification) {
                line.append(x2[i]).append(',').append((int) y[i]);
            } else {
                line.append(y[i]);
            }
            line.append('\n');
            out.append(line);
        }
    }

    /** The CSV as one string. */
    public String toCsv() {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            writeCsv(w);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    /** {@link #readCsv(Path)} of a file named as typed (a surface's {@code file} parameter). */
    public static DataSet readCsv(String file) {
        return readCsv(Path.of(file));
    }

    /**
     * Reads a CSV file.
     *
     * @throws IllegalArgumentException naming the file and line that cannot be read
     */
    public static DataSet readCsv(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("Data file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read data file " + file + ": " + e.getMessage());
        }
    }

    /** Reads CSV text; {@code name} is used in messages. */
    public static DataSet parseCsv(String text, String name) {
        try {
            return parse(new BufferedReader(new java.io.StringReader(text)), name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DataSet parse(BufferedReader r, String name) throws IOException {
        String header = null;
        List<double[]> rows = new ArrayList<>();
        int lineNo = 0;
        int columns = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (header == null) {
                header = t.toLowerCase(Locale.ROOT).replace(" ", "");
                if (header.equals("x,y")) {
                    columns = 2;
                } else if (header.equals("x1,x2,label") || header.equals("x1,x2,y")) {
                    columns = 3;
                } else {
                    throw new IllegalArgumentException(name + ", line " + lineNo + ": the header must be x,y (regression) or "
                            + "x1,x2,label (classification), got '" + t + "'");
                }
                continue;
            }
            String[] parts = t.split(",", -1);
            if (parts.length != columns) {
                throw new IllegalArgumentException(name + ", line " + lineNo + ": expected " + columns + " numbers, got '" + t + "'");
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                try {
                    row[c] = Double.parseDouble(parts[c].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + ", line " + lineNo + ": '" + parts[c].strip() + "' is not a number");
                }
                if (!Double.isFinite(row[c])) {
                    throw new IllegalArgumentException(name + ", line " + lineNo + ": '" + parts[c].strip() + "' is not finite");
                }
            }
            if (rows.size() >= MAX_POINTS) {
                throw new IllegalArgumentException(name + ": more than " + MAX_POINTS + " points");
            }
            rows.add(row);
        }
        if (header == null || rows.isEmpty()) {
            throw new IllegalArgumentException(name + ": no data points");
        }
        int n = rows.size();
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rows.get(i)[0];
            b[i] = rows.get(i)[1];
            c[i] = columns == 3 ? rows.get(i)[2] : 0;
        }
        try {
            return columns == 2 ? new DataSet(a, new double[n], b, false) : new DataSet(a, b, c, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }
}
