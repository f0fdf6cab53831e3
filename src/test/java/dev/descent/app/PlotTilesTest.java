package dev.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The plot reaches the screen as tiles, and a frame repaints only the tiles it changed: the picture
 * the tiles show is the plot's, pixel for pixel, and a frame that changes one pixel hands over one
 * tile. Scroll panes with live content are not cached as one image.
 */
@ExtendWith(ApplicationExtension.class)
class PlotTilesTest {

    @Start
    void start(Stage stage) {
        // no window: the tiles are tested as nodes
    }

    private static int[] picture(int w, int h) {
        int[] p = new int[w * h];
        for (int i = 0; i < p.length; i++) {
            p[i] = 0xff000000 | (i * 40503) & 0xffffff;
        }
        return p;
    }

    /** The pixel at (x, y) of the picture the tiles show, read back from the tile images. */
    private static int shown(PlotTiles tiles, int x, int y) {
        for (Node n : tiles.getChildren()) {
            ImageView v = (ImageView) n;
            int tx = (int) v.getLayoutX();
            int ty = (int) v.getLayoutY();
            if (x >= tx && y >= ty && x < tx + v.getImage().getWidth() && y < ty + v.getImage().getHeight()) {
                return v.getImage().getPixelReader().getArgb(x - tx, y - ty);
            }
        }
        throw new AssertionError("no tile covers (" + x + ", " + y + ")");
    }

    @Test
    void theTilesShowThePictureAndAFrameHandsOverOnlyTheTilesItChanged(FxRobot robot) {
        int w = 300;
        int h = 200; // 3 × 2 tiles of at most 128 pixels, the last column and row narrower
        PlotTiles tiles = new PlotTiles();
        int[] p = picture(w, h);
        int[] changed = new int[4];
        robot.interact(() -> {
            tiles.resize(w, h);
            changed[0] = tiles.show(p);
            changed[1] = tiles.show(p.clone());
            p[150 * w + 200] = 0xffabcdef; // in the tile of column 1, row 1
            changed[2] = tiles.show(p);
        });
        assertEquals(6, tiles.getChildren().size());
        assertEquals(6, changed[0], "the first picture fills every tile");
        assertEquals(0, changed[1], "the same picture again changes no tile");
        assertEquals(1, changed[2], "one changed pixel hands over one tile");
        for (int y = 0; y < h; y += 7) {
            for (int x = 0; x < w; x += 5) {
                assertEquals(p[y * w + x], shown(tiles, x, y), "pixel (" + x + ", " + y + ")");
            }
        }
        assertEquals(0xffabcdef, shown(tiles, 200, 150));
        assertEquals(p[(h - 1) * w + w - 1], shown(tiles, w - 1, h - 1), "the last pixel, in the narrower corner tile");
    }

    @Test
    void aLiveScrollPaneIsNotCachedAsOneImageWhereAPlainOneIs(FxRobot robot) {
        ScrollPane plain = new ScrollPane(new VBox(new Label("plain")));
        ScrollPane live = LiveScroll.uncached(new ScrollPane(new VBox(new Label("step 1"))));
        robot.interact(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new VBox(plain, live), 300, 200));
            s.show();
        });
        assertTrue(viewport(plain).isCache(), "JavaFX caches a scroll pane's viewport (what LiveScroll undoes)");
        assertFalse(viewport(live).isCache());
        robot.interact(() -> live.setSkin(new javafx.scene.control.skin.ScrollPaneSkin(live)));
        assertFalse(viewport(live).isCache(), "a new skin is not cached either");
    }

    private static Node viewport(ScrollPane s) {
        return s.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("viewport")).findFirst()
                .orElseThrow(() -> new AssertionError("no viewport in " + Arrays.toString(s.getChildrenUnmodifiable().toArray())));
    }
}
