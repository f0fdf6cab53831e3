package dev.descent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.SessionConfig;
import dev.descent.session.SessionFiles;
import dev.descent.session.SessionFiles.SessionFileException;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session inside exported files and the share string: what goes in comes back equal. */
class EmbeddedSessionTest {

    @TempDir
    Path dir;

    /** The bowl as a session file would read it (starts, colours and names filled in). */
    private static SessionConfig expected() {
        return SessionFiles.validate(ExportTest.bowl());
    }

    @Test
    void theShareStringCarriesAnEqualSessionInPlainCharacters() {
        String share = EmbeddedSession.shareString(ExportTest.bowl());
        assertTrue(share.startsWith("descent:"), share);
        assertTrue(share.substring(8).matches("[A-Za-z0-9_-]+"), share);
        assertTrue(share.length() < SessionFiles.toJson(ExportTest.bowl()).length(), "compact: shorter than the JSON");
        assertEquals(expected(), EmbeddedSession.parseShareString(share));
        // pasted from a mail: wrapped lines and spaces around it
        String wrapped = "  " + share.substring(0, 30) + "\n" + share.substring(30) + "\n";
        assertEquals(expected(), EmbeddedSession.parseShareString(wrapped));
    }

    @Test
    void damagedShareStringsAreRefusedWithAReason() {
        String share = EmbeddedSession.shareString(ExportTest.bowl());
        assertTrue(assertThrows(SessionFileException.class, () -> EmbeddedSession.parseShareString("hello"))
                .getMessage().contains("starts with 'descent:'"));
        assertTrue(assertThrows(SessionFileException.class, () -> EmbeddedSession.parseShareString("descent:a*b"))
                .getMessage().contains("not base64url"));
        for (int cut = share.length() / 2; cut < share.length() / 2 + 4; cut++) { // every remainder mod 4
            String half = share.substring(0, cut);
            assertTrue(assertThrows(SessionFileException.class, () -> EmbeddedSession.parseShareString(half))
                    .getMessage().contains("cut short"), half);
        }
        assertTrue(assertThrows(SessionFileException.class, () -> EmbeddedSession.parseShareString(""))
                .getMessage().contains("no text"));
    }

    @Test
    void everyExportedFormatCarriesTheSession() throws Exception {
        ExportOptions o = ExportOptions.of(200, 150, 10, 5, 20, false);
        for (String name : List.of("a.gif", "a.png", "a.svg", "a.mp4", "a.webm", "frames/")) {
            Path out = dir.resolve(name);
            Exporter.export(ExportTest.bowl(), Exporter.Format.of(out.toString() + (name.endsWith("/") ? "/" : "")), o, out, null, null);
            Path file = name.endsWith("/") ? out.resolve("frame_0004.png") : out;
            assertEquals(expected(), EmbeddedSession.read(file).orElseThrow(), name);
        }
    }

    @Test
    void aFileWithoutASessionSaysSoAndOtherFilesAreNotExports() throws Exception {
        Path png = dir.resolve("plain.png");
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        SessionFileException e = assertThrows(SessionFileException.class, () -> EmbeddedSession.read(png));
        assertTrue(e.getMessage().contains("plain.png is a PNG without a Descent session"), e.getMessage());
        Path json = Files.writeString(dir.resolve("s.json"), SessionFiles.toJson(ExportTest.bowl()), StandardCharsets.UTF_8);
        assertTrue(EmbeddedSession.read(json).isEmpty());
    }

    @Test
    void theJcodecFallbackCarriesTheSessionAndPlays() throws Exception {
        Path out = dir.resolve("j.mp4");
        System.setProperty("descent.mp4.encoder", "jcodec");
        try {
            Exporter.export(ExportTest.bowl(), Exporter.Format.MP4, ExportOptions.of(160, 120, 10, 5, 20, false), out, null, null);
        } finally {
            System.clearProperty("descent.mp4.encoder");
        }
        assertEquals(expected(), EmbeddedSession.read(out).orElseThrow());
        assertEquals(4, decode(out).size());
    }

    /** Every frame of an MP4, decoded by jcodec (a decoder independent of the one that wrote it). */
    static List<BufferedImage> decode(Path mp4) throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        try (FileChannelWrapper ch = NIOUtils.readableChannel(mp4.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(ch);
            Picture p;
            while ((p = grab.getNativeFrame()) != null) {
                frames.add(AWTUtil.toBufferedImage(p));
            }
        }
        return frames;
    }

    /** Mean absolute difference per channel (0–255) between two images of the same size. */
    static double meanError(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 255) - (q >> 16 & 255)) + Math.abs((p >> 8 & 255) - (q >> 8 & 255)) + Math.abs((p & 255) - (q & 255));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    @Test
    void theFfmpegMp4PlaysShowsTheFrameAndIsSmallerThanJcodecsAtNoWorseQuality() throws Exception {
        SessionConfig s = ExportTest.bowl();
        ExportOptions o = ExportOptions.of(320, 240, 10, 2, 40, false);
        assertEquals(VideoEncoder.Kind.FFMPEG, VideoEncoder.preferred(), "FFmpeg's linux-x86_64 libraries load here");
        Path ff = dir.resolve("ff.mp4");
        Exporter.export(s, Exporter.Format.MP4, o, ff, null, null);
        Path jc = dir.resolve("jc.mp4");
        System.setProperty("descent.mp4.encoder", "jcodec");
        try {
            Exporter.export(s, Exporter.Format.MP4, o, jc, null, null);
        } finally {
            System.clearProperty("descent.mp4.encoder");
        }
        Path still = dir.resolve("last.png");
        Exporter.export(s, Exporter.Format.PNG, o, still, null, null);
        BufferedImage truth = ImageIO.read(still.toFile());
        List<BufferedImage> ffFrames = decode(ff);
        List<BufferedImage> jcFrames = decode(jc);
        assertEquals(20, ffFrames.size());
        assertEquals(20, jcFrames.size());
        double ffErr = meanError(truth, ffFrames.get(19));
        double jcErr = meanError(truth, jcFrames.get(19));
        assertTrue(ffErr < 4, "the last frame is the still, up to compression: " + ffErr);
        assertTrue(ffErr <= jcErr * 1.05 + 0.2, "FFmpeg " + ffErr + " vs jcodec " + jcErr);
        assertTrue(Files.size(ff) <= Files.size(jc), Files.size(ff) + " vs " + Files.size(jc) + " bytes");
        assertEquals(expected(), EmbeddedSession.read(ff).orElseThrow());
    }

    @Test
    void webmIsVp9InMatroskaWithEveryFrame() throws Exception {
        Path out = dir.resolve("bowl.webm");
        Exporter.Result r = Exporter.export(ExportTest.bowl(), Exporter.Format.of(out.toString()),
                ExportOptions.of(321, 240, 10, 2, 40, false), out, null, null);
        assertEquals(20, r.frames());
        byte[] b = Files.readAllBytes(out);
        assertEquals(0x1A45DFA3, java.nio.ByteBuffer.wrap(b, 0, 4).getInt(), "an EBML (Matroska/WebM) file");
        assertTrue(new String(b, StandardCharsets.ISO_8859_1).contains("V_VP9"), "the video track is VP9");
    }
}
