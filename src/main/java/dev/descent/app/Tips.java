package dev.descent.app;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first enters their control. A {@link Tooltip} is a popup window
 * with a scene of its own, made with the tooltip: the window's thirty-odd tooltips made at start-up
 * cost the JavaFX thread several percent of its work before the window is shown, for popups most
 * sessions never open. The tooltip shows as before: JavaFX starts its delay at the pointer's moves
 * over the control, which follow its entering.
 */
final class Tips {

    private static final String TEXT = "descent.tip";

    private Tips() {
    }

    /** Gives {@code c} the tooltip {@code text}, made on the first hover (or changes the one made). */
    static void set(Control c, String text) {
        if (c.getTooltip() != null) {
            c.getTooltip().setText(text);
            return;
        }
        boolean waiting = c.getProperties().containsKey(TEXT);
        c.getProperties().put(TEXT, text);
        if (!waiting) {
            c.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (c.getTooltip() == null) {
                    c.setTooltip(new Tooltip((String) c.getProperties().get(TEXT)));
                }
            });
        }
    }

    /** The tooltip's text {@code c} has or will have; null when it has none. */
    static String text(Control c) {
        return c.getTooltip() != null ? c.getTooltip().getText() : (String) c.getProperties().get(TEXT);
    }
}
