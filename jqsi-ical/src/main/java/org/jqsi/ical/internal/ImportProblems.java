package org.jqsi.ical.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.Severity;

/**
 * What an import found wrong, each said once, at the feed's own place ({@link Location.CalendarEvent}):
 * {@code UID o6@example.org (line 8)}, or the line alone when the component has no UID. Errors are events left out;
 * warnings are events imported with a documented fallback.
 */
public final class ImportProblems {

    private final Set<Problem> problems = new LinkedHashSet<>();

    /** An event (or a part of the feed) left out. */
    public void error(String uid, int line, String code, LocalizedText message) {
        add(Problem.error(Location.event(uid, line), code, message));
    }

    /** Something read with a fallback, or dropped alone while the rest was imported. */
    public void warning(String uid, int line, String code, LocalizedText message) {
        add(Problem.warning(Location.event(uid, line), code, message));
    }

    /** A problem placed in the feed already, such as an event's that could not be read ({@link EventImport.BadEvent}). */
    public void add(Problem problem) {
        problems.add(problem);
    }

    /** Every problem in the order of the feed's lines, none twice. */
    public List<Problem> all() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ImportProblems::line));
        return sorted;
    }

    /** How many errors there are. */
    public long errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
    }

    private static int line(Problem problem) {
        return problem.location() instanceof Location.CalendarEvent event ? event.line() : 0;
    }
}
