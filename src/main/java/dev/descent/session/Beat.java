package dev.descent.session;

import java.util.List;

/**
 * One beat of a lesson: a caption and how the plot should look when the beat is reached.
 *
 * @param caption      a sentence or two, with the formula that matters
 * @param runs         names of the runs shown in this beat; null shows every run
 * @param steps        play up to this step (counted from the start); with {@code until} it is the cap
 * @param until        null, or an event that ends the beat early: {@code reached} (f &lt; tol),
 *                     {@code diverged} (non-finite), {@code left_view} (outside the lesson's view)
 * @param run          the run whose event ends the beat (with {@code until})
 * @param tol          the loss threshold of {@code reached}
 * @param contourLines overlay contour lines; null keeps the session's setting
 * @param gradientField overlay the gradient field; null keeps the session's setting
 * @param trail        recent steps drawn per path (0 = whole path); null keeps the session's setting
 * @param view         the part of the plane shown; null shows the lesson's own view
 * @param relief       show the 3-D view from this camera in this beat; null shows the plot
 */
public record Beat(String caption, List<String> runs, Long steps, String until, String run, Double tol,
                   Boolean contourLines, Boolean gradientField, Integer trail, ViewBox view, Relief relief) {

    /**
     * The 3-D view's camera for a beat (the window's View → 3-D view): azimuth and elevation in
     * degrees and a zoom, each left out for the window's first view (−30°, 35°, 1). The window keeps
     * elevation within 5°–90° and zoom within 0.5–4.
     */
    public record Relief(Double azimuth, Double elevation, Double zoom) {
    }

    public Beat {
        runs = runs == null ? null : List.copyOf(runs);
    }

    /** Whether the run of that name is shown in this beat. */
    public boolean shows(String runName) {
        return runs == null || runs.contains(runName);
    }
}
