package dev.descent.export;

import dev.descent.optim.RoleVector;
import dev.descent.render.ArrowPainter;
import dev.descent.render.PlotTransform;
import dev.descent.render.Style;
import dev.descent.sim.HeadArrows;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/** The arrows of each shown run's last step in an exported frame, as the window draws them. */
final class RunArrows implements SceneFrames.Aids {

    private final List<SimulatedRun> shown;
    private final ArrowPainter.Settings settings;
    private final List<List<RoleVector>> declared = new ArrayList<>();

    RunArrows(ExportRuns runs, ArrowPainter.Settings settings) {
        this.shown = runs.shown();
        this.settings = settings;
        for (SimulatedRun r : shown) {
            declared.add(r.model().toRunSpec(runs.surface()).optimizer().newStepper(2).vectors());
        }
    }

    /** The height the arrows' scale note takes at the bottom of the plot. */
    static double noteHeight(Style style) {
        return ArrowPainter.noteHeight(style);
    }

    @Override
    public void paint(Graphics2D g, PlotTransform transform, Style style, long step) {
        ArrowPainter.paint(g, transform, style, arrows(step), settings);
    }

    /** Each shown run's arrows for the step that reached {@code step} (none at the start). */
    List<List<HeadArrows.Arrow>> arrows(long step) {
        List<List<HeadArrows.Arrow>> out = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            SimulatedRun r = shown.get(i);
            int row = r.rowsAt(step) - 1;
            if (row < 1) {
                out.add(List.of());
                continue;
            }
            out.add(HeadArrows.resolve(declared.get(i), name -> {
                int k = r.probeNames().indexOf(name);
                return k < 0 ? null : new double[] {r.probes()[2 * k][row], r.probes()[2 * k + 1][row]};
            }, n -> row - n >= 0 ? new double[] {r.xs()[row - n], r.ys()[row - n]} : null));
        }
        return out;
    }
}
