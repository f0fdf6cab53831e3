package dev.descent.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;

/** Reads an animated GIF back with ImageIO: screen size, per-frame rectangles and delays, composited frames. */
final class GifReadBack {

    record Frame(int x, int y, int width, int height, int delayCs, String disposal, BufferedImage image) {
    }

    final int width;
    final int height;
    final boolean loops;
    final List<Frame> frames = new ArrayList<>();

    GifReadBack(Path file) throws IOException {
        ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            r.setInput(in);
            IIOMetadataNode sm = (IIOMetadataNode) r.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
            Element lsd = (Element) sm.getElementsByTagName("LogicalScreenDescriptor").item(0);
            width = Integer.parseInt(lsd.getAttribute("logicalScreenWidth"));
            height = Integer.parseInt(lsd.getAttribute("logicalScreenHeight"));
            int n = r.getNumImages(true);
            boolean loop = false;
            for (int i = 0; i < n; i++) {
                IIOMetadataNode m = (IIOMetadataNode) r.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                Element d = (Element) m.getElementsByTagName("ImageDescriptor").item(0);
                Element gce = (Element) m.getElementsByTagName("GraphicControlExtension").item(0);
                var apps = m.getElementsByTagName("ApplicationExtension");
                for (int k = 0; k < apps.getLength(); k++) {
                    Element app = (Element) apps.item(k);
                    byte[] data = (byte[]) ((IIOMetadataNode) app).getUserObject();
                    if ("NETSCAPE".equals(app.getAttribute("applicationID")) && data.length == 3 && data[0] == 1 && data[1] == 0 && data[2] == 0) {
                        loop = true;
                    }
                }
                frames.add(new Frame(Integer.parseInt(d.getAttribute("imageLeftPosition")), Integer.parseInt(d.getAttribute("imageTopPosition")),
                        Integer.parseInt(d.getAttribute("imageWidth")), Integer.parseInt(d.getAttribute("imageHeight")),
                        Integer.parseInt(gce.getAttribute("delayTime")), gce.getAttribute("disposalMethod"), r.read(i)));
            }
            loops = loop;
        } finally {
            r.dispose();
        }
    }

    /** The picture a viewer shows at frame k: every frame up to k drawn over the previous ones. */
    BufferedImage composite(int k) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas.createGraphics();
        for (int i = 0; i <= k; i++) {
            Frame f = frames.get(i);
            g.drawImage(f.image(), f.x(), f.y(), null);
        }
        g.dispose();
        return canvas;
    }
}
