package dev.descent.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF through {@code javax.imageio}: one fixed palette for every frame, a frame delay
 * (Graphic Control Extension), endless looping (the NETSCAPE2.0 application extension), and for
 * every frame after the first only the rectangle that changed since the previous frame, drawn over
 * it ("do not dispose") with unchanged pixels inside the rectangle transparent, so they compress to
 * almost nothing.
 *
 * <p>Frames are given as opaque RGB pixels ({@code TYPE_INT_RGB} data) of the logical screen size.
 * {@link #prepare} (finding the changed rectangle and mapping it to the palette) and {@link #write}
 * are separate, so preparing can run on other threads while frames are written in order.
 */
public final class GifWriter implements AutoCloseable {

    /** A frame ready to write: its rectangle in palette indices. */
    public record Prepared(int x, int y, int width, int height, byte[] indices, boolean transparent) {
    }

    private final ImageOutputStream out;
    private final ImageWriter writer;
    private final int width;
    private final int height;
    private final int delayCs;
    private final IndexColorModel colorModel;
    private boolean first = true;
    private String comment;
    private boolean started;
    private int frames;

    /**
     * @param delayCs delay after each frame in hundredths of a second (GIF's unit), at least 1
     */
    public GifWriter(ImageOutputStream out, int width, int height, int delayCs, GifPalette palette) {
        if (width < 1 || height < 1 || width > 65_535 || height > 65_535) {
            throw new IllegalArgumentException("GIF size must be 1 to 65535 pixels a side, got " + width + " × " + height);
        }
        if (delayCs < 1 || delayCs > 65_535) {
            throw new IllegalArgumentException("GIF frame delay must be 1 to 65535 hundredths of a second, got " + delayCs);
        }
        this.out = out;
        this.width = width;
        this.height = height;
        this.delayCs = delayCs;
        this.colorModel = palette.colorModel();
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        writer.setOutput(out);
    }

    /** The GIF delay for a frame rate: 100/fps hundredths of a second, rounded, at least 2 (browsers slow anything faster). */
    public static int delayFor(double fps) {
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("fps must be a positive number, got " + fps);
        }
        return (int) Math.max(2, Math.min(65_535, Math.round(100 / fps)));
    }

    /**
     * Finds what changed from {@code previous} (null for the first frame: all of it) to
     * {@code current} and maps it to the palette. Pure: safe on any thread with its own palette copy.
     */
    public static Prepared prepare(int[] previous, int[] current, int width, int height, GifPalette palette) {
        if (previous == null) {
            byte[] idx = new byte[width * height];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = (byte) palette.index(current[i]);
            }
            return new Prepared(0, 0, width, height, idx, false);
        }
        int x0 = width;
        int x1 = -1;
        int y0 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int m = Arrays.mismatch(previous, row, row + width, current, row, row + width);
            if (m < 0) {
                continue;
            }
            if (y0 < 0) {
                y0 = y;
            }
            y1 = y;
            x0 = Math.min(x0, m);
            int r = width - 1;
            while (r > x1 && previous[row + r] == current[row + r]) {
                r--;
            }
            x1 = Math.max(x1, r);
        }
        if (y0 < 0) {
            // nothing changed: one transparent pixel keeps the frame (and its delay)
            return new Prepared(0, 0, 1, 1, new byte[] {(byte) GifPalette.TRANSPARENT}, true);
        }
        int w = x1 - x0 + 1;
        int h = y1 - y0 + 1;
        byte[] idx = new byte[w * h];
        int k = 0;
        for (int y = y0; y <= y1; y++) {
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                int c = current[row + x];
                idx[k++] = c == previous[row + x] ? (byte) GifPalette.TRANSPARENT : (byte) palette.index(c);
            }
        }
        return new Prepared(x0, y0, w, h, idx, true);
    }

    /**
     * Stores {@code text} (printable ASCII, such as a share string) in a comment extension before
     * the first frame; call before the first {@link #write}.
     */
    public void setComment(String text) {
        this.comment = text;
    }

    /** Writes a prepared frame (frames must come in order). */
    public void write(Prepared p) throws IOException {
        if (!started) {
            writer.prepareWriteSequence(streamMetadata());
            started = true;
        }
        BufferedImage img = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_BYTE_INDEXED, colorModel);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(p.indices(), 0, data, 0, data.length);
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        String format = md.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(format);

        // the writer's default is a local copy of a generic palette: use the global table instead
        for (int i = root.getLength() - 1; i >= 0; i--) {
            if (root.item(i).getNodeName().equals("LocalColorTable")) {
                root.removeChild(root.item(i));
            }
        }
        IIOMetadataNode desc = child(root, "ImageDescriptor");
        desc.setAttribute("imageLeftPosition", Integer.toString(p.x()));
        desc.setAttribute("imageTopPosition", Integer.toString(p.y()));
        desc.setAttribute("imageWidth", Integer.toString(p.width()));
        desc.setAttribute("imageHeight", Integer.toString(p.height()));
        desc.setAttribute("interlaceFlag", "FALSE");

        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "doNotDispose");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", p.transparent() ? "TRUE" : "FALSE");
        gce.setAttribute("transparentColorIndex", Integer.toString(GifPalette.TRANSPARENT));
        gce.setAttribute("delayTime", Integer.toString(delayCs));

        if (first) {
            // loop forever: NETSCAPE2.0, sub-block 1, loop count 0
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
            if (comment != null) {
                IIOMetadataNode comments = child(root, "CommentExtensions");
                IIOMetadataNode c = new IIOMetadataNode("CommentExtension");
                c.setAttribute("value", comment);
                comments.appendChild(c);
            }
            first = false;
        }
        md.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(img, null, md), param);
        frames++;
    }

    /** The logical screen and the one global colour table; frames carry no local tables. */
    private IIOMetadata streamMetadata() throws IOException {
        IIOMetadata sm = writer.getDefaultStreamMetadata(writer.getDefaultWriteParam());
        String format = sm.getNativeMetadataFormatName();
        IIOMetadataNode root = new IIOMetadataNode(format);
        IIOMetadataNode version = new IIOMetadataNode("Version");
        version.setAttribute("value", "89a");
        root.appendChild(version);
        IIOMetadataNode screen = new IIOMetadataNode("LogicalScreenDescriptor");
        screen.setAttribute("logicalScreenWidth", Integer.toString(width));
        screen.setAttribute("logicalScreenHeight", Integer.toString(height));
        screen.setAttribute("colorResolution", "8");
        screen.setAttribute("pixelAspectRatio", "0");
        root.appendChild(screen);
        IIOMetadataNode table = new IIOMetadataNode("GlobalColorTable");
        table.setAttribute("sizeOfGlobalColorTable", "256");
        table.setAttribute("backgroundColorIndex", "0");
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < 256; i++) {
            IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
            e.setAttribute("index", Integer.toString(i));
            e.setAttribute("red", Integer.toString(colorModel.getRed(i)));
            e.setAttribute("green", Integer.toString(colorModel.getGreen(i)));
            e.setAttribute("blue", Integer.toString(colorModel.getBlue(i)));
            table.appendChild(e);
        }
        root.appendChild(table);
        sm.setFromTree(format, root);
        return sm;
    }

    /** Number of frames written. */
    public int frames() {
        return frames;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Ends the sequence (writes the trailer) and flushes; does not close the stream. */
    public void finish() throws IOException {
        if (started) {
            writer.endWriteSequence();
            started = false;
        }
        out.flush();
    }

    @Override
    public void close() {
        writer.dispose();
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }
}
