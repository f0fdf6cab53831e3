package dev.descent.app;

import java.nio.IntBuffer;
import java.util.Arrays;

import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The plot's picture on the screen, cut into square tiles, each an image of its own. A frame hands
 * over the whole picture; only the tiles whose pixels changed are copied and told to the screen, so
 * the renderer repaints those and not the whole plot. A frame of a running animation changes a few
 * tiles around the runs' heads; under the software pipeline, repainting the whole plot took most of
 * a pulse's rendering.
 */
final class PlotTiles extends Group {

    /** The side of a tile, in pixels: small enough to keep a frame's change local, few enough nodes. */
    static final int SIZE = 128;

    private int width;
    private Tile[] tiles = new Tile[0];

    PlotTiles() {
        setMouseTransparent(true);
        setAutoSizeChildren(false);
    }

    private record Tile(int x, int y, int w, int h, int[] pixels, PixelBuffer<IntBuffer> buffer) {
    }

    /** Tiles for a picture of {@code w × h} pixels, all blank until the first {@link #show}. */
    void resize(int w, int h) {
        width = w;
        int cols = (w + SIZE - 1) / SIZE;
        int rows = (h + SIZE - 1) / SIZE;
        tiles = new Tile[cols * rows];
        ImageView[] views = new ImageView[tiles.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int x = c * SIZE;
                int y = r * SIZE;
                int tw = Math.min(SIZE, w - x);
                int th = Math.min(SIZE, h - y);
                IntBuffer shared = IntBuffer.allocate(tw * th);
                PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(tw, th, shared, PixelFormat.getIntArgbPreInstance());
                tiles[r * cols + c] = new Tile(x, y, tw, th, shared.array(), buffer);
                ImageView view = new ImageView(new WritableImage(buffer));
                view.setLayoutX(x);
                view.setLayoutY(y);
                views[r * cols + c] = view;
            }
        }
        getChildren().setAll(views);
    }

    /**
     * Shows {@code pixels} (premultiplied ARGB, {@code w × h} as last resized, row by row): copies the
     * tiles that differ from what they show and tells the screen about those alone.
     *
     * @return how many tiles changed
     */
    int show(int[] pixels) {
        int changed = 0;
        for (Tile t : tiles) {
            if (differs(pixels, t)) {
                for (int row = 0; row < t.h; row++) {
                    System.arraycopy(pixels, (t.y + row) * width + t.x, t.pixels, row * t.w, t.w);
                }
                t.buffer.updateBuffer(b -> null);
                changed++;
            }
        }
        return changed;
    }

    private boolean differs(int[] pixels, Tile t) {
        for (int row = 0; row < t.h; row++) {
            int from = (t.y + row) * width + t.x;
            if (Arrays.mismatch(pixels, from, from + t.w, t.pixels, row * t.w, row * t.w + t.w) >= 0) {
                return true;
            }
        }
        return false;
    }
}
