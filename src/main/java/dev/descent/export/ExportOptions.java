package dev.descent.export;

import java.util.Locale;

/**
 * What an export shows and how: frame size, frame rate, which steps. Frame {@code k} (from 0) shows
 * every run up to step {@code min(firstStep + (k + 1) · stepsPerFrame, lastStep)}, so 300 steps at
 * one step a frame are 300 frames, and the last frame always shows {@code lastStep}. With
 * {@code firstStep == lastStep} there is one frame. Stills and CSV use {@code lastStep} only.
 *
 * @param width         frame width in pixels (with charts: plot and chart together)
 * @param height        frame height in pixels
 * @param fps           frames per second of the animation
 * @param stepsPerFrame optimizer steps between two frames, at least 1
 * @param firstStep     the step the animation starts from (its path so far is drawn)
 * @param lastStep      the step of the last frame
 * @param charts        draw the window's loss chart beside (or, in a tall frame, below) the plot
 * @param overlays      what each frame says about itself (step counter, title and caption, legend, aids)
 * @param arrows        which arrows to draw at each run's last step (see {@link dev.descent.render.ArrowPainter});
 *                      null: none. Drawn as an aid: {@code overlays.aids()} switches them off
 * @param dark          the dark theme, as the window's (View → Dark): plot, chart and labels
 * @param camera        show the 3-D view from this camera instead of the plot (no charts beside it); null: the plot
 */
public record ExportOptions(int width, int height, double fps, int stepsPerFrame, long firstStep, long lastStep,
                            boolean charts, Overlays overlays, dev.descent.render.ArrowPainter.Settings arrows, boolean dark,
                            dev.descent.render.Camera3D camera) {

    public static final int MIN_SIZE = 64;
    public static final int MAX_SIZE = 7680;
    public static final double MAX_FPS = 100;
    /** The most frames an animation may have. */
    public static final int MAX_FRAMES = 100_000;

    /** Every overlay on, no arrows. */
    public ExportOptions(int width, int height, double fps, int stepsPerFrame, long firstStep, long lastStep, boolean charts) {
        this(width, height, fps, stepsPerFrame, firstStep, lastStep, charts, Overlays.ALL, null, false);
    }

    /** No arrows. */
    public ExportOptions(int width, int height, double fps, int stepsPerFrame, long firstStep, long lastStep, boolean charts,
                         Overlays overlays) {
        this(width, height, fps, stepsPerFrame, firstStep, lastStep, charts, overlays, null, false);
    }

    /** The plot, not the 3-D view. */
    public ExportOptions(int width, int height, double fps, int stepsPerFrame, long firstStep, long lastStep, boolean charts,
                         Overlays overlays, dev.descent.render.ArrowPainter.Settings arrows, boolean dark) {
        this(width, height, fps, stepsPerFrame, firstStep, lastStep, charts, overlays, arrows, dark, null);
    }

    /** Light. */
    public ExportOptions(int width, int height, double fps, int stepsPerFrame, long firstStep, long lastStep, boolean charts,
                         Overlays overlays, dev.descent.render.ArrowPainter.Settings arrows) {
        this(width, height, fps, stepsPerFrame, firstStep, lastStep, charts, overlays, arrows, false);
    }

    /** @throws IllegalArgumentException naming the offending value */
    public ExportOptions {
        if (overlays == null) {
            overlays = Overlays.ALL;
        }
        if (width < MIN_SIZE || width > MAX_SIZE || height < MIN_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("Invalid size " + width + "x" + height + ": each side must be from "
                    + MIN_SIZE + " to " + MAX_SIZE + " pixels");
        }
        if (!(fps > 0) || fps > MAX_FPS) {
            throw new IllegalArgumentException("Invalid fps " + fmt(fps) + ": must be more than 0 and at most " + (int) MAX_FPS);
        }
        if (stepsPerFrame < 1) {
            throw new IllegalArgumentException("Invalid steps per frame " + stepsPerFrame + ": must be at least 1");
        }
        if (firstStep < 0) {
            throw new IllegalArgumentException("Invalid first step " + firstStep + ": must be 0 or more");
        }
        if (lastStep < firstStep) {
            throw new IllegalArgumentException("Invalid last step " + lastStep + ": must not be before the first step " + firstStep);
        }
        if (lastStep > ExportRuns.MAX_STEPS) {
            throw new IllegalArgumentException("Invalid last step " + lastStep + ": at most " + ExportRuns.MAX_STEPS + " steps can be exported");
        }
        long frames = Math.max(1, (lastStep - firstStep + stepsPerFrame - 1) / stepsPerFrame);
        if (frames > MAX_FRAMES) {
            throw new IllegalArgumentException(frames + " frames is too many (at most " + MAX_FRAMES
                    + "); raise the steps per frame");
        }
    }

    /** The same options with the arrows of each run's last step drawn (null: none). */
    public ExportOptions withArrows(dev.descent.render.ArrowPainter.Settings a) {
        return new ExportOptions(width, height, fps, stepsPerFrame, firstStep, lastStep, charts, overlays, a, dark, camera);
    }

    /** Steps 0 to {@code steps}, one frame every {@code stepsPerFrame} steps. */
    public static ExportOptions of(int width, int height, double fps, int stepsPerFrame, long steps, boolean charts) {
        return new ExportOptions(width, height, fps, stepsPerFrame, 0, steps, charts);
    }

    /** Number of frames. */
    public int frames() {
        return (int) Math.max(1, (lastStep - firstStep + stepsPerFrame - 1) / stepsPerFrame);
    }

    /** The step frame {@code k} shows. */
    public long stepOf(int k) {
        if (firstStep == lastStep) {
            return lastStep;
        }
        return Math.min(firstStep + (long) (k + 1) * stepsPerFrame, lastStep);
    }

    public ExportOptions withSize(int w, int h) {
        return new ExportOptions(w, h, fps, stepsPerFrame, firstStep, lastStep, charts, overlays, arrows, dark, camera);
    }

    public ExportOptions withOverlays(Overlays o) {
        return new ExportOptions(width, height, fps, stepsPerFrame, firstStep, lastStep, charts, o, arrows, dark, camera);
    }

    /** The same options in the dark theme (or the light one). */
    public ExportOptions withDark(boolean d) {
        return new ExportOptions(width, height, fps, stepsPerFrame, firstStep, lastStep, charts, overlays, arrows, d, camera);
    }

    /** The same options showing the 3-D view from {@code c} (null: the plot). */
    public ExportOptions withCamera(dev.descent.render.Camera3D c) {
        return new ExportOptions(width, height, fps, stepsPerFrame, firstStep, lastStep, charts, overlays, arrows, dark, c);
    }

    /**
     * Parses a size: {@code WIDTHxHEIGHT} ({@code 1280x720}), or {@code 720p}, {@code 1080p}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static int[] parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "720p":
                return new int[] {1280, 720};
            case "1080p":
                return new int[] {1920, 1080};
            case "480p":
                return new int[] {854, 480};
            default:
                break;
        }
        String[] parts = t.split("[x×]", -1);
        if (parts.length == 2) {
            try {
                int w = Integer.parseInt(parts[0].trim());
                int h = Integer.parseInt(parts[1].trim());
                return new int[] {w, h};
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("Invalid size '" + text + "' (expected WIDTHxHEIGHT such as 1280x720, or 720p, 1080p)");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
