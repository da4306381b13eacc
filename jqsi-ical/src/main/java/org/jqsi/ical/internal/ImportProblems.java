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

    /** An event (or a part of the feed) left out. */
    public void error(String uid, int line, String code, LocalizedText message) {
        problems.add(Problem.error(where(uid, line), code, message));
    }

    /** Something read with a fallback, or dropped alone while the rest was imported. */
    public void warning(String uid, int line, String code, LocalizedText message) {
        problems.add(Problem.warning(where(uid, line), code, message));
    }

    /** Every problem, in the order found, none twice. */
    public List<Problem> all() {
        return new ArrayList<>(problems);
    }

    /** How many errors there are. */
    public long errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
    }

    static String where(String uid, int line) {
        return uid == null ? "line " + line : "UID " + uid + " (line " + line + ")";
    }
}
