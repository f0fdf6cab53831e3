package dev.descent.app.model;

import dev.descent.session.RunConfig;
import dev.descent.session.SessionConfig;
import dev.descent.session.ViewBox;
import dev.descent.session.Beat;
import dev.descent.session.SessionController;
import dev.descent.session.Lesson;
import dev.descent.session.LessonCheck;
import dev.descent.sim.Frame;
import dev.descent.sim.RunFrame;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Steps through a lesson's beats in the window. Beat 0 is the lesson's introduction; beat k
 * (1…n) shows the beat's runs and overlays and plays the runs up to the step the beat ends at
 * ({@link LessonCheck#beatSteps}, the same numbers as {@code lessons --check}). Going back shows
 * the runs as they were at that earlier step, without simulating again. Any other session that is
 * loaded closes the lesson.
 */
public final class LessonPlayer {

    private final SessionController ctl;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper beat = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Beat.Relief> relief = new ReadOnlyObjectWrapper<>();
    private long[] steps = new long[0];
    private boolean opening;

    public LessonPlayer(SessionController ctl) {
        this.ctl = ctl;
        ctl.addListener(c -> {
            if (c == SessionController.Change.LOADED && !opening) {
                close();
            }
        });
    }

    /** The open lesson with beats, or null. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The current beat: 0 for the introduction, 1…n for the beats. */
    public ReadOnlyIntegerProperty beatProperty() {
        return beat.getReadOnlyProperty();
    }

    /** The current beat's caption (the lesson's description on its introduction); empty with no lesson. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The 3-D view's camera the current beat asks for; null when it shows the plot (or no lesson is open). */
    public ReadOnlyObjectProperty<Beat.Relief> reliefProperty() {
        return relief.getReadOnlyProperty();
    }

    public boolean isActive() {
        return lesson.get() != null;
    }

    public int beatCount() {
        return isActive() ? lesson.get().beats().size() : 0;
    }

    /** The step beat k (1…n) ends at. */
    public long stepOf(int k) {
        return steps[k - 1];
    }

    /**
     * Loads the lesson's session and shows its introduction. A lesson without beats is opened as a
     * plain session.
     */
    public void open(Lesson l) {
        opening = true;
        try {
            ctl.load(l.session());
        } finally {
            opening = false;
        }
        if (l.beats().isEmpty()) {
            close();
            return;
        }
        steps = LessonCheck.beatSteps(l);
        lesson.set(l);
        show(0);
    }

    public void close() {
        lesson.set(null);
        steps = new long[0];
        beat.set(0);
        caption.set("");
        relief.set(null);
    }

    /** The next beat; false when there is none. */
    public boolean next() {
        if (!isActive() || beat.get() >= beatCount()) {
            return false;
        }
        show(beat.get() + 1);
        return true;
    }

    /** The previous beat; false when at the introduction. */
    public boolean back() {
        if (!isActive() || beat.get() == 0) {
            return false;
        }
        show(beat.get() - 1);
        return true;
    }

    private void show(int k) {
        Lesson l = lesson.get();
        beat.set(k);
        SessionConfig s = l.session();
        if (k == 0) {
            caption.set(s.description() == null ? l.title() : s.description());
            applyLook(null);
            ctl.reset();
            return;
        }
        Beat b = l.beats().get(k - 1);
        caption.set(b.caption());
        applyLook(b);
        long target = steps[k - 1];
        if (newestStep() >= target) {
            ctl.scrubTo(target);
        } else {
            ctl.setStepLimit(Math.max(1, target));
            ctl.play();
        }
    }

    /** The beat's runs, overlays and view; the session's own when {@code b} is null. */
    private void applyLook(Beat b) {
        SessionConfig s = lesson.get().session();
        for (int i = 0; i < ctl.runs().size(); i++) {
            RunConfig r = ctl.runs().get(i);
            boolean shown = b == null || b.shows(r.name());
            if (r.shown() != shown) {
                ctl.updateRunLook(i, m -> m.withVisible(shown));
            }
        }
        SessionConfig now = ctl.session();
        boolean lines = b != null && b.contourLines() != null ? b.contourLines() : s.contourLines();
        boolean field = b != null && b.gradientField() != null ? b.gradientField() : s.gradientField();
        int trail = b != null && b.trail() != null ? b.trail() : s.trail();
        if (lines != now.contourLines() || field != now.gradientField() || trail != now.trail()) {
            ctl.setLook(now.colorMap(), lines, field, trail);
        }
        ViewBox view = b != null && b.view() != null ? b.view() : s.view();
        ctl.setView(view == null ? null : view.toViewport());
        relief.set(b == null ? null : b.relief());
    }

    private long newestStep() {
        Frame f = ctl.latest();
        long max = 0;
        for (int i = 0; i < ctl.runs().size(); i++) {
            RunFrame r = ctl.frameOf(f, i); // null until the simulation has the lesson's runs
            max = Math.max(max, r == null ? 0 : r.step());
        }
        return max;
    }
}
