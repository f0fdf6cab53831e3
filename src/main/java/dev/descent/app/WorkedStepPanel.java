package dev.descent.app;

import dev.descent.session.SessionController;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import dev.descent.sim.WorkedStep;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * The worked step of the selected run: its optimizer's update rule, typeset line by line
 * (JLaTeXMath), each with the numbers of the step shown on the plot plugged in. Follows single
 * steps, playing, scrubbing (a clicked chart) and the selection.
 */
final class WorkedStepPanel extends ScrollPane {

    private final SessionController ctl;
    private final VBox box = new VBox(6);
    private final Label title = new Label();
    private final Map<String, Image> typeset = new HashMap<>();
    private boolean dark;
    /** What is shown: run id, step, optimizer; redrawn only when it changes. */
    private Object shownKey;
    private long lastUpdate;
    private WorkedStep shown;
    /** Sub-step mode: how many lines of the step on show are revealed (→ reveals the next). */
    private boolean subSteps;
    private int revealed = Integer.MAX_VALUE;

    WorkedStepPanel(SessionController ctl) {
        this.ctl = ctl;
        setId("workedStep");
        getStyleClass().add("worked-step");
        title.getStyleClass().add("worked-title");
        title.setWrapText(true);
        box.setPadding(new javafx.geometry.Insets(10));
        box.getChildren().add(title);
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setPrefWidth(400);
        setMinWidth(300);
        title.setText("Take a step (→) to see it worked out.");
    }

    void setDark(boolean d) {
        if (d != dark) {
            dark = d;
            typeset.clear();
            shownKey = null;
        }
    }

    /** Sub-step mode for lecturing: → reveals the step's lines one by one before the next step. */
    void setSubSteps(boolean on) {
        subSteps = on;
        revealed = Integer.MAX_VALUE;
        shownKey = null;
    }

    boolean subSteps() {
        return subSteps;
    }

    /**
     * In sub-step mode, reveals the next line of the step on show and returns true; returns false when
     * every line is out (the caller then takes the next step, which starts with its first line).
     */
    boolean revealNext() {
        if (!subSteps || shown == null || revealed >= shown.lines().size()) {
            if (subSteps) {
                revealed = 1;
                shownKey = null;
            }
            return false;
        }
        revealed++;
        shownKey = null;
        return true;
    }

    /** How many lines are revealed (all, outside sub-step mode). */
    int revealed() {
        return shown == null ? 0 : Math.min(revealed, shown.lines().size());
    }

    /**
     * Whether the quantity {@code name} (a probe, or {@code theta} for the step itself) has been revealed:
     * the arrows show only those. Always true outside sub-step mode.
     */
    boolean isRevealed(String name) {
        if (!subSteps || shown == null) {
            return true;
        }
        List<WorkedStep.Line> lines = shown.lines();
        for (int k = 0; k < Math.min(revealed, lines.size()); k++) {
            if (lines.get(k).reads().contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The worked step on show (tests), or null. */
    WorkedStep shown() {
        return shown;
    }

    /** Called on every pulse; recomputes when the selected run's shown step changed, at most 10 times a second. */
    void pulse(Frame frame, long nanos) {
        if (!isVisible() || frame == null) {
            return;
        }
        int sel = ctl.selected();
        RunFrame r = sel < 0 ? null : ctl.frameOf(frame, sel);
        if (r == null) {
            show(null, null, "No run selected.");
            return;
        }
        var hist = r.history();
        int rows = hist.rows();
        long scrub = ctl.scrubStep();
        if (scrub >= 0 && rows > 0) {
            rows = Math.max(1, dev.descent.render.charts.Steps.rowAtOrBefore(hist, scrub) + 1);
        }
        Object key = List.of(r.id(), rows, r.spec(), hist.rows() > 0 ? hist.get(0, rows - 1) : -1, revealed);
        if (key.equals(shownKey) || (nanos - lastUpdate < 100_000_000L && shownKey != null)) {
            return;
        }
        lastUpdate = nanos;
        WorkedStep w = WorkedStep.atRow(r, rows - 1);
        String name = ctl.session().runs().get(sel).name();
        if (w == null) {
            show(key, null, rows <= 1 ? name + " has not stepped yet: take a step (→) to see it worked out."
                    : name + ": this step is in the thinned part of a long run; scrub to a recent step.");
            return;
        }
        show(key, w, name + " · " + r.spec().optimizer().label() + " · step " + w.t());
    }

    private void show(Object key, WorkedStep w, String heading) {
        if (key != null && key.equals(shownKey)) {
            return;
        }
        shownKey = key;
        shown = w;
        title.setText(heading);
        box.getChildren().setAll(title);
        if (w == null) {
            return;
        }
        for (WorkedStep.Line l : w.lines().subList(0, Math.min(revealed, w.lines().size()))) {
            VBox line = new VBox(1);
            line.getStyleClass().add("worked-line");
            Image img = l.tex().isEmpty() ? null : image(l.tex());
            if (img != null) {
                ImageView view = new ImageView(img);
                view.setPreserveRatio(true);
                line.getChildren().add(view);
            } else {
                Label rule = new Label(l.symbol() + " = " + l.formula());
                rule.setWrapText(true);
                line.getChildren().add(rule);
            }
            if (img != null && prose(l.formula())) {
                Label words = new Label(l.formula());
                words.getStyleClass().add("worked-formula");
                words.setWrapText(true);
                line.getChildren().add(words);
            }
            if (!l.numbers().isEmpty()) {
                Label numbers = new Label("= " + l.numbers());
                numbers.getStyleClass().addAll("mono", "worked-numbers");
                numbers.setWrapText(true);
                line.getChildren().add(numbers);
            }
            box.getChildren().add(line);
        }
    }

    /** Whether a formula says more in words than its typeset form (a word of four letters or more). */
    static boolean prose(String formula) {
        return formula.matches("(?s).*\\p{L}{4,}.*");
    }

    /** The line typeset by JLaTeXMath, cached; null if the TeX does not parse. */
    private Image image(String tex) {
        return typeset.computeIfAbsent(tex, t -> {
            try {
                TeXIcon icon = new TeXFormula(t).createTeXIcon(TeXConstants.STYLE_DISPLAY, 19);
                icon.setForeground(dark ? new Color(0xc9, 0xd1, 0xd9) : new Color(0x22, 0x22, 0x22));
                BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                        BufferedImage.TYPE_INT_ARGB);
                Graphics2D g = img.createGraphics();
                g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                icon.paintIcon(null, g, 0, 0);
                g.dispose();
                return SwingFXUtils.toFXImage(img, null);
            } catch (RuntimeException e) {
                return null;
            }
        });
    }
}
