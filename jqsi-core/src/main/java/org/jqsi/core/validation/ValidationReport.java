package org.jqsi.core.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jqsi.core.internal.JqsiMessageBundles;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * Every problem found in a program, errors and warnings, in the order of the program (by path).
 *
 * @param problems the problems
 */
public record ValidationReport(List<Problem> problems) {

    private static final ValidationReport CLEAN = new ValidationReport(List.of());

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    /** A report with no problem. */
    public static ValidationReport clean() {
        return CLEAN;
    }

    /** A report of one error. */
    public static ValidationReport of(Problem problem) {
        return new ValidationReport(List.of(problem));
    }

    /** A report for a failure that is not the program's fault (an I/O error, a bug), in words ({@link Failures}). */
    public static ValidationReport failure(String where, Exception cause) {
        LocalizedText detail = Failures.describe(cause);
        return of(Problem.error(where, "load-failed", JqsiMessageBundles.text("report.load-failed", detail)));
    }

    /** Whether there is any error. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    /** Whether there is no error (warnings allowed). */
    public boolean isValid() {
        return !hasErrors();
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }

    /** This report with another's problems after its own. */
    public ValidationReport and(ValidationReport other) {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(other.problems);
        return new ValidationReport(all);
    }

    /** The problems sorted by where they are, errors before warnings at the same place. */
    public ValidationReport sorted() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(Problem::where, ValidationReport::comparePaths)
                .thenComparing(Problem::severity)
                .thenComparing(Problem::code));
        return new ValidationReport(sorted);
    }

    /** One line a problem, for people. */
    public String format(Language language) {
        return problems.stream().map(p -> p.format(language)).collect(Collectors.joining(System.lineSeparator()));
    }

    /** Compares paths so that {@code activities[2]} comes before {@code activities[10]}. */
    private static int comparePaths(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int byLength = Integer.compare(ei - i, ej - j);
                int cmp = byLength != 0 ? byLength : a.substring(i, ei).compareTo(b.substring(j, ej));
                if (cmp != 0) {
                    return cmp;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
