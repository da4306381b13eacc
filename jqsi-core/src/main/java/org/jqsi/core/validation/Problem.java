package org.jqsi.core.validation;

import java.util.Objects;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * One problem found in a program.
 *
 * @param severity whether it keeps the program from being served
 * @param where where it is: a path such as {@code activities[3].schedule.end}, or a file with line and column
 * @param code a stable name for the rule that was broken ({@code schedule.end-before-start}, {@code NotBlank}), for
 *     programs and tests
 * @param message what is wrong, for people, in French and English
 */
public record Problem(Severity severity, String where, String code, LocalizedText message) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** An error. */
    public static Problem error(String where, String code, LocalizedText message) {
        return new Problem(Severity.ERROR, where, code, message);
    }

    /** A warning. */
    public static Problem warning(String where, String code, LocalizedText message) {
        return new Problem(Severity.WARNING, where, code, message);
    }

    /** The message in a language. */
    public String message(Language language) {
        return message.in(language);
    }

    /** One line for people: {@code activities[3].schedule.end: must be after the start}. */
    public String format(Language language) {
        String label = severity == Severity.WARNING ? (language == Language.FR ? "avertissement : " : "warning: ") : "";
        return where + (language == Language.FR ? " : " : ": ") + label + message(language);
    }
}
