package org.jqsi.ical.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.Severity;

/**
 * What an import found wrong, each said once, at the feed's own place: {@code UID o6@example.org (line 8)}, or the
 * line alone when the component has no UID. Errors are events left out; warnings are events imported with a
 * documented fallback.
 */
public final class ImportProblems {

    private final Set<Problem> problems = new LinkedHashSet<>();
    private final java.util.Map<Problem, Integer> lines = new java.util.HashMap<>();

    /** An event (or a part of the feed) left out. */
    public void error(String uid, int line, String code, LocalizedText message) {
        add(Problem.error(where(uid, line), code, message), line);
    }

    /** Something read with a fallback, or dropped alone while the rest was imported. */
    public void warning(String uid, int line, String code, LocalizedText message) {
        add(Problem.warning(where(uid, line), code, message), line);
    }

    private void add(Problem problem, int line) {
        if (problems.add(problem)) {
            lines.put(problem, line);
        }
    }

    /** Every problem in the order of the feed's lines, none twice. */
    public List<Problem> all() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingInt(lines::get));
        return sorted;
    }

    /** How many errors there are. */
    public long errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
    }

    static String where(String uid, int line) {
        return uid == null ? "line " + line : "UID " + uid + " (line " + line + ")";
    }
}
