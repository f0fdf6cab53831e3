package dev.descent.cli;

import dev.descent.session.Lesson;
import dev.descent.session.LessonCheck;
import dev.descent.session.Lessons;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the lessons, or checks their claims by simulating them headless. */
@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = {"List the lessons with their beats and claims, or check every claim (--check).",
                "With --check, each claim is printed with the numbers measured, and the last line is 'N passed, N failed';",
                "the exit code is 1 when a claim fails."})
final class LessonsCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--check", description = "Simulate every lesson and check its claims.")
    boolean check;

    @Option(names = "--lesson", paramLabel = "ID", description = "Only this lesson.")
    String lesson;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        List<Lesson> lessons = lesson == null ? Lessons.all() : List.of(Lessons.load(lesson));
        if (check) {
            return LessonCheck.checkAll(lessons, out) == 0 ? 0 : 1;
        }
        for (Lesson l : lessons) {
            out.printf("  %-26s %s (%d beats, %d claims)%n", l.id(), l.title(), l.beats().size(), l.claims().size());
        }
        out.flush();
        return 0;
    }
}
