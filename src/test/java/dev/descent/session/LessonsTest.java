package dev.descent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every shipped lesson's claims hold when its runs are simulated; claims that are false are caught. */
class LessonsTest {

    @Test
    void everyLessonsClaimsHold() {
        List<Lesson> all = Lessons.all();
        assertTrue(all.size() >= 16, "at least 16 lessons ship, found " + all.size());
        StringWriter text = new StringWriter();
        int failed = LessonCheck.checkAll(all, new PrintWriter(text));
        String out = text.toString();
        assertEquals(0, failed, out);
        String[] lines = out.split("\n");
        assertTrue(lines[lines.length - 1].matches("\\d+ passed, 0 failed"), lines[lines.length - 1]);
        for (Lesson l : all) {
            assertFalse(l.claims().isEmpty(), l.id() + " states claims");
            assertTrue(l.beats().size() >= 2, l.id() + " has beats");
        }
    }

    @Test
    void theFourLessonsOfTheIssueShowWhatTheySay() {
        // ravine: the same η for GD and momentum, and momentum at least 3× sooner
        Lesson ravine = Lessons.load("ravine");
        RunConfig gd = ravine.session().runs().get(0);
        RunConfig mom = ravine.session().runs().get(1);
        assertEquals(gd.hyperparameters().get("lr"), mom.hyperparameters().get("lr"));
        assertTrue(LessonCheck.check(ravine).stream().allMatch(ClaimResult::passed));
        // noisy gradients: at least three minima; cliff: GD leaves the view; saddle: no run is non-finite
        for (String id : List.of("noisy-gradients", "cliff", "saddle")) {
            List<ClaimResult> r = LessonCheck.check(Lessons.load(id));
            assertTrue(r.stream().allMatch(ClaimResult::passed), id + ": " + r);
        }
        LessonRuns saddle = new LessonRuns(Lessons.load("saddle").session());
        for (String name : saddle.names()) {
            RunPath p = saddle.path(name, 1500);
            assertEquals(-1, saddle.firstDiverged(p), name + " stays finite on the bounded saddle surface");
            assertTrue(p.loss((int) p.lastStep()) >= 0, name + ": f ≥ 0, so the log loss chart keeps it");
        }
    }

    private static SessionConfig bowl(RunConfig... runs) {
        return new SessionConfig("t", null, "quadratic", Map.of("a", 1.0, "b", 10.0), List.of(runs), 10, 1000, null, null, null,
                null, 0, null);
    }

    private static Claim claim(String kind, String run, String a, String b, Double tol, Double factor, Long steps) {
        return new Claim("test", kind, run, a, b, null, tol, factor, steps, null, null, null);
    }

    @Test
    void falseClaimsFailWithTheirNumbers() {
        SessionConfig s = bowl(RunConfig.of("slow", null, "sgd", Map.of("lr", 0.01), 2, 1),
                RunConfig.of("fast", null, "sgd", Map.of("lr", 0.1), 2, 1),
                RunConfig.of("wild", null, "sgd", Map.of("lr", 0.21), 2, 1));
        Lesson l = new Lesson("t", s, List.of(), List.of(
                claim("reaches", "wild", null, null, 1e-4, null, 400L),
                claim("diverges", "fast", null, null, null, null, 400L),
                claim("reaches_sooner", null, "slow", "fast", 1e-4, 2.0, 2000L),
                claim("reaches_sooner", null, "fast", "slow", 1e-4, 2.0, 2000L),
                claim("diverges", "wild", null, null, null, null, 400L)));
        List<ClaimResult> r = LessonCheck.check(l);
        assertFalse(r.get(0).passed(), r.get(0).measured());
        assertFalse(r.get(1).passed(), r.get(1).measured());
        assertFalse(r.get(2).passed(), r.get(2).measured());
        assertTrue(r.get(3).passed(), r.get(3).measured());
        assertTrue(r.get(4).passed(), r.get(4).measured());
        // from (2, 1), η = 0.1 zeroes y at once and shrinks x by 0.9 a step: f = 2·0.81ᵗ < 1e-4 first at t = 47;
        // η = 0.01: y vanishes fast (0.9ᵗ), f ≈ 2·0.99²ᵗ < 1e-4 first at t = 493
        assertEquals("fast: f < 1e-04 at step 47; slow: f < 1e-04 at step 493; ratio 10.49 (needs ≥ 2)", r.get(3).measured());
    }

    @Test
    void aRaceByGradientEvaluationsCountsOneEvaluationPerPlainStep() {
        SessionConfig s = bowl(RunConfig.of("slow", null, "sgd", Map.of("lr", 0.01), 2, 1),
                RunConfig.of("fast", null, "sgd", Map.of("lr", 0.1), 2, 1),
                RunConfig.of("bfgs", null, "bfgs", Map.of(), 2, 1));
        Lesson l = new Lesson("t", s, List.of(), List.of(
                claim("fewer_evaluations", null, "fast", "slow", 1e-4, 2.0, 2000L),
                claim("fewer_evaluations", null, "slow", "fast", 1e-4, 2.0, 2000L)));
        List<ClaimResult> r = LessonCheck.check(l);
        // the same steps as falseClaimsFailWithTheirNumbers, one gradient per SGD step
        assertEquals("fast: f < 1e-04 after 47 gradient evaluations (step 47); slow: f < 1e-04 after 493 gradient"
                + " evaluations (step 493); ratio 10.49 (needs ≥ 2)", r.get(0).measured());
        assertTrue(r.get(0).passed());
        assertFalse(r.get(1).passed(), r.get(1).measured());
        RunPath bfgs = new LessonRuns(s).path("bfgs", 3);
        assertTrue(bfgs.gradientEvaluations(3) > 3, "a line search evaluates more than once a step: "
                + bfgs.gradientEvaluations(3));
    }

    @Test
    void aClaimSeesOnlyItsOwnStepsEvenWhenALongerPathWasSimulated() {
        SessionConfig s = bowl(RunConfig.of("slow", null, "sgd", Map.of("lr", 0.01), 2, 1));
        LessonRuns runs = new LessonRuns(s);
        assertEquals(493, runs.path("slow", 1000).firstBelow(1e-4));
        assertEquals(-1, runs.path("slow", 400).firstBelow(1e-4));
        Lesson l = new Lesson("t", s, List.of(), List.of(claim("reaches", "slow", null, null, 1e-4, null, 1000L),
                claim("reaches", "slow", null, null, 1e-4, null, 400L)));
        List<ClaimResult> r = LessonCheck.check(l);
        assertTrue(r.get(0).passed());
        assertFalse(r.get(1).passed(), r.get(1).measured());
    }

    @Test
    void beatsEndAtTheirEventsAndNeverGoBack() {
        Lesson ravine = Lessons.load("ravine");
        long[] steps = LessonCheck.beatSteps(ravine);
        LessonRuns runs = new LessonRuns(ravine.session());
        assertEquals(runs.path("Momentum μ=0.9", 3000).firstBelow(1e-4), steps[2]);
        assertEquals(runs.path("Gradient descent", 3000).firstBelow(1e-4), steps[3]);
        for (int i = 1; i < steps.length; i++) {
            assertTrue(steps[i] >= steps[i - 1]);
        }
    }

    @Test
    void scriptsAreReadStrictly() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Lessons.parse("{\"version\": 1, \"beats\": [], \"claimz\": []}", "x.json"));
        assertTrue(e.getMessage().startsWith("x.json: "), e.getMessage());
        assertTrue(e.getMessage().contains("claimz"), e.getMessage());
        SessionConfig s = bowl(RunConfig.of("A", null, "sgd", Map.of("lr", 0.1), 2, 1));
        Lesson badKind = new Lesson("t", s, List.of(), List.of(claim("faster", "A", null, null, 1e-3, null, 10L)));
        String m = assertThrows(IllegalStateException.class, () -> Lessons.validate(badKind, "t.json")).getMessage();
        assertTrue(m.contains("unknown claim kind 'faster'"), m);
        Lesson badRun = new Lesson("t", s, List.of(), List.of(claim("reaches", "B", null, null, 1e-3, null, 10L)));
        m = assertThrows(IllegalStateException.class, () -> Lessons.validate(badRun, "t.json")).getMessage();
        assertTrue(m.contains("no run named 'B'"), m);
        Lesson tooLong = new Lesson("t", s, List.of(new Beat("c", null, 10_000_000L, null, null, null, null, null, null, null, null)), List.of());
        m = assertThrows(IllegalStateException.class, () -> Lessons.validate(tooLong, "t.json")).getMessage();
        assertTrue(m.contains("t.json, beat 1: steps must be a whole number from 0 to 200000, got 10000000"), m);
        Lesson badEvent = new Lesson("t", s, List.of(new Beat("c", null, 10L, "converged", "A", null, null, null, null, null, null)), List.of());
        m = assertThrows(IllegalStateException.class, () -> Lessons.validate(badEvent, "t.json")).getMessage();
        assertTrue(m.contains("unknown event 'converged'"), m);
        Lesson infinite = new Lesson("t", s, Lessons.parse("{\"version\": 1, \"beats\": [{\"caption\": \"c\", \"steps\": 5,"
                + " \"relief\": {\"azimuth\": 10, \"zoom\": 1e400}}]}", "t.json").beats(), List.of());
        m = assertThrows(IllegalStateException.class, () -> Lessons.validate(infinite, "t.json")).getMessage();
        assertTrue(m.contains("t.json, beat 1: relief: azimuth, elevation and zoom must be finite numbers"), m);
        Lesson missing = new Lesson("t", s, List.of(), List.of(claim("reaches", "A", null, null, null, null, 10L)));
        m = assertThrows(IllegalStateException.class, () -> Lessons.validate(missing, "t.json")).getMessage();
        assertTrue(m.contains("reaches needs 'tol'"), m);
    }
}
