package dev.descent.app;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * A scroll pane whose content changes while it shows (run numbers, charts). Its skin caches the
 * viewport as one image, so a change of one label re-rendered the whole visible content into that
 * cache: 4 to 11 ms of the renderer's pulse under the software pipeline for a line of text. Without
 * the cache only the changed part is painted again; scrolling repaints the viewport, which is cheap.
 */
final class LiveScroll {

    private LiveScroll() {
    }

    /** Switches the viewport cache of {@code scroll} off, now and whenever its skin is made again. */
    static ScrollPane uncached(ScrollPane scroll) {
        scroll.skinProperty().addListener((o, before, skin) -> uncache(scroll));
        uncache(scroll);
        return scroll;
    }

    private static void uncache(ScrollPane scroll) {
        for (Node n : scroll.getChildrenUnmodifiable()) {
            if (n.getStyleClass().contains("viewport")) {
                n.setCache(false);
            }
        }
    }
}
