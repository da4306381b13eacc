package org.jqsi.core.program;

import java.util.List;
import java.util.stream.Collectors;
import org.jqsi.core.model.Language;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ValidationReport;

/**
 * A program could not be loaded: it could not be read, parsed or mapped, or it has validation errors. Carries every
 * problem found, each with where it is.
 */
public class ProgramLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String origin;
    private final transient ValidationReport report;

    public ProgramLoadException(String origin, ValidationReport report) {
        this(origin, report, null);
    }

    public ProgramLoadException(String origin, ValidationReport report, Throwable cause) {
        super(summary(origin, report), cause);
        this.origin = origin;
        this.report = report;
    }

    /**
     * The errors, one a line, each saying where it comes from; warnings are in the report but not worth a failure's
     * message.
     */
    private static String summary(String origin, ValidationReport report) {
        List<Problem> shown = report.hasErrors() ? report.errors() : report.problems();
        return shown.stream()
                .map(p -> p.where().startsWith(origin) ? p.format(Language.EN) : origin + ": " + p.format(Language.EN))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    /** Where the program came from. */
    public String origin() {
        return origin;
    }

    /** Every problem found. */
    public ValidationReport report() {
        return report;
    }
}
