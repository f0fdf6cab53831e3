package dev.descent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.session.Lesson;
import dev.descent.session.LessonCheck;
import dev.descent.session.Lessons;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson rendered for slides: every beat in turn, its caption in a band above the plot. */
class LessonAnimationTest {

    @TempDir
    Path dir;

    @Test
    void everyBeatPlaysAndHoldsWithItsCaptionBand() {
        Lesson l = Lessons.load("learning-rate-too-large");
        long[] ends = LessonCheck.beatSteps(l);
        LessonAnimation a = new LessonAnimation(l, 320, 240, 10, 1);
        // per beat: the steps after the previous beat's end (at most FRAMES_PER_BEAT), then 10 held frames
        int expected = 0;
        long from = 0;
        for (long end : ends) {
            long per = Math.max(1, (end - from + LessonAnimation.FRAMES_PER_BEAT - 1) / LessonAnimation.FRAMES_PER_BEAT);
            for (long s = from + per; s < end; s += per) {
                expected++;
            }
            expected += 10;
            from = end;
        }
        assertEquals(expected, a.frames());
        BufferedImage first = a.render(0);
        int band = LessonAnimation.captionBand(240);
        // the band is dark with white caption text in it; the plot below is not the band's colour
        int white = 0;
        for (int x = 0; x < 320; x++) {
            for (int y = 0; y < band; y++) {
                if ((first.getRGB(x, y) & 0xffffff) == 0xffffff) {
                    white++;
                }
            }
        }
        assertTrue(white > 50, "caption text drawn: " + white + " white pixels");
        assertNotEquals(first.getRGB(160, band + 60), first.getRGB(2, 2));
    }

    /** A beat with a relief is drawn as the 3-D view from its camera; the same beat without one, as the plot. */
    @Test
    void aBeatWithAReliefIsDrawnInThreeD() {
        Lesson l = Lessons.load("saddle");
        dev.descent.session.Beat last = l.beats().get(l.beats().size() - 1);
        assertEquals(new dev.descent.render.Camera3D(-60, 35, 1), LessonAnimation.camera(last.relief()));
        assertEquals(new dev.descent.render.Camera3D(-30, 20, 1),
                LessonAnimation.camera(new dev.descent.session.Beat.Relief(null, 20.0, null)), "left out: the window's first view");
        List<dev.descent.session.Beat> flat = new java.util.ArrayList<>(l.beats());
        flat.set(flat.size() - 1, new dev.descent.session.Beat(last.caption(), last.runs(), last.steps(), last.until(), last.run(),
                last.tol(), last.contourLines(), last.gradientField(), last.trail(), last.view(), null));
        Lesson plot = new Lesson(l.id(), l.session(), flat, l.claims());
        LessonAnimation a = new LessonAnimation(l, 320, 240, 10, 0.2);
        LessonAnimation b = new LessonAnimation(plot, 320, 240, 10, 0.2);
        BufferedImage relief = a.render(a.frames() - 1);
        BufferedImage flatImage = b.render(b.frames() - 1);
        int differ = 0;
        for (int y = LessonAnimation.captionBand(240); y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                differ += relief.getRGB(x, y) != flatImage.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differ > 320 * 150 / 3, "the last beat is the relief, not the plot: " + differ + " pixels differ");
    }

    @Test
    void writesAGifAndRefusesOtherFormats() throws Exception {
        LessonAnimation a = new LessonAnimation(Lessons.load("newton-vs-gd"), 200, 160, 10, 0.2);
        Path gif = dir.resolve("l.gif");
        assertEquals(a.frames(), a.write(gif, 10, null, null));
        BufferedImage img = ImageIO.read(gif.toFile());
        assertEquals(200, img.getWidth());
        assertEquals(160, img.getHeight());
        String m = assertThrows(IllegalArgumentException.class, () -> a.write(dir.resolve("l.png"), 10, null, null)).getMessage();
        assertTrue(m.contains(".gif or .mp4"), m);
        assertEquals(List.of(gif), Files.list(dir).toList());
    }
}
