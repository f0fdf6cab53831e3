package dev.descent.export;

import dev.descent.math.CriticalPoint;
import dev.descent.math.Viewport;
import dev.descent.sim.BasinMap;
import dev.descent.sim.HyperMap;
import dev.descent.sim.MapEnds;
import dev.descent.sim.MapResult;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * A map as CSV, one row per cell: {@code i,j,start_x,start_y} (or the two hyperparameters' names),
 * {@code end_x,end_y,ending,point_x,point_y,steps,loss}.
 */
public final class MapCsv {

    private MapCsv() {
    }

    /** One row per cell, bottom row first; full-precision numbers. */
    public static void write(java.io.OutputStream os, MapResult r, HyperMap.Request hyper, Viewport view) throws java.io.IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
        String a = hyper == null ? "start_x" : hyper.x().name();
        String b = hyper == null ? "start_y" : hyper.y().name();
        w.write("i,j," + a + "," + b + ",end_x,end_y,ending,point_x,point_y,steps,loss\n");
        MapEnds ends = r.ends();
        StringBuilder sb = new StringBuilder(128);
        for (int j = 0; j < r.rows(); j++) {
            for (int i = 0; i < r.cols(); i++) {
                int k = r.index(i, j);
                double va = hyper == null ? BasinMap.gridCoordinate(view.xMin(), view.xMax(), i, r.cols()) : hyper.x().value(i, r.cols());
                double vb = hyper == null ? BasinMap.gridCoordinate(view.yMin(), view.yMax(), j, r.rows()) : hyper.y().value(j, r.rows());
                int e = r.end()[k];
                sb.setLength(0);
                sb.append(i).append(',').append(j).append(',').append(va).append(',').append(vb).append(',')
                        .append(r.endX()[k]).append(',').append(r.endY()[k]).append(',');
                sb.append(ending(ends, e)).append(',');
                if (e >= 0) {
                    CriticalPoint p = ends.points().get(e);
                    sb.append(p.x()).append(',').append(p.y());
                } else {
                    sb.append(',');
                }
                sb.append(',').append(e == MapEnds.INVALID ? "" : Integer.toString(r.steps()[k])).append(',')
                        .append(r.loss()[k]).append('\n');
                w.write(sb.toString());
            }
        }
        w.flush();
    }

    /** A one-word ending for the CSV: minimum, saddle, maximum, not_converged, diverged, invalid. */
    public static String ending(MapEnds ends, int e) {
        return switch (e) {
            case MapEnds.NOT_CONVERGED -> "not_converged";
            case MapEnds.DIVERGED -> "diverged";
            case MapEnds.INVALID -> "invalid";
            default -> ends.points().get(e).isMinimum() ? "minimum" : ends.points().get(e).kind() == CriticalPoint.Kind.SADDLE ? "saddle" : "maximum";
        };
    }
}
