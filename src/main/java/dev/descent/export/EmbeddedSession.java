package dev.descent.export;

import dev.descent.session.SessionConfig;
import dev.descent.session.SessionFiles;
import dev.descent.session.SessionFiles.SessionFileException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/**
 * The session that made an export, carried inside the exported file so that File → Open on a
 * figure reproduces it, and as a compact share string for copy and paste.
 *
 * <ul>
 *   <li>share string: {@code descent:} + base64url (no padding) of the deflated session JSON;</li>
 *   <li>PNG: a compressed {@code iTXt} chunk with the keyword {@value #KEYWORD} holding the JSON;</li>
 *   <li>GIF: a comment extension before the first frame holding the share string (GIF comments are
 *       7-bit text);</li>
 *   <li>SVG: {@code <metadata id="descent-session">} holding the JSON;</li>
 *   <li>MP4: the {@code comment} tag (FFmpeg) holding the share string; files written by the jcodec
 *       fallback carry it in a top-level {@code uuid} box that players skip;</li>
 *   <li>WebM: the {@code COMMENT} tag holding the share string.</li>
 * </ul>
 * The JSON is {@link SessionFiles}' own, and reading goes through {@link SessionFiles#parse}, so an
 * embedded session is checked exactly as a session file is.
 */
public final class EmbeddedSession {

    /** The share string's prefix. */
    public static final String PREFIX = "descent:";
    /** The PNG text keyword. */
    public static final String KEYWORD = "Descent session";
    /** The user type of the MP4 box the jcodec fallback appends. */
    static final byte[] MP4_UUID = "descent-session!".getBytes(StandardCharsets.US_ASCII);

    private EmbeddedSession() {
    }

    // ---- share string -----------------------------------------------------------------------------

    /** The session as a share string: {@code descent:} and ASCII letters, digits, {@code -} and {@code _}. */
    public static String shareString(SessionConfig s) {
        byte[] json = SessionFiles.toJson(s).getBytes(StandardCharsets.UTF_8);
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(json);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 2 + 16);
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            int n = d.deflate(buf);
            out.write(buf, 0, n);
        }
        d.end();
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * Reads a share string (surrounding white space and line breaks inside are ignored) or, for
     * convenience, session JSON pasted as is.
     *
     * @throws SessionFileException saying what is wrong; nothing else is thrown
     */
    public static SessionConfig parseShareString(String text) {
        if (text == null || text.isBlank()) {
            throw new SessionFileException("nothing to paste: the clipboard holds no text");
        }
        String t = text.strip();
        if (t.startsWith("{")) {
            return SessionFiles.parse(t);
        }
        if (!t.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new SessionFileException("not a Descent session: a shared session starts with '" + PREFIX + "'");
        }
        String body = t.substring(PREFIX.length()).replaceAll("\\s+", "");
        byte[] packed;
        try {
            packed = Base64.getUrlDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            // a cut at a length that is not a whole number of base64 quads fails here, not in the inflater
            throw new SessionFileException("the shared session is damaged or cut short (not base64url): " + e.getMessage());
        }
        return SessionFiles.parse(inflate(packed));
    }

    private static String inflate(byte[] packed) {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4 + 64);
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new SessionFileException("the shared session is cut short: copy all of it");
                }
                out.write(buf, 0, n);
                if (out.size() > SessionFiles.MAX_BYTES) {
                    throw new SessionFileException("the shared session unpacks to more than a session can be");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new SessionFileException("the shared session is damaged: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    // ---- writing ----------------------------------------------------------------------------------

    /** Writes {@code img} as PNG with the session in an {@code iTXt} chunk. */
    public static void writePng(BufferedImage img, SessionConfig s, OutputStream os) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
            w.setOutput(ios);
            ImageWriteParam param = w.getDefaultWriteParam();
            IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            if (s != null) {
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
                IIOMetadataNode e = new IIOMetadataNode("iTXtEntry");
                e.setAttribute("keyword", KEYWORD);
                e.setAttribute("compressionFlag", "TRUE");
                e.setAttribute("compressionMethod", "0");
                e.setAttribute("languageTag", "");
                e.setAttribute("translatedKeyword", "");
                e.setAttribute("text", SessionFiles.toJson(s));
                itxt.appendChild(e);
                root.appendChild(itxt);
                md.mergeTree("javax_imageio_png_1.0", root);
            }
            w.write(null, new IIOImage(img, null, md), param);
        } finally {
            w.dispose();
        }
    }

    /** The SVG document with the session's JSON in a {@code <metadata>} element after the root's start tag. */
    public static String embedInSvg(String svg, SessionConfig s) {
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) {
            return svg;
        }
        String json = SessionFiles.toJson(s).strip().replace("]]>", "]]]]><![CDATA[>");
        String md = "<metadata id=\"descent-session\"><![CDATA[" + json + "]]></metadata>";
        return svg.substring(0, end + 1) + md + svg.substring(end + 1);
    }

    /** Appends a top-level {@code uuid} box holding {@code text} to an MP4 file (players skip unknown boxes). */
    static void appendMp4Box(Path mp4, String text) throws IOException {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + 16 + t.length);
        b.putInt(b.capacity()).put("uuid".getBytes(StandardCharsets.US_ASCII)).put(MP4_UUID).put(t);
        try (OutputStream os = Files.newOutputStream(mp4, java.nio.file.StandardOpenOption.APPEND)) {
            os.write(b.array());
        }
    }

    // ---- reading ----------------------------------------------------------------------------------

    /** What a file is, by its first bytes. */
    public enum Kind { PNG, GIF, MP4, WEBM, SVG, OTHER }

    /** Sniffs a file's kind from its first bytes (not its name). */
    public static Kind kind(Path file) throws IOException {
        byte[] head = new byte[256];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Kind.PNG;
        }
        if (n >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return Kind.GIF;
        }
        if (n >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            return Kind.MP4;
        }
        if (n >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF && (head[3] & 0xFF) == 0xA3) {
            return Kind.WEBM;
        }
        String text = new String(head, 0, Math.max(0, n), StandardCharsets.UTF_8);
        if (text.contains("<svg") || (text.startsWith("<?xml") && Files.size(file) > 0 && readSvgHead(file))) {
            return Kind.SVG;
        }
        return Kind.OTHER;
    }

    private static boolean readSvgHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8).contains("<svg");
        }
    }

    /**
     * The session embedded in an exported PNG, GIF, MP4 or SVG.
     *
     * @return empty when the file is none of these
     * @throws SessionFileException when it is one of them but carries no session, or a damaged one
     */
    public static Optional<SessionConfig> read(Path file) throws IOException {
        Kind k = kind(file);
        String text = switch (k) {
            case PNG -> pngText(file);
            case GIF -> gifComment(file);
            case MP4 -> mp4Comment(file);
            case WEBM -> webmComment(file);
            case SVG -> svgMetadata(file);
            case OTHER -> null;
        };
        if (k == Kind.OTHER) {
            return Optional.empty();
        }
        if (text == null) {
            throw new SessionFileException(file.getFileName() + " is a " + k + " without a Descent session in it"
                    + " (only images and videos exported by Descent carry one)");
        }
        try {
            return Optional.of(parseShareString(text));
        } catch (SessionFileException e) {
            throw new SessionFileException(file.getFileName() + ": " + e.getMessage());
        }
    }

    /** The text of a PNG's {@value #KEYWORD} chunk ({@code iTXt}, compressed or not, or {@code tEXt}). */
    static String pngText(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(b);
        buf.position(8);
        byte[] key = KEYWORD.getBytes(StandardCharsets.ISO_8859_1);
        while (buf.remaining() >= 12) {
            int len = buf.getInt();
            String type = new String(b, buf.position(), 4, StandardCharsets.US_ASCII);
            int data = buf.position() + 4;
            if (len < 0 || data + len > b.length) {
                return null;
            }
            if ((type.equals("iTXt") || type.equals("tEXt")) && startsWith(b, data, len, key)) {
                int p = data + key.length + 1;
                if (type.equals("tEXt")) {
                    return new String(b, p, data + len - p, StandardCharsets.ISO_8859_1);
                }
                boolean compressed = b[p] != 0;
                p += 2;
                p = skipZero(b, p, data + len); // language tag
                p = skipZero(b, p, data + len); // translated keyword
                byte[] text = java.util.Arrays.copyOfRange(b, p, data + len);
                if (compressed) {
                    try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(text))) {
                        text = in.readNBytes((int) SessionFiles.MAX_BYTES + 1);
                    }
                }
                return new String(text, StandardCharsets.UTF_8);
            }
            if (type.equals("IEND")) {
                return null;
            }
            buf.position(data + len + 4);
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int at, int len, byte[] key) {
        if (len <= key.length || b[at + key.length] != 0) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (b[at + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private static int skipZero(byte[] b, int p, int end) {
        while (p < end && b[p] != 0) {
            p++;
        }
        return p + 1;
    }

    /** The first comment of a GIF that is a share string or JSON. */
    static String gifComment(Path file) throws IOException {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("gif");
        if (!it.hasNext()) {
            return null;
        }
        ImageReader r = it.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            r.setInput(in, false, false);
            IIOMetadata md = r.getImageMetadata(0);
            Node root = md.getAsTree(md.getNativeMetadataFormatName());
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("CommentExtensions")) {
                    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                        Node v = c.getAttributes().getNamedItem("value");
                        if (v != null && (v.getNodeValue().startsWith(PREFIX) || v.getNodeValue().startsWith("{"))) {
                            return v.getNodeValue();
                        }
                    }
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            r.dispose();
        }
    }

    /**
     * The share string in a WebM's {@code COMMENT} tag: Matroska stores tag strings as plain UTF-8,
     * so the first {@code descent:} and the base64url characters after it are the session.
     */
    static String webmComment(Path file) throws IOException {
        if (Files.size(file) > 1L << 30) {
            return null;
        }
        byte[] b = Files.readAllBytes(file);
        byte[] p = PREFIX.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + p.length < b.length; i++) {
            for (int k = 0; k < p.length; k++) {
                if (b[i + k] != p[k]) {
                    continue outer;
                }
            }
            int end = i + p.length;
            while (end < b.length && (Character.isLetterOrDigit(b[end]) || b[end] == '-' || b[end] == '_')) {
                end++;
            }
            return new String(b, i, end - i, StandardCharsets.US_ASCII);
        }
        return null;
    }

    /** The {@code <metadata id="descent-session">} of an SVG. */
    static String svgMetadata(Path file) throws IOException {
        if (Files.size(file) > 256L << 20) {
            return null;
        }
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        String open = "<metadata id=\"descent-session\">";
        int a = svg.indexOf(open);
        int z = a < 0 ? -1 : svg.indexOf("</metadata>", a);
        if (z < 0) {
            return null;
        }
        String inner = svg.substring(a + open.length(), z).strip();
        if (inner.startsWith("<![CDATA[") && inner.endsWith("]]>")) {
            inner = inner.substring(9, inner.length() - 3).replace("]]]]><![CDATA[>", "]]>");
        }
        return inner;
    }

    /**
     * The session text of an MP4: the {@code ©cmt} item under {@code moov/udta/meta/ilst} (FFmpeg's
     * {@code comment} tag) or Descent's top-level {@code uuid} box.
     */
    static String mp4Comment(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            return boxes(f, 0, f.length(), 0);
        }
    }

    private static String boxes(RandomAccessFile f, long from, long to, int depth) throws IOException {
        long p = from;
        while (p + 8 <= to && depth < 8) {
            f.seek(p);
            long size = f.readInt() & 0xFFFFFFFFL;
            byte[] t = new byte[4];
            f.readFully(t);
            String type = new String(t, StandardCharsets.ISO_8859_1);
            long header = 8;
            if (size == 1) {
                size = f.readLong();
                header = 16;
            } else if (size == 0) {
                size = to - p;
            }
            if (size < header || p + size > to) {
                return null;
            }
            long body = p + header;
            long end = p + size;
            switch (type) {
                case "moov", "udta", "ilst" -> {
                    String s = boxes(f, body, end, depth + 1);
                    if (s != null) {
                        return s;
                    }
                }
                case "meta" -> {
                    // ISO meta is a full box (4 bytes of version and flags); QuickTime's is not
                    f.seek(body);
                    long inner = f.readInt() == 0 ? body + 4 : body;
                    String s = boxes(f, inner, end, depth + 1);
                    if (s != null) {
                        return s;
                    }
                }
                case "\u00A9cmt" -> {
                    String s = dataBox(f, body, end);
                    if (s != null) {
                        return s;
                    }
                }
                case "uuid" -> {
                    if (size >= header + 16 && size - header - 16 <= SessionFiles.MAX_BYTES) {
                        byte[] id = new byte[16];
                        f.seek(body);
                        f.readFully(id);
                        if (java.util.Arrays.equals(id, MP4_UUID)) {
                            byte[] text = new byte[(int) (size - header - 16)];
                            f.readFully(text);
                            return new String(text, StandardCharsets.UTF_8);
                        }
                    }
                }
                default -> {
                }
            }
            p = end;
        }
        return null;
    }

    /** The text of an iTunes-style {@code data} box (type and locale, then the text) inside an item. */
    private static String dataBox(RandomAccessFile f, long from, long to) throws IOException {
        if (from + 16 > to) {
            return null;
        }
        f.seek(from);
        long size = f.readInt() & 0xFFFFFFFFL;
        byte[] t = new byte[4];
        f.readFully(t);
        if (!new String(t, StandardCharsets.ISO_8859_1).equals("data") || size < 16 || from + size > to
                || size - 16 > SessionFiles.MAX_BYTES) {
            return null;
        }
        f.skipBytes(8);
        byte[] text = new byte[(int) (size - 16)];
        f.readFully(text);
        return new String(text, StandardCharsets.UTF_8);
    }
}
